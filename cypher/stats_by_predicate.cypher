// Facts counted by predicate.
// params: none
MATCH (:Entity)-[r:__Predicates__]->(:Entity)
RETURN type(r) AS predicate, count(r) AS n
ORDER BY predicate
