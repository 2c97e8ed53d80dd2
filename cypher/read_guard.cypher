// Read at the start and at the end of every read transaction. Neo4j isolates reads at
// "read committed" only: statements of one transaction may see different commits. A
// read is consistent when no write was in progress when it began (no live
// :SinographWrite) and the write epoch did not move before it ended; see runner.py.
// params: lease
OPTIONAL MATCH (m:SinographMeta {id: 'writes'})
WITH coalesce(m.epoch, 0) AS epoch
OPTIONAL MATCH (w:SinographWrite)
WHERE w.started > datetime() - duration({seconds: $lease})
RETURN epoch, count(w) AS writing
