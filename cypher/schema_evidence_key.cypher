// Range index on the fact key or metric id an evidence link supports.
// params: none
CREATE INDEX evidence_key IF NOT EXISTS
FOR ()-[e:EVIDENCE]-() ON (e.key)
