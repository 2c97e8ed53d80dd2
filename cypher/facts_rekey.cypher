// Give stored facts of one predicate the key of their refined date (graph.model.merge).
// params: rows
UNWIND $rows AS row
MATCH ()-[r:__Predicate__ {key: row.old_key}]->()
SET r.key = row.key
