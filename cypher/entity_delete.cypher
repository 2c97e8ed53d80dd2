// Delete a merged-away entity and the alias nodes of its lookup keys; its facts and
// metrics were moved first.
// params: id
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (a:Alias)-[:ALIAS_OF]->(e)
DETACH DELETE a
WITH DISTINCT e
DETACH DELETE e
