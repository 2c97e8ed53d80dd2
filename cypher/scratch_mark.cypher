// Mark an (empty) database as scratch: a test or benchmark may then empty it.
// params: purpose
MERGE (m:SinographScratch {id: 'scratch'})
ON CREATE SET m.purpose = $purpose, m.created = datetime()
