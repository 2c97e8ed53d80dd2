// Which of these curation log record ids are stored already, and the log's last position
// (the highest seq, read from the end of its index, so a log imported by neo4j-admin
// goes on where it stopped).
// params: ids
OPTIONAL MATCH (c:CurationRecord)
WHERE c.seq IS NOT NULL
WITH c
ORDER BY c.seq DESC
LIMIT 1
WITH coalesce(c.seq, 0) AS seq
OPTIONAL MATCH (k:CurationRecord)
WHERE k.id IN $ids
RETURN seq, collect(k.id) AS known
