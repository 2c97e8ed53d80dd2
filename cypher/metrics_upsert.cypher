// Write merged metrics and link each to its subject.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.subject})
MERGE (m:Metric {id: row.id})
SET m += row.props
MERGE (m)-[:ABOUT]->(e)
