// Write merged facts of one predicate; the type comes from the Predicate enum.
// params: rows
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:__Predicate__ {key: row.key}]->(o)
SET r += row.props
