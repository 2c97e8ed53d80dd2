// Stories by id.
// params: ids
UNWIND $ids AS id
MATCH (s:Story {id: id})
RETURN properties(s) AS props
