// Rewrite the properties of stored facts of one predicate (found through the key
// constraint's index) after a merge changed them.
// params: rows
UNWIND $rows AS row
MATCH (:Entity)-[r:__Predicate__ {key: row.key}]->(:Entity)
SET r += row.props
