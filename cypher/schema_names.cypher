// Names of the indexes that exist and are online (constraints own an index of the
// same name), so ensure_schema only creates what is missing.
// params: none
SHOW INDEXES
YIELD name, state
WHERE state = 'ONLINE'
RETURN name
