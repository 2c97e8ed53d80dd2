// Range index on the date sort key of one predicate's facts (timelines, windows).
// params: none
CREATE INDEX fact_sort_key___Predicate__ IF NOT EXISTS
FOR ()-[r:__Predicate__]-() ON (r.sort_key)
