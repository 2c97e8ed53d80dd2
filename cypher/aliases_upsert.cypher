// Link every surface form to its entity, normalised for exact and prefix lookups.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MERGE (a:Alias {key: row.key})
ON CREATE SET a.norm = row.norm, a.alias = row.alias, a.entity_id = row.entity_id
MERGE (a)-[:ALIAS_OF]->(e)
