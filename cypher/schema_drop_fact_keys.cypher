// Drop the fact_keys index so that ensure_schema can rebuild it for a changed ontology.
// params: none
DROP INDEX fact_keys IF EXISTS
