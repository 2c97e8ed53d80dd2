// Link a story to the subject of a fact it states, with the sentence and the extractor
// that read it (one link per sentence; the plan joins the extractors of a re-read one).
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (n:Entity {id: row.target})
MERGE (st)-[e:EVIDENCE {key: row.key, sentence: row.sentence}]->(n)
SET e.extractor = row.extractor
