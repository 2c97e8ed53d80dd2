// Ids of the entities that have an alias (not another kind of key) with each of these
// normalised forms, by form; forms no entity has are left out.
// params: norms
UNWIND $norms AS norm
MATCH (a:Alias {norm: norm})
WHERE coalesce(a.kind, 'alias') = 'alias'
WITH norm, a.entity_id AS id
ORDER BY norm, id
RETURN norm, collect(DISTINCT id) AS ids
