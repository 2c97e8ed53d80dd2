// One page of dated facts (not rejected) and metrics of the whole graph, in (sort key, id)
// order.
// params: predicates, with_metrics, since, until, after_sort, after_id, limit
CALL () {
  MATCH (:Entity)-[r:__Predicates__]->(:Entity)
  WHERE type(r) IN $predicates
    AND r.rejected IS NULL
    AND r.sort_key IS NOT NULL
    AND ($since IS NULL OR r.date_end >= $since)
    AND ($until IS NULL OR r.date_start <= $until)
    AND ($after_sort IS NULL OR r.sort_key > $after_sort
         OR (r.sort_key = $after_sort AND r.key > $after_id))
  RETURN 'fact' AS kind, r.key AS id, r.sort_key AS sort_key, r AS fact, null AS metric, null AS about
  UNION ALL
  MATCH (m:Metric)-[:ABOUT]->(e:Entity)
  WHERE $with_metrics
    AND m.sort_key IS NOT NULL
    AND ($since IS NULL OR m.sort_key >= $since * 3)
    AND ($until IS NULL OR m.sort_key < ($until + 1) * 3)
    AND ($after_sort IS NULL OR m.sort_key > $after_sort
         OR (m.sort_key = $after_sort AND m.id > $after_id))
  RETURN 'metric' AS kind, m.id AS id, m.sort_key AS sort_key, null AS fact, m AS metric, e.name AS about
}
WITH kind, id, sort_key, fact, metric, about
ORDER BY sort_key, id
LIMIT $limit
RETURN kind, id, sort_key,
       CASE kind WHEN 'fact' THEN startNode(fact).id ELSE metric.subject END AS subject,
       type(fact) AS predicate, endNode(fact).id AS object,
       CASE kind WHEN 'fact' THEN startNode(fact).name ELSE about END AS subject_name,
       endNode(fact).name AS object_name,
       CASE kind WHEN 'fact' THEN properties(fact) ELSE properties(metric) END AS props
