// Ids of the entities that have an alias with this normalised form.
// params: norm
MATCH (a:Alias {norm: $norm})
RETURN DISTINCT a.entity_id AS id
ORDER BY id
