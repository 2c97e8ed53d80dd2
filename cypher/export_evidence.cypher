// Every evidence link.
// params: none
MATCH (st:Story)-[e:EVIDENCE]->()
RETURN e.key AS key, st.id AS story_id, e.sentence AS sentence, e.extractor AS extractor
