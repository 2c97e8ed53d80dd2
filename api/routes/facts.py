"""``GET /facts/{key}``: one fact with every source and evidence sentence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from sinograph.api.deps import StoreDep
from sinograph.api.examples import EXAMPLE_IDS, example_content
from sinograph.api.problems import problem_responses
from sinograph.graph.model.results import FactView

__all__ = ["router"]

router = APIRouter(tags=["facts"])


@router.get(
    "/facts/{key}",
    operation_id="get_fact",
    summary="One fact with every source and evidence sentence",
    responses={200: {"content": example_content("fact")}, **problem_responses(404)},
)
def get_fact(
    store: StoreDep,
    key: Annotated[str, Path(description="a fact key", examples=[EXAMPLE_IDS["fact"]])],
) -> FactView:
    return store.get_fact(key)
