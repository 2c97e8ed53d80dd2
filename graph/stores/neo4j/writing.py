"""The write half of an upsert: read what a delta touches, write what its merge decided.

Both run inside the upsert's one write transaction, after it took the writer
lock, so what was read cannot change before the plan is written. Because the
stored records were read, the writer knows which records are new: those are
written with ``CREATE`` — facts with their evidence links and entities with
their alias nodes in the same statement — and only changed records are
matched (through the uniqueness constraints' indexes) and updated. Each kind
goes as ``UNWIND $rows`` batches, one statement per batch; relationship types
and labels are the rows' enum values, given as dynamic types (Neo4j 5.26), so
one statement (and one query plan) serves every predicate and entity type.

A stored fact whose date a more precise record refined moves to its new key
first (relationship and evidence links), before any fact is written; the keys
that now lead to a fact (``former_keys``) are recorded after. Evidence links
carry the extractor that read the sentence; a stored sentence read again by
another extractor keeps its link, relabelled with both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sinograph.graph.model.curation import redirect_delta
from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Metric
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.stores.neo4j.plan import (
    Lookups,
    StoredRecords,
    UpsertPlan,
    lookups,
    plan_upsert,
)
from sinograph.graph.stores.neo4j.reading import facts_from_rows, group_evidence
from sinograph.graph.stores.neo4j.rows import (
    Row,
    alias_rows,
    entity_from_props,
    entity_row,
    evidence_rows,
    fact_row,
    former_key_rows,
    metric_from_props,
    metric_row,
    rekey_rows,
    story_row,
)
from sinograph.graph.stores.neo4j.runner import TransactionRunner

__all__ = ["delta_entity_ids", "read_redirects", "read_stored", "upsert_in", "write_plan"]


def delta_entity_ids(delta: GraphDelta) -> list[str]:
    """Every entity id a delta names (its entities, and the ends of its facts and metrics)."""
    ids = {e.id for e in delta.entities} | {f.subject for f in delta.facts}
    ids |= {f.object for f in delta.facts} | {m.subject for m in delta.metrics}
    return sorted(ids)


def read_redirects(tx: TransactionRunner, ids: Sequence[str]) -> dict[str, str]:
    """Of ``ids``, those of merged-away entities, each with its survivor's id (one index
    seek each, in batches)."""
    return {r["id"]: r["target"] for r in tx.read_in_batches("redirects_by_ids", "ids", ids)}


def upsert_in(tx: TransactionRunner, delta: GraphDelta) -> UpsertPlan:
    """The whole upsert of ``delta`` inside the caller's write transaction (which holds the
    writers' lock): ids merged away go to their survivors first
    (:func:`graph.model.curation.redirect_delta`, so a merge survives re-loads), then the
    stored records it touches are read, merged (:func:`plan_upsert`) and written."""
    delta = redirect_delta(delta, read_redirects(tx, delta_entity_ids(delta)))
    stored = read_stored(tx, lookups(delta))
    plan = plan_upsert(delta, stored)
    write_plan(tx, plan, stored)
    return plan


def read_stored(tx: TransactionRunner, wanted: Lookups) -> StoredRecords:
    """The stored records an upsert needs, read inside its transaction."""
    stored = StoredRecords()
    stored.story_ids = {
        r["props"]["id"] for r in tx.read_in_batches("stories_by_ids", "ids", wanted.story_ids)
    }
    for row in tx.read_in_batches("entities_by_ids", "ids", wanted.entity_ids):
        entity = entity_from_props(row["props"])
        stored.entities[entity.id] = entity
    triples = [
        {"subject": s, "predicate": p.value, "object": o, "key": None}
        for s, p, o in wanted.triples
    ]
    fact_rows = tx.read_in_batches("facts_by_triples", "triples", triples)
    fact_rows += tx.read_in_batches("facts_leads_into", "ids", wanted.leads_objects)
    metric_rows = tx.read_in_batches("metrics_by_ids", "ids", wanted.metric_ids)
    keys = [r["props"]["key"] for r in fact_rows] + [r["props"]["id"] for r in metric_rows]
    evidence = group_evidence(tx.read_in_batches("evidence_by_keys", "keys", sorted(set(keys))))
    stored.facts = facts_from_rows(fact_rows, evidence)
    stored.rejected = {r["props"]["key"] for r in fact_rows if r["props"].get("rejected")}
    cited = {story for rows in evidence.values() for story, _sentence, _extractor in rows}
    cited |= set(wanted.story_ids)
    for row in tx.read_in_batches("stories_by_ids", "ids", sorted(cited)):
        stored.published[row["props"]["id"]] = row["props"].get("published")
    for row in metric_rows:
        metric = metric_from_props(row["props"], evidence.get(row["props"]["id"], ()))
        stored.metrics[metric.id] = metric
    return stored


def _evidence_changes(
    record: Fact | Metric, stored: Fact | Metric
) -> tuple[list[Evidence], list[Evidence]]:
    """The sentences ``record`` has that ``stored`` lacks, and the stored ones whose
    extractor label changed (another extractor read them too)."""
    known = {(e.story_id, e.sentence): e.extractor for e in stored.evidence}
    new: list[Evidence] = []
    relabelled: list[Evidence] = []
    for item in record.evidence:
        where = (item.story_id, item.sentence)
        if where not in known:
            new.append(item)
        elif known[where] != item.extractor:
            relabelled.append(item)
    return new, relabelled


def _evidence_list(evidence: Sequence[Evidence]) -> list[dict[str, str | None]]:
    return [
        {"story_id": e.story_id, "sentence": e.sentence, "extractor": e.extractor}
        for e in evidence
    ]


def _present(row: Row) -> Row:
    """``row`` with its ``props`` stripped of ``None`` (for a CREATE, the same thing)."""
    row["props"] = {k: v for k, v in row["props"].items() if v is not None}
    return row


def _entity_rows(entity: Entity, stored: Entity | None) -> Row:
    row = entity_row(entity) if stored else _present(entity_row(entity))
    row["aliases"] = alias_rows(entity)
    return row


def _stored_by_final_key(plan: UpsertPlan, stored: StoredRecords) -> dict[str, Fact]:
    """The stored facts under the keys they have once the plan's rekeys are applied."""
    moved = {old: new for _p, old, new in plan.rekeys}
    return {moved.get(key, key): fact for key, fact in stored.facts.items()}


def write_plan(tx: TransactionRunner, plan: UpsertPlan, stored: StoredRecords) -> None:
    """Write what :func:`plan_upsert` decided: stories, entities, facts, then metrics."""
    tx.run_batches("stories_create", [_present(story_row(s)) for s in plan.stories])

    created: list[Row] = []
    updated: list[Row] = []
    for entity in plan.entities:
        old = stored.entities.get(entity.id)
        (created if old is None else updated).append(_entity_rows(entity, old))
    tx.run_batches("entities_create", created)
    tx.run_batches("entities_update", updated)

    # A fact whose date was refined keeps its relationship and evidence under the new key.
    rekeys: dict[Predicate, list[tuple[str, str]]] = defaultdict(list)
    for predicate, old_key, new_key in plan.rekeys:
        rekeys[predicate].append((old_key, new_key))
    for predicate in sorted(rekeys):
        tx.run_batches("facts_rekey", rekey_rows(rekeys[predicate]), predicate=predicate)
    tx.run_batches("fact_evidence_rekey", rekey_rows((old, new) for _p, old, new in plan.rekeys))
    stored_facts = _stored_by_final_key(plan, stored)
    moved = {old: new for _p, old, new in plan.rekeys}
    new_facts: list[Row] = []
    changed_facts: list[Row] = []
    more_evidence: list[Row] = []
    relabelled: list[Row] = []
    for fact in plan.facts:
        old_fact = stored_facts.get(fact.key)
        fact_rec: dict[str, Any] = fact_row(fact, plan.known_from.get(fact.key))
        if old_fact is None:
            _present(fact_rec)
            fact_rec["predicate"] = fact.predicate.value
            fact_rec["evidence"] = _evidence_list(fact.evidence)
            new_facts.append(fact_rec)
        else:
            changed_facts.append(fact_rec)
            added, changed = _evidence_changes(fact, old_fact)
            more_evidence += evidence_rows(fact.key, fact.subject, added)
            relabelled += evidence_rows(fact.key, fact.subject, changed)
    tx.run_batches("facts_create", new_facts)
    tx.run_batches("facts_update", changed_facts)
    tx.run_batches("fact_evidence_create", more_evidence)
    # A re-load may add sentences to a rejected fact: they are hidden with it.
    rejected = {moved.get(key, key) for key in stored.rejected}
    hidden = sorted(f.key for f in plan.facts if f.key in rejected)
    if hidden:
        tx.run("evidence_mark_rejected", {"keys": hidden})
    former: dict[Predicate, dict[str, list[str]]] = defaultdict(dict)
    for predicate, key, keys in plan.former_keys:
        former[predicate][key] = keys
    for predicate in sorted(former):
        tx.run_batches("facts_former_keys", former_key_rows(former[predicate]),
                       predicate=predicate)

    new_metrics: list[Row] = []
    changed_metrics: list[Row] = []
    metric_evidence: list[Row] = []
    for metric in plan.metrics:
        old_metric = stored.metrics.get(metric.id)
        metric_rec: dict[str, Any] = metric_row(metric)
        if old_metric is None:
            _present(metric_rec)
            metric_rec["evidence"] = _evidence_list(metric.evidence)
            new_metrics.append(metric_rec)
        else:
            changed_metrics.append(metric_rec)
            added, changed = _evidence_changes(metric, old_metric)
            metric_evidence += evidence_rows(metric.id, metric.id, added)
            relabelled += evidence_rows(metric.id, metric.id, changed)
    tx.run_batches("metrics_create", new_metrics)
    tx.run_batches("metrics_update", changed_metrics)
    tx.run_batches("metric_evidence_create", metric_evidence)
    tx.run_batches("evidence_relabel", relabelled)
