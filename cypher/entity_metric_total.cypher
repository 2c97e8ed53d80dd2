// Number of metrics about one entity.
// params: id
MATCH (m:Metric)-[:ABOUT]->(:Entity {id: $id})
RETURN count(m) AS n
