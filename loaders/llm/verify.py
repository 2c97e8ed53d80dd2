"""Checking a model's answer against its story: keep what the story says, drop the rest.

An **entity** is kept when its type is an ontology label and its name, one of its
aliases, or an alias of the registry entity it names is written in the story;
only the forms written in the story are kept as aliases (an invented alias could
merge two companies later). A registry entity keeps the registry's name and type.

A **fact** is kept when

* its predicate is in the ontology (``unknown_predicate``);
* both ends are kept entities — declared in ``entities`` or known to the registry
  and written in the story (``undeclared_entity``, ``unknown_type``,
  ``name_not_in_story``) — and distinct (``self_relation``);
* their labels fit the predicate's domain and range (``wrong_type``);
* its evidence is found in the story after folding case, accents, quotes, dashes
  and whitespace (``evidence_missing``, ``evidence_too_short``,
  ``evidence_not_in_story``, ``evidence_too_long`` for more than two sentences).
  The story's own sentence is stored, never the model's copy.

Its **date** is re-read from the evidence sentence with the project's date parser
(relative dates resolved against the publication date): a date the sentence
states is kept, one more precise than the sentence is narrowed to it
(``date_coarsened``), any other is removed (``date_unsupported``,
``date_unparseable``) and the fact stays undated. Its **amount** must be money the
sentence states (the money parser; same currency, value within 1%, a value given
in thousands, millions or billions is put in units: ``amount_rescaled``) or it is
removed (``amount_unsupported``). An unknown status is removed (``status_unknown``).

A **metric** is checked the same way: subject, evidence, and a value written in
the sentence (``value_unsupported``); an unsupported change or period is removed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.domain import Amount, Entity, Evidence, Fact, GraphDelta, Metric
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.merge import merge_entity, merge_fact, merge_metric
from sinograph.graph.model.ontology import (
    METRIC_SUBJECT_TYPES,
    PREDICATE_SIGNATURES,
    EntityType,
    FactStatus,
    Predicate,
)
from sinograph.loaders.extract.amounts import find_money, find_percentages
from sinograph.loaders.extract.temporal import find_dates, resolve_relative_date
from sinograph.loaders.extractor import DroppedItem, Verification
from sinograph.loaders.llm.answer import WireAnswer, WireFact, WireMetric
from sinograph.loaders.llm.prompt import story_text
from sinograph.loaders.llm.quotes import MIN_QUOTE_CHARS, StoryText, fold, tidy
from sinograph.loaders.story_input import StoryInput

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry

__all__ = ["LLM_FACT_CONFIDENCE", "VerifiedAnswer", "verify_answer"]

# What a verified model fact is worth before any other extractor agrees with it.
LLM_FACT_CONFIDENCE = 0.7
_MAX_ALIAS_CHARS = 300
_NULLS = frozenset({"", "null", "none", "unknown", "n/a", "na", "-"})
_CURRENCY_WORDS = {
    "RMB": "CNY",
    "YUAN": "CNY",
    "RENMINBI": "CNY",
    "US$": "USD",
    "$": "USD",
    "DOLLAR": "USD",
    "DOLLARS": "USD",
    "HK$": "HKD",
    "€": "EUR",
    "EURO": "EUR",
    "EUROS": "EUR",
    "£": "GBP",
    "YEN": "JPY",
    "¥": "CNY",
    "S$": "SGD",
    "A$": "AUD",
    "C$": "CAD",
    "NT$": "TWD",
}
_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*"
    r"(trillion|billion|million|thousand|tn|bn|mn|m|k)?\b",
    re.IGNORECASE,
)
_NUMBER_SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}


@dataclass
class VerifiedAnswer:
    """The delta a model's answer leaves after verification, and what was dropped."""

    delta: GraphDelta
    verification: Verification
    dropped: list[DroppedItem] = field(default_factory=list)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.01, abs_tol=1e-9)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).replace(",", "").strip().rstrip("%"))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _entity_type(raw: str) -> EntityType | None:
    wanted = re.sub(r"[\s_-]+", "", raw).lower()
    for label in EntityType:
        if label.value.lower() == wanted:
            return label
    return None


def _predicate(raw: str) -> Predicate | None:
    try:
        return Predicate(re.sub(r"[\s-]+", "_", raw.strip()).upper())
    except ValueError:
        return None


def _currency(raw: Any) -> str | None:
    if not isinstance(raw, str):
        return None
    code = raw.strip().upper()
    code = _CURRENCY_WORDS.get(code, code)
    return code if re.fullmatch(r"[A-Z]{3}", code) else None


def _null(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in _NULLS)


class _Checker:
    def __init__(self, story: StoryInput, extractor: str, registry: Registry | None) -> None:
        self.story = story
        self.story_id = story.to_story().id
        self.text = StoryText(story_text(story))
        self.extractor = extractor
        self.registry = registry
        self.published = story.published
        self.entities: dict[str, Entity] = {}
        self.by_form: dict[str, str] = {}
        self.refused: dict[str, str] = {}
        self.facts: dict[str, Fact] = {}
        self.metrics: dict[str, Metric] = {}
        self.counts: dict[str, Counter[str]] = {
            k: Counter() for k in ("facts", "metrics", "entities", "fields", "corrected")
        }
        self.dropped: list[DroppedItem] = []

    # -------------------------------------------------------------- reporting

    def drop(self, kind: str, reason: str, item: str, evidence: str | None = None) -> None:
        bucket = {"fact": "facts", "metric": "metrics", "entity": "entities"}.get(kind, "fields")
        self.counts[bucket][reason] += 1
        self.dropped.append(
            DroppedItem(
                origin=self.story.origin,
                kind=kind,
                reason=reason,
                item=tidy(item)[:300],
                evidence=tidy(evidence)[:500] if evidence else None,
            )
        )

    # -------------------------------------------------------------- entities

    def add_entity(self, name: str, raw_type: str, aliases: list[str]) -> None:
        forms = list(
            dict.fromkeys(
                f.strip() for f in (name, *aliases) if f.strip() and len(f) <= _MAX_ALIAS_CHARS
            )
        )
        label = _entity_type(raw_type)
        if label is None:
            self.refuse(forms, "unknown_type")
            self.drop("entity", "unknown_type", f"{name} ({raw_type})")
            return
        entity = self.entity_from(forms, label)
        if entity is None:
            self.refuse(forms, "name_not_in_story")
            self.drop("entity", "entity_not_in_story", f"{name} ({label.value})")
            return
        self.keep(entity, forms)

    def refuse(self, forms: list[str], reason: str) -> None:
        for form in forms:
            self.refused.setdefault(normalize_name(form), reason)

    def entity_from(self, forms: list[str], label: EntityType) -> Entity | None:
        written = [f for f in forms if self.text.mentions(f)]
        entry = None
        if self.registry is not None:
            entry = next((e for f in forms if (e := self.registry.lookup(f)) is not None), None)
        if entry is not None:
            known = [a for a in (entry.name, *entry.aliases) if self.text.mentions(a)]
            if not written and not known:
                return None
            return Entity(
                name=entry.name,
                type=entry.type,
                aliases=(*entry.aliases, *written),
                name_zh=entry.name_zh,
                country=entry.country,
                tickers=entry.tickers,
                description=entry.description,
            )
        if not written:
            return None
        name = forms[0] if forms[0] in written else max(written, key=len)
        return Entity(name=name, type=label, aliases=tuple(written))

    def keep(self, entity: Entity, forms: list[str]) -> None:
        old = self.entities.get(entity.id)
        self.entities[entity.id] = merge_entity(old, entity) if old else entity
        for form in (*forms, *entity.aliases):
            self.by_form.setdefault(normalize_name(form), entity.id)

    def ref(self, name: str) -> Entity | str:
        """The kept entity ``name`` refers to, or the reason it cannot be used."""
        key = normalize_name(name)
        found = self.by_form.get(key)
        if found is not None:
            return self.entities[found]
        if key in self.refused:
            return self.refused[key]
        if self.registry is not None:
            entry = self.registry.lookup(name)
            if entry is not None:
                entity = self.entity_from([name], entry.type)
                if entity is None:
                    return "name_not_in_story"
                self.keep(entity, [name])
                return entity
        return "undeclared_entity"

    # -------------------------------------------------------------- evidence

    def evidence(self, quote: str) -> tuple[str | None, str]:
        """The story's sentence for ``quote``, or None and the reason."""
        if not quote.strip():
            return None, "evidence_missing"
        if len(fold(quote).strip(" \"'")) < MIN_QUOTE_CHARS:
            return None, "evidence_too_short"
        if self.text.find(quote) is None:
            return None, "evidence_not_in_story"
        sentence = self.text.sentence_of(quote)
        if sentence is None:
            return None, "evidence_too_long"
        return sentence, ""

    # -------------------------------------------------------------- values

    def date(self, raw: str | None, sentence: str, item: str) -> str | None:
        if _null(raw):
            return None
        assert raw is not None
        value = self._partial_date(raw.strip())
        if value is None:
            self.drop("date", "date_unparseable", f"{item} [{raw}]", sentence)
            return None
        stated = [m.date for m in find_dates(sentence, self.published) if m.date]
        if any(d == value or d.startswith(value) for d in stated):
            return value
        broader = [d for d in stated if value.startswith(d)]
        if broader:
            self.counts["corrected"]["date_coarsened"] += 1
            return max(broader, key=len)
        self.drop("date", "date_unsupported", f"{item} [{value}]", sentence)
        return None

    def _partial_date(self, raw: str) -> str | None:
        try:
            return parse_partial_date(raw)
        except InvalidInput:
            pass
        if self.published is not None:
            return resolve_relative_date(raw, self.published)
        found = [m.date for m in find_dates(raw, None) if m.date]
        return found[0] if len(found) == 1 else None

    def amount(self, raw: Any, sentence: str, item: str) -> Amount | None:
        if _null(raw) or raw == {}:
            return None
        value = _number(raw.get("value")) if isinstance(raw, dict) else None
        currency = _currency(raw.get("currency")) if isinstance(raw, dict) else None
        if value is not None and currency is not None:
            for mention in find_money(sentence):
                if mention.per_unit:
                    continue  # a price per share is not the deal's amount
                for stated, code in ((mention.value, mention.currency), *mention.alternatives):
                    if code != currency:
                        continue
                    for scale in _SCALES:
                        if _close(value * scale, stated):
                            if scale != 1.0:
                                self.counts["corrected"]["amount_rescaled"] += 1
                            return Amount(value=stated, currency=code)
        self.drop("amount", "amount_unsupported", f"{item} [{raw}]", sentence)
        return None

    def status(self, raw: str | None, item: str) -> FactStatus | None:
        if _null(raw):
            return None
        assert raw is not None
        try:
            return FactStatus(raw.strip().lower())
        except ValueError:
            self.drop("status", "status_unknown", f"{item} [{raw}]")
            return None

    # -------------------------------------------------------------- facts

    def add_fact(self, wire: WireFact) -> None:
        item = f"{wire.subject} -{wire.predicate}-> {wire.object}"
        predicate = _predicate(wire.predicate)
        if predicate is None:
            self.drop("fact", "unknown_predicate", item, wire.evidence)
            return
        subject, obj = self.ref(wire.subject), self.ref(wire.object)
        for end in (subject, obj):
            if isinstance(end, str):
                self.drop("fact", end, item, wire.evidence)
                return
        assert isinstance(subject, Entity) and isinstance(obj, Entity)
        if not PREDICATE_SIGNATURES[predicate].fits(subject.type, obj.type):
            self.drop(
                "fact",
                "wrong_type",
                f"{item} ({subject.type.value} -> {obj.type.value})",
                wire.evidence,
            )
            return
        if subject.id == obj.id:
            self.drop("fact", "self_relation", item, wire.evidence)
            return
        sentence, reason = self.evidence(wire.evidence)
        if sentence is None:
            self.drop("fact", reason, item, wire.evidence)
            return
        fact = Fact(
            subject=subject.id,
            predicate=predicate,
            object=obj.id,
            date=self.date(wire.date, sentence, item),
            amount=self.amount(wire.amount, sentence, item),
            status=self.status(wire.status, item),
            confidence=LLM_FACT_CONFIDENCE,
            evidence=(
                Evidence(story_id=self.story_id, sentence=sentence, extractor=self.extractor),
            ),
        )
        old = self.facts.get(fact.key)
        self.facts[fact.key] = merge_fact(old, fact) if old else fact

    # -------------------------------------------------------------- metrics

    def add_metric(self, wire: WireMetric) -> None:
        item = f"{wire.subject}: {wire.name} = {wire.value}"
        subject = self.ref(wire.subject)
        if isinstance(subject, str):
            self.drop("metric", subject, item, wire.evidence)
            return
        if subject.type not in METRIC_SUBJECT_TYPES:
            self.drop("metric", "wrong_type", f"{item} ({subject.type.value})", wire.evidence)
            return
        value = _number(wire.value)
        if value is None:
            self.drop("metric", "malformed", item, wire.evidence)
            return
        sentence, reason = self.evidence(wire.evidence)
        if sentence is None:
            self.drop("metric", reason, item, wire.evidence)
            return
        stated = _stated_value(value, wire.unit, sentence)
        if stated is None:
            self.drop("metric", "value_unsupported", item, sentence)
            return
        change = _number(wire.change_pct)
        if change is not None and not any(
            _close(abs(change), p.value) for p in find_percentages(sentence)
        ):
            self.drop("change", "change_unsupported", f"{item} [{change:+g}%]", sentence)
            change = None
        period, date = self.period(wire.period, sentence, item)
        reported_by = None
        if not _null(wire.reported_by) and self.text.mentions(str(wire.reported_by)):
            reported_by = str(wire.reported_by).strip()
        metric = Metric(
            subject=subject.id,
            name=wire.name.strip(),
            value=stated,
            unit=None if _null(wire.unit) else str(wire.unit).strip(),
            change_pct=change,
            period=period,
            reported_by=reported_by,
            date=date,
            evidence=(
                Evidence(story_id=self.story_id, sentence=sentence, extractor=self.extractor),
            ),
        )
        old = self.metrics.get(metric.id)
        self.metrics[metric.id] = merge_metric(old, metric) if old else metric

    def period(self, raw: str | None, sentence: str, item: str) -> tuple[str | None, str | None]:
        mentions = [m for m in find_dates(sentence, self.published) if m.date or m.period]
        if _null(raw):
            return None, None
        assert raw is not None
        wanted = raw.strip()
        for mention in mentions:
            if wanted in (mention.period, mention.date):
                return mention.period or mention.date, mention.date
        self.drop("period", "period_unsupported", f"{item} [{raw}]", sentence)
        return None, None


def _stated_value(value: float, unit: str | None, sentence: str) -> float | None:
    """The sentence's own figure for ``value`` (scaled to units), if it states one."""
    candidates: list[float] = []
    currency = _currency(unit)
    for mention in find_money(sentence):
        if currency is None or mention.currency == currency:
            candidates.append(mention.value)
    candidates.extend(p.value for p in find_percentages(sentence))
    for match in _NUMBER.finditer(sentence):
        number = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
        scale = _NUMBER_SCALE.get((match.group(3) or "").lower(), 1.0)
        candidates.extend({number, number * scale})
    for stated in candidates:
        for scale in _SCALES:
            if _close(value * scale, stated) or _close(value, stated * scale):
                return value if _close(value, stated) else stated
    return None


def verify_answer(
    answer: WireAnswer,
    story: StoryInput,
    *,
    extractor: str,
    registry: Registry | None = None,
) -> VerifiedAnswer:
    """What of ``answer`` the story supports (see the module doc), credited to
    ``extractor`` (``llm:<model>``)."""
    checker = _Checker(story, extractor, registry)
    for bad in range(answer.malformed_entities):
        checker.drop("entity", "malformed", f"entity #{bad + 1} of the wrong shape")
    for wire_entity in answer.entities:
        checker.add_entity(wire_entity.name, wire_entity.type, wire_entity.aliases)
    for bad in range(answer.malformed_facts):
        checker.drop("fact", "malformed", f"fact #{bad + 1} of the wrong shape")
    for wire_fact in answer.facts:
        checker.add_fact(wire_fact)
    for bad in range(answer.malformed_metrics):
        checker.drop("metric", "malformed", f"metric #{bad + 1} of the wrong shape")
    for wire_metric in answer.metrics:
        checker.add_metric(wire_metric)
    counts = checker.counts
    verification = Verification(
        facts_proposed=len(answer.facts) + answer.malformed_facts,
        facts_kept=len(checker.facts),
        facts_dropped=dict(sorted(counts["facts"].items())),
        metrics_proposed=len(answer.metrics) + answer.malformed_metrics,
        metrics_kept=len(checker.metrics),
        metrics_dropped=dict(sorted(counts["metrics"].items())),
        entities_dropped=dict(sorted(counts["entities"].items())),
        fields_dropped=dict(sorted(counts["fields"].items())),
        fields_corrected=dict(sorted(counts["corrected"].items())),
    )
    delta = GraphDelta(
        stories=(story.to_story(),),
        entities=tuple(sorted(checker.entities.values(), key=lambda e: e.id)),
        facts=tuple(checker.facts.values()),
        metrics=tuple(checker.metrics.values()),
    )
    return VerifiedAnswer(delta=delta, verification=verification, dropped=checker.dropped)
