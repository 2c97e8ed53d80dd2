// Create stories; the first record of a story is kept.
// params: rows
UNWIND $rows AS row
MERGE (s:Story {id: row.id})
ON CREATE SET s += row.props
