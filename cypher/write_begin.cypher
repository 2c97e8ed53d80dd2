// Announce a write before its transaction starts (committed on its own, so readers see
// it before any of the write can be visible) and move the write epoch.
// params: token
CREATE (:SinographWrite {id: $token, started: datetime()})
MERGE (m:SinographMeta {id: 'writes'})
SET m.epoch = coalesce(m.epoch, 0) + 1
