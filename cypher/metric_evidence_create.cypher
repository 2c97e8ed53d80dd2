// Link stories to stored metrics by new evidence sentences, each with the extractor
// that read it.
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (m:Metric {id: row.target})
CREATE (st)-[:EVIDENCE {key: row.key, sentence: row.sentence, extractor: row.extractor}]->(m)
