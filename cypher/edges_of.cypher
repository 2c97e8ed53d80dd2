// Every fact touching the given entities, either direction, with what traversal filters on.
// params: ids, predicates
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:__Predicates__]-(other:Entity)
WHERE type(r) IN $predicates
RETURN DISTINCT id AS node, other.id AS other, other.type AS other_type, r.key AS key,
       startNode(r).id AS subject, endNode(r).id AS object, type(r) AS predicate,
       r.date_start AS date_start, r.date_end AS date_end, r.valid_from_ord AS valid_from,
       r.valid_until_ord AS valid_until, r.n_sources AS n_sources, r.confidence AS confidence
