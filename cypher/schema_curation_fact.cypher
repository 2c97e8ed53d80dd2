// Range index on the fact a curation log record is about (the log of one fact).
// params: none
CREATE INDEX curation_record_fact IF NOT EXISTS
FOR (n:CurationRecord) ON (n.fact)
