// Facts are unique by key; one constraint per predicate, rendered from the Predicate enum.
// params: none
CREATE CONSTRAINT fact_key___Predicate__ IF NOT EXISTS
FOR ()-[r:__Predicate__]-() REQUIRE r.key IS UNIQUE
