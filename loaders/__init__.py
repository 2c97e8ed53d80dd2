"""Stories and graph files in, a store written: input readers (``loaders.inputs``), the
extractors (``loaders.extract``, ``loaders.llm``), resolution against the store
(``loaders.resolve``) and the load orchestration.

Two modules write to a store, both through the ``GraphStore`` protocol only:
:mod:`loaders.load` (a set of paths or one upload: reading, extraction with
workers, writing graph files batch by batch, progress, the summary — what the
CLI, the API and the benchmarks call) and :mod:`loaders.ingest` (its step that
resolves and writes stories one by one). Everything else here only reads.
"""
