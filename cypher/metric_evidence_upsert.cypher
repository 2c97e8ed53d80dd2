// Link a story to a metric it reports, with the sentence and the extractor
// that read it (one link per sentence; the plan joins the extractors of a re-read one).
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (m:Metric {id: row.target})
MERGE (st)-[e:EVIDENCE {key: row.key, sentence: row.sentence}]->(m)
SET e.extractor = row.extractor
