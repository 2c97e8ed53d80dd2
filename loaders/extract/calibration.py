"""Rule confidences measured on annotated real news, not guessed.

Each fact the rules extract carries the id of the rule that read it. Scoring the
extractor on gold stories tells, per rule, how many of its facts were right; the
confidence a rule gives is that precision, shrunk toward its predicate's precision
(itself shrunk toward the overall precision) so that a rule seen on three facts does
not jump to 0 or 1::

    predicate = (right_p + STRENGTH * overall) / (facts_p + STRENGTH)
    rule      = (right_r + STRENGTH * predicate) / (facts_r + STRENGTH)

Title rules ("title:chief executive") are pooled per predicate: roles are too many
and too rare to measure one by one. A rule the table does not know keeps the
confidence its YAML gives, and so does every fact when no table is shipped.

``tools/calibrate_rules.py`` measures the gold folders and writes
``rules/calibration.yaml``; docs/extractor.md publishes the bands it gives.

>>> key_of("title:chief executive", "LEADS"), key_of("acquire-verb", "ACQUIRES")
('title:LEADS', 'acquire-verb')
>>> table = fit([("acquire-verb", "ACQUIRES", True)] * 3 + [("ban-noun", "BANS", False)])
>>> table.rules["acquire-verb"].confidence > table.rules["ban-noun"].confidence
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "STRENGTH",
    "Calibration",
    "RuleStats",
    "calibrated_confidence",
    "fit",
    "key_of",
    "shipped_calibration",
]

# How many facts' worth of weight the prior gets when a rule is shrunk toward it.
STRENGTH = 4.0


class RuleStats(BaseModel):
    """What one rule (or pooled title predicate) scored on the gold stories."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    facts: int = Field(ge=0)
    right: int = Field(ge=0)
    confidence: float = Field(ge=0, le=1)


class Calibration(BaseModel):
    """The measured table: one entry per rule key, plus where it was measured."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measured_on: tuple[str, ...] = ()
    overall_precision: float = Field(default=0.0, ge=0, le=1)
    rules: dict[str, RuleStats] = Field(default_factory=dict)


def key_of(rule_id: str, predicate: str) -> str:
    """The calibration key of a rule: its id, or ``title:PREDICATE`` for a title."""
    return f"title:{predicate}" if rule_id.startswith("title:") else rule_id


def fit(
    outcomes: Iterable[tuple[str, str, bool]], *, measured_on: Iterable[str] = ()
) -> Calibration:
    """The table for ``(rule id, predicate, was it right)`` outcomes of scored facts."""
    rows = list(outcomes)
    if not rows:
        return Calibration(measured_on=tuple(measured_on))
    overall = sum(right for _, _, right in rows) / len(rows)
    by_predicate: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    predicate_of: dict[str, str] = {}
    for rule_id, predicate, right in rows:
        key = key_of(rule_id, predicate)
        for table, name in ((by_predicate, predicate), (by_key, key)):
            counts = table.setdefault(name, [0, 0])
            counts[0] += 1
            counts[1] += int(right)
        predicate_of[key] = predicate
    prior = {
        name: (right + STRENGTH * overall) / (facts + STRENGTH)
        for name, (facts, right) in by_predicate.items()
    }
    rules = {
        key: RuleStats(
            facts=facts,
            right=right,
            confidence=round((right + STRENGTH * prior[predicate_of[key]]) / (facts + STRENGTH), 2),
        )
        for key, (facts, right) in sorted(by_key.items())
    }
    return Calibration(
        measured_on=tuple(measured_on), overall_precision=round(overall, 3), rules=rules
    )


@lru_cache(maxsize=1)
def shipped_calibration() -> Calibration:
    """The table shipped in ``rules/calibration.yaml`` (empty when there is none)."""
    path = resources.files("sinograph.loaders.extract.rules").joinpath("calibration.yaml")
    if not path.is_file():
        return Calibration()
    return Calibration.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def calibrated_confidence(
    rule_id: str, predicate: str, default: float, table: Calibration | None = None
) -> float:
    """The measured confidence of ``rule_id``'s facts, or ``default`` when unmeasured."""
    stats = (table or shipped_calibration()).rules.get(key_of(rule_id, predicate))
    return stats.confidence if stats is not None else default
