"""The curation log's records and the ``curation`` section of a graph export (plain data,
no graph logic: :mod:`graph.model.curation` holds the rules)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CurationAction", "CurationExport", "CurationRecord"]


class CurationAction(StrEnum):
    REJECT_FACT = "reject_fact"
    RESTORE_FACT = "restore_fact"
    MERGE_ENTITIES = "merge_entities"
    SPLIT_ENTITY = "split_entity"
    EDIT_ENTITY = "edit_entity"


class CurationRecord(BaseModel):
    """One change in the curation log.

    ``entity`` is the entity acted on (a merge's merged-away entity, a split's
    original), ``target`` the merge's survivor or the split's new entity, ``fact`` a
    rejected or restored fact's key; ``changes`` says what moved or changed (facts
    moved, aliases, attribute values before and after).
    """

    model_config = ConfigDict(frozen=True)

    id: str
    action: CurationAction
    at: str = Field(description="when, UTC, ISO 8601")
    actor: str
    reason: str
    fact: str | None = None
    entity: str | None = None
    target: str | None = None
    changes: dict[str, Any] = Field(default_factory=dict)


class CurationExport(BaseModel):
    """The ``curation`` section of a graph JSON export: the log, where merged ids lead,
    and the keys of rejected facts (which stay in ``facts``, marked rejected here)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    log: tuple[CurationRecord, ...] = ()
    redirects: dict[str, str] = Field(default_factory=dict)
    rejected: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.log or self.redirects or self.rejected)
