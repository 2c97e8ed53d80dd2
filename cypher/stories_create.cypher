// Create stories the store does not hold yet (the upsert checked, under its lock).
// params: rows
UNWIND $rows AS row
CREATE (s:Story)
SET s = row.props
