"""Cross-story entity resolution: one entity named differently in different stories
becomes one node when a delta is loaded into a store.

For every entity of the delta, in this order:

1. the registry: a name or alias of a registry entry of the same type gives the
   registry's canonical entity (and so its id);
2. the store's alias table (``store.find_entities_by_alias``): when exactly one stored
   entity of the same type carries one of the entity's names, it is that entity;
   when several do, the name is ambiguous and nothing is merged;
3. fuzzy matching (rapidfuzz) against the store's search, with guards: the names'
   distinctive words (not "China", "Group", "Bank", "Holding"...) must agree, and
   their generic words must not contradict ("Geely Auto" is not "Geely Holding",
   "China Construction Bank" is not "China Merchants Bank").

An entity the registry knows carries the registry's attributes (Chinese name,
country, tickers, description) even when it resolves to a stored entity that
lacks them. Facts and metrics are then re-pointed at the resolved ids and every
new surface form is kept as an alias.

>>> from sinograph.graph.model.domain import Entity, GraphDelta
>>> delta = GraphDelta(entities=(Entity(name="Norvik", type="Company"),))
>>> # resolve_against_store(delta, store).entities[0].id -> 'company:norvik-mining-group'
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, union_evidence
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.merge import merge_entity
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.extract.cues import COMPANY_SUFFIXES, word_set
from sinograph.loaders.extract.registry import Registry

__all__ = ["FUZZY_THRESHOLD", "resolve_against_store"]

FUZZY_THRESHOLD = 90.0
# Words that say what kind of firm or body something is, not which one.
_GENERIC = frozenset(w.lower().strip(".") for w in COMPANY_SUFFIXES) | word_set(
    """china chinese hong kong the of and & co corp inc ltd limited company group holding holdings
    international global national state people s republic new"""
)
# Legal forms and holding words leave a firm the same firm.
_LEGAL_FORMS = word_set(
    """co corp corporation inc incorporated ltd limited plc llc sa ag se nv bv gmbh group holding
    holdings company s a r l sarl pte bhd"""
)
# Stored forms too vague to identify anything ("the plant", "mine").
_MIN_FORM_LENGTH = 3


def _forms(entity: Entity) -> list[str]:
    seen: dict[str, str] = {}
    for form in (entity.name, *entity.aliases):
        norm = normalize_name(form)
        if len(norm) >= _MIN_FORM_LENGTH and norm not in seen:
            seen[norm] = form
    return list(seen.values())


def _split(name: str) -> tuple[list[str], set[str]]:
    words = [w for w in normalize_name(name).split() if w not in _LEGAL_FORMS]
    distinctive = [w for w in words if w not in _GENERIC]
    generic = {w for w in words if w in _GENERIC}
    return distinctive, generic


def _same_distinctive(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b):
        return False
    return all(fuzz.ratio(x, y) >= 85 for x, y in zip(sorted(a), sorted(b), strict=True))


def names_compatible(a: str, b: str, *, threshold: float = FUZZY_THRESHOLD) -> bool:
    """Whether two names may be one entity: close as strings, the same distinctive
    words, and generic words that do not contradict.

    >>> names_compatible("Norvik Mining", "Norvik Mining Group")
    True
    >>> names_compatible("China Construction Bank", "China Construction Bank Corp")
    True
    >>> names_compatible("China Construction Bank", "China Merchants Bank")
    False
    >>> names_compatible("Geely Auto", "Geely Holding")
    False
    """
    a_distinctive, a_generic = _split(a)
    b_distinctive, b_generic = _split(b)
    if not _same_distinctive(a_distinctive, b_distinctive):
        return False
    if a_generic != b_generic:
        return False  # "Geely Auto" is not "Geely Holding"
    score = fuzz.token_sort_ratio(" ".join(a_distinctive), " ".join(b_distinctive))
    return score >= threshold


def _by_registry(entity: Entity, registry: Registry | None) -> Entity | None:
    if registry is None:
        return None
    for form in _forms(entity):
        entry = registry.lookup(form)
        if entry is not None and entry.type is entity.type:
            return Entity(
                name=entry.name,
                type=entry.type,
                aliases=tuple(entry.aliases),
                name_zh=entry.name_zh,
                country=entry.country,
                tickers=entry.tickers,
                identifiers=entry.identifiers,
                description=entry.description,
            )
    return None


def _by_alias(entity: Entity, store: GraphStore) -> Entity | None:
    found: dict[str, Entity] = {}
    for form in _forms(entity):
        for candidate in store.find_entities_by_alias(form):
            if candidate.type is entity.type:
                found[candidate.id] = candidate
    if len(found) == 1:
        return next(iter(found.values()))
    return None  # none, or several entities share the name: do not guess


def _by_fuzzy(entity: Entity, store: GraphStore) -> Entity | None:
    if entity.type in (EntityType.COMMODITY, EntityType.MARKET, EntityType.ASSET):
        return None  # descriptive names ("gold mine") are too loose to match fuzzily
    matches: dict[str, Entity] = {}
    for match in store.search_entities(SearchQuery(text=entity.name, type=entity.type, limit=5)):
        candidate = match.entity
        if candidate.id == entity.id:
            return candidate
        if any(
            names_compatible(entity.name, form) for form in (candidate.name, *candidate.aliases)
        ):
            matches[candidate.id] = candidate
    if len(matches) == 1:
        return next(iter(matches.values()))
    return None


def _resolved(entity: Entity, target: Entity) -> Entity:
    aliases = {*target.aliases, *entity.aliases, entity.name}
    return target.model_copy(update={"aliases": tuple(sorted(a for a in aliases if a.strip()))})


def resolve_against_store(
    delta: GraphDelta, store: GraphStore, *, registry: Registry | None = None
) -> GraphDelta:
    """``delta`` with its entities mapped onto the store's (see the module doc)."""
    mapping: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    for entity in delta.entities:
        target = _by_registry(entity, registry)
        stored = _by_alias(target or entity, store) or _by_fuzzy(target or entity, store)
        if stored is not None and target is not None and target.type is stored.type:
            # The registry's Chinese name, country, tickers... fill what the store lacks.
            stored = merge_entity(stored, target)
        if stored is not None and stored.type is entity.type:
            # So does what the story says (a country), as it would on an entity it created.
            stored = merge_entity(stored, entity.model_copy(update={"id": stored.id}))
        final = _resolved(entity, stored or target or entity)
        mapping[entity.id] = final.id
        old = entities.get(final.id)
        if old is not None:
            final = _resolved(final, old)
        entities[final.id] = final
    facts = _remap_facts(delta.facts, mapping)
    metrics = _remap_metrics(delta.metrics, mapping)
    return GraphDelta(
        stories=delta.stories,
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        facts=facts,
        metrics=metrics,
    )


def _remap_facts(facts: Iterable[Fact], mapping: dict[str, str]) -> tuple[Fact, ...]:
    out: dict[str, Fact] = {}
    for fact in facts:
        data = fact.model_dump()
        data.pop("key", None)
        data["subject"] = mapping.get(fact.subject, fact.subject)
        data["object"] = mapping.get(fact.object, fact.object)
        if data["subject"] == data["object"]:
            continue  # two names of one entity: a relation with itself says nothing
        new = Fact.model_validate(data)
        old = out.get(new.key)
        if old is not None:
            new = new.model_copy(
                update={
                    "evidence": union_evidence(old.evidence, new.evidence),
                    "confidence": max(old.confidence, new.confidence),
                    "amount": old.amount or new.amount,
                }
            )
        out[new.key] = new
    return tuple(out.values())


def _remap_metrics(metrics: Iterable[Metric], mapping: dict[str, str]) -> tuple[Metric, ...]:
    out: dict[str, Metric] = {}
    for metric in metrics:
        data = metric.model_dump()
        data.pop("id", None)
        data["subject"] = mapping.get(metric.subject, metric.subject)
        new = Metric.model_validate(data)
        out.setdefault(new.id, new)
    return tuple(out.values())
