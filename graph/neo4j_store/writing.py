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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.model import Entity, Evidence, Fact, Metric
from graph.neo4j_store.plan import Lookups, StoredRecords, UpsertPlan
from graph.neo4j_store.reading import facts_from_rows, group_evidence
from graph.neo4j_store.rows import (
    Row,
    alias_rows,
    entity_from_props,
    entity_row,
    evidence_rows,
    fact_row,
    metric_from_props,
    metric_row,
    story_row,
)
from graph.neo4j_store.runner import TransactionRunner

__all__ = ["read_stored", "write_plan"]


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
    metric_rows = tx.read_in_batches("metrics_by_ids", "ids", wanted.metric_ids)
    keys = [r["props"]["key"] for r in fact_rows] + [r["props"]["id"] for r in metric_rows]
    evidence = group_evidence(tx.read_in_batches("evidence_by_keys", "keys", sorted(set(keys))))
    stored.facts = facts_from_rows(fact_rows, evidence)
    for row in metric_rows:
        metric = metric_from_props(row["props"], evidence.get(row["props"]["id"], ()))
        stored.metrics[metric.id] = metric
    return stored


def _new_evidence(record: Fact | Metric, stored: Fact | Metric | None) -> list[Evidence]:
    if stored is None:
        return list(record.evidence)
    known = {(e.story_id, e.sentence) for e in stored.evidence}
    return [e for e in record.evidence if (e.story_id, e.sentence) not in known]


def _evidence_list(evidence: Sequence[Evidence]) -> list[dict[str, str]]:
    return [{"story_id": e.story_id, "sentence": e.sentence} for e in evidence]


def _present(row: Row) -> Row:
    """``row`` with its ``props`` stripped of ``None`` (for a CREATE, the same thing)."""
    row["props"] = {k: v for k, v in row["props"].items() if v is not None}
    return row


def _entity_rows(entity: Entity, stored: Entity | None) -> Row:
    row = entity_row(entity) if stored else _present(entity_row(entity))
    known = set(stored.aliases) if stored else set()
    row["aliases"] = [a for a in alias_rows(entity) if a["alias"] not in known]
    return row


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

    new_facts: list[Row] = []
    changed_facts: list[Row] = []
    more_evidence: list[Row] = []
    for fact in plan.facts:
        old_fact = stored.facts.get(fact.key)
        fact_rec: dict[str, Any] = fact_row(fact)
        if old_fact is None:
            _present(fact_rec)
            fact_rec["predicate"] = fact.predicate.value
            fact_rec["evidence"] = _evidence_list(fact.evidence)
            new_facts.append(fact_rec)
        else:
            changed_facts.append(fact_rec)
            more_evidence += evidence_rows(fact.key, fact.subject, _new_evidence(fact, old_fact))
    tx.run_batches("facts_create", new_facts)
    tx.run_batches("facts_update", changed_facts)
    tx.run_batches("fact_evidence_create", more_evidence)

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
            metric_evidence += evidence_rows(
                metric.id, metric.id, _new_evidence(metric, old_metric)
            )
    tx.run_batches("metrics_create", new_metrics)
    tx.run_batches("metrics_update", changed_metrics)
    tx.run_batches("metric_evidence_create", metric_evidence)
