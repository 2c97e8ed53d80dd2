"""Stories in, entities and facts out: input readers (``loaders.inputs``) and the
deterministic extractor (``loaders.extract``). Nothing here writes to a store."""
