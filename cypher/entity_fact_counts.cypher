// Facts touching one entity, counted by predicate (rejected facts left out).
// params: id, predicates
MATCH (:Entity {id: $id})-[r:__Predicates__]-(:Entity)
WHERE type(r) IN $predicates AND r.rejected IS NULL
WITH DISTINCT r
RETURN type(r) AS predicate, count(r) AS n
ORDER BY predicate
