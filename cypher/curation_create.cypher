// Append records to the curation log, each at the position the caller gave it (under
// the writers' lock, after the last one stored).
// params: rows
UNWIND $rows AS row
CREATE (c:CurationRecord)
SET c = row
