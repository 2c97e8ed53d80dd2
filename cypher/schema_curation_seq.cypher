// Range index on the position of curation log records (the log reads oldest first).
// params: none
CREATE INDEX curation_record_seq IF NOT EXISTS
FOR (n:CurationRecord) ON (n.seq)
