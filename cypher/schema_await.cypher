// Wait until every index is online, so the first search after ensure_schema works.
// params: seconds
CALL db.awaitIndexes($seconds)
