"""The deterministic extractor: story text in, a graph delta out.

>>> from sinograph.loaders.story_input import StoryInput
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

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract.parse import DEFAULT_PIPELINE
from sinograph.loaders.extract.pipeline import DEFAULT_MIN_CONFIDENCE, run_pipeline
from sinograph.loaders.extract.registry import Registry, RegistryEntry
from sinograph.loaders.extract.zh import extract_chinese, is_chinese
from sinograph.loaders.story_input import StoryInput

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "DEFAULT_PIPELINE",
    "Registry",
    "RegistryEntry",
    "default_registry",
    "extract",
]


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return Registry.load()


def extract(
    story: StoryInput,
    *,
    registry: Registry | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    pipeline: str = DEFAULT_PIPELINE,
) -> GraphDelta:
    """Entities, facts and metrics stated in one story; never raises on any text
    (only :class:`~graph.model.errors.ExtractorUnavailable` when ``pipeline`` is not installed).

    The story's title is read as its first line (headlines state facts), whether or
    not the text repeats it. Facts carry their evidence sentence, the story id and a
    confidence in 0..1; relative dates resolve against ``story.published``. A Chinese
    story goes to the Chinese extractor (``loaders.extract.zh``), which gives the same
    kind of delta.
    """
    if is_chinese(story.text):
        return extract_chinese(
            story,
            registry if registry is not None else default_registry(),
            min_confidence=min_confidence,
            text=with_title(story.text, story.title),
        )
    return run_pipeline(
        with_title(story.text, story.title),
        story.to_story(),
        registry if registry is not None else default_registry(),
        min_confidence=min_confidence,
        pipeline=pipeline,
    )


def with_title(text: str, title: str | None) -> str:
    """The text with its title as the first line, unless it already starts with it.

    >>> with_title("Norvik bought Tallis.", "Norvik buys Tallis")
    'Norvik buys Tallis\\n\\nNorvik bought Tallis.'
    >>> with_title("Norvik buys Tallis\\n\\nNorvik bought Tallis.", "Norvik buys Tallis")
    'Norvik buys Tallis\\n\\nNorvik bought Tallis.'
    """
    if title and title.strip() and not text.lstrip().startswith(title.strip()):
        return f"{title.strip()}\n\n{text}"
    return text
