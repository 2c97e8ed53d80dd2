// Lookup keys whose normalised form equals the query (search, exact tier).
// params: norm, limit
MATCH (a:Alias {norm: $norm})
RETURN a.entity_id AS entity_id, a.alias AS alias, coalesce(a.kind, 'alias') AS kind
ORDER BY entity_id, alias, kind
LIMIT $limit
