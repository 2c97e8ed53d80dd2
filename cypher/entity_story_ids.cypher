// The ids of the stories behind the (not rejected) facts and metrics of one entity.
// params: id
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[r:__Predicates__]-(:Entity)
WHERE r.rejected IS NULL
WITH e, collect(DISTINCT r) AS facts
OPTIONAL MATCH (m:Metric)-[:ABOUT]->(e)
WITH facts, collect(m) AS metrics
WITH reduce(ids = [], f IN facts | ids + f.source_ids)
     + reduce(ids = [], x IN metrics | ids + x.source_ids) AS ids
UNWIND ids AS id
RETURN DISTINCT id
