// Delete facts of one entity by key, with their evidence links (the facts a merge or a
// split writes again under their new keys).
// params: id, keys
MATCH (:Entity {id: $id})-[r:__Predicates__]-(:Entity)
WHERE r.key IN $keys
WITH DISTINCT r
DELETE r
WITH count(*) AS facts
UNWIND $keys AS key
MATCH (:Story)-[e:EVIDENCE {key: key}]->(:Entity)
DELETE e
