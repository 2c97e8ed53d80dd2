"""Reads shared by the store's query methods, each run inside the caller's transaction.

Every function takes the :class:`TransactionRunner` of one read (or write)
transaction, so a query method that calls several of them still sees one
snapshot of the graph. Results are assembled by :mod:`graph.stores.assemble`, as in
the embedded store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sinograph.graph.model.domain import Entity, Fact, Story
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.queries import TimeWindow
from sinograph.graph.model.results import FactView, MetricView
from sinograph.graph.stores.assemble import fact_view, metric_view
from sinograph.graph.stores.neo4j.rows import (
    EvidenceRow,
    entity_from_props,
    fact_from_props,
    metric_from_props,
    story_from_props,
)
from sinograph.graph.stores.neo4j.runner import Record, TransactionRunner

__all__ = [
    "Sources",
    "alias_entity_ids",
    "entities",
    "fact_views",
    "facts_from_rows",
    "filter_params",
    "group_evidence",
    "metric_views",
    "sources",
]

# Evidence of facts and metrics by key: (story id, sentence, extractor), and the stories.
Sources = tuple[dict[str, list[EvidenceRow]], dict[str, Story]]


def filter_params(
    predicates: frozenset[Predicate] | None,
    window: TimeWindow,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """The fact filters every traversal statement takes (see ``paths_shortest``): the
    predicate allow-list (excluded predicates already taken out), the time window, the
    as-of date and the minimum confidence."""
    return {
        "predicates": sorted(p.value for p in (predicates or Predicate)),
        "since": window.since_ordinal,
        "until": window.until_ordinal,
        "as_of": window.as_of_ordinal,
        "min_confidence": min_confidence,
    }


def entities(tx: TransactionRunner, ids: Iterable[str]) -> dict[str, Entity]:
    """The stored entities among ``ids``, by id."""
    rows = tx.read_in_batches("entities_by_ids", "ids", sorted(set(ids)))
    return {e.id: e for e in (entity_from_props(r["props"]) for r in rows)}


def alias_entity_ids(tx: TransactionRunner, norm: str) -> list[str]:
    """Ids of the entities with an alias of normal form ``norm``, sorted."""
    if not norm:
        return []  # aliases with no letters or digits are never indexed
    return [r["id"] for r in tx.run("alias_entity_ids", {"norm": norm})]


def group_evidence(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[EvidenceRow]]:
    """``{key: [(story id, sentence, extractor), ...]}`` from evidence rows."""
    evidence: dict[str, list[EvidenceRow]] = defaultdict(list)
    for row in rows:
        evidence[row["key"]].append((row["story_id"], row["sentence"], row.get("extractor")))
    return evidence


def sources(tx: TransactionRunner, keys: Iterable[str]) -> Sources:
    """Evidence of the given fact keys and metric ids, with every story it cites."""
    evidence: dict[str, list[EvidenceRow]] = defaultdict(list)
    stories: dict[str, Story] = {}
    for row in tx.read_in_batches("sources_by_keys", "keys", sorted(set(keys))):
        story = row["story"]
        evidence[row["key"]].append((story["id"], row["sentence"], row["extractor"]))
        if story["id"] not in stories:
            stories[story["id"]] = story_from_props(story)
    return evidence, stories


def facts_from_rows(
    rows: Iterable[Mapping[str, Any]], evidence: Mapping[str, Sequence[EvidenceRow]]
) -> dict[str, Fact]:
    """Facts by key from rows with ``subject``, ``predicate``, ``object`` and ``props``."""
    facts: dict[str, Fact] = {}
    for row in rows:
        key = row["props"]["key"]
        facts[key] = fact_from_props(
            row["subject"], row["predicate"], row["object"], row["props"], evidence.get(key, ())
        )
    return facts


def _names(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in rows:
        if row.get("subject_name") is not None:
            names[row["subject"]] = row["subject_name"]
        if row.get("object_name") is not None:
            names[row["object"]] = row["object_name"]
    return names


def fact_views(
    tx: TransactionRunner, rows: Sequence[Record], found: Sources | None = None
) -> dict[str, FactView]:
    """Views of fact rows (which carry their end entities' names), by key.

    ``found`` is the evidence already fetched; without it one query fetches it.
    """
    evidence, stories = found or sources(tx, (r["props"]["key"] for r in rows))
    facts = facts_from_rows(rows, evidence)
    names = _names(rows)
    return {key: fact_view(fact, names, stories) for key, fact in facts.items()}


def metric_views(rows: Sequence[Record], found: Sources) -> dict[str, MetricView]:
    """Views of metric rows (``props`` and the ``subject_name``), by id."""
    evidence, stories = found
    views: dict[str, MetricView] = {}
    for row in rows:
        metric = metric_from_props(row["props"], evidence.get(row["props"]["id"], ()))
        views[metric.id] = metric_view(metric, {metric.subject: row["subject_name"]}, stories)
    return views
