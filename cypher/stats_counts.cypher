// Totals of entities, stories, metrics and fact evidence links (of facts not rejected).
// params: none
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Story) RETURN count(n) AS stories }
CALL () { MATCH (n:Metric) RETURN count(n) AS metrics }
CALL () { MATCH (:Story)-[e:EVIDENCE]->(:Entity) WHERE e.rejected IS NULL RETURN count(e) AS sources }
RETURN entities, stories, metrics, sources
