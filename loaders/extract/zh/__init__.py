"""The Chinese extractor: a Chinese story in, the same :class:`GraphDelta` as the
English extractor out — the same ontology, entity ids (紫金矿业 is
``company:zijin-mining-group``), evidence (the Chinese sentence), dates and amounts.

>>> from sinograph.loaders.extract import default_registry
>>> from sinograph.loaders.story_input import StoryInput
>>> delta = extract_chinese(StoryInput(text="紫金矿业6月29日宣布以12亿美元收购北方黄金有限公司。",
...                                    published="2025-07-01"), default_registry())
>>> [(f.subject, f.predicate.value, f.date, f.amount.value) for f in delta.facts]
[('company:zijin-mining-group', 'ACQUIRES', '2025-06-29', 1200000000.0)]

Modules, one job each: ``language`` (is it Chinese; traditional to simplified),
``sentences``, ``segment`` (rjieba words and tags), ``names`` (the registry's Chinese
names), ``entities`` (the story's entities), ``mentions`` (a sentence as units),
``dates``, ``amounts``, ``rule`` and ``rules/`` (relation rules as data), ``engine``
(the one interpreter of the rules), ``metrics`` and ``pipeline``.
"""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.zh.language import is_chinese
from sinograph.loaders.extract.zh.pipeline import run_chinese_pipeline
from sinograph.loaders.story_input import StoryInput

__all__ = ["DEFAULT_MIN_CONFIDENCE", "extract_chinese", "is_chinese"]

DEFAULT_MIN_CONFIDENCE = 0.5


def extract_chinese(
    story: StoryInput,
    registry: Registry,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    text: str | None = None,
) -> GraphDelta:
    """Entities, facts and metrics stated in one Chinese story; never raises on any text.

    ``text`` is what to read when it differs from the story's own (its title first)."""
    return run_chinese_pipeline(
        story.text if text is None else text,
        story.to_story(),
        registry,
        min_confidence=min_confidence,
    )
