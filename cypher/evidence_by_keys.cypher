// Evidence (story, sentence and extractor) of facts or metrics, by fact key or metric id.
// params: keys
UNWIND $keys AS key
MATCH (st:Story)-[e:EVIDENCE {key: key}]->()
RETURN key, st.id AS story_id, e.sentence AS sentence, e.extractor AS extractor
