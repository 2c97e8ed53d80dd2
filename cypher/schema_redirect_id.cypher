// A merged-away entity's id leads to its survivor: one Redirect node per old id, so a
// look-up by an old id is one index seek.
// params: none
CREATE CONSTRAINT redirect_id IF NOT EXISTS
FOR (n:Redirect) REQUIRE n.id IS UNIQUE
