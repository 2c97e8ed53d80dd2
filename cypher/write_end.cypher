// Withdraw a write's announcement once its transaction has committed (or failed), and
// move the write epoch again.
// params: token
OPTIONAL MATCH (w:SinographWrite {id: $token})
DELETE w
WITH count(*) AS withdrawn
MERGE (m:SinographMeta {id: 'writes'})
SET m.epoch = coalesce(m.epoch, 0) + 1
