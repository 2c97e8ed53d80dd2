// Whether the database carries the scratch marker, and whether it holds anything else.
// params: none
OPTIONAL MATCH (m:SinographScratch)
WITH count(m) > 0 AS marked
OPTIONAL MATCH (n) WHERE NOT n:SinographScratch
WITH marked, n LIMIT 1
RETURN marked, n IS NOT NULL AS has_data
