"""Scoring an extraction against a gold annotation.

The rules are those of the development set's scorer:

* names compare after folding accents and case, dropping a leading "the", a
  possessive "'s" and punctuation;
* a gold fact is found by the first unused extracted fact with the same predicate
  whose subject shares a name or alias with the gold subject (or one of its
  ``subject_alt``) and whose object shares one with the gold object; for
  MERGES_WITH, PARTNERS_WITH and COMPETES_WITH the two ends may be swapped;
* a found fact's date is right when the extracted date starts with the gold date;
  its amount when the currency is equal and the value within 1%;
* precision, recall and F1 are micro-averaged over every story scored together.

>>> gold = {"entities": [{"name": "A Co", "type": "Company", "aliases": ["A"]},
...                      {"name": "B", "type": "Company", "aliases": []}],
...         "facts": [{"subject": "A Co", "predicate": "OWNS", "object": "B", "core": True}]}
>>> got = {"entities": [{"id": "c:a", "name": "A", "aliases": []},
...                     {"id": "c:b", "name": "B", "aliases": []}],
...        "facts": [{"subject": "c:a", "predicate": "OWNS", "object": "c:b"}]}
>>> score_story(gold, got).f1
1.0
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Score", "StoryScore", "combine_scores", "fold_name", "score_story"]

_EITHER_WAY = frozenset({"MERGES_WITH", "PARTNERS_WITH", "COMPETES_WITH"})
_LEADING_ARTICLE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"[\u2019'`]s\b")
_NON_WORD = re.compile(r"[^a-z0-9\u4e00-\u9fff]+")


def fold_name(name: object) -> str:
    """A name folded for comparison ("The Norvik's" and "norvik" fold alike)."""
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def _names(record: Mapping[str, Any]) -> set[str]:
    # A gold entity's English name (``name_en``) and an extracted entity's Chinese name
    # (``name_zh``) count as names too, as in the shared scorer.
    names = {fold_name(record.get(key)) for key in ("name", "name_en", "name_zh")}
    names.update(fold_name(a) for a in record.get("aliases") or ())
    names.discard("")
    return names


@dataclass
class StoryScore:
    """Counts for one story (or a sum of stories); ratios are properties."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    core_found: int = 0
    core_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    amounts_right: int = 0
    amounts_total: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    # positions (in the extraction report) of the facts that matched gold: one story's
    # only, not summed by ``add``
    matched: list[int] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def core_recall(self) -> float | None:
        return self.core_found / self.core_total if self.core_total else None

    @property
    def date_accuracy(self) -> float | None:
        return self.dates_right / self.dates_total if self.dates_total else None

    @property
    def amount_accuracy(self) -> float | None:
        return self.amounts_right / self.amounts_total if self.amounts_total else None

    def add(self, other: StoryScore) -> None:
        for name in (
            "true_positives",
            "false_positives",
            "false_negatives",
            "core_found",
            "core_total",
            "dates_right",
            "dates_total",
            "amounts_right",
            "amounts_total",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)
        self.extras.extend(other.extras)
        self.wrong_dates.extend(other.wrong_dates)

    def summary(self) -> dict[str, float | int | None]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return {
            "fact_precision": rounded(self.precision),
            "fact_recall": rounded(self.recall),
            "fact_f1": rounded(self.f1),
            "core_recall": rounded(self.core_recall),
            "date_accuracy": rounded(self.date_accuracy),
            "amount_accuracy": rounded(self.amount_accuracy),
            "gold_facts": self.true_positives + self.false_negatives,
            "extracted_facts": self.true_positives + self.false_positives,
        }


Score = StoryScore


def _amount_right(gold: Mapping[str, Any], got: object) -> bool:
    if not isinstance(got, Mapping):
        return False
    try:
        value = float(got.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    wanted = float(gold["value"])
    return got.get("currency") == gold.get("currency") and abs(value - wanted) <= 0.01 * wanted


def score_story(gold: Mapping[str, Any], extracted: Mapping[str, Any]) -> StoryScore:
    """Score one extraction report against one gold annotation (see the module doc)."""
    gold_entities = {e["name"]: e for e in gold.get("entities", [])}
    by_ref: dict[str, Mapping[str, Any]] = {}
    for entity in extracted.get("entities", []):
        by_ref[entity.get("id") or entity.get("name")] = entity
        by_ref.setdefault(entity.get("name"), entity)

    def names_of(ref: object) -> set[str]:
        if isinstance(ref, Mapping):
            return _names(ref)
        record = by_ref.get(ref) if isinstance(ref, str) else None
        return _names(record) if record is not None else {fold_name(ref)} - {""}

    predicted = [
        (fact, names_of(fact.get("subject")), names_of(fact.get("object")))
        for fact in extracted.get("facts", [])
    ]
    result = StoryScore()
    taken: set[int] = set()
    for wanted in gold.get("facts", []):
        subjects = set(_names(gold_entities[wanted["subject"]]))
        for alternative in wanted.get("subject_alt", []):
            alt = gold_entities.get(alternative)
            subjects |= _names(alt) if alt else {fold_name(alternative)}
        objects = _names(gold_entities[wanted["object"]])
        either_way = wanted["predicate"] in _EITHER_WAY
        match: int | None = None
        for index, (fact, s_names, o_names) in enumerate(predicted):
            if index in taken or fact.get("predicate") != wanted["predicate"]:
                continue
            straight = bool(s_names & subjects) and bool(o_names & objects)
            swapped = either_way and bool(o_names & subjects) and bool(s_names & objects)
            if straight or swapped:
                match = index
                break
        label = f"{wanted['subject']} -{wanted['predicate']}-> {wanted['object']}"
        if wanted.get("core"):
            result.core_total += 1
        if match is None:
            result.false_negatives += 1
            result.misses.append(f"{label} ({wanted.get('date')})")
            continue
        taken.add(match)
        result.true_positives += 1
        if wanted.get("core"):
            result.core_found += 1
        fact = predicted[match][0]
        if wanted.get("date"):
            result.dates_total += 1
            if str(fact.get("date") or "").startswith(wanted["date"]):
                result.dates_right += 1
            else:
                result.wrong_dates.append(f"{label}: gold {wanted['date']} got {fact.get('date')}")
        if wanted.get("amount"):
            result.amounts_total += 1
            result.amounts_right += _amount_right(wanted["amount"], fact.get("amount"))
    result.matched = sorted(taken)
    for index, (fact, s_names, o_names) in enumerate(predicted):
        if index not in taken:
            result.false_positives += 1
            result.extras.append(
                f"{min(s_names, default='?')} -{fact.get('predicate')}-> "
                f"{min(o_names, default='?')}"
            )
    return result


def combine_scores(scores: Iterable[StoryScore]) -> StoryScore:
    """Micro-average: the sum of the counts of every story."""
    total = StoryScore()
    for score in scores:
        total.add(score)
    return total

