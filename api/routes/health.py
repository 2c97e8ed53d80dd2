"""``GET /health``: the store answers, and what it holds."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import SettingsDep, StoreDep
from api.examples import example_content
from api.problems import problem_responses
from api.schemas import HealthOut

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    operation_id="health",
    summary="Store reachable, and its counts",
    responses={200: {"content": example_content("health")}, **problem_responses()},
)
def health(store: StoreDep, settings: SettingsDep) -> HealthOut:
    """200 with counts by label, predicate and publisher; 503 when the store is unreachable."""
    return HealthOut(
        store=settings.store_kind,
        writes="protected" if settings.api_key is not None else "open",
        counts=store.stats(),
    )
