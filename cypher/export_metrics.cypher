// Every metric.
// params: none
MATCH (m:Metric)
RETURN properties(m) AS props
ORDER BY m.id
