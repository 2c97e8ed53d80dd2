// Delete up to $limit nodes with their relationships, keeping the scratch marker
// (only ever run on a database that carries it: tests and benchmarks).
// params: limit
MATCH (n)
WHERE NOT n:SinographScratch
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
