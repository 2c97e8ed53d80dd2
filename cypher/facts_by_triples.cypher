// Facts by (subject, predicate, object), optionally narrowed to one key.
// params: triples
UNWIND $triples AS t
MATCH (s:Entity {id: t.subject})-[r]->(o:Entity {id: t.object})
WHERE type(r) = t.predicate AND (t.key IS NULL OR r.key = t.key)
RETURN DISTINCT s.id AS subject, type(r) AS predicate, o.id AS object, properties(r) AS props
