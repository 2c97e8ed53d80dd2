"""Stories into a store: extract, resolve against what is stored, upsert — one story at a time.

The step of :mod:`loaders.load` that writes stories; a load of files or uploads
goes through that module, which also reads the inputs and writes graph files.

Each story is written in its own transaction, so an interruption or a bad story
never loses what was already stored, and running the same load again only
fills in what is missing.

The extractor is any :class:`loaders.extractor.Extractor` (the rules by default).
The rules can read in worker processes and a language model in threads
(:mod:`loaders.parallel`) while the stories are still written one by one, in order.
A story the extractor cannot read (:class:`ExtractionFailed`) is reported and
skipped, with nothing of it written; :class:`ModelUnavailable` and
:class:`StoreUnavailable` stop the load (everything written so far stays).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.errors import (
    ExtractionFailed,
    GraphError,
    StoreUnavailable,
    WorkBudgetExceeded,
)
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.budget import checkpoint
from sinograph.loaders.extractor import (
    DroppedItem,
    Extraction,
    Extractor,
    RulesExtractor,
    TokenUsage,
    Verification,
)
from sinograph.loaders.parallel import RulesRecipe, extracted
from sinograph.loaders.story_input import StoryInput

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry

__all__ = [
    "MAX_REPORTED_DROPS",
    "NO_PUBLICATION_DATE",
    "IngestProblem",
    "IngestReport",
    "ingest_stories",
]

# A load's report lists at most this many dropped items (the counts are always whole).
MAX_REPORTED_DROPS = 1_000

NO_PUBLICATION_DATE = (
    "no publication date (none given, none in the file's metadata or dateline): relative "
    "dates in it ('on Monday', 'last year', 'since 2021') are left unresolved"
)


class IngestProblem(BaseModel):
    """Something about one input, where it is: a failure (``problems``), a file passed
    over (``skipped``), or a note on a story that was loaded (``notes``)."""

    model_config = ConfigDict(frozen=True)

    origin: str
    message: str
    skipped: bool = Field(
        default=False, description="a file passed over on purpose (not a story or graph file)"
    )


class IngestReport(BaseModel):
    """What a load did: stories read, what was written, what went wrong where, and notes
    on stories that were loaded (no publication date, a date other than the one given).

    With a language model: ``verification`` counts what its answers proposed, kept and
    dropped by reason, ``dropped`` lists the dropped items (the first
    :data:`MAX_REPORTED_DROPS`), ``usage`` sums the tokens, and ``stories_failed``
    counts stories the model could not read (each also in ``problems``).
    """

    stories_read: int = 0
    stories_written: int = 0
    stories_failed: int = 0
    extractor: str | None = Field(
        default=None, description="`rules`, `llm:<model>` or `rules + llm:<model>`"
    )
    upsert: UpsertReport = Field(default_factory=UpsertReport)
    problems: list[IngestProblem] = Field(default_factory=list)
    notes: list[IngestProblem] = Field(default_factory=list)
    verification: Verification | None = None
    dropped: list[DroppedItem] = Field(default_factory=list)
    usage: TokenUsage | None = None

    @property
    def failed(self) -> list[IngestProblem]:
        """The problems that are failures (not files skipped on purpose)."""
        return [p for p in self.problems if not p.skipped]

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(
            stories_read=self.stories_read + other.stories_read,
            stories_written=self.stories_written + other.stories_written,
            stories_failed=self.stories_failed + other.stories_failed,
            extractor=self.extractor or other.extractor,
            upsert=self.upsert + other.upsert,
            problems=[*self.problems, *other.problems],
            notes=[*self.notes, *other.notes],
            verification=_plus(self.verification, other.verification),
            dropped=[*self.dropped, *other.dropped][:MAX_REPORTED_DROPS],
            usage=_plus(self.usage, other.usage),
        )


_Summable = TypeVar("_Summable", Verification, TokenUsage)


def _plus(a: _Summable | None, b: _Summable | None) -> _Summable | None:
    if a is None or b is None:
        return a or b
    return a + b


def ingest_stories(
    store: GraphStore,
    stories: Iterable[StoryInput | IngestProblem | object],
    *,
    registry: Registry | None = None,
    extractor: Extractor | None = None,
    on_story: Callable[[StoryInput | None, IngestReport], None] | None = None,
    workers: int = 1,
    rules: RulesRecipe | None = None,
) -> IngestReport:
    """Extract each story, resolve its entities against the store and write it.

    ``stories`` may interleave problems reported by the readers (any object with
    ``origin`` and ``message``); they are carried into the report. A story the
    extractor or the store rejects becomes a problem too; ``StoreUnavailable`` and
    ``ModelUnavailable`` stop the load (everything written so far stays written).
    ``extractor`` defaults to the rules with ``registry``. A story with no
    publication date, and the notes its reader made, become notes of the report.
    ``on_story`` is called after each item with the report so far; ``workers`` and
    ``rules`` (the rules extractor's recipe) read stories in worker processes
    (:func:`loaders.parallel.extracted`), still written one by one in input order.
    """
    from sinograph.loaders.resolve import resolve_against_store

    extractor = extractor or RulesExtractor(registry)
    report = IngestReport(extractor=extractor.name)
    for item, outcome in extracted(stories, extractor, workers=workers, rules=rules):
        if not isinstance(item, StoryInput):
            origin = getattr(item, "origin", "?")
            message = getattr(item, "message", str(item))
            report.problems.append(IngestProblem(origin=str(origin), message=str(message)))
            if on_story:
                on_story(None, report)
            continue
        report.stories_read += 1
        if item.published is None:
            report.notes.append(IngestProblem(origin=item.origin, message=NO_PUBLICATION_DATE))
        report.notes.extend(IngestProblem(origin=item.origin, message=n) for n in item.notes)
        try:
            if isinstance(outcome, GraphError):
                raise outcome
            assert outcome is not None
            _note_extraction(report, outcome)
            report.notes.extend(IngestProblem(origin=item.origin, message=n) for n in outcome.notes)
            delta = resolve_against_store(outcome.delta, store, registry=registry)
            # The last point at which a spent budget stops the story: the upsert is one
            # transaction, so a story is written whole or not at all.
            checkpoint()
            report.upsert = report.upsert + store.upsert(delta)
            report.stories_written += 1
        except (StoreUnavailable, WorkBudgetExceeded):
            raise
        except ExtractionFailed as exc:
            report.stories_failed += 1
            usage = exc.details.get("usage")
            if isinstance(usage, TokenUsage):
                report.usage = _plus(report.usage, usage)
            report.problems.append(IngestProblem(origin=item.origin, message=exc.message))
        except GraphError as exc:
            report.problems.append(IngestProblem(origin=item.origin, message=exc.message))
        if on_story:
            on_story(item, report)
    return report


def _note_extraction(report: IngestReport, extraction: Extraction) -> None:
    report.verification = _plus(report.verification, extraction.verification)
    report.usage = _plus(report.usage, extraction.usage)
    room = MAX_REPORTED_DROPS - len(report.dropped)
    if room > 0:
        report.dropped.extend(extraction.dropped[:room])
