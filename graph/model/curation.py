"""Curation: corrections a person (or the loader) makes to the graph, and their audit trail.

Every change is a :class:`CurationRecord` in the store's curation log: what was done,
to which fact or entity, when, by whom (an API key's name, a CLI user, or
``loader`` for the merges a load makes itself) and why. The log is stored with the
graph in both stores, exported in the graph JSON's ``curation`` section together with
the redirects of merged entities and the keys of rejected facts, and read back
from it (:class:`CurationExport`).

The pure rules shared by both stores live here too:

* :func:`redirect_delta` rewrites a delta's entity ids through the redirects a merge
  left behind, so a merge survives re-loads;
* :func:`split_moves` decides which facts go with an alias split off an entity.

>>> who = Curator(actor="cli:ana", reason="Duplicate of HKEX")
>>> who.actor, who.reason
('cli:ana', 'Duplicate of HKEX')
>>> from pydantic import ValidationError
>>> try:
...     Curator(actor="cli:ana", reason="  ")
... except ValidationError as exc:
...     print(exc.errors()[0]["msg"])
Value error, a reason is required: say why the change is made
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph.model.curation_log import CurationAction, CurationExport, CurationRecord
from graph.model.domain import Entity, Evidence, Fact, GraphDelta, Metric
from graph.model.identifiers import validate_identifiers
from graph.model.ids import normalize_name

__all__ = [
    "LOADER",
    "CurationAction",
    "CurationExport",
    "CurationPage",
    "CurationRecord",
    "Curator",
    "EntityEdit",
    "graph_digest",
    "new_record",
    "redirect_delta",
    "split_moves",
]

# The actor of the merges a load makes when a better match for a stored entity arrives.
LOADER = "loader"
MAX_REASON = 2_000


class Curator(BaseModel):
    """Who makes a change and why; both are required."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actor: str = Field(min_length=1, max_length=200, examples=["api:review-team"])
    reason: str = Field(min_length=1, max_length=MAX_REASON, examples=["two names of one firm"])

    @field_validator("reason", "actor")
    @classmethod
    def _not_blank(cls, value: str, info: Any) -> str:
        if not value.strip():
            what = "a reason" if info.field_name == "reason" else "an actor"
            raise ValueError(f"{what} is required: say why the change is made"
                             if info.field_name == "reason" else f"{what} is required")
        return value.strip()


class EntityEdit(BaseModel):
    """New values for an entity's editable attributes; a field left out is kept, a field
    given as ``null`` is cleared. ``identifiers`` replaces the whole set (checked as in
    :class:`graph.model.domain.Entity`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_zh: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=200)
    identifiers: dict[str, str] | None = None
    description: str | None = Field(default=None, max_length=10_000)

    @field_validator("identifiers", mode="before")
    @classmethod
    def _valid(cls, value: Any) -> Any:
        if isinstance(value, dict) and value:
            return validate_identifiers({str(k): str(v) for k, v in value.items()})
        return value

    def changes(self) -> dict[str, Any]:
        """The fields this edit sets (``None``: cleared)."""
        return {name: getattr(self, name) for name in sorted(self.model_fields_set)}

    def apply(self, entity: Entity) -> Entity:
        """``entity`` with this edit's fields set."""
        update: dict[str, Any] = {}
        for name, value in self.changes().items():
            update[name] = {} if name == "identifiers" and value is None else value
            if isinstance(value, str) and not value.strip():
                update[name] = None
        return Entity.model_validate({**entity.model_dump(), **update})


def new_record(
    action: CurationAction,
    curator: Curator,
    *,
    fact: str | None = None,
    entity: str | None = None,
    target: str | None = None,
    changes: Mapping[str, Any] | None = None,
    at: str | None = None,
) -> CurationRecord:
    """A log record stamped now (UTC); its id follows its content, so importing the same
    log twice adds nothing."""
    when = at or datetime.now(UTC).isoformat(timespec="microseconds")
    body = {
        "action": action.value, "at": when, "actor": curator.actor, "reason": curator.reason,
        "fact": fact, "entity": entity, "target": target, "changes": dict(changes or {}),
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
    return CurationRecord.model_validate({"id": "curation:" + digest[:20], **body})


class CurationPage(BaseModel):
    """Log records, oldest first, one page after ``cursor`` (the last id of a page)."""

    model_config = ConfigDict(frozen=True)

    items: list[CurationRecord]
    next_cursor: str | None = None


def graph_digest(delta: GraphDelta, rejected: Iterable[str] = ()) -> str:
    """A hash of a graph's content (stories, entities, facts, metrics and which facts are
    rejected), leaving out the curation log and redirects: they record how the graph came
    to be, which differs between load orders that give the same graph.

    >>> graph_digest(GraphDelta()) == graph_digest(GraphDelta())
    True
    """
    body = delta.model_dump(mode="json", include={"stories", "entities", "facts", "metrics"})
    body["rejected"] = sorted(set(rejected))
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def final_target(redirects: Mapping[str, str], entity_id: str) -> str:
    """Where ``entity_id`` leads through a chain of redirects (a merge of a merge)."""
    seen = {entity_id}
    while entity_id in redirects:
        entity_id = redirects[entity_id]
        if entity_id in seen:
            break  # a cycle would be a bug elsewhere; stop rather than loop
        seen.add(entity_id)
    return entity_id


def redirect_delta(delta: GraphDelta, redirects: Mapping[str, str]) -> GraphDelta:
    """``delta`` with every merged-away entity id replaced by its survivor's.

    A record of a merged-away entity becomes a record of the survivor (its names
    become the survivor's aliases); facts and metrics follow; a fact that then joins
    an entity to itself is dropped (two names of one entity say nothing of each
    other).
    """
    if not redirects:
        return delta
    ids = {e.id for e in delta.entities} | {f.subject for f in delta.facts}
    ids |= {f.object for f in delta.facts} | {m.subject for m in delta.metrics}
    moved = {i: final_target(redirects, i) for i in ids if i in redirects}
    if not moved:
        return delta
    entities: list[Entity] = []
    for entity in delta.entities:
        target = moved.get(entity.id)
        if target is None:
            entities.append(entity)
            continue
        entities.append(entity.model_copy(update={"id": target}))
    facts: list[Fact] = []
    for fact in delta.facts:
        subject = moved.get(fact.subject, fact.subject)
        obj = moved.get(fact.object, fact.object)
        if subject == obj:
            continue
        if (subject, obj) != (fact.subject, fact.object):
            data = fact.model_dump()
            data.update(subject=subject, object=obj, key="")
            fact = Fact.model_validate(data)
        facts.append(fact)
    metrics: list[Metric] = []
    for metric in delta.metrics:
        if metric.subject in moved:
            data = metric.model_dump()
            data.update(subject=moved[metric.subject], id="")
            metric = Metric.model_validate(data)
        metrics.append(metric)
    return delta.model_copy(
        update={"entities": tuple(entities), "facts": tuple(facts), "metrics": tuple(metrics)}
    )


def _mentions(sentence: str, name: str) -> bool:
    norm = normalize_name(name)
    if not norm:
        return False
    return re.search(rf"(?<!\w){re.escape(norm)}(?!\w)", normalize_name(sentence)) is not None


def _moves(evidence: Iterable[Evidence], alias: str, others: list[str]) -> bool:
    sentences = [e.sentence for e in evidence]
    if not sentences:
        return False
    return all(
        _mentions(s, alias) and not any(_mentions(s, o) for o in others) for s in sentences
    )


def split_moves(entity: Entity, alias: str, facts: Iterable[Fact],
                metrics: Iterable[Metric] = ()) -> tuple[list[str], list[str]]:
    """The keys of the facts, and the ids of the metrics, that go with ``alias`` when it
    is split off ``entity``: those whose every evidence sentence names ``alias`` and
    none of the entity's other names. Anything else stays (a sentence that names the
    entity otherwise, or no sentence at all, cannot tell which of the two it meant).

    >>> e = Entity(name="Ancai", type="Company", aliases=("Anhui Ancai",))
    >>> f = Fact(subject=e.id, predicate="OWNS", object="company:x",
    ...          evidence=[{"story_id": "s", "sentence": "Anhui Ancai owns X."}])
    >>> split_moves(e, "Anhui Ancai", [f])[0] == [f.key]
    True
    """
    wanted = normalize_name(alias)
    others = [a for a in entity.aliases if normalize_name(a) != wanted
              and wanted.find(normalize_name(a)) < 0]
    fact_keys = [f.key for f in facts if _moves(f.evidence, alias, others)]
    metric_ids = [m.id for m in metrics if _moves(m.evidence, alias, others)]
    return sorted(fact_keys), sorted(metric_ids)
