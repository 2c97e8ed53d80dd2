// Create new facts with their evidence links, in one pass: the upsert has read the
// stored facts inside its transaction, so these keys are known to be new. The
// relationship type is the row's predicate, a Predicate enum value (dynamic types,
// Neo4j 5.26+), so one statement and one plan serve every predicate.
// params: rows
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (s)-[r:$(row.predicate)]->(o)
SET r = row.props
WITH s, row
UNWIND row.evidence AS evidence
MATCH (st:Story {id: evidence.story_id})
CREATE (st)-[:EVIDENCE {key: row.key, sentence: evidence.sentence,
                       extractor: evidence.extractor}]->(s)
