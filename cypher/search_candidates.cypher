// Every candidate of a search in one statement, each with its kind of lookup key
// (alias, name_zh, ticker, identifier, short_name; graph.model.names) and its entity's type,
// for the type filter: the entity whose id is the query, or the survivor of a merge that
// took that id away (tier 0), keys equal to the
// normalised query (1), keys equal to its short form without a legal suffix (2, when
// $short is not null), keys extending the query (3, shortest first), and -- when
// $fuzzy -- the $fuzzy_kinds keys of the entities the full-text index proposes (4).
// The store ranks them (graph.stores.hits) as the embedded store does.
// params: id, norm, short, lucene, fuzzy, fuzzy_kinds, exact_limit, prefix_limit, fuzzy_limit
CALL () {
  MATCH (e:Entity {id: $id})
  RETURN 0 AS tier, e.id AS entity_id, $id AS alias, null AS norm, 'id' AS kind, e.type AS type
  UNION ALL
  MATCH (r:Redirect {id: $id})
  MATCH (e:Entity {id: r.target})
  RETURN 0 AS tier, e.id AS entity_id, $id AS alias, null AS norm, 'redirect' AS kind,
         e.type AS type
  UNION ALL
  MATCH (a:Alias {norm: $norm})
  WITH a
  ORDER BY a.entity_id, a.alias, coalesce(a.kind, 'alias')
  LIMIT $exact_limit
  MATCH (a)-[:ALIAS_OF]->(e:Entity)
  RETURN 1 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         coalesce(a.kind, 'alias') AS kind, e.type AS type
  UNION ALL
  MATCH (a:Alias {norm: $short})
  WITH a
  ORDER BY a.entity_id, a.alias, coalesce(a.kind, 'alias')
  LIMIT $exact_limit
  MATCH (a)-[:ALIAS_OF]->(e:Entity)
  RETURN 2 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         coalesce(a.kind, 'alias') AS kind, e.type AS type
  UNION ALL
  MATCH (a:Alias)
  WHERE a.norm STARTS WITH $norm AND a.norm <> $norm
  WITH a
  ORDER BY size(a.norm), a.norm, a.entity_id, a.alias, coalesce(a.kind, 'alias')
  LIMIT $prefix_limit
  MATCH (a)-[:ALIAS_OF]->(e:Entity)
  RETURN 3 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         coalesce(a.kind, 'alias') AS kind, e.type AS type
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $lucene)
  YIELD node, score
  WITH node, score
  WHERE $fuzzy
  ORDER BY score DESC, node.id
  LIMIT $fuzzy_limit
  MATCH (node)<-[:ALIAS_OF]-(a:Alias)
  WHERE coalesce(a.kind, 'alias') IN $fuzzy_kinds
  RETURN 4 AS tier, a.entity_id AS entity_id, a.alias AS alias, a.norm AS norm,
         coalesce(a.kind, 'alias') AS kind, node.type AS type
}
RETURN tier, entity_id, alias, norm, kind, type
