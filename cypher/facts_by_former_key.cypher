// The fact a former key now leads to (a scan: asked only when no fact has the key itself).
// params: key
MATCH (s:Entity)-[r]->(o:Entity)
WHERE $key IN r.former_keys
RETURN s.id AS subject, type(r) AS predicate, o.id AS object, properties(r) AS props
LIMIT 1
