// Rewrite stored entities after a merge (new aliases, filled-in fields) and add the
// alias nodes of their new surface forms.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props
WITH e, row
UNWIND row.aliases AS alias
CREATE (:Alias {key: alias.key, norm: alias.norm, alias: alias.alias, entity_id: alias.entity_id})
       -[:ALIAS_OF]->(e)
