// Every redirect (the curation section of an export).
// params: none
MATCH (r:Redirect)
RETURN r.id AS id, r.target AS target
ORDER BY id
