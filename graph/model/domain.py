"""The domain model: pure, frozen pydantic data with stable ids and no database logic.

>>> zijin = Entity(name="Zijin Mining Group", type=EntityType.COMPANY, aliases=("Zijin",))
>>> zijin.id
'company:zijin-mining-group'
>>> rg = Entity(name="RG Gold", type=EntityType.ASSET)
>>> fact = Fact(subject=zijin.id, predicate=Predicate.ACQUIRES, object=rg.id, date="2025-06-29")
>>> fact.key == Fact(subject=zijin.id, predicate="ACQUIRES", object=rg.id, date="2025-06-29").key
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sinograph.graph.model.curation_log import CurationExport
from sinograph.graph.model.dates import PartialDate
from sinograph.graph.model.identifiers import validate_identifiers
from sinograph.graph.model.ids import entity_id, fact_key, metric_id, story_id, text_hash
from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate

__all__ = [
    "Amount",
    "AttributeValue",
    "Entity",
    "Evidence",
    "Fact",
    "GraphDelta",
    "Metric",
    "Story",
    "STORY_URL_SCHEMES",
    "check_story_url",
    "stored_story_url",
    "join_extractors",
    "union_evidence",
]

AttributeValue = str | int | float | bool
# A story's link is opened by analysts and put into the explorer's pages: only web
# addresses, never `javascript:`, `data:` or `file:` ones.
STORY_URL_SCHEMES = ("http", "https")
MAX_NAME_LENGTH = 2_000
MAX_SENTENCE_LENGTH = 100_000


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _unique(values: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values or ():
        if isinstance(value, str) and value.strip():
            seen.setdefault(value, None)
    return tuple(sorted(seen))


class Entity(_Frozen):
    """A node: a company, person, place, body, product, asset, commodity, market or group."""

    id: str = ""
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    type: EntityType
    aliases: tuple[str, ...] = ()
    name_zh: str | None = None
    country: str | None = None
    tickers: tuple[str, ...] = ()
    identifiers: dict[str, str] = Field(
        default_factory=dict,
        description="codes by scheme: `lei`, `uscc` (统一社会信用代码) and `isin` are checked "
        "(graph.model.identifiers); other schemes are kept as given",
    )
    description: str | None = None
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)

    @field_validator("identifiers", mode="before")
    @classmethod
    def _valid_identifiers(cls, value: Any) -> Any:
        if isinstance(value, dict) and value:
            return validate_identifiers({str(k): str(v) for k, v in value.items()})
        return value

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            name = data.get("name")
            kind = data.get("type")
            if isinstance(name, str) and name.strip() and kind is not None and not data.get("id"):
                data["id"] = entity_id(EntityType(kind), name)
            aliases = list(data.get("aliases") or ())
            if isinstance(name, str):
                aliases.append(name)
            data["aliases"] = _unique(aliases)
            data["tickers"] = _unique(data.get("tickers"))
        return data

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("an entity name cannot be blank")
        return value


class Amount(_Frozen):
    """Money in units of an ISO 4217 currency: ``{"value": 1.2e9, "currency": "USD"}``."""

    value: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class Evidence(_Frozen):
    """The sentence that states a fact, the story it comes from, and which extractor read it.

    ``extractor`` is ``rules`` (the deterministic extractor), ``llm:<model>`` (a
    language model), several of them joined by `` + `` when they read the same
    sentence, or ``None`` when unknown (a hand-made graph file).

    >>> Evidence(story_id="s", sentence="X bought Y.", extractor="rules").extractor
    'rules'
    """

    story_id: str
    sentence: str = Field(max_length=MAX_SENTENCE_LENGTH)
    extractor: str | None = Field(default=None, min_length=1, max_length=MAX_NAME_LENGTH)

    @field_validator("extractor")
    @classmethod
    def _canonical_extractor(cls, value: str | None) -> str | None:
        if value is None or (EXTRACTOR_SEPARATOR not in value and value == value.strip()):
            return value
        return join_extractors(value, None)


EXTRACTOR_SEPARATOR = " + "


def join_extractors(*labels: str | None) -> str | None:
    """The extractors of one piece of evidence read by several, as one label.

    >>> join_extractors("llm:qwen2.5:7b", "rules")
    'rules + llm:qwen2.5:7b'
    >>> join_extractors("rules + llm:a", "llm:a")
    'rules + llm:a'
    >>> join_extractors(None, None) is None
    True
    """
    parts: set[str] = set()
    for label in labels:
        if label:
            parts.update(p.strip() for p in label.split(EXTRACTOR_SEPARATOR) if p.strip())
    if not parts:
        return None
    return EXTRACTOR_SEPARATOR.join(sorted(parts, key=lambda p: (p != "rules", p)))


def union_evidence(*groups: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Every piece of evidence once per (story, sentence), sorted; the extractors of a
    sentence read several times are joined (see :func:`join_extractors`)."""
    out: dict[tuple[str, str], Evidence] = {}
    for group in groups:
        for item in group:
            key = (item.story_id, item.sentence)
            old = out.get(key)
            if old is None:
                out[key] = item
            elif item.extractor and item.extractor != old.extractor:
                out[key] = old.model_copy(
                    update={"extractor": join_extractors(old.extractor, item.extractor)}
                )
    return tuple(out[k] for k in sorted(out))


def check_story_url(url: str | None) -> str | None:
    """``url`` when it is an ``http`` or ``https`` address with a host (blank: None);
    ``ValueError`` naming the problem otherwise.

    >>> check_story_url("https://news.example.com/a")
    'https://news.example.com/a'
    >>> check_story_url("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: a story's url must be an http or https address, not a 'javascript:' one
    """
    if url is None or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in STORY_URL_SCHEMES:
        kind = f"a {scheme + ':'!r} one" if scheme else "one without a scheme"
        raise ValueError(f"a story's url must be an http or https address, not {kind}")
    if not parts.hostname:
        raise ValueError("a story's url must name a host (https://host/...)")
    return url


def stored_story_url(url: str | None) -> str | None:
    """A url read back from a store: kept when it is a web address, else None (a record
    written before links were checked never reaches a page as a link).

    >>> stored_story_url("javascript:alert(1)") is None
    True
    """
    try:
        return check_story_url(url)
    except ValueError:
        return None


class Story(_Frozen):
    """A news story: where facts come from. Its ``url`` is an http(s) address or None."""

    id: str = ""
    title: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    text_hash: str

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        return check_story_url(value)

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and data.get("text_hash"):
            data = dict(data)
            data["id"] = story_id(data.get("url"), data["text_hash"])
        return data

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Story:
        """Build a story record for ``text``; its id follows the URL, else the text."""
        return cls(text_hash=text_hash(text), **fields)


class Fact(_Frozen):
    """A directed, dated, sourced edge ``subject -PREDICATE-> object``.

    The key depends on subject, predicate, object and date only, so the same fact
    told by two stories is one edge with two pieces of evidence.
    """

    key: str = ""
    subject: str
    predicate: Predicate
    object: str
    date: PartialDate | None = None
    amount: Amount | None = None
    stake_pct: float | None = Field(default=None, ge=0, le=100)
    status: FactStatus | None = None
    role: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    confidence: float = Field(default=1.0, ge=0, le=1)
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        # The extractor's report gives one sentence, its story and the extractor that
        # read it as flat fields; accept that shape so its output loads as it is.
        source = data.pop("source", None)
        extractor = data.pop("extractor", None)
        if isinstance(data.get("evidence"), str):
            sentence = data.pop("evidence")
            story = source.get("id") if isinstance(source, dict) else source
            data["evidence"] = (
                [{"story_id": story, "sentence": sentence, "extractor": extractor}]
                if story
                else []
            )
        data.pop("sources", None)
        for drop in ("subject_name", "object_name", "date_precision"):
            data.pop(drop, None)
        try:
            predicate = Predicate(data.get("predicate"))
        except ValueError:
            return data  # field validation reports the bad predicate
        subject, obj = data.get("subject"), data.get("object")
        if isinstance(subject, str) and isinstance(obj, str):
            data["key"] = fact_key(subject, predicate, obj, data.get("date"))
        evidence = data.get("evidence") or ()
        data["evidence"] = _sorted_evidence(evidence)
        return data


def _sorted_evidence(items: Any) -> tuple[Any, ...]:
    def sort_key(item: Any) -> tuple[str, str]:
        if isinstance(item, Evidence):
            return (item.story_id, item.sentence)
        if isinstance(item, dict):
            return (str(item.get("story_id")), str(item.get("sentence")))
        return ("", "")

    unique: dict[tuple[str, str], Any] = {}
    for item in items:
        key = sort_key(item)
        old = unique.setdefault(key, item)
        if old is not item:
            unique[key] = _with_extractors(old, item)
    return tuple(unique[k] for k in sorted(unique))


def _extractor_of(item: Any) -> str | None:
    if isinstance(item, Evidence):
        return item.extractor
    if isinstance(item, dict):
        value = item.get("extractor")
        return value if isinstance(value, str) else None
    return None


def _with_extractors(old: Any, new: Any) -> Any:
    """``old`` (the same sentence as ``new``) naming the extractors of both."""
    joined = join_extractors(_extractor_of(old), _extractor_of(new))
    if joined == _extractor_of(old):
        return old
    if isinstance(old, Evidence):
        return old.model_copy(update={"extractor": joined})
    if isinstance(old, dict):
        return {**old, "extractor": joined}
    return old


class Metric(_Frozen):
    """A reported figure about one entity: ``new-home sales = 339e9 CNY, -23%, 2025-06``."""

    id: str = ""
    subject: str
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    value: float
    unit: str | None = None
    change_pct: float | None = None
    period: str | None = None
    reported_by: str | None = None
    date: PartialDate | None = None
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        source = data.pop("source", None)
        if isinstance(data.get("evidence"), str):
            sentence = data.pop("evidence")
            story = source.get("id") if isinstance(source, dict) else source
            data["evidence"] = [{"story_id": story, "sentence": sentence}] if story else []
        data.pop("subject_name", None)
        subject, name = data.get("subject"), data.get("name")
        if isinstance(subject, str) and isinstance(name, str):
            data["id"] = metric_id(subject, name, data.get("period"), data.get("reported_by"))
        data["evidence"] = _sorted_evidence(data.get("evidence") or ())
        return data


_DELTA_SECTIONS = frozenset({"stories", "entities", "facts", "metrics", "curation"})


class GraphDelta(_Frozen):
    """What one extraction produces and one upsert writes.

    Its JSON form (``model_dump(mode="json")``) is also sinograph's lossless
    export format: ``GraphDelta.model_validate_json(text)`` reads it back.
    """

    stories: tuple[Story, ...] = ()
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    metrics: tuple[Metric, ...] = ()
    curation: CurationExport | None = Field(
        default=None,
        description="an export's curation log, the redirects of merged entities and the "
        "keys of rejected facts (graph.model.curation); a load applies it after the rest",
    )

    @model_validator(mode="before")
    @classmethod
    def _ignore_report_fields(cls, data: Any) -> Any:
        # Export files and extraction reports may carry a header for people.
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k in _DELTA_SECTIONS}
        return data

    def is_empty(self) -> bool:
        return not (self.stories or self.entities or self.facts or self.metrics)

    def record_count(self) -> int:
        """Stories, entities, facts and metrics in all."""
        return len(self.stories) + len(self.entities) + len(self.facts) + len(self.metrics)
