// Curation log records are unique by id (an id follows a record's content, so importing
// the same log twice adds nothing).
// params: none
CREATE CONSTRAINT curation_record_id IF NOT EXISTS
FOR (n:CurationRecord) REQUIRE n.id IS UNIQUE
