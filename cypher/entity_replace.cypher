// Replace an entity's properties (a field left out is cleared) and its lookup keys (an
// edit, or the entity an alias was split off).
// params: id, props, aliases
MATCH (e:Entity {id: $id})
SET e = $props
WITH e
OPTIONAL MATCH (old:Alias)-[:ALIAS_OF]->(e)
DETACH DELETE old
WITH DISTINCT e
UNWIND $aliases AS alias
CREATE (:Alias {key: alias.key, norm: alias.norm, alias: alias.alias, entity_id: alias.entity_id,
                kind: alias.kind})
       -[:ALIAS_OF]->(e)
