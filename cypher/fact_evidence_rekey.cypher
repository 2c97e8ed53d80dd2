// Move a re-keyed fact's evidence links to its new key.
// params: rows
UNWIND $rows AS row
MATCH (:Story)-[e:EVIDENCE {key: row.old_key}]->()
SET e.key = row.key
