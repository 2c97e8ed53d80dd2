// Link stories to stored facts by new evidence sentences (at the fact's subject entity),
// each with the extractor that read it.
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (n:Entity {id: row.target})
CREATE (st)-[:EVIDENCE {key: row.key, sentence: row.sentence, extractor: row.extractor}]->(n)
