// Facts counted by predicate (rejected facts left out).
// params: none
MATCH (:Entity)-[r:__Predicates__]->(:Entity)
WHERE r.rejected IS NULL
RETURN type(r) AS predicate, count(r) AS n
ORDER BY predicate
