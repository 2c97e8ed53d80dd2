// The fact keys (of facts not rejected) and metric ids a story is evidence for (nothing
// when the story is unknown).
// params: id
MATCH (st:Story {id: $id})-[e:EVIDENCE]->()
WHERE e.rejected IS NULL
RETURN DISTINCT e.key AS key
