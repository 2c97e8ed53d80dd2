// Range index on entity types (search filtered by type, counts by label).
// params: none
CREATE INDEX entity_type IF NOT EXISTS
FOR (n:Entity) ON (n.type)
