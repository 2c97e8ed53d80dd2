// The entity whose id is $id, else the survivor of a merge that took $id away (with
// the redirect's old id): two index seeks, no scan.
// params: id
OPTIONAL MATCH (e:Entity {id: $id})
OPTIONAL MATCH (r:Redirect {id: $id})
OPTIONAL MATCH (t:Entity {id: r.target})
WITH coalesce(e, t) AS found, CASE WHEN e IS NULL AND t IS NOT NULL THEN r.id END AS redirected
WHERE found IS NOT NULL
RETURN properties(found) AS props, redirected
