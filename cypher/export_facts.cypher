// Every fact.
// params: none
MATCH (s:Entity)-[r:__Predicates__]->(o:Entity)
RETURN s.id AS subject, type(r) AS predicate, o.id AS object, properties(r) AS props
ORDER BY r.key
