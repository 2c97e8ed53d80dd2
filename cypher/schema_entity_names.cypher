// Full-text index over names, Chinese names and aliases; the analyzer keeps every
// word and splits CJK text into characters, so Chinese names match too.
// params: none
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.name_zh, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
