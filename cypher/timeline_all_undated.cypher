// Undated facts (not rejected) and metrics of the whole graph: the total, and one page after
// $after_id (the first page when it is null).
// params: predicates, with_metrics, after_id, limit
CALL () {
  MATCH (:Entity)-[r:__Predicates__]->(:Entity)
  WHERE type(r) IN $predicates AND r.rejected IS NULL AND r.sort_key IS NULL
  RETURN 'fact' AS kind, r.key AS id, r AS fact, null AS metric, null AS about
  UNION ALL
  MATCH (m:Metric)-[:ABOUT]->(e:Entity)
  WHERE $with_metrics AND m.sort_key IS NULL
  RETURN 'metric' AS kind, m.id AS id, null AS fact, m AS metric, e.name AS about
}
WITH kind, id, fact, metric, about
ORDER BY kind, id
WITH collect({kind: kind, id: id, fact: fact, metric: metric, about: about}) AS found
RETURN size(found) AS total,
       [x IN [y IN found WHERE $after_id IS NULL OR y.id > $after_id][0..$limit] | {
          kind: x.kind, id: x.id,
          subject: CASE x.kind WHEN 'fact' THEN startNode(x.fact).id ELSE x.metric.subject END,
          predicate: type(x.fact), object: endNode(x.fact).id,
          subject_name: CASE x.kind WHEN 'fact' THEN startNode(x.fact).name ELSE x.about END,
          object_name: endNode(x.fact).name,
          props: CASE x.kind WHEN 'fact' THEN properties(x.fact) ELSE properties(x.metric) END
       }] AS items
