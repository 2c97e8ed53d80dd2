// The rejected facts of one predicate, by key, through the predicate's rejected index.
// params: limit
MATCH (s:Entity)-[r:__Predicate__]->(o:Entity)
WHERE r.rejected = true
RETURN s.id AS subject, type(r) AS predicate, o.id AS object,
       s.name AS subject_name, o.name AS object_name, properties(r) AS props
ORDER BY props.key
LIMIT $limit
