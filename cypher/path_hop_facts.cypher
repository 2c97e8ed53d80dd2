// The fact that stands for each hop of some paths: among the admitted facts joining the
// two entities (either direction; rejected facts are not admitted), the best-sourced,
// then the smallest key.
// params: pairs, predicates, since, until, as_of, min_confidence
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r:__Predicates__]-(b:Entity {id: pair[1]})
WHERE type(r) IN $predicates
  AND r.rejected IS NULL
  AND (r.date_start IS NULL
       OR (($since IS NULL OR coalesce(r.date_end, r.date_start) >= $since)
           AND ($until IS NULL OR r.date_start <= $until)))
  AND ($as_of IS NULL
       OR ((coalesce(r.valid_from_ord, r.date_start, r.known_from_ord) IS NULL
            OR coalesce(r.valid_from_ord, r.date_start, r.known_from_ord) <= $as_of)
           AND (r.valid_until_ord IS NULL OR r.valid_until_ord > $as_of)))
  AND ($min_confidence IS NULL OR coalesce(r.confidence, 1.0) >= $min_confidence)
WITH pair, r
ORDER BY coalesce(r.n_sources, 0) DESC, r.key
WITH pair, head(collect(r)) AS r
RETURN pair, startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       startNode(r).name AS subject_name, endNode(r).name AS object_name,
       properties(r) AS props
