"""``GET /health``: a cheap probe (the store answers, its schema version); ``GET /stats``:
what the store holds."""

from __future__ import annotations

from fastapi import APIRouter

from sinograph.api.deps import SettingsDep, StoreDep
from sinograph.api.examples import example_content
from sinograph.api.problems import problem_responses
from sinograph.api.schemas import HealthOut
from sinograph.graph.model.results import GraphStats

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    operation_id="health",
    summary="Store reachable: a probe cheap enough for load balancers",
    responses={200: {"content": example_content("health")}, **problem_responses()},
)
def health(store: StoreDep, settings: SettingsDep) -> HealthOut:
    """200 when the store answers a one-row read (milliseconds, whatever its size), with its
    schema version and whether writes are possible; 503 when it is unreachable, damaged or
    cannot be opened. Counts are at `/stats`."""
    probe = store.health()
    return HealthOut(
        store=settings.store_kind,
        writes="protected" if settings.api_key is not None else "open",
        schema_version=probe.schema_version,
        read_only=probe.read_only,
    )


@router.get(
    "/stats",
    operation_id="stats",
    summary="What the store holds: counts by label, predicate and publisher",
    responses={200: {"content": example_content("stats")}, **problem_responses()},
)
def stats(store: StoreDep) -> GraphStats:
    """Counts of entities, facts, stories, metrics and sources, by label, predicate and
    publisher. It reads the whole store: for liveness checks use `/health`."""
    return store.stats()
