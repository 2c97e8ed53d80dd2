// Create new facts of one predicate with their evidence links, in one pass: the upsert
// has read the stored facts inside its transaction, so these keys are known to be new.
// The type comes from the Predicate enum.
// params: rows
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (s)-[r:__Predicate__]->(o)
SET r = row.props
WITH s, row
UNWIND row.evidence AS evidence
MATCH (st:Story {id: evidence.story_id})
CREATE (st)-[:EVIDENCE {key: row.key, sentence: evidence.sentence}]->(s)
