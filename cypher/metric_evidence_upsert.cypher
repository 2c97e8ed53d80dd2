// Link a story to a metric it reports, with the sentence (one link each).
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (m:Metric {id: row.target})
MERGE (st)-[:EVIDENCE {key: row.key, sentence: row.sentence}]->(m)
