"""Merge semantics shared by every store, as pure functions.

Both stores read the records a delta touches, merge them here and write the
result, so that the embedded store and Neo4j agree to the letter:

* the same entity again extends its aliases and fills attributes it lacked;
* **one fact per event** (:func:`place_facts`): a record joins the stored fact
  of the same subject, predicate and object that it is *compatible* with
  (:func:`compatible`), instead of becoming a second edge. The fact gains the
  record's evidence; its date is refined when the record is more precise
  (none → ``2025`` → ``2025-01`` → ``2025-01-06``), and its key, which follows
  the date, changes with it (the store keeps the old key as a *former key*, so
  a link to it still answers). Only genuinely different dates stay apart: two
  fines in different years, a ban and a later re-ban. The same sentence read
  by another extractor stays one piece of evidence naming both extractors;
* a fact's status only moves forward; confidence keeps the highest;
* a LIFTS_BAN closes the open BANS with the same subject and object that began
  on or before it; a durative fact carrying ``valid_until`` (a departure) closes
  the open facts of the same subject, predicate and object that began by then;
* a newer LEADS with the same single-holder role (chief executive, chair,
  president...) for the same organisation closes the older holder's tenure on
  the day the newer one began (:func:`succession_closures`).

Compatible dates, per predicate family:

* **events** (every predicate but the durative ones: ACQUIRES, FINES,
  SANCTIONS, MERGES_WITH, LISTED_ON...): a missing date fits any date, and two
  dates fit when one is the other at a coarser precision (``2025`` fits
  ``2025-01-06``; ``2025-01`` does not fit ``2025-02``). Two amounts in one
  currency that differ by more than 1% are two events whatever the dates say.
* **deals** (ACQUIRES, SELLS, MERGES_WITH, LISTED_ON, INVESTS_IN) are events
  that pass milestones: a record of an earlier stage (proposed, announced,
  agreed) and one of a later stage (completed, terminated) dated on or after
  it, within three years, are one deal too. The deal then carries the date of
  its furthest stage, and the earlier stage's date as an attribute
  (``announced_date: 2024-09``).
* **durative states** (LEADS, WORKS_FOR, OWNS, CONTROLS, BANS): the same date
  rule, and a state that had ended before the other record's date is another
  spell (a re-ban after a lift); for LEADS and WORKS_FOR two different roles are
  two positions.

When a coarser record fits several stored facts (an undated "X was fined" and
fines in 2021 and 2023), it joins the earliest (for a durative state, the one
still open first). That one choice depends on what was stored before the
record arrived; every other rule gives the same graph whatever order stories
are loaded in, or how often.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from sinograph.graph.model.dates import date_precision, partial_date_ordinal
from sinograph.graph.model.domain import AttributeValue, Entity, Fact, Metric, union_evidence
from sinograph.graph.model.ids import fact_key
from sinograph.graph.model.ontology import DURATIVE_PREDICATES, STATUS_RANK, Predicate

_T = TypeVar("_T")

__all__ = [
    "DEAL_PREDICATES",
    "Placement",
    "Tenure",
    "close_fact",
    "closer_patterns",
    "closes",
    "closing_date",
    "closing_pattern",
    "compatible",
    "dates_compatible",
    "merge_entity",
    "merge_fact",
    "merge_metric",
    "place_facts",
    "role_key",
    "single_holder_role",
    "start_with_sources",
    "succession_changed",
    "succession_closures",
    "tenure",
    "tenure_closures",
]


def merge_entity(old: Entity, new: Entity) -> Entity:
    """Combine two records of one entity; the stored canonical name wins."""
    attributes = {**new.attributes, **old.attributes}
    return old.model_copy(
        update={
            "aliases": tuple(sorted(set(old.aliases) | set(new.aliases))),
            "tickers": tuple(sorted(set(old.tickers) | set(new.tickers))),
            "identifiers": dict(sorted({**new.identifiers, **old.identifiers}.items())),
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


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Whether two partial dates may name the same day: equal, or one a coarser form.

    >>> dates_compatible("2025", "2025-01-06"), dates_compatible(None, "2024")
    (True, True)
    >>> dates_compatible("2025-01", "2025-02"), dates_compatible("2024", "2025")
    (False, False)
    """
    if a is None or b is None:
        return True
    return a.startswith(b) if len(a) >= len(b) else b.startswith(a)


_ROLE_WORDS = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")
# Spellings of one position; a role not listed keeps its own (normalised) name.
_ROLE_SYNONYMS: dict[str, str] = {
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "chief executive": "chief executive",
    "group chief executive": "chief executive",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chair": "chair",
    "board chairman": "chair",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "pm": "prime minister",
    "governor": "governor",
    "president": "president",
    "premier": "premier",
    "prime minister": "prime minister",
    "general manager": "general manager",
    "party secretary": "party secretary",
    "chief financial officer": "chief financial officer",
    "chief operating officer": "chief operating officer",
    "chief technology officer": "chief technology officer",
}
# Positions one person holds at a time: a newer holder ends the older one's tenure.
_SINGLE_HOLDER_ROLES = frozenset(
    {"chief executive", "chair", "president", "premier", "prime minister", "governor",
     "general manager", "party secretary", "chief financial officer",
     "chief operating officer", "chief technology officer"}
)


def single_holder_role(role: str | None) -> bool:
    """Whether a role is held by one person at a time (a newer holder ends the older one).

    >>> single_holder_role("CEO"), single_holder_role("director")
    (True, False)
    """
    return role_key(role) in _SINGLE_HOLDER_ROLES


def role_key(role: str | None) -> str | None:
    """A role's comparable form: ``"Chief Executive Officer"`` and ``"CEO"`` are one.

    >>> role_key("Chief Executive Officer") == role_key("CEO") == "chief executive"
    True
    >>> role_key("Chairman of the board"), role_key(None)
    ('chairman of the board', None)
    """
    if role is None:
        return None
    words = _ROLE_WORDS.sub(" ", role.lower()).strip()
    return _ROLE_SYNONYMS.get(words, words) or None


def _amounts_differ(a: Fact, b: Fact) -> bool:
    if a.amount is None or b.amount is None or a.amount.currency != b.amount.currency:
        return False
    big = max(abs(a.amount.value), abs(b.amount.value))
    return big > 0 and abs(a.amount.value - b.amount.value) > 0.01 * big


def _ended_before(state: Fact, other: Fact) -> bool:
    """Whether ``state`` had ended before ``other`` began (so ``other`` is another spell)."""
    begins = other.valid_from or other.date
    if state.valid_until is None or begins is None:
        return False
    return partial_date_ordinal(begins) > partial_date_ordinal(state.valid_until)


# Deals pass milestones (announced, then completed): one deal, two dates.
DEAL_PREDICATES = frozenset(
    {Predicate.ACQUIRES, Predicate.SELLS, Predicate.MERGES_WITH, Predicate.LISTED_ON,
     Predicate.INVESTS_IN}
)
_DEAL_SPAN_DAYS = 3 * 366


def _stage(fact: Fact) -> int:
    # proposed / announced / agreed are one stage, completed and terminated the next.
    return -1 if fact.status is None else min(STATUS_RANK[fact.status], 2)


def _milestones(a: Fact, b: Fact) -> bool:
    """Whether ``a`` and ``b`` are two stages of one deal (see the module doc)."""
    if a.predicate not in DEAL_PREDICATES or a.date is None or b.date is None:
        return False
    if a.status is None or b.status is None or _stage(a) == _stage(b):
        return False
    early, late = (a, b) if _stage(a) < _stage(b) else (b, a)
    assert early.date is not None and late.date is not None
    gap = partial_date_ordinal(late.date) - partial_date_ordinal(early.date)
    return 0 <= gap <= _DEAL_SPAN_DAYS


def compatible(a: Fact, b: Fact) -> bool:
    """Whether two records of one (subject, predicate, object) may state the same fact.

    See the module doc for the rule of each predicate family.

    >>> f = lambda **kw: Fact(subject="a", predicate="FINES", object="b", **kw)
    >>> compatible(f(date="2021-04-10"), f(date="2021")), compatible(f(date="2021"), f())
    (True, True)
    >>> compatible(f(date="2021"), f(date="2023"))
    False
    >>> compatible(f(date="2021", amount={"value": 1e9, "currency": "CNY"}),
    ...            f(date="2021-04", amount={"value": 18.2e9, "currency": "CNY"}))
    False
    """
    if (a.subject, a.predicate, a.object) != (b.subject, b.predicate, b.object):
        return False
    if a.key == b.key:
        return True
    if not dates_compatible(a.date, b.date):
        return _milestones(a, b) and not _amounts_differ(a, b)
    if a.predicate in DURATIVE_PREDICATES:
        ra, rb = role_key(a.role), role_key(b.role)
        if ra is not None and rb is not None and ra != rb:
            return False
        return not (_ended_before(a, b) or _ended_before(b, a))
    return not _amounts_differ(a, b)


def _finer(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates."""
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def _stage_dates(fact: Fact) -> dict[str, str]:
    dates = {k: str(v) for k, v in fact.attributes.items() if k.endswith("_date")}
    if fact.status is not None and fact.date is not None:
        key = f"{fact.status.value}_date"
        dates[key] = _finer(dates.get(key), fact.date) or fact.date
    return dates


def _deal_update(old: Fact, new: Fact) -> dict[str, object]:
    """Two stages of one deal: the date of the furthest stage, the others as attributes."""
    late = new if _status_rank(new) > _status_rank(old) else old
    stages = _stage_dates(old)
    for key, value in _stage_dates(new).items():
        stages[key] = _finer(stages.get(key), value) or value
    assert late.status is not None
    stages.pop(f"{late.status.value}_date", None)
    attributes = {**_attributes(old.attributes, new.attributes), **stages}
    return {"date": late.date, "attributes": attributes}


def _either(a: _T | None, b: _T | None) -> _T | None:
    """One of two values, the same whichever came first: the one given, else the fuller
    (a role spelt out beats its abbreviation), else the smaller (two records of one fact
    that disagree must not leave the answer to load order).

    >>> _either("CEO", "chief executive"), _either(None, 2.5)
    ('chief executive', 2.5)
    """
    if a is None or b is None:
        return a if b is None else b
    return min(a, b, key=lambda v: (-len(repr(v)), repr(v)))


def _attributes(a: Mapping[str, AttributeValue], b: Mapping[str, AttributeValue]
                ) -> dict[str, AttributeValue]:
    out = dict(a)
    for key, value in b.items():
        out[key] = value if key not in out else _either(out[key], value)  # type: ignore[assignment]
    return out


def merge_fact(old: Fact, new: Fact) -> Fact:
    """Combine two records of one fact (the same key, or :func:`compatible` ones).

    The date is the more precise of the two, and the key follows it; two stages
    of one deal take the furthest stage's date. Where the two disagree on a value
    (a role, an amount, a stake, an attribute) the result is the same whichever was
    stored first (:func:`_either`), so loads in any order give one fact.
    """
    status = new.status if _status_rank(new) > _status_rank(old) else old.status
    update: dict[str, object] = {
        "evidence": union_evidence(old.evidence, new.evidence),
        "status": status,
        "confidence": max(old.confidence, new.confidence),
        "amount": _either(old.amount, new.amount),
        "stake_pct": _either(old.stake_pct, new.stake_pct),
        "role": _either(old.role, new.role),
        "valid_from": _either(old.valid_from, new.valid_from),
        "valid_until": _earliest(old.valid_until, new.valid_until),
        "attributes": _attributes(old.attributes, new.attributes),
    }
    if dates_compatible(old.date, new.date):
        date = _finer(old.date, new.date)
    else:
        stages = _deal_update(old, new)
        date = stages["date"]  # type: ignore[assignment]
        update["attributes"] = stages["attributes"]
    if date != old.date:
        update["date"] = date
        update["key"] = fact_key(old.subject, old.predicate, old.object, date)
    return old.model_copy(update=update)


_PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}


def _record_order(fact: Fact) -> tuple[int, int, str]:
    # Most precise first: a coarser record then finds the finest fact it fits.
    if fact.date is None:
        return (3, 0, fact.key)
    return (_PRECISION_ORDER[date_precision(fact.date)], partial_date_ordinal(fact.date), fact.key)


def _preference(record: Fact) -> Callable[[Fact], tuple[int, int, int, str]]:
    durative = record.predicate in DURATIVE_PREDICATES

    def rank(candidate: Fact) -> tuple[int, int, int, str]:
        closed = 1 if durative and candidate.valid_until is not None else 0
        start = partial_date_ordinal(candidate.date) if candidate.date else 0
        return (0 if candidate.key == record.key else 1, closed, start, candidate.key)

    return rank


@dataclass
class _Slot:
    fact: Fact
    stored_key: str | None


@dataclass
class Placement:
    """Where the records of a delta went: which facts to write, and which stored fact each one
    updates.

    ``facts`` maps the final key of every fact a record created or changed to the
    merged fact (for a stored fact, merged with the stored record as given);
    ``stored_key`` maps a final key to the key the fact is stored under (absent
    for a new fact; different from the final key when a more precise date
    re-keyed it); ``absorbed`` maps a final key to the other keys of the records
    that went into it; ``landed`` counts, per final key, the distinct records that
    went into it.
    """

    facts: dict[str, Fact] = field(default_factory=dict)
    stored_key: dict[str, str] = field(default_factory=dict)
    absorbed: dict[str, set[str]] = field(default_factory=dict)
    landed: dict[str, int] = field(default_factory=dict)

    @property
    def rekeyed(self) -> dict[str, str]:
        """Stored key -> new key, for the stored facts whose key changed."""
        return {old: new for new, old in self.stored_key.items() if old != new}


def place_facts(records: Iterable[Fact], stored: Iterable[Fact]) -> Placement:
    """Merge incoming fact records with each other and with ``stored`` facts.

    ``stored`` must hold every stored fact with the (subject, predicate, object)
    of some record (it may hold more). Each record joins the fact with its key,
    else a :func:`compatible` one (the earliest, an open state first), else starts
    a new fact; records are taken most precise first, so the result does not
    depend on their order.

    >>> f = lambda **kw: Fact(subject="a", predicate="SANCTIONS", object="b", **kw)
    >>> placed = place_facts([f(), f(date="2025-01")], [f(date="2025")])
    >>> [(p.date, placed.stored_key[k] == f(date="2025").key) for k, p in placed.facts.items()]
    [('2025-01', True)]
    """
    groups: dict[tuple[str, Predicate, str], list[Fact]] = defaultdict(list)
    for record in records:
        groups[(record.subject, record.predicate, record.object)].append(record)
    by_triple: dict[tuple[str, Predicate, str], list[Fact]] = defaultdict(list)
    for fact in stored:
        triple = (fact.subject, fact.predicate, fact.object)
        if triple in groups:
            by_triple[triple].append(fact)
    placement = Placement()
    for triple, group in groups.items():
        if len(group) == 1:
            # The common cases in a bulk load: one record of a triple never seen before,
            # or one record of a stored fact told again (its key wins over any other fit).
            record = group[0]
            same = [f for f in by_triple.get(triple, ()) if f.key == record.key]
            if triple not in by_triple or same:
                placement.facts[record.key] = merge_fact(same[0], record) if same else record
                if same:
                    placement.stored_key[record.key] = record.key
                placement.landed[record.key] = 1
                continue
        slots = [_Slot(f, f.key) for f in sorted(by_triple[triple], key=lambda f: f.key)]
        touched: dict[int, set[str]] = {}
        seen: set[str] = set()
        for record in sorted(group, key=_record_order):
            fits = [i for i, slot in enumerate(slots) if compatible(slot.fact, record)]
            if fits:
                rank = _preference(record)
                best = min(fits, key=lambda i: rank(slots[i].fact))
                merged = merge_fact(slots[best].fact, record)
                # Two facts never share a key: a merge that would take another's key
                # goes into that fact instead.
                owner = next((i for i, slot in enumerate(slots)
                              if i != best and slot.fact.key == merged.key), None)
                if owner is not None:
                    best, merged = owner, merge_fact(slots[owner].fact, record)
                slots[best].fact = merged
            else:
                best = len(slots)
                slots.append(_Slot(record, None))
            keys = touched.setdefault(best, set())
            if record.key not in seen:
                keys.add(record.key)
                seen.add(record.key)
        for position, keys in touched.items():
            slot = slots[position]
            fact = slot.fact
            placement.facts[fact.key] = fact
            if slot.stored_key is not None:
                placement.stored_key[fact.key] = slot.stored_key
            others = keys - {fact.key, slot.stored_key}
            if others:
                placement.absorbed[fact.key] = others
            placement.landed[fact.key] = len(keys)
    return placement


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


class Tenure(NamedTuple):
    """What a succession reads of a LEADS fact (so a store need not build the whole fact)."""

    key: str
    subject: str
    object: str
    role: str | None
    start: str | None  # valid_from, else date, else earliest publication
    valid_until: str | None


def tenure(fact: Fact, start_of: Callable[[Fact], str | None]) -> Tenure:
    """The :class:`Tenure` of a LEADS fact."""
    return Tenure(fact.key, fact.subject, fact.object, fact.role, start_of(fact),
                  fact.valid_until)


def succession_closures(
    facts: Iterable[Fact], start_of: Callable[[Fact], str | None]
) -> dict[str, str]:
    """Tenures that a newer holder of the same position ended: ``{key: valid_until}``.

    Among LEADS facts with one object and one single-holder role (see
    :func:`role_key`), each holder's tenure ends when the next different person's
    began, unless it had ended already. ``start_of`` gives when a fact began: its
    ``valid_from``, else its date, else the publication date of its earliest
    source (when it was known to hold), or ``None`` when nothing says.

    >>> lead = lambda who, **kw: Fact(subject=who, predicate="LEADS", object="company:x",
    ...                               role="chief executive", **kw)
    >>> old, new = lead("person:a", date="2015"), lead("person:b", date="2023-09")
    >>> succession_closures([old, new], lambda f: f.valid_from or f.date) == {old.key: "2023-09"}
    True
    """
    return tenure_closures(
        tenure(f, start_of) for f in facts if f.predicate is Predicate.LEADS
    )


def tenure_closures(tenures: Iterable[Tenure]) -> dict[str, str]:
    """:func:`succession_closures` on tenures (LEADS facts only)."""
    groups: dict[tuple[str, str], list[tuple[int, str, Tenure]]] = defaultdict(list)
    for item in tenures:
        role = role_key(item.role)
        if role not in _SINGLE_HOLDER_ROLES or item.start is None:
            continue
        groups[(item.object, role)].append((partial_date_ordinal(item.start), item.start, item))
    closures: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda m: (m[0], m[2].key))
        for position, (begun, _start, item) in enumerate(members):
            successor = next(
                (m for m in members[position + 1 :]
                 if m[0] > begun and m[2].subject != item.subject),
                None,
            )
            if successor is None:
                continue
            until = successor[1]
            if item.valid_until is not None and partial_date_ordinal(
                item.valid_until
            ) <= partial_date_ordinal(until):
                continue  # ended already, at or before the successor began
            closures[item.key] = until
    return closures


def succession_changed(fact: Fact, stored: Fact | None, known: bool = True) -> bool:
    """Whether an upserted LEADS record can change any tenure: it is new, or what a
    succession reads of it (its key, role, start, end, or ``known`` -- its earliest
    publication) changed. A repeated report of an unchanged tenure closes nothing new."""
    if fact.predicate is not Predicate.LEADS or not single_holder_role(fact.role):
        return False
    if stored is None or not known:
        return True
    return (fact.key, fact.role, fact.date, fact.valid_from, fact.valid_until) != (
        stored.key, stored.role, stored.date, stored.valid_from, stored.valid_until
    )


def start_with_sources(known_from: Mapping[str, str | None]) -> Callable[[Fact], str | None]:
    """``start_of`` for :func:`succession_closures`: a fact's own start, else ``known_from``
    (its earliest source's publication date, by key)."""

    def start_of(fact: Fact) -> str | None:
        return fact.valid_from or fact.date or known_from.get(fact.key)

    return start_of
