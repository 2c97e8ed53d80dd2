// Metrics by id.
// params: ids
UNWIND $ids AS id
MATCH (m:Metric {id: id})
RETURN properties(m) AS props
