// Delete up to $limit nodes with their relationships (tests and `copy --restart` wipe).
// params: limit
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
