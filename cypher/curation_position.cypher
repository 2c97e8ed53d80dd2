// The position of one curation log record (a page's cursor).
// params: id
MATCH (c:CurationRecord {id: $id})
RETURN c.seq AS seq
