"""Timelines: of one entity, and of the whole graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sinograph.api.deps import StoreDep
from sinograph.api.examples import example_content
from sinograph.api.problems import problem_responses
from sinograph.api.routes.entities import EntityPath
from sinograph.graph.model.queries import TimelineOptions, TimelineQuery
from sinograph.graph.model.results import TimelinePage

__all__ = ["router"]

router = APIRouter(tags=["timeline"])


@router.get(
    "/entities/{id}/timeline",
    operation_id="get_entity_timeline",
    summary="Facts and metrics of one entity in date order",
    responses={
        200: {"content": example_content("timeline")},
        **problem_responses(400, 404, 409),
    },
)
def entity_timeline(
    store: StoreDep, id: EntityPath, options: Annotated[TimelineOptions, Query()]
) -> TimelinePage:
    """Dated items oldest first, a partial date (`2025-06`) at the start of its period;
    follow `next_cursor` for the next page. Undated items are a section of their own: the
    first ones in `undated` on the first page, the next ones on the pages that
    `undated_next_cursor` leads to."""
    return store.timeline(TimelineQuery.of(id, options))


@router.get(
    "/timeline",
    operation_id="get_timeline",
    summary="Facts and metrics of the whole graph in date order",
    responses={200: {"content": example_content("timeline")}, **problem_responses(400)},
)
def graph_timeline(
    store: StoreDep, options: Annotated[TimelineOptions, Query()]
) -> TimelinePage:
    """Like the entity timeline, over every fact and metric."""
    return store.timeline(TimelineQuery.of(None, options))
