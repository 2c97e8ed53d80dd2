// Every lookup key of the given entities, normalised.
// params: ids
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:ALIAS_OF]-(a:Alias)
RETURN a.norm AS norm, a.entity_id AS entity_id, a.alias AS alias,
       coalesce(a.kind, 'alias') AS kind
ORDER BY norm, entity_id, alias, kind
