// Rewrite stored entities after a merge (new aliases, filled-in fields) and link the
// alias nodes of every lookup key they have (MERGE: the keys already stored stay as
// they are, a key this version derives and an older one did not is added).
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props
WITH e, row
UNWIND row.aliases AS alias
MERGE (a:Alias {key: alias.key})
  ON CREATE SET a.norm = alias.norm, a.alias = alias.alias, a.entity_id = alias.entity_id,
                a.kind = alias.kind
MERGE (a)-[:ALIAS_OF]->(e)
