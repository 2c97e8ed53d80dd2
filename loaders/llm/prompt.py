"""The request sent to the model: instructions and the ontology, then the story.

Everything the model is told about labels, predicates, directions and statuses is
generated from :mod:`graph.model.ontology`, so the prompt and the checks applied to the
answer always agree. ``PROMPT_VERSION`` is part of the response cache key: change
it whenever the instructions change so cached answers to the old prompt are not
reused.

>>> from sinograph.loaders.story_input import StoryInput
>>> request = build_request(StoryInput(text="Norvik bought Tallis.", published="2025-06-30"))
>>> request.messages[1]["content"].splitlines()[:2]
['Publication date: 2025-06-30', 'Publisher: unknown']
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sinograph.graph.model.ontology import (
    ENTITY_TYPE_MEANINGS,
    PREDICATE_SIGNATURES,
    STATUS_MEANINGS,
    EntityType,
    FactStatus,
    Predicate,
)
from sinograph.loaders.story_input import StoryInput

__all__ = ["PROMPT_VERSION", "ChatRequest", "answer_schema", "build_request", "story_text"]

PROMPT_VERSION = "1"
SCHEMA_NAME = "sinograph_extraction"


@dataclass(frozen=True)
class ChatRequest:
    """The messages for one story, and the digest of what the answer depends on."""

    messages: list[dict[str, str]]
    story_digest: str


def story_text(story: StoryInput) -> str:
    """The text the model reads and its quotes are checked against: the headline
    (when the text does not start with it) and the text."""
    title = (story.title or "").strip()
    if title and not story.text.lstrip().startswith(title):
        return f"{title}\n\n{story.text}"
    return story.text


def _ontology_text() -> str:
    lines = ["Entity types (use exactly these names):"]
    for label in EntityType:
        lines.append(f"- {label.value}: {ENTITY_TYPE_MEANINGS[label]}")
    lines.append("")
    lines.append("Predicates (subject -> object; use exactly these names and this direction):")
    for predicate in Predicate:
        sig = PREDICATE_SIGNATURES[predicate]
        subjects = "/".join(t.value for t in EntityType if t in sig.subjects)
        objects = (
            "any type"
            if sig.objects == frozenset(EntityType)
            else "/".join(t.value for t in EntityType if t in sig.objects)
        )
        lines.append(f"- {predicate.value} ({subjects} -> {objects}): {sig.meaning}")
    lines.append("")
    lines.append("Statuses of deals, listings and bans:")
    for status in FactStatus:
        lines.append(f"- {status.value}: {STATUS_MEANINGS[status]}")
    return "\n".join(lines)


_INSTRUCTIONS = """\
You read one business news story and extract a knowledge graph from it.

Answer with one JSON object and nothing else:
{"entities": [{"name": str, "type": str, "aliases": [str]}],
 "facts": [{"subject": str, "predicate": str, "object": str, "date": str|null,
            "amount": {"value": number, "currency": str}|null, "status": str|null,
            "evidence": str}],
 "metrics": [{"subject": str, "name": str, "value": number, "unit": str|null,
              "change_pct": number|null, "period": str|null, "reported_by": str|null,
              "evidence": str}]}

Rules:
- Entities: every company, person, country, region, government body, organisation,
  product, asset, commodity, market or investor group a fact or metric mentions.
  "name" is the fullest form written in the story, "aliases" the other forms written in
  it (short names, tickers, Chinese names). Never invent a name the story does not use.
- Facts: only relations the story states. "subject" and "object" are names from
  "entities". Use only the predicates below, in their direction; if none fits, leave
  the relation out.
- "evidence" is the one sentence of the story that states the fact, copied exactly,
  character for character. Do not shorten, join or paraphrase it.
- "date": when the fact happened, as YYYY-MM-DD, YYYY-MM or YYYY, only if the evidence
  sentence states it; resolve "on Monday", "last month" against the publication date.
  Otherwise null.
- "amount": the money of the deal, fine or investment stated in the evidence sentence,
  "value" in units (1.2 billion -> 1200000000), "currency" an ISO 4217 code (RMB and
  yuan -> CNY). Otherwise null.
- "status": one of the statuses below when the sentence says where a deal, listing or
  ban stands, else null.
- Metrics: reported figures about one market, company or country that are not a
  relation between two entities (sales, profit, growth), with the evidence sentence.
- Leave out anything you are unsure of. An empty list is a good answer for a story that
  states no relation.
"""


@lru_cache(maxsize=1)
def system_prompt() -> str:
    """The instructions and the ontology (the same for every story)."""
    return f"{_INSTRUCTIONS}\n{_ontology_text()}\n"


def build_request(story: StoryInput) -> ChatRequest:
    """The chat messages for ``story`` and the digest its cached answer is filed under."""
    user = "\n".join(
        [
            f"Publication date: {story.published or 'unknown'}",
            f"Publisher: {story.publisher or 'unknown'}",
            f"Headline: {(story.title or '').strip() or 'none'}",
            "",
            "Story:",
            story.text,
        ]
    )
    # The instructions are part of the digest too: a changed ontology is a new question.
    digest = hashlib.sha256(f"{system_prompt()}\x00{user}".encode()).hexdigest()
    return ChatRequest(
        messages=[
            {"role": "system", "content": system_prompt()},
            {"role": "user", "content": user},
        ],
        story_digest=digest,
    )


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


@lru_cache(maxsize=1)
def _schema_text() -> str:
    evidence = {"type": "string", "description": "one sentence copied exactly from the story"}
    entity = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "type": {"type": "string", "enum": [t.value for t in EntityType]},
            "aliases": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["name", "type", "aliases"],
        "additionalProperties": False,
    }
    amount = {
        "type": "object",
        "properties": {"value": {"type": "number"}, "currency": {"type": "string"}},
        "required": ["value", "currency"],
        "additionalProperties": False,
    }
    fact = {
        "type": "object",
        "properties": {
            "subject": {"type": "string"},
            "predicate": {"type": "string", "enum": [p.value for p in Predicate]},
            "object": {"type": "string"},
            "date": _nullable({"type": "string"}),
            "amount": _nullable(amount),
            "status": _nullable({"type": "string", "enum": [s.value for s in FactStatus]}),
            "evidence": evidence,
        },
        "required": ["subject", "predicate", "object", "date", "amount", "status", "evidence"],
        "additionalProperties": False,
    }
    metric = {
        "type": "object",
        "properties": {
            "subject": {"type": "string"},
            "name": {"type": "string"},
            "value": {"type": "number"},
            "unit": _nullable({"type": "string"}),
            "change_pct": _nullable({"type": "number"}),
            "period": _nullable({"type": "string"}),
            "reported_by": _nullable({"type": "string"}),
            "evidence": evidence,
        },
        "required": [
            "subject",
            "name",
            "value",
            "unit",
            "change_pct",
            "period",
            "reported_by",
            "evidence",
        ],
        "additionalProperties": False,
    }
    schema = {
        "type": "object",
        "properties": {
            "entities": {"type": "array", "items": entity},
            "facts": {"type": "array", "items": fact},
            "metrics": {"type": "array", "items": metric},
        },
        "required": ["entities", "facts", "metrics"],
        "additionalProperties": False,
    }
    return json.dumps(schema, sort_keys=True)


def answer_schema() -> dict[str, Any]:
    """The JSON schema of the answer, for servers that take ``response_format``
    ``json_schema`` (enums from the ontology, so a constrained decoder cannot emit an
    unknown label or predicate)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
