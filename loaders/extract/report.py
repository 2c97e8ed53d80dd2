"""The extraction report: what ``sinograph extract --format json`` prints.

Facts are flat and readable (``evidence`` is the sentence, ``source`` the story id,
``subject_name``/``object_name`` for people) and the whole report loads back as a
:class:`GraphDelta` (``GraphDelta.model_validate(report)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.merge import merge_entity, merge_fact, merge_metric

__all__ = ["combine_deltas", "extraction_report"]


def combine_deltas(deltas: Iterable[GraphDelta]) -> GraphDelta:
    """One delta from several stories' deltas: the same entity, fact or metric once."""
    stories: dict[str, Story] = {}
    entities: dict[str, Entity] = {}
    facts: dict[str, Fact] = {}
    metrics: dict[str, Metric] = {}
    for delta in deltas:
        for story in delta.stories:
            stories.setdefault(story.id, story)
        for entity in delta.entities:
            old_entity = entities.get(entity.id)
            entities[entity.id] = merge_entity(old_entity, entity) if old_entity else entity
        for fact in delta.facts:
            old_fact = facts.get(fact.key)
            facts[fact.key] = merge_fact(old_fact, fact) if old_fact else fact
        for metric in delta.metrics:
            old_metric = metrics.get(metric.id)
            metrics[metric.id] = merge_metric(old_metric, metric) if old_metric else metric
    return GraphDelta(
        stories=tuple(stories.values()),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        facts=tuple(facts.values()),
        metrics=tuple(metrics.values()),
    )


def extraction_report(delta: GraphDelta) -> dict[str, Any]:
    """The JSON-ready report of a delta (see the module doc)."""
    names = {e.id: e.name for e in delta.entities}
    facts: list[dict[str, Any]] = []
    for fact in delta.facts:
        first = fact.evidence[0] if fact.evidence else None
        facts.append(
            {
                "subject": fact.subject,
                "subject_name": names.get(fact.subject, fact.subject),
                "predicate": fact.predicate.value,
                "object": fact.object,
                "object_name": names.get(fact.object, fact.object),
                "date": fact.date,
                "amount": fact.amount.model_dump(mode="json") if fact.amount else None,
                "stake_pct": fact.stake_pct,
                "status": fact.status.value if fact.status else None,
                "role": fact.role,
                "valid_from": fact.valid_from,
                "valid_until": fact.valid_until,
                "confidence": fact.confidence,
                "attributes": dict(fact.attributes),
                "evidence": first.sentence if first else None,
                "source": first.story_id if first else None,
            }
        )
    metrics: list[dict[str, Any]] = []
    for metric in delta.metrics:
        data = metric.model_dump(mode="json")
        data["subject_name"] = names.get(metric.subject, metric.subject)
        metrics.append(data)
    return {
        "stories": [s.model_dump(mode="json") for s in delta.stories],
        "entities": [e.model_dump(mode="json") for e in delta.entities],
        "facts": facts,
        "metrics": metrics,
    }
