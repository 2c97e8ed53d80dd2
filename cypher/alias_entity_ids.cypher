// Ids of the entities that have an alias (not another kind of key) with this normalised form.
// params: norm
MATCH (a:Alias {norm: $norm})
WHERE coalesce(a.kind, 'alias') = 'alias'
RETURN DISTINCT a.entity_id AS id
ORDER BY id
