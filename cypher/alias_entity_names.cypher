// The entities that have an alias (not another kind of key) with each of these normalised
// forms, with their canonical names, one row per form and entity: the caller keeps those
// whose own name has the form.
// params: norms
UNWIND $norms AS norm
MATCH (a:Alias {norm: norm})
WHERE coalesce(a.kind, 'alias') = 'alias'
MATCH (e:Entity {id: a.entity_id})
RETURN DISTINCT norm, e.id AS id, e.name AS name
ORDER BY norm, id
