// Facts by key alone, through the fact_keys full-text index (keys are pre-checked hex).
// params: keys
UNWIND $keys AS key
CALL db.index.fulltext.queryRelationships('fact_keys', '"' + key + '"')
YIELD relationship
WITH key, relationship AS r
WHERE r.key = key
RETURN startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       properties(r) AS props
