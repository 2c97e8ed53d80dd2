"""The deterministic extractor: story text in, a graph delta out.

>>> from loaders.story_input import StoryInput
>>> delta = extract(StoryInput(text="Norvik Group agreed to buy Tallis Ltd.",
...                            published="2025-06-30"))
>>> [(f.predicate.value, f.object) for f in delta.facts]
[('ACQUIRES', 'company:tallis-ltd')]

Every stage is its own module: ``sentences`` (splitting), ``tokens``, ``names``
and ``phrases`` (mentions), ``registry`` (known entities), ``coref``, ``grammar``,
``lexicon``, ``relations`` and ``patterns`` (facts), ``attributes`` (amount, stake,
date, status), ``metrics`` and ``pipeline`` (merging into one delta).
"""

from __future__ import annotations

from functools import lru_cache

from graph.model import GraphDelta
from loaders.extract.pipeline import DEFAULT_MIN_CONFIDENCE, run_pipeline
from loaders.extract.registry import Registry, RegistryEntry
from loaders.extract.zh import extract_chinese, is_chinese
from loaders.story_input import StoryInput

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Registry", "RegistryEntry", "default_registry", "extract"]


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return Registry.load()


def extract(
    story: StoryInput,
    *,
    registry: Registry | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> GraphDelta:
    """Entities, facts and metrics stated in one story; never raises on any text.

    Facts carry their evidence sentence, the story id and a confidence in 0..1;
    relative dates resolve against ``story.published``. A Chinese story goes to the
    Chinese extractor (``loaders.extract.zh``), which gives the same kind of delta.
    """
    if is_chinese(story.text):
        return extract_chinese(
            story,
            registry if registry is not None else default_registry(),
            min_confidence=min_confidence,
        )
    return run_pipeline(
        story.text,
        story.to_story(),
        registry if registry is not None else default_registry(),
        min_confidence=min_confidence,
    )
