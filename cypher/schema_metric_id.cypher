// Metrics are unique by id.
// params: none
CREATE CONSTRAINT metric_id IF NOT EXISTS
FOR (n:Metric) REQUIRE n.id IS UNIQUE
