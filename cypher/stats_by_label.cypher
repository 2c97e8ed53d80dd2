// Entities counted by type.
// params: none
MATCH (n:Entity)
RETURN n.type AS label, count(n) AS n
ORDER BY label
