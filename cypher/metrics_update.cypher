// Rewrite stored metrics after a merge.
// params: rows
UNWIND $rows AS row
MATCH (m:Metric {id: row.id})
SET m += row.props
