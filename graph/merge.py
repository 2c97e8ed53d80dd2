"""Merge semantics shared by every store, as pure functions.

Both stores read the records a delta touches, merge them here and write the
result, so that the embedded store and Neo4j agree to the letter:

* the same entity again extends its aliases and fills attributes it lacked;
* the same fact again (same subject, predicate, object and date) gains the new
  evidence (the same sentence read by another extractor names both extractors);
  its status only moves forward; confidence keeps the highest;
* a LIFTS_BAN closes the open BANS with the same subject and object that began
  on or before it; a durative fact carrying ``valid_until`` (a departure) closes
  the open facts of the same subject, predicate and object that began by then.

Every rule is order-independent, so loading stories in any order, or twice,
gives the same graph.
"""

from __future__ import annotations

from graph.dates import partial_date_ordinal
from graph.model import Entity, Fact, Metric, union_evidence
from graph.ontology import DURATIVE_PREDICATES, STATUS_RANK, Predicate

__all__ = [
    "close_fact",
    "closer_patterns",
    "closing_date",
    "closing_pattern",
    "closes",
    "merge_entity",
    "merge_fact",
    "merge_metric",
]


def merge_entity(old: Entity, new: Entity) -> Entity:
    """Combine two records of one entity; the stored canonical name wins."""
    attributes = {**new.attributes, **old.attributes}
    return old.model_copy(
        update={
            "aliases": tuple(sorted(set(old.aliases) | set(new.aliases))),
            "tickers": tuple(sorted(set(old.tickers) | set(new.tickers))),
            "name_zh": old.name_zh or new.name_zh,
            "country": old.country or new.country,
            "description": old.description or new.description,
            "attributes": attributes,
        }
    )


def _status_rank(fact: Fact) -> int:
    return -1 if fact.status is None else STATUS_RANK[fact.status]


def _earliest(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if partial_date_ordinal(a) <= partial_date_ordinal(b) else b


def merge_fact(old: Fact, new: Fact) -> Fact:
    """Combine two records of the same fact key."""
    status = new.status if _status_rank(new) > _status_rank(old) else old.status
    return old.model_copy(
        update={
            "evidence": union_evidence(old.evidence, new.evidence),
            "status": status,
            "confidence": max(old.confidence, new.confidence),
            "amount": old.amount or new.amount,
            "stake_pct": old.stake_pct if old.stake_pct is not None else new.stake_pct,
            "role": old.role or new.role,
            "valid_from": old.valid_from or new.valid_from,
            "valid_until": _earliest(old.valid_until, new.valid_until),
            "attributes": {**new.attributes, **old.attributes},
        }
    )


def merge_metric(old: Metric, new: Metric) -> Metric:
    return old.model_copy(
        update={
            "evidence": union_evidence(old.evidence, new.evidence),
            "change_pct": old.change_pct if old.change_pct is not None else new.change_pct,
            "unit": old.unit or new.unit,
            "date": old.date or new.date,
        }
    )


def closing_date(fact: Fact) -> str | None:
    """The date from which ``fact`` ends other facts, or ``None`` if it ends nothing."""
    if fact.predicate is Predicate.LIFTS_BAN:
        return fact.date or fact.valid_from
    if fact.predicate in DURATIVE_PREDICATES and fact.valid_until:
        return fact.valid_until
    return None


def _closed_predicate(closer: Fact) -> Predicate:
    return Predicate.BANS if closer.predicate is Predicate.LIFTS_BAN else closer.predicate


def closes(closer: Fact, target: Fact) -> bool:
    """Whether ``closer`` ends ``target`` (see the module doc)."""
    until = closing_date(closer)
    if until is None or closer.key == target.key:
        return False
    if (target.subject, target.predicate, target.object) != (
        closer.subject,
        _closed_predicate(closer),
        closer.object,
    ):
        return False
    if target.valid_until is not None and partial_date_ordinal(
        target.valid_until
    ) <= partial_date_ordinal(until):
        return False  # already closed, at or before this date
    start = target.valid_from or target.date
    return start is None or partial_date_ordinal(start) <= partial_date_ordinal(until)


def close_fact(target: Fact, until: str) -> Fact:
    """Return ``target`` ended on ``until``."""
    return target.model_copy(update={"valid_until": until})


def closing_pattern(fact: Fact) -> tuple[str, Predicate, str] | None:
    """The (subject, predicate, object) of facts that ``fact`` could close."""
    if closing_date(fact) is None:
        return None
    return (fact.subject, _closed_predicate(fact), fact.object)


def closer_patterns(fact: Fact) -> list[tuple[str, Predicate, str]]:
    """The (subject, predicate, object) of stored facts that could close ``fact``."""
    patterns = []
    if fact.predicate in DURATIVE_PREDICATES:
        patterns.append((fact.subject, fact.predicate, fact.object))
    if fact.predicate is Predicate.BANS:
        patterns.append((fact.subject, Predicate.LIFTS_BAN, fact.object))
    return patterns
