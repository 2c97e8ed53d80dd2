// Entities by id.
// params: ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN properties(e) AS props
