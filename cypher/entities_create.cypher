// Create new entities with the alias nodes of their lookup keys (aliases, Chinese name,
// tickers, identifiers, short forms; graph.model.names.lookup_keys), in one pass; the second
// label is the row's type, an EntityType enum value (dynamic labels, Neo4j 5.26+).
// params: rows
UNWIND $rows AS row
CREATE (e:Entity:$(row.props.type))
SET e = row.props
WITH e, row
UNWIND row.aliases AS alias
CREATE (:Alias {key: alias.key, norm: alias.norm, alias: alias.alias, entity_id: alias.entity_id,
                kind: alias.kind})
       -[:ALIAS_OF]->(e)
