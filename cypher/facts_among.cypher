// The admitted facts between the $expanded entities and the $inside ones (a
// neighbourhood or a subgraph), each once, with their end entities' names; a fact
// below $min_confidence, or rejected by a curator, is not admitted.
// params: expanded, inside, predicates, since, until, as_of, min_confidence
UNWIND $expanded AS id
MATCH (:Entity {id: id})-[r:__Predicates__]-(b:Entity)
WHERE b.id IN $inside
  AND type(r) IN $predicates
  AND r.rejected IS NULL
  AND (r.date_start IS NULL
       OR (($since IS NULL OR coalesce(r.date_end, r.date_start) >= $since)
           AND ($until IS NULL OR r.date_start <= $until)))
  AND ($as_of IS NULL
       OR ((coalesce(r.valid_from_ord, r.date_start, r.known_from_ord) IS NULL
            OR coalesce(r.valid_from_ord, r.date_start, r.known_from_ord) <= $as_of)
           AND (r.valid_until_ord IS NULL OR r.valid_until_ord > $as_of)))
  AND ($min_confidence IS NULL OR coalesce(r.confidence, 1.0) >= $min_confidence)
WITH DISTINCT r
RETURN startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       startNode(r).name AS subject_name, endNode(r).name AS object_name,
       properties(r) AS props
ORDER BY props.key
