// Stories counted by publisher.
// params: none
MATCH (s:Story)
RETURN coalesce(s.publisher, '(unknown)') AS publisher, count(s) AS n
ORDER BY publisher
