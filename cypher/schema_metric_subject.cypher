// Range index on the subject of metrics.
// params: none
CREATE INDEX metric_subject IF NOT EXISTS
FOR (n:Metric) ON (n.subject)
