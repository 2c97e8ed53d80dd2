// The evidence of facts or metrics (by fact key or metric id) with the story of each
// sentence and the extractor that read it, through the EVIDENCE.key index.
// params: keys
UNWIND $keys AS key
MATCH (st:Story)-[e:EVIDENCE {key: key}]->()
RETURN key, e.sentence AS sentence, e.extractor AS extractor, properties(st) AS story
