// The whole curation log, oldest first (the curation section of an export).
// params: none
MATCH (c:CurationRecord)
RETURN c.data AS data
ORDER BY c.seq
