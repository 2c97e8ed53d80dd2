// Range index on the other entity of a curation log record (a merge's survivor, a split's
// new entity).
// params: none
CREATE INDEX curation_record_target IF NOT EXISTS
FOR (n:CurationRecord) ON (n.target)
