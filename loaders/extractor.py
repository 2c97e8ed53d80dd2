"""The extractor interface: one story in, an :class:`Extraction` out — whichever reads it.

Three extractors sit behind it: the deterministic rules (:class:`RulesExtractor`,
the default, offline), a language model (:class:`loaders.llm.LlmExtractor`) and
both together (:class:`loaders.llm.HybridExtractor`). Every fact's evidence names
the extractor that read it (``rules``, ``llm:<model>``).

>>> from sinograph.loaders.story_input import StoryInput
>>> result = RulesExtractor().extract(StoryInput(text="Norvik Group agreed to buy Tallis Ltd."))
>>> [(f.predicate.value, f.evidence[0].extractor) for f in result.delta.facts]
[('ACQUIRES', 'rules')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.domain import Evidence, Fact, GraphDelta, Metric
from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.story_input import StoryInput

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.llm.config import LlmConfig

__all__ = [
    "EXTRACTOR_KINDS",
    "ConfidenceFloor",
    "DroppedItem",
    "Extraction",
    "Extractor",
    "ExtractorKind",
    "RulesExtractor",
    "TokenUsage",
    "Verification",
    "build_extractor",
    "close_extractor",
    "confident_part",
    "stamp_extractor",
]

ExtractorKind = Literal["rules", "llm", "hybrid"]
EXTRACTOR_KINDS: tuple[str, ...] = ("rules", "llm", "hybrid")
RULES = "rules"


class TokenUsage(BaseModel):
    """What a language model was asked and answered, summed over stories.

    ``requests`` counts calls made (retries included), ``cached`` stories answered
    from the response cache (no call, no tokens).
    """

    model_config = ConfigDict(frozen=True)

    requests: int = 0
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            requests=self.requests + other.requests,
            cached=self.cached + other.cached,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


def _add_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    total = Counter(a)
    total.update(b)
    return dict(sorted(total.items()))


class Verification(BaseModel):
    """How a language model's answer fared against its story: what was kept, and what was
    dropped by reason (``evidence_not_in_story``, ``unknown_predicate``, ``wrong_type``...).

    ``fields_dropped`` counts values removed from facts that were kept (a date or an
    amount the sentence does not support); ``fields_corrected`` values narrowed to
    what the sentence supports (a date coarsened to the sentence's precision).
    """

    model_config = ConfigDict(frozen=True)

    facts_proposed: int = 0
    facts_kept: int = 0
    facts_dropped: dict[str, int] = Field(default_factory=dict)
    metrics_proposed: int = 0
    metrics_kept: int = 0
    metrics_dropped: dict[str, int] = Field(default_factory=dict)
    entities_dropped: dict[str, int] = Field(default_factory=dict)
    fields_dropped: dict[str, int] = Field(default_factory=dict)
    fields_corrected: dict[str, int] = Field(default_factory=dict)

    def __add__(self, other: Verification) -> Verification:
        return Verification(
            facts_proposed=self.facts_proposed + other.facts_proposed,
            facts_kept=self.facts_kept + other.facts_kept,
            facts_dropped=_add_counts(self.facts_dropped, other.facts_dropped),
            metrics_proposed=self.metrics_proposed + other.metrics_proposed,
            metrics_kept=self.metrics_kept + other.metrics_kept,
            metrics_dropped=_add_counts(self.metrics_dropped, other.metrics_dropped),
            entities_dropped=_add_counts(self.entities_dropped, other.entities_dropped),
            fields_dropped=_add_counts(self.fields_dropped, other.fields_dropped),
            fields_corrected=_add_counts(self.fields_corrected, other.fields_corrected),
        )


class DroppedItem(BaseModel):
    """One thing a model proposed that verification refused, for people to read."""

    model_config = ConfigDict(frozen=True)

    origin: str = Field(description="the story it came from (file, line or request)")
    kind: Literal["fact", "metric", "entity", "date", "amount", "status", "change", "period"]
    reason: str
    item: str = Field(description="what was proposed, e.g. `A -ACQUIRES-> B`")
    evidence: str | None = Field(default=None, description="the quote the model gave")


class Extraction(BaseModel):
    """What one extractor read in one story."""

    model_config = ConfigDict(frozen=True)

    delta: GraphDelta
    verification: Verification | None = None
    dropped: tuple[DroppedItem, ...] = ()
    usage: TokenUsage | None = None
    notes: tuple[str, ...] = Field(
        default=(), description="caps that applied while reading (a sentence cut short...)"
    )


class Extractor(Protocol):
    """Anything that reads stories into graph deltas.

    ``name`` says what reads (``rules``, ``llm:<model>``, ``hybrid:<model>``);
    ``concurrency`` is how many stories may be read at once (the rules are CPU-bound
    and read one at a time; a model server answers several requests in parallel).
    ``extract`` raises :class:`graph.model.errors.ExtractionFailed` for a story it could not
    read and :class:`graph.model.errors.ModelUnavailable` when no story can be read.
    """

    @property
    def name(self) -> str: ...

    @property
    def concurrency(self) -> int: ...

    def extract(self, story: StoryInput) -> Extraction: ...


def stamp_extractor(delta: GraphDelta, label: str) -> GraphDelta:
    """``delta`` with every piece of evidence that names no extractor credited to ``label``."""

    def stamped(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
        return tuple(
            e if e.extractor else e.model_copy(update={"extractor": label}) for e in evidence
        )

    facts: list[Fact] = [
        f.model_copy(update={"evidence": stamped(f.evidence)}) for f in delta.facts
    ]
    metrics: list[Metric] = [
        m.model_copy(update={"evidence": stamped(m.evidence)}) for m in delta.metrics
    ]
    return delta.model_copy(update={"facts": tuple(facts), "metrics": tuple(metrics)})


class RulesExtractor:
    """The deterministic extractor (:func:`loaders.extract.extract`) behind the interface."""

    name = RULES
    concurrency = 1

    def __init__(
        self,
        registry: Registry | None = None,
        pipeline: str | None = None,
        min_confidence: float | None = None,
    ) -> None:
        self._registry = registry
        self._pipeline = pipeline
        self._min_confidence = min_confidence

    def extract(self, story: StoryInput) -> Extraction:
        from sinograph.loaders.extract import DEFAULT_MIN_CONFIDENCE, DEFAULT_PIPELINE, extract

        delta = extract(
            story,
            registry=self._registry,
            pipeline=self._pipeline or DEFAULT_PIPELINE,
            min_confidence=(
                DEFAULT_MIN_CONFIDENCE if self._min_confidence is None else self._min_confidence
            ),
        )
        return Extraction(delta=stamp_extractor(delta, RULES))


class ConfidenceFloor:
    """Another extractor whose facts under ``min_confidence`` are dropped (with the
    entities only they named), so every extractor honours the same floor."""

    def __init__(self, inner: Extractor, min_confidence: float) -> None:
        self.inner = inner
        self.name = inner.name
        self.concurrency = inner.concurrency
        self.min_confidence = min_confidence

    def extract(self, story: StoryInput) -> Extraction:
        extraction = self.inner.extract(story)
        delta = confident_part(extraction.delta, self.min_confidence)
        return extraction.model_copy(update={"delta": delta})

    def close(self) -> None:
        close_extractor(self.inner)


def confident_part(delta: GraphDelta, min_confidence: float) -> GraphDelta:
    """``delta`` without the facts under ``min_confidence`` and the entities that only
    those facts named."""
    facts = tuple(f for f in delta.facts if f.confidence >= min_confidence)
    if len(facts) == len(delta.facts):
        return delta
    dropped = {e for f in delta.facts if f not in facts for e in (f.subject, f.object)}
    kept = {e for f in facts for e in (f.subject, f.object)} | {
        e for m in delta.metrics for e in (m.subject, m.reported_by) if e
    }
    entities = tuple(e for e in delta.entities if e.id in kept or e.id not in dropped)
    return delta.model_copy(update={"facts": facts, "entities": entities})


def build_extractor(
    kind: str,
    *,
    registry: Registry | None = None,
    llm: LlmConfig | None = None,
    cache_path: str | None = None,
    pipeline: str | None = None,
    min_confidence: float | None = None,
) -> Extractor:
    """The extractor ``kind`` names (``rules``, ``llm`` or ``hybrid``).

    ``llm`` is required for the last two (:class:`InvalidInput` otherwise);
    ``cache_path`` None sends every story to the model even if it was asked before;
    ``min_confidence`` drops facts under it (None: the extractor's own default).
    """
    if kind == RULES:
        return RulesExtractor(registry, pipeline, min_confidence)
    if kind not in EXTRACTOR_KINDS:
        raise InvalidInput(f"unknown extractor {kind!r}; use {', '.join(EXTRACTOR_KINDS)}")
    if llm is None:
        raise InvalidInput(
            f"the {kind} extractor needs a language model: set SINOGRAPH_LLM_BASE_URL and "
            "SINOGRAPH_LLM_MODEL"
        )
    from sinograph.loaders.llm import HybridExtractor, LlmExtractor, ResponseCache

    cache = ResponseCache(cache_path) if cache_path else None
    model = LlmExtractor(llm, registry=registry, cache=cache)
    built: Extractor = (
        model
        if kind == "llm"
        else HybridExtractor(model, RulesExtractor(registry, pipeline, min_confidence))
    )
    return built if min_confidence is None else ConfidenceFloor(built, min_confidence)


def close_extractor(extractor: Extractor) -> None:
    """Release what ``extractor`` holds (a model client's connections), if anything."""
    close = getattr(extractor, "close", None)
    if callable(close):
        close()
