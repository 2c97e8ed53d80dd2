"""Stories into a store: extract, resolve against what is stored, upsert — one story at a time.

Each story is written in its own transaction, so an interruption or a bad story
never loses what was already stored, and running the same load again only
fills in what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from graph.errors import GraphError, StoreUnavailable
from graph.results import UpsertReport
from graph.store import GraphStore
from loaders.story_input import StoryInput

if TYPE_CHECKING:
    from loaders.extract import Registry

__all__ = ["NO_PUBLICATION_DATE", "IngestProblem", "IngestReport", "ingest_stories"]

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
    on stories that were loaded (no publication date, a date other than the one given)."""

    stories_read: int = 0
    stories_written: int = 0
    upsert: UpsertReport = Field(default_factory=UpsertReport)
    problems: list[IngestProblem] = Field(default_factory=list)
    notes: list[IngestProblem] = Field(default_factory=list)

    @property
    def failed(self) -> list[IngestProblem]:
        """The problems that are failures (not files skipped on purpose)."""
        return [p for p in self.problems if not p.skipped]


def ingest_stories(
    store: GraphStore,
    stories: Iterable[StoryInput | IngestProblem | object],
    *,
    registry: Registry | None = None,
    on_story: Callable[[StoryInput | None], None] | None = None,
) -> IngestReport:
    """Extract each story, resolve its entities against the store and write it.

    ``stories`` may interleave problems reported by the readers (any object with
    ``origin`` and ``message``); they are carried into the report. A story the
    extractor or the store rejects becomes a problem too; ``StoreUnavailable``
    stops the load (everything written so far stays written). A story with no
    publication date, and the notes its reader made, become notes of the report.
    """
    from loaders.extract import extract
    from loaders.resolve import resolve_against_store

    report = IngestReport()
    for item in stories:
        if not isinstance(item, StoryInput):
            origin = getattr(item, "origin", "?")
            message = getattr(item, "message", str(item))
            report.problems.append(IngestProblem(origin=str(origin), message=str(message)))
            if on_story:
                on_story(None)
            continue
        report.stories_read += 1
        if item.published is None:
            report.notes.append(IngestProblem(origin=item.origin, message=NO_PUBLICATION_DATE))
        report.notes.extend(IngestProblem(origin=item.origin, message=n) for n in item.notes)
        try:
            delta = resolve_against_store(
                extract(item, registry=registry), store, registry=registry
            )
            report.upsert = report.upsert + store.upsert(delta)
            report.stories_written += 1
        except StoreUnavailable:
            raise
        except GraphError as exc:
            report.problems.append(IngestProblem(origin=item.origin, message=exc.message))
        if on_story:
            on_story(item)
    return report
