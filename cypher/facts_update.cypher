// Rewrite the properties of stored facts after a merge changed them; each is found
// between its two entities by key, whatever its predicate.
// params: rows
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r {key: row.key}]->(:Entity {id: row.object})
SET r += row.props
