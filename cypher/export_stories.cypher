// Every story.
// params: none
MATCH (s:Story)
RETURN properties(s) AS props
ORDER BY s.id
