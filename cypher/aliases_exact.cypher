// Aliases whose normalised form equals the query (search, exact tier).
// params: norm, limit
MATCH (a:Alias {norm: $norm})
RETURN a.entity_id AS entity_id, a.alias AS alias
ORDER BY entity_id, alias
LIMIT $limit
