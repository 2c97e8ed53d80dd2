// Range index on the date sort key of metrics.
// params: none
CREATE INDEX metric_sort_key IF NOT EXISTS
FOR (n:Metric) ON (n.sort_key)
