// Range index on the rejected flag of evidence links (a rejected fact's sentences).
// params: none
CREATE INDEX evidence_rejected IF NOT EXISTS
FOR ()-[e:EVIDENCE]-() ON (e.rejected)
