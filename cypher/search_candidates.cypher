// Every candidate of a search in one statement: the entity whose id is the query
// (tier 0), aliases equal to the normalised query (1), aliases extending it (2,
// shortest first), and — when $fuzzy — the aliases of the entities the full-text index
// proposes (3). Each with its entity's type, for the type filter. The store ranks them.
// params: id, norm, lucene, fuzzy, exact_limit, prefix_limit, fuzzy_limit
CALL () {
  MATCH (e:Entity {id: $id})
  RETURN 0 AS tier, e.id AS entity_id, $id AS alias, null AS norm, e.type AS type
  UNION ALL
  MATCH (a:Alias {norm: $norm})
  WITH a
  ORDER BY a.entity_id, a.alias
  LIMIT $exact_limit
  MATCH (a)-[:ALIAS_OF]->(e:Entity)
  RETURN 1 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         e.type AS type
  UNION ALL
  MATCH (a:Alias)
  WHERE a.norm STARTS WITH $norm AND a.norm <> $norm
  WITH a
  ORDER BY size(a.norm), a.norm, a.entity_id, a.alias
  LIMIT $prefix_limit
  MATCH (a)-[:ALIAS_OF]->(e:Entity)
  RETURN 2 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         e.type AS type
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $lucene)
  YIELD node, score
  WITH node, score
  WHERE $fuzzy
  ORDER BY score DESC, node.id
  LIMIT $fuzzy_limit
  MATCH (node)<-[:ALIAS_OF]-(a:Alias)
  RETURN 3 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         node.type AS type
}
RETURN tier, entity_id, alias, norm, type
