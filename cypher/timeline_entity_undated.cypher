// Undated facts and metrics of one entity: the total, and one page after
// $after_id (the first page when it is null).
// params: entity, predicates, with_metrics, after_id, limit
CALL () {
  MATCH (:Entity {id: $entity})-[r:__Predicates__]-(:Entity)
  WHERE type(r) IN $predicates AND r.sort_key IS NULL
  WITH DISTINCT r
  RETURN 'fact' AS kind, r.key AS id, startNode(r).id AS subject, type(r) AS predicate,
         endNode(r).id AS object, properties(r) AS props
  UNION ALL
  MATCH (m:Metric)-[:ABOUT]->(:Entity {id: $entity})
  WHERE $with_metrics AND m.sort_key IS NULL
  RETURN 'metric' AS kind, m.id AS id, m.subject AS subject, null AS predicate,
         null AS object, properties(m) AS props
}
WITH kind, id, subject, predicate, object, props
ORDER BY kind, id
WITH collect({kind: kind, id: id, subject: subject, predicate: predicate, object: object,
              props: props}) AS items
RETURN size(items) AS total,
       [i IN items WHERE $after_id IS NULL OR i.id > $after_id][0..$limit] AS items
