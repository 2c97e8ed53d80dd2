// Append records to the curation log, each at the position the caller gave it (under
// the writers' lock), and move the log's last position.
// params: rows, seq
MERGE (m:SinographMeta {id: 'curation'})
SET m.seq = $seq
WITH m
UNWIND $rows AS row
CREATE (c:CurationRecord)
SET c = row
