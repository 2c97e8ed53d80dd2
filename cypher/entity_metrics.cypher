// Every metric about one entity.
// params: id
MATCH (m:Metric)-[:ABOUT]->(:Entity {id: $id})
RETURN properties(m) AS props
ORDER BY props.id
