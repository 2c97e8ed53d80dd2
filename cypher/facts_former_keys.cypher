// Record the keys that now lead to a fact of one predicate (earlier keys, merged records).
// params: rows
UNWIND $rows AS row
MATCH ()-[r:__Predicate__ {key: row.key}]->()
SET r.former_keys = [k IN coalesce(r.former_keys, []) WHERE NOT k IN row.former_keys]
                    + row.former_keys
