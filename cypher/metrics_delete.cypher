// Delete metrics by id with their links (the metrics a merge or a split writes again).
// params: ids
UNWIND $ids AS id
MATCH (m:Metric {id: id})
DETACH DELETE m
