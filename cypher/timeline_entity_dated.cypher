// One page of dated facts and metrics of one entity, in (sort key, id) order.
// params: entity, predicates, with_metrics, since, until, after_sort, after_id, limit
CALL () {
  MATCH (:Entity {id: $entity})-[r:__Predicates__]-(:Entity)
  WHERE type(r) IN $predicates
    AND r.sort_key IS NOT NULL
    AND ($since IS NULL OR r.date_end >= $since)
    AND ($until IS NULL OR r.date_start <= $until)
    AND ($after_sort IS NULL OR r.sort_key > $after_sort
         OR (r.sort_key = $after_sort AND r.key > $after_id))
  WITH DISTINCT r
  RETURN 'fact' AS kind, r.key AS id, r.sort_key AS sort_key, startNode(r).id AS subject,
         type(r) AS predicate, endNode(r).id AS object, properties(r) AS props
  UNION ALL
  MATCH (m:Metric)-[:ABOUT]->(:Entity {id: $entity})
  WHERE $with_metrics
    AND m.sort_key IS NOT NULL
    AND ($since IS NULL OR m.sort_key >= $since * 3)
    AND ($until IS NULL OR m.sort_key < ($until + 1) * 3)
    AND ($after_sort IS NULL OR m.sort_key > $after_sort
         OR (m.sort_key = $after_sort AND m.id > $after_id))
  RETURN 'metric' AS kind, m.id AS id, m.sort_key AS sort_key, m.subject AS subject,
         null AS predicate, null AS object, properties(m) AS props
}
RETURN kind, id, sort_key, subject, predicate, object, props
ORDER BY sort_key, id
LIMIT $limit
