// Taken first by every upsert: writers serialise on this node, so the records an
// upsert reads cannot change before it writes its merge of them.
// params: none
MERGE (m:SinographMeta {id: 'graph'})
SET m.revision = coalesce(m.revision, 0) + 1
RETURN m.revision AS revision
