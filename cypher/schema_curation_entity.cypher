// Range index on the entity a curation log record is about (the log of one entity).
// params: none
CREATE INDEX curation_record_entity IF NOT EXISTS
FOR (n:CurationRecord) ON (n.entity)
