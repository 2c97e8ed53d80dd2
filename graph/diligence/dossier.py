"""A due-diligence dossier on one entity, as of a date, built on any :class:`GraphStore`.

Sections: identity, ownership up (to the ultimate parents) and down, people
(current and former, with roles and tenure), government exposure (acts on the
entity, its owners and its holdings, each with the ownership path behind it),
deals with their counterparties, a timeline, and the sources: every story cited,
numbered, with each fact pointing to its numbers (``citations``).

Every section is read through the protocol's own queries (``get_entity``,
``neighbors`` with a predicate allow-list, ``timeline``), so both stores answer
it alike; the walks follow only the predicates of their section, never a place
(see :mod:`graph.diligence.ownership`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.diligence.ownership import Exposure, OwnershipTree, exposure, ownership_tree
from sinograph.graph.model.dates import (
    parse_partial_date,
    partial_date_end_ordinal,
    partial_date_ordinal,
)
from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.queries import NeighbourQuery, TimelineQuery
from sinograph.graph.model.results import EntityRef, FactView, SourceRef, StorySummary, TimelineItem
from sinograph.graph.stores.assemble import entity_ref
from sinograph.graph.stores.protocol import GraphStore

__all__ = [
    "DEAL_PREDICATES",
    "PEOPLE_PREDICATES",
    "Deal",
    "Dossier",
    "NumberedSource",
    "PersonRole",
    "build_dossier",
]

PEOPLE_PREDICATES = (Predicate.LEADS, Predicate.WORKS_FOR, Predicate.FOUNDED)
DEAL_PREDICATES = (
    Predicate.ACQUIRES,
    Predicate.SELLS,
    Predicate.INVESTS_IN,
    Predicate.MERGES_WITH,
    Predicate.PARTNERS_WITH,
    Predicate.SUPPLIES,
)
# Other parties to the same target: the seller of what the entity buys, co-investors.
_PARTY_PREDICATES = (Predicate.ACQUIRES, Predicate.SELLS, Predicate.INVESTS_IN)
_FOOTPRINT_PREDICATES = (Predicate.HEADQUARTERED_IN, Predicate.OPERATES_IN, Predicate.LISTED_ON)
_OWNER_PREDICATES = (Predicate.OWNS, Predicate.CONTROLS, Predicate.SUBSIDIARY_OF)
# Deals whose other parties and their owners are looked up: the most recent ones (each
# costs two reads per party; a group with a thousand deals would cost minutes).
DEALS_EXPANDED = 25
_TIMELINE_PAGE = 200
_TIMELINE_MAX = 1_000
_STEP_LIMIT = 5_000


class PersonRole(BaseModel):
    """A person's position at the entity: ``current`` as of the dossier's date, or former."""

    model_config = ConfigDict(frozen=True)

    person: EntityRef
    predicate: Predicate
    role: str | None
    start: str | None
    end: str | None
    current: bool
    fact: FactView


class Deal(BaseModel):
    """A deal fact of the entity, the party on the other side, and the other parties to the
    same target (the seller of an asset the entity buys, co-investors), with their facts."""

    model_config = ConfigDict(frozen=True)

    fact: FactView
    counterparty: EntityRef
    other_parties: list[FactView] = Field(default_factory=list)
    party_owners: list[FactView] = Field(
        default_factory=list,
        description="who owns or controls the counterparty and the other parties (one hop up)",
    )


class NumberedSource(BaseModel):
    """A story the dossier cites, with the number facts point to."""

    model_config = ConfigDict(frozen=True)

    number: int
    story_id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


class Dossier(BaseModel):
    """Everything sinograph knows about one entity that a due-diligence reviewer asks first.

    ``citations`` maps each fact key in the dossier to the numbers of its sources in
    ``sources``; sources are numbered oldest story first (undated last).
    """

    model_config = ConfigDict(frozen=True)

    entity: Entity
    as_of: str | None
    fact_total: int
    footprint: list[FactView] = Field(
        default_factory=list,
        description="where it is based, operates and is listed (HEADQUARTERED_IN, "
        "OPERATES_IN, LISTED_ON)",
    )
    ownership: OwnershipTree
    people: list[PersonRole]
    exposure: list[Exposure]
    deals: list[Deal]
    timeline: list[TimelineItem]
    timeline_truncated: bool = False
    stories: list[StorySummary]
    sources: list[NumberedSource]
    citations: dict[str, list[int]]
    notes: list[str] = Field(default_factory=list)
    redirected_from: str | None = Field(
        default=None,
        description="the id asked for, when it is an entity merged into this one (curation)",
    )


def _facts_of(
    store: GraphStore,
    entity_id: str,
    predicates: Iterable[Predicate],
    *,
    as_of: str | None,
    min_confidence: float | None,
) -> tuple[list[FactView], dict[str, EntityRef]]:
    around = store.neighbors(NeighbourQuery(
        entity=entity_id,
        depth=1,
        predicates=[p.value for p in predicates],
        as_of=as_of,
        limit=_STEP_LIMIT,
        min_confidence=min_confidence,
    ))
    refs = {e.id: entity_ref(e) for e in around.entities}
    facts = [f for f in around.facts if entity_id in (f.subject, f.object)]
    return sorted(facts, key=lambda f: (f.date or "", f.key)), refs


def _people(
    store: GraphStore, entity_id: str, as_of: str | None, min_confidence: float | None
) -> list[PersonRole]:
    # Former roles too: the walk is not limited by as_of, each role is classed against it.
    facts, refs = _facts_of(
        store, entity_id, PEOPLE_PREDICATES, as_of=None, min_confidence=min_confidence
    )
    cutoff = partial_date_end_ordinal(as_of) if as_of else None
    out: list[PersonRole] = []
    for fact in facts:
        if fact.object != entity_id or refs[fact.subject].type.value != "Person":
            continue
        start = fact.valid_from or fact.date
        if cutoff is not None and start and partial_date_ordinal(start) > cutoff:
            continue  # began after the dossier's date
        end = fact.valid_until
        if cutoff is None:
            current = end is None
        else:
            current = end is None or partial_date_ordinal(end) > cutoff
        out.append(
            PersonRole(
                person=refs[fact.subject],
                predicate=fact.predicate,
                role=fact.role,
                start=start,
                end=end,
                current=current,
                fact=fact,
            )
        )
    out.sort(key=lambda p: (not p.current, p.person.name, p.start or "", p.fact.key))
    return out


def _deals(
    store: GraphStore, entity_id: str, as_of: str | None, min_confidence: float | None
) -> tuple[list[Deal], bool]:
    """The entity's deals, oldest first; the :data:`DEALS_EXPANDED` most recent carry their
    other parties and those parties' owners. Also whether some were not expanded."""
    facts, refs = _facts_of(
        store, entity_id, DEAL_PREDICATES, as_of=as_of, min_confidence=min_confidence
    )
    expand = {f.key for f in facts[-DEALS_EXPANDED:]}
    out: list[Deal] = []
    for fact in facts:
        other = fact.object if fact.subject == entity_id else fact.subject
        parties: list[FactView] = []
        owners: list[FactView] = []
        if fact.key in expand:
            parties, owners = _other_parties(store, entity_id, fact, other, as_of, min_confidence)
        out.append(
            Deal(fact=fact, counterparty=refs[other], other_parties=parties, party_owners=owners)
        )
    return out, len(facts) > DEALS_EXPANDED


def _other_parties(
    store: GraphStore,
    entity_id: str,
    fact: FactView,
    other: str,
    as_of: str | None,
    min_confidence: float | None,
) -> tuple[list[FactView], list[FactView]]:
    """The other parties to the target of the entity's deal, and who owns them and the
    counterparty (one hop up)."""
    parties: list[FactView] = []
    if fact.subject == entity_id and fact.predicate in _PARTY_PREDICATES:
        around, _ = _facts_of(
            store, other, _PARTY_PREDICATES, as_of=as_of, min_confidence=min_confidence
        )
        parties = [f for f in around if f.object == other and f.subject != entity_id]
    owners: list[FactView] = []
    for party in dict.fromkeys([other, *(f.subject for f in parties)]):
        held, _ = _facts_of(
            store, party, _OWNER_PREDICATES, as_of=as_of, min_confidence=min_confidence
        )
        owners += [
            f
            for f in held
            if entity_id not in (f.subject, f.object)
            and (f.subject if f.predicate is Predicate.SUBSIDIARY_OF else f.object) == party
        ]
    return parties, owners


def _timeline(
    store: GraphStore, entity_id: str, as_of: str | None
) -> tuple[list[TimelineItem], bool]:
    items: list[TimelineItem] = []
    cursor: str | None = None
    while True:
        page = store.timeline(TimelineQuery(
            entity=entity_id, until=as_of, cursor=cursor, limit=_TIMELINE_PAGE,
        ))
        items += page.items
        cursor = page.next_cursor
        if cursor is None or len(items) >= _TIMELINE_MAX:
            return items[:_TIMELINE_MAX], cursor is not None


def _all_facts(dossier_parts: Iterable[Iterable[FactView]]) -> list[FactView]:
    seen: dict[str, FactView] = {}
    for group in dossier_parts:
        for fact in group:
            seen.setdefault(fact.key, fact)
    return list(seen.values())


def _number_sources(
    facts: Iterable[FactView],
) -> tuple[list[NumberedSource], dict[str, list[int]]]:
    by_story: dict[str, SourceRef] = {}
    for fact in facts:
        for source in fact.sources:
            by_story.setdefault(source.story_id, source)
    ordered = sorted(
        by_story.values(), key=lambda s: (s.published is None, s.published or "", s.story_id)
    )
    numbers = {s.story_id: n for n, s in enumerate(ordered, 1)}
    sources = [
        NumberedSource(
            number=numbers[s.story_id],
            story_id=s.story_id,
            title=s.title,
            publisher=s.publisher,
            published=s.published,
            url=s.url,
        )
        for s in ordered
    ]
    citations = {fact.key: sorted({numbers[s.story_id] for s in fact.sources}) for fact in facts}
    return sources, dict(sorted(citations.items()))


def build_dossier(
    store: GraphStore,
    entity: str,
    *,
    as_of: str | None = None,
    max_hops: int = 4,
    min_confidence: float | None = None,
) -> Dossier:
    """The dossier of ``entity`` (an id or a name that fits one entity) as of ``as_of``
    (default: today, so ownership that has ended is left out and leaders who left are
    former).

    ``max_hops`` bounds the ownership walk up and down (1 to 6); ``min_confidence`` leaves
    out facts below it everywhere. Raises ``EntityNotFound``/``AmbiguousEntity`` for a
    bad name and ``InvalidInput`` for a bad date or bound.
    """
    # Without a date the dossier is as of today: ended holdings and roles are history.
    as_of = parse_partial_date(as_of) if as_of is not None else date.today().isoformat()
    detail = store.get_entity(entity)
    root = detail.entity.id
    tree = ownership_tree(
        store, root, as_of=as_of, max_hops=max_hops, min_confidence=min_confidence
    )
    acts = exposure(store, tree, as_of=as_of, min_confidence=min_confidence)
    people = _people(store, root, as_of, min_confidence)
    deals, deals_cut = _deals(store, root, as_of, min_confidence)
    footprint, _ = _facts_of(
        store, root, _FOOTPRINT_PREDICATES, as_of=as_of, min_confidence=min_confidence
    )
    footprint = [f for f in footprint if f.subject == root]
    timeline, cut = _timeline(store, root, as_of)
    facts = _all_facts(
        [
            [link.fact for link in tree.up + tree.down],
            [x.act for x in acts],
            [p.fact for p in people],
            [d.fact for d in deals],
            [f for d in deals for f in d.other_parties + d.party_owners],
            footprint,
            [i.fact for i in timeline if i.fact is not None],
        ]
    )
    sources, citations = _number_sources(facts)
    notes: list[str] = []
    if detail.redirected_from is not None:
        notes.append(
            f"{detail.redirected_from} was merged into {root}: this is the dossier of the "
            "entity it became (see the curation log)"
        )
    if tree.cut_at_max_hops:
        notes.append(f"the ownership walk stopped at {max_hops} hops; more may lie beyond")
    if cut:
        notes.append(f"the timeline lists the first {len(timeline)} items only")
    if deals_cut:
        notes.append(
            f"other parties and their owners are given for the {DEALS_EXPANDED} most recent "
            "deals only"
        )
    return Dossier(
        entity=detail.entity,
        as_of=as_of,
        fact_total=detail.fact_total,
        footprint=footprint,
        ownership=tree,
        people=people,
        exposure=acts,
        deals=deals,
        timeline=timeline,
        timeline_truncated=cut,
        stories=detail.stories,
        sources=sources,
        citations=citations,
        notes=notes,
        redirected_from=detail.redirected_from,
    )
