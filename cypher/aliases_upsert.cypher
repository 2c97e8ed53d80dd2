// Link every lookup key (alias, Chinese name, ticker...) to its entity, normalised.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MERGE (a:Alias {key: row.key})
ON CREATE SET a.norm = row.norm, a.alias = row.alias, a.entity_id = row.entity_id,
              a.kind = row.kind
MERGE (a)-[:ALIAS_OF]->(e)
