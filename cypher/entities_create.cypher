// Create new entities of one type with their alias nodes, in one pass; the label comes
// from the EntityType enum.
// params: rows
UNWIND $rows AS row
CREATE (e:Entity:__EntityType__)
SET e = row.props
WITH e, row
UNWIND row.aliases AS alias
CREATE (:Alias {key: alias.key, norm: alias.norm, alias: alias.alias, entity_id: alias.entity_id})
       -[:ALIAS_OF]->(e)
