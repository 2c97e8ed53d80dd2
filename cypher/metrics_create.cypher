// Create new metrics, linked ABOUT their subject, with their evidence links.
// params: rows
UNWIND $rows AS row
MATCH (e:Entity {id: row.subject})
CREATE (m:Metric)-[:ABOUT]->(e)
SET m = row.props
WITH m, row
UNWIND row.evidence AS evidence
MATCH (st:Story {id: evidence.story_id})
CREATE (st)-[:EVIDENCE {key: row.id, sentence: evidence.sentence,
                       extractor: evidence.extractor}]->(m)
