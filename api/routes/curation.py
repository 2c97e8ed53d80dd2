"""Curation: reject and restore facts, merge, split and edit entities, read the log.

Every write needs the API key (when the server has one) and a ``reason``; the curation
log records it with the time and the key's name (``SINOGRAPH_API_KEY_NAME``) as
``api:<name>``. See docs/curation.md.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sinograph.api.deps import SettingsDep, StoreDep, require_api_key
from sinograph.api.problems import problem_responses
from sinograph.api.routes.entities import EntityPath
from sinograph.graph.model.curation import (
    MAX_REASON,
    CurationPage,
    CurationRecord,
    Curator,
    EntityEdit,
)
from sinograph.graph.model.results import FactView

__all__ = ["router"]

router = APIRouter(tags=["curation"])

_RECORD = {
    "id": "curation:3f1c0a9e52d14b7a8c61", "action": "merge_entities",
    "at": "2025-07-02T09:15:03.120412+00:00", "actor": "api:review-team",
    "reason": "one exchange", "fact": None, "entity": "company:hong-kong-stock-exchange",
    "target": "company:hong-kong-exchanges-and-clearing",
    "changes": {"merged_name": "Hong Kong Stock Exchange", "aliases_added": ["HKSE"],
                "facts_moved": {}, "facts_dropped": [], "metrics_moved": []},
}


def _example(value: object) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": value}}}}

FactPath = Annotated[str, Path(description="a fact key (a former key finds its fact too)")]
Reason = Annotated[
    str,
    Field(min_length=1, max_length=MAX_REASON, pattern=r"\S",
          description="why the change is made (required; kept in the curation log)",
          examples=["the story says the stake was sold, not bought"]),
]


class ReasonBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Reason


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(min_length=1, description="the entity that survives (id or name)",
                      examples=["company:hong-kong-exchanges-and-clearing"])
    reason: Reason


class SplitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    alias: str = Field(min_length=1, description="the alias that names another entity",
                       examples=["HKSE"])
    name: str | None = Field(default=None, min_length=1, max_length=2_000,
                             description="the new entity's name (default: the alias)")
    reason: Reason


class EditBody(BaseModel):
    """Fields left out are kept; ``null`` clears one."""

    model_config = ConfigDict(extra="forbid")

    name_zh: str | None = None
    country: str | None = None
    identifiers: dict[str, str] | None = None
    description: str | None = None
    reason: Reason

    @field_validator("identifiers", mode="before")
    @classmethod
    def _checked(cls, value: Any) -> Any:
        return EntityEdit.model_validate({"identifiers": value}).identifiers


def _with(settings: SettingsDep, reason: str) -> Curator:
    """Who changes the graph: the API key's name (``anonymous`` when writes are open)."""
    name = settings.api_key_name if settings.api_key is not None else "anonymous"
    return Curator(actor=f"api:{name}", reason=reason)


@router.post(
    "/facts/{key}/reject", operation_id="reject_fact", summary="Reject a fact",
    responses={**_example(_RECORD), **problem_responses(401, 404, 409)},
    dependencies=[Depends(require_api_key)],
)
def reject_fact(store: StoreDep, settings: SettingsDep, key: FactPath,
                body: Annotated[ReasonBody, Body()]) -> CurationRecord:
    """Hide the fact from every read (`GET /facts/{key}` still shows it, `rejected: true`);
    loading its story again leaves it rejected."""
    return store.reject_fact(key, _with(settings, body.reason))


@router.post(
    "/facts/{key}/restore", operation_id="restore_fact", summary="Restore a rejected fact",
    responses={**_example(_RECORD), **problem_responses(401, 404, 409)},
    dependencies=[Depends(require_api_key)],
)
def restore_fact(store: StoreDep, settings: SettingsDep, key: FactPath,
                 body: Annotated[ReasonBody, Body()]) -> CurationRecord:
    return store.restore_fact(key, _with(settings, body.reason))


@router.get(
    "/curation/rejected", operation_id="rejected_facts", summary="The rejected facts",
    responses={**_example([]), **problem_responses(400)},
)
def rejected_facts(store: StoreDep,
                   limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[FactView]:
    return store.rejected_facts(limit=limit)


@router.post(
    "/entities/{id}/merge", operation_id="merge_entities",
    summary="Merge an entity into another (its id then redirects)",
    responses={**_example(_RECORD), **problem_responses(401, 404, 409)},
    dependencies=[Depends(require_api_key)],
)
def merge_entities(store: StoreDep, settings: SettingsDep, id: EntityPath,
                   body: Annotated[MergeBody, Body()]) -> CurationRecord:
    """Names, facts (with their evidence), metrics and the attributes only it has move to
    `into`; a fact between the two is dropped. Every read and every later load by the old
    id answers for the survivor, saying so (`redirected_from`, `redirects`)."""
    return store.merge_entities(id, body.into, _with(settings, body.reason))


@router.post(
    "/entities/{id}/split", operation_id="split_entity",
    summary="Split an alias off an entity into a new entity",
    responses={**_example(_RECORD), **problem_responses(401, 404, 409)},
    dependencies=[Depends(require_api_key)],
)
def split_entity(store: StoreDep, settings: SettingsDep, id: EntityPath,
                 body: Annotated[SplitBody, Body()]) -> CurationRecord:
    """The facts and metrics whose every evidence sentence names the alias (and none of
    the entity's other names) move to the new entity; the others stay."""
    return store.split_entity(id, body.alias, _with(settings, body.reason), name=body.name)


@router.post(
    "/entities/{id}/edit", operation_id="edit_entity",
    summary="Edit an entity's Chinese name, country, identifiers or description",
    responses={**_example(_RECORD), **problem_responses(400, 401, 404, 409)},
    dependencies=[Depends(require_api_key)],
)
def edit_entity(store: StoreDep, settings: SettingsDep, id: EntityPath,
                body: Annotated[EditBody, Body()]) -> CurationRecord:
    fields: dict[str, Any] = {k: getattr(body, k) for k in body.model_fields_set
                              if k != "reason"}
    return store.edit_entity(id, EntityEdit(**fields), _with(settings, body.reason))


@router.get(
    "/curation/log", operation_id="curation_log", summary="The curation log, oldest first",
    responses={**_example({"items": [_RECORD], "next_cursor": None}),
               **problem_responses(400, 404, 409)},
)
def curation_log(
    store: StoreDep,
    entity: Annotated[str | None, Query(description="only changes to this entity")] = None,
    fact: Annotated[str | None, Query(description="only changes to this fact key")] = None,
    cursor: Annotated[str | None, Query(description="the next_cursor of a previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> CurationPage:
    return store.curation_log(entity=entity, fact=fact, cursor=cursor, limit=limit)
