// Range index on the first day of one predicate's fact dates (since/until windows).
// params: none
CREATE INDEX fact_date_start___Predicate__ IF NOT EXISTS
FOR ()-[r:__Predicate__]-() ON (r.date_start)
