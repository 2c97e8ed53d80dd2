// Range index on the rejected flag of one predicate's facts (the list of rejected facts).
// params: none
CREATE INDEX fact_rejected___Predicate__ IF NOT EXISTS
FOR ()-[r:__Predicate__]-() ON (r.rejected)
