// Facts by key, whatever their predicate, through the fact_keys full-text index.
// params: keys
UNWIND $keys AS key
CALL db.index.fulltext.queryRelationships('fact_keys', '"' + key + '"')
YIELD relationship
WITH key, relationship AS r
WHERE r.key = key
RETURN startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       startNode(r).name AS subject_name, endNode(r).name AS object_name,
       properties(r) AS props
