"""The wire contract with the model, and reading its answer.

The model answers one JSON object::

    {"entities": [{"name", "type", "aliases"}],
     "facts": [{"subject", "predicate", "object", "date",
                "amount": {"value", "currency"} | null, "status", "evidence"}],
     "metrics": [{"subject", "name", "value", "unit", "change_pct", "period",
                  "reported_by", "evidence"}]}

Reading is tolerant of what servers and models wrap around JSON (code fences, a
``<think>`` block, a sentence before or after) and of single bad items: an item
that does not fit its shape is counted as ``malformed`` and the rest is kept. Only
an answer with no JSON object at all is :class:`MalformedAnswer`.

>>> answer = parse_answer('```json\\n{"entities": [], "facts": []}\\n```')
>>> (answer.facts, answer.malformed_facts)
([], 0)
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "MalformedAnswer",
    "WireAnswer",
    "WireEntity",
    "WireFact",
    "WireMetric",
    "parse_answer",
]

_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


class MalformedAnswer(ValueError):
    """The answer holds no readable JSON object; the message says why (it is sent back
    to the model when it is asked again)."""


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)


class WireEntity(_Wire):
    name: str = Field(min_length=1, max_length=2_000)
    type: str = Field(max_length=100)
    aliases: list[str] = Field(default_factory=list)

    @field_validator("aliases", mode="before")
    @classmethod
    def _no_aliases(cls, value: Any) -> Any:
        return [] if value is None else value


class WireFact(_Wire):
    subject: str = Field(min_length=1, max_length=2_000)
    predicate: str = Field(max_length=100)
    object: str = Field(min_length=1, max_length=2_000)
    date: str | None = None
    # Checked field by field in verification: a bad amount loses the amount, not the fact.
    amount: Any = None
    status: str | None = None
    evidence: str = ""


class WireMetric(_Wire):
    subject: str = Field(min_length=1, max_length=2_000)
    name: str = Field(min_length=1, max_length=2_000)
    value: Any = None
    unit: str | None = None
    change_pct: Any = None
    period: str | None = None
    reported_by: str | None = None
    evidence: str = ""


class WireAnswer(BaseModel):
    """A model's answer, item by item; ``malformed_*`` count items of the wrong shape."""

    entities: list[WireEntity] = Field(default_factory=list)
    facts: list[WireFact] = Field(default_factory=list)
    metrics: list[WireMetric] = Field(default_factory=list)
    malformed_entities: int = 0
    malformed_facts: int = 0
    malformed_metrics: int = 0


def _json_text(content: str) -> str:
    text = _THINK.sub("", content).strip()
    fenced = _FENCE.findall(text)
    if fenced:
        text = max(fenced, key=len).strip()
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end < start:
        raise MalformedAnswer("the answer holds no JSON object")
    return text[start : end + 1]


def _items(data: dict[str, Any], key: str, model: type[_Wire]) -> tuple[list[Any], int]:
    raw = data.get(key)
    if raw is None:
        return [], 0
    if not isinstance(raw, list):
        return [], 1
    kept: list[Any] = []
    bad = 0
    for item in raw:
        try:
            kept.append(model.model_validate(item))
        except ValidationError:
            bad += 1
    return kept, bad


def parse_answer(content: str) -> WireAnswer:
    """Read a model's answer (see the module doc); raises :class:`MalformedAnswer`."""
    text = _json_text(content)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedAnswer(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict):
        raise MalformedAnswer("the answer is not a JSON object")
    if not any(k in data for k in ("entities", "facts", "metrics")):
        raise MalformedAnswer('the object has none of "entities", "facts", "metrics"')
    entities, bad_entities = _items(data, "entities", WireEntity)
    facts, bad_facts = _items(data, "facts", WireFact)
    metrics, bad_metrics = _items(data, "metrics", WireMetric)
    return WireAnswer(
        entities=entities,
        facts=facts,
        metrics=metrics,
        malformed_entities=bad_entities,
        malformed_facts=bad_facts,
        malformed_metrics=bad_metrics,
    )
