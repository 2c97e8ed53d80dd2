// Candidate entities for fuzzy search from the full-text index.
// params: lucene, limit
CALL db.index.fulltext.queryNodes('entity_names', $lucene)
YIELD node, score
RETURN node.id AS id
ORDER BY score DESC, id
LIMIT $limit
