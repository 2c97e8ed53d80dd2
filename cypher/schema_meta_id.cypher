// The single bookkeeping node that upserts lock.
// params: none
CREATE CONSTRAINT sinograph_meta_id IF NOT EXISTS
FOR (n:SinographMeta) REQUIRE n.id IS UNIQUE
