// Mark facts rejected (true) or shown again (null), with their evidence links, so that
// every read can leave them out.
// params: rows
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r:__Predicates__ {key: row.key}]->(:Entity {id: row.object})
SET r.rejected = row.rejected
WITH DISTINCT row
OPTIONAL MATCH (:Story)-[e:EVIDENCE {key: row.key}]->()
SET e.rejected = row.rejected
