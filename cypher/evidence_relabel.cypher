// Join another extractor to stored evidence links: a sentence read again by a different
// extractor keeps its one link, labelled with both (graph.model.domain.union_evidence).
// params: rows
UNWIND $rows AS row
MATCH (st:Story {id: row.story_id})-[e:EVIDENCE {key: row.key, sentence: row.sentence}]->()
SET e.extractor = row.extractor
