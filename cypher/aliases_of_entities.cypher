// Every alias of the given entities, normalised.
// params: ids
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:ALIAS_OF]-(a:Alias)
RETURN a.norm AS norm, a.entity_id AS entity_id, a.alias AS alias
ORDER BY norm, entity_id, alias
