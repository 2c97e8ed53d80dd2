// Mark the evidence links of rejected facts (new sentences a re-load added to them).
// params: keys
UNWIND $keys AS key
MATCH (:Story)-[e:EVIDENCE {key: key}]->(:Entity)
SET e.rejected = true
