// Every LEADS fact into the given organisations (a newer holder may close an older one).
// params: ids
UNWIND $ids AS id
MATCH (s:Entity)-[r:LEADS]->(o:Entity {id: id})
RETURN s.id AS subject, type(r) AS predicate, o.id AS object, properties(r) AS props
