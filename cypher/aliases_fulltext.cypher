// Fuzzy search candidates: the aliases of the entities the full-text index proposes
// (the store ranks them with the same scorer as the embedded store).
// params: lucene, limit
CALL db.index.fulltext.queryNodes('entity_names', $lucene)
YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
LIMIT $limit
MATCH (node)<-[:ALIAS_OF]-(a:Alias)
RETURN a.norm AS norm, a.entity_id AS entity_id, a.alias AS alias
ORDER BY norm, entity_id, alias
