// Every fact of one entity, either direction, rejected ones included, each once (a
// merge or a split moves them).
// params: id
MATCH (:Entity {id: $id})-[r:__Predicates__]-(:Entity)
WITH DISTINCT r
RETURN startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       properties(r) AS props
ORDER BY props.key
