// Which of these curation log record ids are stored already, and the log's last position.
// params: ids
OPTIONAL MATCH (m:SinographMeta {id: 'curation'})
WITH coalesce(m.seq, 0) AS seq
OPTIONAL MATCH (c:CurationRecord)
WHERE c.id IN $ids
RETURN seq, collect(c.id) AS known
