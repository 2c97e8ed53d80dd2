// Lead merged-away ids to their survivor, and the redirects that led to a merged-away
// entity along to the survivor too, so a redirect is always one step.
// params: rows
UNWIND $rows AS row
OPTIONAL MATCH (before:Redirect {target: row.id})
SET before.target = row.target
WITH DISTINCT row
MERGE (r:Redirect {id: row.id})
SET r.target = row.target
