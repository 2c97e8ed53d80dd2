"""What queries return: read models shared by every store, the CLI and the API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sinograph.graph.model.dates import Precision
from sinograph.graph.model.domain import Amount, AttributeValue, Entity
from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate

__all__ = [
    "EntityDetail",
    "EntityMatch",
    "EntityRef",
    "FactView",
    "GraphStats",
    "Hop",
    "MatchKind",
    "MatchedField",
    "MetricView",
    "Path",
    "PathResult",
    "SourceRef",
    "StoreBackup",
    "StoreHealth",
    "StoryPage",
    "StorySummary",
    "StoryView",
    "Subgraph",
    "TimelineItem",
    "TimelinePage",
    "UpsertReport",
    "ValidFromSource",
]

MatchKind = Literal["id", "exact", "prefix", "fuzzy"]
MatchedField = Literal[
    "id", "alias", "name_zh", "ticker", "identifier", "short_name", "redirect"
]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class EntityRef(_Result):
    id: str
    name: str
    type: EntityType


class EntityMatch(_Result):
    """One search hit: the entity, how it matched and on which surface form.

    ``matched_field`` says what the surface form is (an alias, the Chinese name, a
    ticker, an identifier, or a name's short form without its legal suffix);
    ``weak`` marks a fuzzy match below the confident score, shown as a suggestion
    but never taken for the entity by itself.
    """

    entity: Entity
    match: MatchKind
    score: float
    matched_alias: str
    matched_field: MatchedField = "alias"
    weak: bool = False


class StorySummary(_Result):
    """A story in a listing: what it is and how much was read from it."""

    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    fact_count: int = Field(description="facts this story is a source of")
    metric_count: int = Field(description="metrics this story is a source of")


class StoryPage(_Result):
    """One page of stories, newest first (undated last); ``next_cursor`` asks for the next."""

    items: list[StorySummary]
    next_cursor: str | None = None


class EntityDetail(_Result):
    entity: Entity
    fact_counts: dict[str, int] = Field(description="facts where the entity is subject or object")
    fact_total: int
    metric_total: int
    source_count: int = Field(description="distinct stories that mention it in a fact or metric")
    stories: list[StorySummary] = Field(
        default_factory=list,
        description="its newest stories (up to 20, newest first); "
        "`/entities/{id}/stories` pages through all of them",
    )
    redirected_from: str | None = Field(
        default=None,
        description="the id asked for, when it is an entity merged into this one",
    )


class SourceRef(_Result):
    """Where a fact was read: the story, the sentence, and the extractor that read it."""

    story_id: str
    sentence: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    extractor: str | None = Field(
        default=None, description="`rules`, `llm:<model>`, both joined by ` + `, or unknown"
    )


ValidFromSource = Literal["valid_from", "date", "published"]


def _published(source: object) -> object:
    if isinstance(source, dict):
        return source.get("published")
    return getattr(source, "published", None)


class FactView(_Result):
    """A fact with its entities named and every source resolved.

    ``valid_from_source`` says when an as-of query takes the fact to begin: its
    ``valid_from``, else its ``date``, else (``published``) the publication date
    of its earliest source, the first day it was known to hold (sources are
    listed oldest first); ``None`` when nothing dates it, and then an as-of query
    keeps it as a standing relation.
    """

    key: str
    subject: str
    subject_name: str
    predicate: Predicate
    object: str
    object_name: str
    date: str | None = None
    date_precision: Precision | None = None
    amount: Amount | None = None
    stake_pct: float | None = None
    status: FactStatus | None = None
    role: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    confidence: float
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    sources: list[SourceRef]
    valid_from_source: ValidFromSource | None = Field(
        default=None,
        description="where an as-of query takes the fact's start from: valid_from, date, or "
        "published (its earliest source's publication date)",
    )
    rejected: bool = Field(
        default=False,
        description="a curator rejected it: hidden from every read but a look-up by key "
        "and the list of rejected facts",
    )

    @model_validator(mode="before")
    @classmethod
    def _derive_start(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("valid_from_source") is not None:
            return data
        values: dict[str, Any] = dict(data)
        if values.get("valid_from"):
            values["valid_from_source"] = "valid_from"
        elif values.get("date"):
            values["valid_from_source"] = "date"
        elif any(_published(s) for s in values.get("sources") or ()):
            values["valid_from_source"] = "published"
        return values


class MetricView(_Result):
    id: str
    subject: str
    subject_name: str
    name: str
    value: float
    unit: str | None = None
    change_pct: float | None = None
    period: str | None = None
    reported_by: str | None = None
    date: str | None = None
    sources: list[SourceRef]


class Hop(_Result):
    """One step of a path, walked from ``from_id`` to ``to_id``.

    ``direction`` is ``forward`` when the fact points the way the path walks
    (``from -PREDICATE-> to``) and ``backward`` when it points against it.
    """

    from_id: str
    to_id: str
    direction: Literal["forward", "backward"]
    fact: FactView


class Path(_Result):
    nodes: list[EntityRef]
    hops: list[Hop]

    @property
    def length(self) -> int:
        return len(self.hops)


class PathResult(_Result):
    source: EntityRef
    target: EntityRef
    paths: list[Path]
    redirects: dict[str, str] = Field(
        default_factory=dict,
        description="an endpoint asked for by the id of an entity merged into another: "
        "that id -> the survivor's",
    )


class TimelineItem(_Result):
    kind: Literal["fact", "metric"]
    date: str | None
    date_precision: Precision | None
    fact: FactView | None = None
    metric: MetricView | None = None


class TimelinePage(_Result):
    """One page of a timeline: dated items in date order, and undated items in their own
    section (on the first page, then on the pages ``undated_next_cursor`` leads to)."""

    entity: EntityRef | None
    items: list[TimelineItem]
    undated: list[TimelineItem] = Field(
        description="facts and metrics with no date: the first ones on the first page, the "
        "next ones on each page that `undated_next_cursor` asks for"
    )
    undated_total: int = Field(description="how many undated items there are in all")
    next_cursor: str | None = Field(default=None, description="the next page of dated items")
    undated_next_cursor: str | None = Field(
        default=None, description="the next page of undated items"
    )
    redirected_from: str | None = Field(
        default=None,
        description="the id asked for, when it is an entity merged into this one",
    )


class StoryView(_Result):
    """A source story and every fact and metric read from it (facts by key, metrics by id)."""

    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    facts: list[FactView]
    metrics: list[MetricView]


class Subgraph(_Result):
    entities: list[Entity]
    facts: list[FactView]
    truncated: bool = False


class GraphStats(_Result):
    entities: int
    facts: int
    stories: int
    metrics: int
    sources: int = Field(description="fact-to-story evidence links")
    by_label: dict[str, int]
    by_predicate: dict[str, int]
    by_publisher: dict[str, int]


class StoreBackup(_Result):
    """A consistent copy of the store written by ``sinograph backup`` (or restored)."""

    path: str
    bytes: int
    schema_version: int
    revision: int = Field(description="the store's write counter at the moment copied")
    seconds: float


class StoreHealth(_Result):
    """What a cheap probe of the store found: it answers, at which schema version, and
    whether it can be written."""

    schema_version: int | None = Field(
        default=None, description="the embedded store's schema version (None for Neo4j)"
    )
    read_only: bool = Field(
        default=False, description="the store's files cannot be written: reads only"
    )


class UpsertReport(_Result):
    """What one upsert changed: new records versus ones the store already knew."""

    stories_added: int = 0
    stories_known: int = 0
    entities_added: int = 0
    entities_known: int = 0
    facts_added: int = 0
    facts_known: int = 0
    metrics_added: int = 0
    metrics_known: int = 0
    facts_closed: int = 0

    def __add__(self, other: UpsertReport) -> UpsertReport:
        fields = type(self).model_fields
        return UpsertReport(**{f: getattr(self, f) + getattr(other, f) for f in fields})

    @property
    def changed(self) -> bool:
        return bool(
            self.stories_added
            or self.entities_added
            or self.facts_added
            or self.metrics_added
            or self.facts_closed
        )
