// One Alias node per (entity, surface form).
// params: none
CREATE CONSTRAINT alias_key IF NOT EXISTS
FOR (n:Alias) REQUIRE n.key IS UNIQUE
