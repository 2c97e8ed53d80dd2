"""Rules and a language model together: the union of what both read in a story.

* An entity the model names is the rules' entity when they share a form (name or
  alias, same label) or the names are compatible (:func:`loaders.resolve.names_compatible`),
  so the same company from both extractors is one node.
* A fact both read (same subject, predicate and object — either way round for
  symmetric predicates — and dates that agree, one possibly finer or missing) is one
  fact: the finer date, both sentences, and a higher confidence
  (``1 - (1 - rules) * (1 - model)``, at most 0.99). Each sentence names the extractor
  that read it (``rules``, ``llm:<model>``, or both).
* Everything else from either side is kept as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, join_extractors
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.merge import merge_entity, merge_fact, merge_metric
from sinograph.graph.model.ontology import SYMMETRIC_PREDICATES, EntityType
from sinograph.loaders.extractor import Extraction, RulesExtractor
from sinograph.loaders.llm.extractor import LlmExtractor
from sinograph.loaders.resolve import names_compatible
from sinograph.loaders.story_input import StoryInput

__all__ = ["HybridExtractor", "combine_deltas_from_both"]

_MAX_CONFIDENCE = 0.99
# Descriptive names ("gold mine") are too loose to match by similarity.
_NO_FUZZY = frozenset({EntityType.COMMODITY, EntityType.MARKET, EntityType.ASSET})


def _map_entities(rules: Iterable[Entity], llm: Iterable[Entity]) -> dict[str, str]:
    by_form: dict[tuple[EntityType, str], str] = {}
    rule_list = list(rules)
    for entity in rule_list:
        for form in (entity.name, *entity.aliases):
            by_form.setdefault((entity.type, normalize_name(form)), entity.id)
    mapping: dict[str, str] = {}
    for entity in llm:
        target = next(
            (
                hit
                for form in (entity.name, *entity.aliases)
                if (hit := by_form.get((entity.type, normalize_name(form)))) is not None
            ),
            None,
        )
        if target is None and entity.type not in _NO_FUZZY:
            matches = {
                r.id
                for r in rule_list
                if r.type is entity.type and names_compatible(entity.name, r.name)
            }
            target = next(iter(matches)) if len(matches) == 1 else None
        mapping[entity.id] = target or entity.id
    return mapping


def _rekeyed(fact: Fact, **changes: object) -> Fact:
    data = fact.model_dump()
    data.pop("key", None)
    data.update(changes)
    return Fact.model_validate(data)


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _finer(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def _agreeing(rule: Fact, llm: Fact) -> Fact:
    merged = merge_fact(rule, llm)
    confidence = 1 - (1 - rule.confidence) * (1 - llm.confidence)
    return _rekeyed(
        merged,
        date=_finer(rule.date, llm.date),
        confidence=round(min(_MAX_CONFIDENCE, max(confidence, rule.confidence)), 3),
    )


def combine_deltas_from_both(rules: GraphDelta, llm: GraphDelta) -> GraphDelta:
    """One story's delta from the rules' and the model's (see the module doc)."""
    mapping = _map_entities(rules.entities, llm.entities)
    entities: dict[str, Entity] = {e.id: e for e in rules.entities}
    for entity in llm.entities:
        target = mapping[entity.id]
        old = entities.get(target)
        entities[target] = merge_entity(old, entity) if old else entity

    facts: dict[str, Fact] = {f.key: f for f in rules.facts}
    for fact in llm.facts:
        subject = mapping.get(fact.subject, fact.subject)
        obj = mapping.get(fact.object, fact.object)
        if subject == obj:
            continue
        fact = _rekeyed(fact, subject=subject, object=obj)
        match = next(
            (
                key
                for key, rule in facts.items()
                if rule.predicate is fact.predicate
                and _dates_agree(rule.date, fact.date)
                and (
                    (rule.subject, rule.object) == (subject, obj)
                    or (
                        fact.predicate in SYMMETRIC_PREDICATES
                        and (rule.object, rule.subject) == (subject, obj)
                    )
                )
            ),
            None,
        )
        if match is None:
            facts[fact.key] = merge_fact(facts[fact.key], fact) if fact.key in facts else fact
            continue
        merged = _agreeing(facts.pop(match), fact)
        facts[merged.key] = merge_fact(facts[merged.key], merged) if merged.key in facts else merged

    metrics: dict[str, Metric] = {m.id: m for m in rules.metrics}
    for metric in llm.metrics:
        data = metric.model_dump()
        data.pop("id", None)
        data["subject"] = mapping.get(metric.subject, metric.subject)
        moved = Metric.model_validate(data)
        old_metric = metrics.get(moved.id)
        metrics[moved.id] = merge_metric(old_metric, moved) if old_metric else moved

    return GraphDelta(
        stories=rules.stories or llm.stories,
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        facts=tuple(facts.values()),
        metrics=tuple(metrics.values()),
    )


class HybridExtractor:
    """Rules and a model on every story. A story the model cannot read fails whole, so
    a re-run completes it with both (nothing is half-written)."""

    def __init__(self, llm: LlmExtractor, rules: RulesExtractor) -> None:
        self._llm = llm
        self._rules = rules
        self.name = join_extractors(rules.name, llm.name) or llm.name
        self.concurrency = llm.concurrency
        # The rules extractor is not written for threads; the model calls are what overlap.
        self._rules_lock = threading.Lock()

    def close(self) -> None:
        self._llm.close()

    def extract(self, story: StoryInput) -> Extraction:
        from_model = self._llm.extract(story)
        with self._rules_lock:
            from_rules = self._rules.extract(story)
        return Extraction(
            delta=combine_deltas_from_both(from_rules.delta, from_model.delta),
            verification=from_model.verification,
            dropped=from_model.dropped,
            usage=from_model.usage,
        )
