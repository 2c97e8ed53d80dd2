"""Screening a list of counterparties: who each name is, how sure the match is, and which
government acts touch it or its ownership tree — on any :class:`GraphStore`.

For each name (with an optional country and identifier) the answer is one of:

* ``matched``: one entity, with a ``score`` and the ``reason`` — ``identifier`` (an
  identifier or ticker given or typed), ``exact`` (its canonical name), ``alias``,
  ``name_zh``, ``short_name`` (the name without its legal suffix), ``prefix`` or
  ``fuzzy`` (a misspelling, score at least ``min_score`` and ahead of the next
  entity by ``margin``); ``country`` is added when the country picked it among
  several;
* ``ambiguous``: several entities fit equally well — the candidates are listed;
* ``no_match``: nothing fits; fuzzy candidates below ``min_score`` are listed as
  suggestions.

A matched entity gets risk flags (``sanctioned``, ``banned``, ``fined``, ``under
investigation``, ``tariffed``) from acts on it, on its owners and on its holdings
within ``hops`` ownership hops, as of a date, each with the act and the ownership
path behind it (:func:`graph.diligence.ownership.exposure`). A flag on a fuzzy match says so
(``match_certain`` false): a misspelt name never raises a flag silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sinograph.graph.diligence.ownership import (
    MAX_OWNERSHIP_HOPS,
    Exposure,
    exposure,
    ownership_tree,
)
from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.domain import Entity
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.names import CONFIDENT_SCORE, WEAK_SCORE
from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.model.results import EntityMatch, EntityRef
from sinograph.graph.stores.assemble import entity_ref
from sinograph.graph.stores.protocol import GraphStore

__all__ = [
    "MAX_SCREEN_NAMES",
    "MatchReason",
    "ScreenOptions",
    "ScreenRequest",
    "ScreenResult",
    "ScreenSubject",
    "screen",
    "screen_one",
]

MAX_SCREEN_NAMES = 1_000
MatchReason = Literal[
    "identifier", "exact", "alias", "name_zh", "short_name", "prefix", "fuzzy", "country"
]
_SEARCH_LIMIT = 20


class ScreenSubject(BaseModel):
    """One name to screen, as a counterparty list gives it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=500)
    country: str | None = Field(default=None, max_length=200)
    identifier: str | None = Field(
        default=None, max_length=100, description="an LEI, USCC, ISIN, other code or ticker"
    )

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not normalize_name(value):
            raise ValueError("a name needs at least one letter or digit")
        return value.strip()


class ScreenOptions(BaseModel):
    """The thresholds of a screening; every one is a parameter of ``POST /screen``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    as_of: str | None = Field(
        default=None, description="flags as of this date (default: today)"
    )
    hops: int = Field(
        default=2, ge=0, le=MAX_OWNERSHIP_HOPS,
        description="ownership hops up and down within which acts raise flags",
    )
    min_score: float = Field(
        default=CONFIDENT_SCORE, ge=WEAK_SCORE, le=100,
        description="the lowest fuzzy score that counts as a match",
    )
    margin: float = Field(
        default=5.0, ge=0, le=100,
        description="how far the best fuzzy match must lead the next entity",
    )
    min_confidence: float | None = Field(
        default=None, ge=0, le=1, description="leave out facts below this confidence"
    )

    @field_validator("as_of")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return parse_partial_date(value) if value is not None else None


class ScreenRequest(ScreenOptions):
    """A list of names and the thresholds to screen them with."""

    names: list[ScreenSubject] = Field(min_length=1, max_length=MAX_SCREEN_NAMES)


class Candidate(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity: EntityRef
    score: float
    matched_alias: str
    matched_field: str


class Flag(BaseModel):
    """A risk flag: the act behind it, where it sits in the ownership tree, and whether the
    name's match was certain."""

    model_config = ConfigDict(frozen=True)

    flag: str
    match_certain: bool
    note: str | None = None
    exposure: Exposure


class ScreenResult(BaseModel):
    """The answer for one name (see the module doc)."""

    model_config = ConfigDict(frozen=True)

    input: ScreenSubject
    status: Literal["matched", "ambiguous", "no_match"]
    entity: Entity | None = None
    score: float | None = None
    reasons: list[MatchReason] = Field(default_factory=list)
    matched_alias: str | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


def _candidate(hit: EntityMatch) -> Candidate:
    return Candidate(
        entity=entity_ref(hit.entity), score=hit.score, matched_alias=hit.matched_alias,
        matched_field=hit.matched_field,
    )


def _distinct(hits: Sequence[EntityMatch]) -> list[EntityMatch]:
    seen: dict[str, EntityMatch] = {}
    for hit in hits:
        seen.setdefault(hit.entity.id, hit)
    return list(seen.values())


def _reason(hit: EntityMatch, typed: str) -> MatchReason:
    if hit.match == "id" or hit.matched_field in ("identifier", "ticker"):
        return "identifier"
    if hit.match == "prefix":
        return "prefix"
    if hit.match == "fuzzy":
        return "fuzzy"
    if hit.matched_field == "short_name":
        return "short_name"
    norm = normalize_name(typed)
    if normalize_name(hit.entity.name) == norm:
        return "exact"
    if hit.matched_field == "name_zh" or (
        hit.entity.name_zh and normalize_name(hit.entity.name_zh) == norm
    ):
        return "name_zh"
    return "alias"


def _by_country(hits: list[EntityMatch], country: str | None) -> list[EntityMatch]:
    if not country:
        return hits
    wanted = normalize_name(country)
    return [h for h in hits if h.entity.country and normalize_name(h.entity.country) == wanted]


def _choose(
    subject: ScreenSubject, hits: Sequence[EntityMatch], options: ScreenOptions
) -> ScreenResult:
    """Pick the entity for one name from its ranked search hits."""
    groups: list[list[EntityMatch]] = [
        [h for h in hits if h.match in ("id", "exact") and h.matched_field != "short_name"],
        [h for h in hits if h.match == "exact" and h.matched_field == "short_name"],
        [h for h in hits if h.match == "prefix"],
    ]
    for group in groups:
        entities = _distinct(group)
        if not entities:
            continue
        chosen = entities
        reasons: list[MatchReason] = []
        if len(entities) > 1:
            chosen = _by_country(entities, subject.country)
            reasons = ["country"]
        if len(chosen) == 1:
            hit = chosen[0]
            return ScreenResult(
                input=subject, status="matched", entity=hit.entity, score=hit.score,
                reasons=[_reason(hit, subject.name), *reasons], matched_alias=hit.matched_alias,
            )
        return ScreenResult(
            input=subject, status="ambiguous",
            candidates=[_candidate(h) for h in (chosen or entities)],
        )
    fuzzy = _distinct(sorted((h for h in hits if h.match == "fuzzy"), key=lambda h: -h.score))
    good = [h for h in fuzzy if h.score >= options.min_score]
    if subject.country and len(good) > 1:
        in_country = _by_country(good, subject.country)
        good = in_country or good
    if good:
        best = good[0]
        rivals = [h.score for h in good[1:]]
        if not rivals or best.score - max(rivals) >= options.margin:
            return ScreenResult(
                input=subject, status="matched", entity=best.entity, score=best.score,
                reasons=["fuzzy"], matched_alias=best.matched_alias,
                candidates=[_candidate(h) for h in fuzzy[1:5]],
            )
        return ScreenResult(
            input=subject, status="ambiguous", candidates=[_candidate(h) for h in good]
        )
    return ScreenResult(
        input=subject, status="no_match", candidates=[_candidate(h) for h in fuzzy[:5]]
    )


def _by_identifier(
    store: GraphStore, subject: ScreenSubject, options: ScreenOptions
) -> ScreenResult | None:
    if not subject.identifier:
        return None
    hits = [
        h for h in store.search_entities(SearchQuery(text=subject.identifier, limit=_SEARCH_LIMIT))
        if h.match == "id" or (h.match == "exact" and h.matched_field in ("identifier", "ticker"))
    ]
    entities = _distinct(hits)
    if len(entities) != 1:
        return None  # unknown code: fall back to the name
    hit = entities[0]
    reasons: list[MatchReason] = ["identifier"]
    name_hit = [
        h for h in store.search_entities(SearchQuery(text=subject.name, limit=_SEARCH_LIMIT))
        if h.entity.id == hit.entity.id and h.match != "fuzzy"
    ]
    if name_hit and _reason(name_hit[0], subject.name) not in reasons:
        reasons.append(_reason(name_hit[0], subject.name))
    return ScreenResult(
        input=subject, status="matched", entity=hit.entity, score=100.0, reasons=reasons,
        matched_alias=hit.matched_alias,
    )


def screen_one(
    store: GraphStore, subject: ScreenSubject, options: ScreenOptions | None = None
) -> ScreenResult:
    """Screen one name (see the module doc)."""
    options = options or ScreenOptions()
    result = _by_identifier(store, subject, options)
    if result is None:
        hits = store.search_entities(SearchQuery(text=subject.name, limit=_SEARCH_LIMIT))
        result = _choose(subject, hits, options)
    if result.entity is None:
        return result
    as_of = options.as_of or date.today().isoformat()
    tree = ownership_tree(
        store, result.entity.id, as_of=as_of, max_hops=max(options.hops, 1),
        min_confidence=options.min_confidence,
    )
    acts = exposure(
        store, tree, as_of=as_of, max_hops=options.hops, min_confidence=options.min_confidence
    )
    certain = "fuzzy" not in result.reasons
    note = None
    if not certain:
        note = (
            f"matched by a fuzzy name ({result.score:g}): confirm that {subject.name!r} is "
            f"{result.entity.name!r} before relying on this flag"
        )
    flags = [Flag(flag=x.flag, match_certain=certain, note=note, exposure=x) for x in acts]
    return result.model_copy(update={"flags": flags})


def screen(store: GraphStore, request: ScreenRequest) -> list[ScreenResult]:
    """Screen every name of ``request`` in its order."""
    if not request.names:
        raise InvalidInput("give at least one name to screen")
    options = ScreenOptions.model_validate(request.model_dump(exclude={"names"}))
    return [screen_one(store, subject, options) for subject in request.names]
