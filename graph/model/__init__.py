"""The domain model and the read models: entities, facts, the vocabulary, ids, dates,
names, query parameters, results, errors and the merge rules."""
