// Link a story to the subject of a fact it states, with the sentence (one link each).
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})
MATCH (n:Entity {id: row.target})
MERGE (st)-[:EVIDENCE {key: row.key, sentence: row.sentence}]->(n)
