// Every entity.
// params: none
MATCH (e:Entity)
RETURN properties(e) AS props
ORDER BY e.id
