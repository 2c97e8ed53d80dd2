// Fact keys across every predicate (a range index covers one type only); the keyword
// analyzer keeps each key as one term, so lookups are exact.
// params: none
CREATE FULLTEXT INDEX fact_keys IF NOT EXISTS
FOR ()-[r:__Predicates__]-() ON EACH [r.key]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}
