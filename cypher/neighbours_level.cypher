// One level of a neighbourhood: the entities one admitted fact away from the frontier
// and not seen yet, in the order a breadth-first walk meets them (frontier position,
// then id), at most $room + 1 of them so the caller can tell it was cut.
// A fact below $min_confidence, or rejected by a curator, is not walked, and an entity whose type is in
// $exclude_types is not entered (the centre is already seen), nor one with more than
// $max_degree facts (a hub).
// params: frontier, seen, room, predicates, since, until, as_of, min_confidence, exclude_types, max_degree
UNWIND range(0, size($frontier) - 1) AS position
MATCH (:Entity {id: $frontier[position]})-[r:__Predicates__]-(b:Entity)
WHERE NOT b.id IN $seen
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
  AND (size($exclude_types) = 0 OR NOT b.type IN $exclude_types)
  AND ($max_degree IS NULL OR COUNT { (b)-[x:__Predicates__]-(:Entity) WHERE x.rejected IS NULL } <= $max_degree)
WITH b.id AS id, min(position) AS first
ORDER BY first, id
LIMIT $room + 1
RETURN collect(id) AS found
