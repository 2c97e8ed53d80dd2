// Up to $k shortest simple paths between two entities, edge direction ignored, in
// (length, entity ids) order, searched inside the database: the __PathGroups__ shortest
// path lengths (SHORTEST k GROUPS over a quantified path pattern, so the search is
// Neo4j's own bidirectional one), with the predicate allow-list, time window, as-of
// (a fact starts at valid_from, else its date, else when its first source appeared)
// and minimum confidence checked on every relationship (a rejected fact is never walked), and the excluded entity types
// on every entity entered but the target, during the search. A group may hold walks
// that repeat a node (a self-loop); they are dropped, and parallel facts collapse to
// one node path. Between hubs a group can hold millions of walks: at most $cap are
// enumerated, and `capped` says when the cap was reached (the order among ties is then
// not guaranteed).
// An entity with more than $max_degree facts (a hub) is not entered either, but the target.
// params: source, target, max_hops, k, cap, predicates, since, until, as_of, min_confidence, exclude_types, max_degree
MATCH (s:Entity {id: $source})
MATCH (t:Entity {id: $target})
MATCH p = SHORTEST __PathGroups__ GROUPS
  ((s) ((a)-[r:__Predicates__]-(b)
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
          AND (size($exclude_types) = 0 OR b.id = $target OR NOT b.type IN $exclude_types)
          AND ($max_degree IS NULL OR b.id = $target
               OR COUNT { (b)-[x:__Predicates__]-(:Entity) WHERE x.rejected IS NULL } <= $max_degree)
   ){1,6} (t)
   WHERE size(r) <= $max_hops)
WITH p
LIMIT $cap
WITH collect(nodes(p)) AS walks
WITH size(walks) >= $cap AS capped, walks
UNWIND walks AS walk
WITH capped, walk
WHERE all(i IN range(0, size(walk) - 2) WHERE NOT walk[i] IN walk[i + 1..])
WITH DISTINCT capped, [n IN walk | n.id] AS ids, [n IN walk | [n.id, n.name, n.type]] AS refs
RETURN capped, ids, refs
ORDER BY size(ids), ids
LIMIT $k
