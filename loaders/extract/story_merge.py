"""Facts of one story merged: the same fact read in several sentences becomes one (its
amount, date, stage and evidence combined); one deal's facts share amount and date;
places implied by a more precise one, and a country standing for the body that
acted, are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sinograph.graph.model.ontology import (
    STATUS_RANK,
    SYMMETRIC_PREDICATES,
    EntityType,
    FactStatus,
    Predicate,
)
from sinograph.loaders.extract.candidate import Candidate
from sinograph.loaders.extract.coref import Coreference
from sinograph.loaders.extract.gazetteer import REGION_COUNTRY
from sinograph.loaders.extract.story_dates import EVENT_PREDICATES

__all__ = ["Merged", "copy_candidate", "merge_story_facts"]

_ROLE_PREDICATES = frozenset({Predicate.LEADS, Predicate.WORKS_FOR})


@dataclass(slots=True)
class Merged:
    """A fact of the story and the sentences that state it."""

    fact: Candidate
    sentences: list[int]


def merge_story_facts(
    candidates: list[Candidate], coref: Coreference, published: str | None
) -> list[Merged]:
    """The story's facts, each once (see the module doc)."""
    merged = _merge(candidates, coref, published)
    _share_deal_attributes(merged, coref)
    merged = _prune_implied_locations(merged, coref)
    return _prune_state_metonyms(merged, coref)


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _more_precise(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a) >= len(b) else b


def _absorb(into: Candidate, other: Candidate) -> None:
    into.date = _more_precise(into.date, other.date)
    into.amount = into.amount or other.amount
    into.stake_pct = into.stake_pct if into.stake_pct is not None else other.stake_pct
    if other.status is not None and (
        into.status is None or STATUS_RANK[other.status] > STATUS_RANK[into.status]
    ):
        into.status = other.status
    into.role = into.role or other.role
    into.valid_from = _earliest(into.valid_from, other.valid_from)
    into.valid_until = into.valid_until or other.valid_until
    into.confidence = min(0.99, max(into.confidence, other.confidence) + 0.05)
    for key, value in other.attributes.items():
        into.attributes.setdefault(key, value)


def _earliest(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return min(a, b)


def _merge(candidates: list[Candidate], coref: Coreference, published: str | None) -> list[Merged]:
    groups: dict[tuple[int, Predicate, int], list[Candidate]] = defaultdict(list)
    order: list[tuple[int, Predicate, int]] = []
    for c in candidates:
        s, o = c.subject, c.object
        if c.predicate in SYMMETRIC_PREDICATES and s > o:
            s, o = o, s
            c.subject, c.object = s, o
        key = (s, c.predicate, o)
        if key not in groups:
            order.append(key)
        groups[key].append(c)
    merged: list[Merged] = []
    for key in order:
        group = groups[key]
        predicate = key[1]
        if predicate in EVENT_PREDICATES:
            buckets = _merge_events(group, published)
            if predicate in (Predicate.ACQUIRES, Predicate.SELLS):
                buckets = _one_deal(buckets)
            merged.extend(buckets)
        else:
            merged.append(_merge_state(group, predicate, published))
    return merged


def _merge_events(group: list[Candidate], published: str | None) -> list[Merged]:
    dated = sorted({c.date for c in group if c.date}, key=lambda d: (-len(d), d))
    buckets: list[Merged] = []
    for value in dated:
        if any(_compatible(value, b.fact.date) for b in buckets):
            continue
        seed = next(c for c in group if c.date == value)
        buckets.append(Merged(copy_candidate(seed), []))
    if not buckets:
        buckets.append(Merged(copy_candidate(group[0]), []))
    for c in group:
        home = _bucket_for(c, buckets, published)
        if home.sentences or home.fact is not c:
            _absorb(home.fact, c)
        if c.sentence not in home.sentences:
            home.sentences.append(c.sentence)
    for b in buckets:
        b.fact.confidence = min(0.99, b.fact.confidence)
    return buckets


def _one_deal(buckets: list[Merged]) -> list[Merged]:
    """A deal agreed on one date and completed on another is one deal: the story's main
    (earliest-stated) mention keeps its date and takes the later status."""
    if len(buckets) != 2:
        return buckets
    done = [b for b in buckets if b.fact.status is FactStatus.COMPLETED]
    if len(done) != 1:
        return buckets
    main = min(buckets, key=lambda b: min(b.sentences) if b.sentences else b.fact.sentence)
    other = buckets[1] if main is buckets[0] else buckets[0]
    first, second = sorted(d for d in (main.fact.date, other.fact.date) if d) or ["", ""]
    if len(first) < 7 or len(second) < 7 or int(second[:4]) - int(first[:4]) > 1:
        return buckets  # years apart: two deals, not one
    main.fact.status = FactStatus.COMPLETED
    if main.fact.amount is None:
        main.fact.amount = other.fact.amount
    main.sentences.extend(x for x in other.sentences if x not in main.sentences)
    return [main]


def copy_candidate(c: Candidate) -> Candidate:
    """A copy of ``c`` that can change without changing ``c``."""
    return Candidate(
        c.subject,
        c.predicate,
        c.object,
        c.sentence,
        c.trigger,
        c.confidence,
        c.rule,
        date=c.date,
        amount=c.amount,
        stake_pct=c.stake_pct,
        status=c.status,
        role=c.role,
        valid_from=c.valid_from,
        valid_until=c.valid_until,
        attributes=dict(c.attributes),
    )


def _bucket_for(c: Candidate, buckets: list[Merged], published: str | None) -> Merged:
    if c.date is not None:
        for b in buckets:
            if _compatible(c.date, b.fact.date):
                return b
    # An undated mention belongs to the event nearest the story's publication.
    if published is not None and len(buckets) > 1:
        return max(
            buckets, key=lambda b: (b.fact.date or "") if (b.fact.date or "") <= (published) else ""
        )
    return buckets[0]


def _merge_state(group: list[Candidate], predicate: Predicate, published: str | None) -> Merged:
    first = copy_candidate(group[0])
    result = Merged(first, [group[0].sentence])
    for c in group[1:]:
        keep_date = first.date
        _absorb(first, c)
        if predicate in _ROLE_PREDICATES:
            starts = [x for x in (keep_date, c.date) if x]
            first.date = min(starts) if starts else None
        else:
            dates = [x for x in (keep_date, c.date) if x]
            first.date = max(dates) if dates else None
        if c.sentence not in result.sentences:
            result.sentences.append(c.sentence)
    if (
        predicate in _ROLE_PREDICATES
        and first.valid_until
        and first.date
        and (first.date >= first.valid_until)
    ):
        first.date = None
    return result


def _prune_implied_locations(merged: list[Merged], coref: Coreference) -> list[Merged]:
    """ "a module plant in Malaysia" adds nothing when the plant is in Penang and Penang
    is in Spain: keep the most specific place."""
    located: dict[int, set[int]] = defaultdict(set)
    for m in merged:
        if m.fact.predicate is Predicate.LOCATED_IN:
            located[m.fact.subject].add(m.fact.object)

    def country_of(cluster_id: int) -> str | None:
        cluster = coref.root(coref.clusters[cluster_id])
        if cluster.registry is not None and cluster.registry.country:
            return cluster.registry.country
        return REGION_COUNTRY.get(cluster.canonical)

    keep: list[Merged] = []
    for m in merged:
        fact = m.fact
        if fact.predicate is Predicate.LOCATED_IN:
            target = coref.root(coref.clusters[fact.object]).canonical
            implied = any(
                other != fact.object
                and (fact.object in located.get(other, set()) or country_of(other) == target)
                for other in located[fact.subject]
            )
            if implied:
                continue
        keep.append(m)
    return keep


_STATE_ACTS = frozenset(
    {
        Predicate.BANS,
        Predicate.LIFTS_BAN,
        Predicate.SANCTIONS,
        Predicate.APPROVES,
        Predicate.INVESTIGATES,
        Predicate.FINES,
    }
)


def _prune_state_metonyms(merged: list[Merged], coref: Coreference) -> list[Merged]:
    """ "China opens probe into X" (headline) and "the State Administration for Market
    Regulation launched an investigation into X": one act, done by the body; the country
    standing for it is dropped."""
    acted: set[tuple[Predicate, int, str]] = set()
    for m in merged:
        if m.fact.predicate not in _STATE_ACTS:
            continue
        subject = coref.root(coref.clusters[m.fact.subject])
        home = subject.registry.country if subject.registry is not None else None
        if subject.type is EntityType.GOVERNMENT_BODY and home:
            acted.add((m.fact.predicate, m.fact.object, home))
    keep: list[Merged] = []
    for m in merged:
        subject = coref.root(coref.clusters[m.fact.subject])
        if (
            subject.type is EntityType.COUNTRY
            and (m.fact.predicate, m.fact.object, subject.canonical) in acted
        ):
            continue
        keep.append(m)
    return keep


def _share_deal_attributes(merged: list[Merged], coref: Coreference) -> None:
    deals = [m for m in merged if m.fact.predicate in (Predicate.ACQUIRES, Predicate.SELLS)]
    for a in deals:
        for b in deals:
            if a is b or a.fact.object != b.fact.object:
                continue
            same_pair = a.fact.subject == b.fact.subject and a.fact.predicate is b.fact.predicate
            if same_pair and a.fact.amount is None and b.fact.amount is not None:
                a.fact.amount = b.fact.amount  # "agreed to buy X in May 2022" ... "$69bn deal"
            if a.fact.subject == b.fact.subject and a.fact.predicate is not b.fact.predicate:
                continue  # bought X once, selling it now: two deals, not one
            if not _compatible(a.fact.date, b.fact.date):
                continue
            if a.fact.date is None and b.fact.date is not None and len(b.fact.date) == 10:
                a.fact.date = b.fact.date
            if a.fact.amount is None and b.fact.amount is not None and (a.fact.date == b.fact.date):
                a.fact.amount = b.fact.amount
            if a.fact.status is None and b.fact.status is not None:
                a.fact.status = b.fact.status
