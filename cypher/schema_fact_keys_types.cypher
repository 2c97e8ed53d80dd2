// The relationship types the fact_keys index covers (to rebuild it when predicates change).
// params: none
SHOW FULLTEXT INDEXES
YIELD name, entityType, labelsOrTypes
WHERE name = 'fact_keys'
RETURN labelsOrTypes AS types
