"""What one upsert must write, worked out in pure Python from the delta and the stored records.

The Neo4j store reads the records a delta touches (:func:`lookups`), hands them
here with the delta, and writes the resulting :class:`UpsertPlan` — all inside
one write transaction. The steps and their order (stories, entities, reference
checks, facts with closing, metrics) follow the embedded store's upsert, and the
merging itself is :mod:`graph.model.merge`, so both stores build the same graph and
the same :class:`UpsertReport` from the same input.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.merge import (
    close_fact,
    closer_patterns,
    closes,
    closing_date,
    closing_pattern,
    merge_entity,
    merge_fact,
    merge_metric,
    place_facts,
    single_holder_role,
    start_with_sources,
    succession_changed,
    succession_closures,
)
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.assemble import earliest_published

__all__ = ["Lookups", "StoredRecords", "UpsertPlan", "lookups", "plan_upsert"]

Triple = tuple[str, Predicate, str]


@dataclass(frozen=True)
class Lookups:
    """The ids and keys whose stored records an upsert of a delta needs."""

    story_ids: list[str]
    entity_ids: list[str]
    triples: list[Triple]
    metric_ids: list[str]
    # Organisations whose LEADS facts the delta may succeed (see graph.model.merge).
    leads_objects: list[str] = field(default_factory=list)


@dataclass
class StoredRecords:
    """What the store holds for a :class:`Lookups` (absent ids are simply missing)."""

    story_ids: set[str] = field(default_factory=set)
    entities: dict[str, Entity] = field(default_factory=dict)
    # Every stored fact of the looked-up triples, and every LEADS fact into the looked-up
    # organisations, by key.
    facts: dict[str, Fact] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    # Publication dates of the stories the delta and those facts cite.
    published: dict[str, str | None] = field(default_factory=dict)
    # Keys of the stored facts (among ``facts``) a curator rejected: a record of one lands
    # on it and leaves it rejected; they neither close nor are closed by other facts.
    rejected: set[str] = field(default_factory=set)


@dataclass
class UpsertPlan:
    """Records to write (new or changed only) and the report of the upsert."""

    stories: list[Story]
    entities: list[Entity]
    facts: list[Fact]
    metrics: list[Metric]
    report: UpsertReport
    # Stored facts whose key changes (a more precise date): (predicate, old key, new key),
    # to apply before ``facts`` are written.
    rekeys: list[tuple[Predicate, str, str]] = field(default_factory=list)
    # Keys that now lead to another fact (its earlier keys, records merged into it):
    # (predicate, key of the fact, former keys), written after ``facts``.
    former_keys: list[tuple[Predicate, str, list[str]]] = field(default_factory=list)
    # The publication date of each written fact's earliest source.
    known_from: dict[str, str | None] = field(default_factory=dict)


def _closing_triples(fact: Fact) -> list[Triple]:
    # A superset of graph.model.merge's closing_pattern/closer_patterns for any version of
    # this fact: the merge with the stored record may add the valid_until that makes
    # it a closer, so the lookup cannot depend on this record's dates.
    triples: list[Triple] = [(fact.subject, fact.predicate, fact.object)]
    if fact.predicate is Predicate.LIFTS_BAN:
        triples.append((fact.subject, Predicate.BANS, fact.object))
    if fact.predicate is Predicate.BANS:
        triples.append((fact.subject, Predicate.LIFTS_BAN, fact.object))
    return triples


def lookups(delta: GraphDelta) -> Lookups:
    """The stored records :func:`plan_upsert` needs for ``delta``.

    >>> from sinograph.graph.model.domain import Entity
    >>> from sinograph.graph.model.ontology import EntityType
    >>> lookups(GraphDelta(entities=(Entity(name="Zijin", type=EntityType.COMPANY),))).entity_ids
    ['company:zijin']
    """
    story_ids = {s.id for s in delta.stories}
    story_ids |= {e.story_id for f in delta.facts for e in f.evidence}
    story_ids |= {e.story_id for m in delta.metrics for e in m.evidence}
    entity_ids = {e.id for e in delta.entities}
    entity_ids |= {f.subject for f in delta.facts} | {f.object for f in delta.facts}
    entity_ids |= {m.subject for m in delta.metrics}
    triples = {t for f in delta.facts for t in _closing_triples(f)}
    leads = {
        f.object for f in delta.facts
        if f.predicate is Predicate.LEADS and single_holder_role(f.role)
    }
    return Lookups(
        story_ids=sorted(story_ids),
        entity_ids=sorted(entity_ids),
        triples=sorted(triples),
        metric_ids=sorted({m.id for m in delta.metrics}),
        leads_objects=sorted(leads),
    )


def plan_upsert(delta: GraphDelta, stored: StoredRecords) -> UpsertPlan:
    """Merge ``delta`` into ``stored`` with the rules of :mod:`graph.model.merge`.

    Raises :class:`InvalidInput` (and nothing is to be written) when an entity
    changes type, or a fact or metric names an entity or story that is neither
    in the delta nor stored.
    """
    counts: Counter[str] = Counter()

    # Stories: the first record of a story is kept.
    known_stories = set(stored.story_ids)
    new_stories: list[Story] = []
    for story in delta.stories:
        if story.id in known_stories:
            counts["stories_known"] += 1
        else:
            counts["stories_added"] += 1
            known_stories.add(story.id)
            new_stories.append(story)

    # Entities: merge duplicates inside the delta, then with the stored record.
    incoming: dict[str, Entity] = {}
    for entity in delta.entities:
        prior = incoming.get(entity.id)
        incoming[entity.id] = merge_entity(prior, entity) if prior else entity
    write_entities: list[Entity] = []
    for eid, entity in incoming.items():
        old = stored.entities.get(eid)
        if old is not None and old.type != entity.type:
            raise InvalidInput(f"entity {eid} is stored as {old.type}, not {entity.type}")
        merged = merge_entity(old, entity) if old else entity
        counts["entities_known" if old else "entities_added"] += 1
        if merged != old:
            write_entities.append(merged)

    _check_references(delta, set(stored.entities) | set(incoming), known_stories)

    # Facts: one fact per event (graph.model.merge.place_facts), then the closing rules.
    records: dict[str, Fact] = {}
    for fact in delta.facts:
        prior_fact = records.get(fact.key)
        records[fact.key] = merge_fact(prior_fact, fact) if prior_fact else fact
    placement = place_facts(records.values(), stored.facts.values())
    pending = dict(placement.facts)
    before: dict[str, Fact] = {}  # final key -> the stored record it updates
    for key in pending:
        old_key = placement.stored_key.get(key)
        if old_key is None:
            counts["facts_added"] += 1
        else:
            counts["facts_known"] += placement.landed[key]
            before[key] = stored.facts[old_key]
    rekeyed = placement.rekeyed
    # A rejected fact stays where it is: no closing or succession reads or changes it.
    pool = {k: f for k, f in stored.facts.items() if k not in rekeyed and k not in stored.rejected}
    closed = _apply_closing(pending, pool)
    published = {**stored.published, **{st.id: st.published for st in delta.stories}}
    known_from = {k: earliest_published(f, published) for k, f in {**pool, **pending}.items()}
    closed |= _apply_successions(pending, pool, known_from, before, published)
    counts["facts_closed"] += len(closed)
    write_facts = [
        fact
        for key, fact in pending.items()
        if before.get(key, pool.get(key)) != fact
    ]
    former: dict[str, list[str]] = {}
    for key, absorbed in placement.absorbed.items():
        former.setdefault(key, []).extend(sorted(absorbed))
    for old_key, new_key in sorted(rekeyed.items()):
        former.setdefault(new_key, []).append(old_key)

    # Metrics.
    metrics: dict[str, Metric] = {}
    for metric in delta.metrics:
        prior_metric = metrics.get(metric.id)
        metrics[metric.id] = merge_metric(prior_metric, metric) if prior_metric else metric
    write_metrics: list[Metric] = []
    for mid, metric in metrics.items():
        old_metric = stored.metrics.get(mid)
        counts["metrics_known" if old_metric else "metrics_added"] += 1
        merged_metric = merge_metric(old_metric, metric) if old_metric else metric
        if merged_metric != old_metric:
            write_metrics.append(merged_metric)

    return UpsertPlan(
        stories=new_stories,
        entities=write_entities,
        facts=write_facts,
        metrics=write_metrics,
        report=UpsertReport(**counts),
        rekeys=[(stored.facts[old].predicate, old, new) for old, new in sorted(rekeyed.items())],
        former_keys=[(placement.facts[k].predicate, k, keys) for k, keys in sorted(former.items())],
        known_from={f.key: known_from[f.key] for f in write_facts},
    )


def _apply_successions(
    pending: dict[str, Fact],
    stored: dict[str, Fact],
    known_from: dict[str, str | None],
    before: dict[str, Fact],
    published: dict[str, str | None],
) -> set[str]:
    """End the tenures a newer holder of the same position ended (graph.model.merge)."""
    objects = {
        f.object for k, f in pending.items()
        if succession_changed(
            f, before.get(k),
            k not in before or known_from[k] == earliest_published(before[k], published),
        )
    }
    if not objects:
        return set()
    pool = {
        k: f for k, f in stored.items()
        if f.predicate is Predicate.LEADS and f.object in objects and k not in pending
    }
    pool.update({k: f for k, f in pending.items() if f.predicate is Predicate.LEADS})
    closed: set[str] = set()
    for key, until in succession_closures(pool.values(), start_with_sources(known_from)).items():
        pending[key] = close_fact(pool[key], until)
        closed.add(key)
    return closed


def _check_references(delta: GraphDelta, entity_ids: set[str], story_ids: set[str]) -> None:
    wanted = {f.subject for f in delta.facts} | {f.object for f in delta.facts}
    wanted |= {m.subject for m in delta.metrics}
    missing = sorted(wanted - entity_ids)
    if missing:
        raise InvalidInput(
            f"facts or metrics name entities that are neither in the input nor stored: "
            f"{', '.join(missing[:10])}",
            missing=missing,
        )
    cited = {e.story_id for f in delta.facts for e in f.evidence}
    cited |= {e.story_id for m in delta.metrics for e in m.evidence}
    missing = sorted(cited - story_ids)
    if missing:
        raise InvalidInput(
            f"evidence cites stories that are neither in the input nor stored: "
            f"{', '.join(missing[:10])}",
            missing=missing,
        )


def _apply_closing(pending: dict[str, Fact], stored: dict[str, Fact]) -> set[str]:
    """Close facts ended by others, both ways: new closers, and new closable facts."""
    closed: set[str] = set()
    patterns: set[Triple] = set()
    for fact in pending.values():
        pattern = closing_pattern(fact)
        if pattern:
            patterns.add(pattern)
        patterns.update(closer_patterns(fact))
    if not patterns:
        return closed
    pool: dict[str, Fact] = {
        key: fact
        for key, fact in stored.items()
        if key not in pending and (fact.subject, fact.predicate, fact.object) in patterns
    }
    pool.update(pending)
    candidates = sorted(pool.values(), key=lambda f: f.key)
    # closes() needs the target's triple to be the closer's pattern: look only there, not
    # at every pair of the pool (quadratic in the delta; 34 s of a 100k-fact load).
    by_triple: dict[Triple, list[Fact]] = {}
    for fact in candidates:
        by_triple.setdefault((fact.subject, fact.predicate, fact.object), []).append(fact)
    for closer in candidates:
        pattern = closing_pattern(closer)
        if pattern is None:
            continue
        for target in by_triple.get(pattern, ()):
            current = pool[target.key]
            if closes(closer, current):
                until = closing_date(closer)
                assert until is not None
                if until is None:  # closing_pattern guarantees a date; keep mypy honest
                    continue
                pool[target.key] = close_fact(current, until)
                pending[target.key] = pool[target.key]
                closed.add(target.key)
    return closed
