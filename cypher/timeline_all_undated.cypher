// Undated facts and metrics of the whole graph: the total, and one page after
// $after_id (the first page when it is null).
// params: predicates, with_metrics, after_id, limit
CALL () {
  MATCH (s:Entity)-[r:__Predicates__]->(o:Entity)
  WHERE type(r) IN $predicates AND r.sort_key IS NULL
  RETURN 'fact' AS kind, r.key AS id, s.id AS subject, type(r) AS predicate, o.id AS object,
         properties(r) AS props
  UNION ALL
  MATCH (m:Metric)
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
