// Write merged entities of one type; the label comes from the EntityType enum.
// params: rows
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:__EntityType__, e += row.props
