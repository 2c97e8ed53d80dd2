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

from sinograph.graph.model.curation_log import CurationAction, CurationExport, CurationRecord
from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Metric
from sinograph.graph.model.errors import CurationConflict, InvalidInput
from sinograph.graph.model.identifiers import validate_identifiers
from sinograph.graph.model.ids import normalize_name

__all__ = [
    "LOADER",
    "CurationAction",
    "CurationExport",
    "CurationPage",
    "CurationRecord",
    "Curator",
    "EntityEdit",
    "graph_digest",
    "moved_fact",
    "moved_metric",
    "new_record",
    "edit_changes",
    "redirect_delta",
    "split_moves",
    "split_plan",
    "split_target_taken",
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


def split_plan(entity: Entity, alias: str, name: str | None) -> tuple[Entity, Entity, str]:
    """What splitting ``alias`` off ``entity`` makes, checked the same for every store:
    the new entity, the entity as it stays, and the alias as the entity spelt it.

    >>> e = Entity(name="Ancai", type="Company", aliases=("Anhui Ancai",))
    >>> new, kept, alias = split_plan(e, "anhui ancai", None)
    >>> (new.name, kept.aliases, alias)
    ('Anhui Ancai', ('Ancai',), 'Anhui Ancai')
    """
    wanted = normalize_name(alias)
    if not wanted:
        raise InvalidInput("an alias to split off is required")
    if wanted == normalize_name(entity.name):
        raise CurationConflict(
            f"{alias!r} is the canonical name of {entity.id}: split off one of its other "
            "aliases (or merge and split the other way)"
        )
    own = [a for a in entity.aliases if normalize_name(a) == wanted]
    if not own:
        raise CurationConflict(
            f"{entity.name} ({entity.id}) has no alias {alias!r}; its aliases are "
            + ", ".join(repr(a) for a in entity.aliases)
        )
    try:
        new = Entity(name=(name or own[0]).strip(), type=entity.type, aliases=tuple(own))
    except ValueError as exc:
        raise InvalidInput(f"the new entity's name is not valid: {exc}") from None
    kept = entity.model_copy(
        update={"aliases": tuple(a for a in entity.aliases if normalize_name(a) != wanted)}
    )
    return new, kept, own[0]


def split_target_taken(entity_id: str) -> CurationConflict:
    """The error for a split whose new entity's id is taken."""
    return CurationConflict(
        f"an entity {entity_id} exists already: merge into it instead, or give the new "
        "entity another name"
    )


def edit_changes(entity: Entity, edit: EntityEdit) -> tuple[Entity, dict[str, Any]]:
    """``entity`` with ``edit`` applied, and each changed field's before and after (an
    edit that changes nothing is a conflict)."""
    try:
        edited = edit.apply(entity)
    except ValueError as exc:
        raise InvalidInput(f"the edit is not valid: {exc}") from None
    changes = {
        field: {"before": _plain(getattr(entity, field)), "after": _plain(getattr(edited, field))}
        for field in edit.changes()
        if getattr(entity, field) != getattr(edited, field)
    }
    if not changes:
        raise CurationConflict(f"the edit changes nothing on {entity.name} ({entity.id})")
    return edited, changes


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


def moved_fact(fact: Fact, old: str, new: str) -> Fact:
    """``fact`` with entity ``old`` replaced by ``new`` on either side (its key made anew)."""
    data = fact.model_dump()
    data.update(
        key="",
        subject=new if fact.subject == old else fact.subject,
        object=new if fact.object == old else fact.object,
    )
    return Fact.model_validate(data)


def moved_metric(metric: Metric, new: str) -> Metric:
    """``metric`` said of entity ``new`` (its id made anew)."""
    data = metric.model_dump()
    data.update(id="", subject=new)
    return Metric.model_validate(data)
