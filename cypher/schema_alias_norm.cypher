// Range index on normalised aliases: exact lookups and STARTS WITH prefix search.
// params: none
CREATE INDEX alias_norm IF NOT EXISTS
FOR (n:Alias) ON (n.norm)
