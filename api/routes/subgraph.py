"""``GET /subgraph``: nodes and edges as Cytoscape.js elements, for the explorer and notebooks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sinograph.api.deps import StoreDep
from sinograph.api.examples import EXAMPLE_IDS, example_content
from sinograph.api.params import AsOfQuery
from sinograph.api.problems import problem_responses
from sinograph.api.schemas import CytoscapeGraph, cytoscape_graph
from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.queries import NeighbourQuery

__all__ = ["router"]

router = APIRouter(tags=["subgraph"])


@router.get(
    "/subgraph",
    operation_id="get_subgraph",
    summary="A neighbourhood (`entity`, `depth`) or a set of entities (`ids`) as Cytoscape JSON",
    responses={
        200: {"content": example_content("subgraph")},
        **problem_responses(400, 404, 409),
    },
)
def get_subgraph(
    store: StoreDep,
    entity: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=500,
            description="the centre entity (id or name); give this or `ids`",
            examples=[EXAMPLE_IDS["entity"]],
        ),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="hops around `entity`")] = 1,
    ids: Annotated[
        list[str] | None,
        Query(
            max_length=500,
            description="entities (ids or names) whose facts among each other are wanted",
            examples=[[EXAMPLE_IDS["entity"], "asset:rg-gold"]],
        ),
    ] = None,
    as_of: AsOfQuery = None,
) -> CytoscapeGraph:
    """`elements` goes straight into `cytoscape({elements})`; each edge's `data` is the whole
    fact (date, evidence, sources) plus `id`, `source`, `target`, `label`."""
    if (entity is None) == (not ids):
        raise InvalidInput("give either `entity` (with `depth`) or `ids`, not both and not neither")
    if as_of is not None:
        parse_partial_date(as_of)
    if entity is not None:
        query = NeighbourQuery(entity=entity, depth=depth, as_of=as_of)
        return cytoscape_graph(store.neighbors(query))
    assert ids is not None
    return cytoscape_graph(store.subgraph(ids, as_of=as_of))
