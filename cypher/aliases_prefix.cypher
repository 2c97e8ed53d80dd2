// Lookup keys that extend the query (search, prefix tier): shortest first.
// params: norm, limit
MATCH (a:Alias)
WHERE a.norm STARTS WITH $norm AND a.norm <> $norm
RETURN a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
       coalesce(a.kind, 'alias') AS kind
ORDER BY size(norm), norm, entity_id, alias, kind
LIMIT $limit
