// One page of the curation log, oldest first: the records about any of $ids (as the
// entity acted on or the other one) or the fact $fact, after the record $after (its
// position), $limit + 1 of them so the caller can tell there are more.
// params: ids, fact, after, limit
MATCH (c:CurationRecord)
WHERE (size($ids) = 0 OR c.entity IN $ids OR c.target IN $ids)
  AND ($fact IS NULL OR c.fact = $fact)
  AND ($after IS NULL OR c.seq > $after)
RETURN c.id AS id, c.seq AS seq, c.data AS data
ORDER BY seq
LIMIT $limit + 1
