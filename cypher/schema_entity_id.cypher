// Entities are unique by id (the constraint also gives the lookup index).
// params: none
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE
