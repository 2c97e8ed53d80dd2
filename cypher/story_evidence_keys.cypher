// The fact keys and metric ids a story is evidence for (nothing when the story is unknown).
// params: id
MATCH (st:Story {id: $id})-[e:EVIDENCE]->()
RETURN DISTINCT e.key AS key
