"""``GET /export``: the whole graph as re-loadable JSON or as GraphML."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from sinograph.api.deps import StoreDep
from sinograph.api.examples import example_content
from sinograph.api.params import AsOfQuery
from sinograph.api.problems import problem_responses
from sinograph.graph.exports.formats import delta_to_graphml, delta_to_json
from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.domain import GraphDelta

__all__ = ["router"]

router = APIRouter(tags=["export"])

GRAPHML_MEDIA_TYPE = "application/graphml+xml"


@router.get(
    "/export",
    operation_id="export_graph",
    summary="The whole graph (or as it stood `as_of`) as JSON or GraphML",
    response_class=Response,
    responses={
        200: {
            "description": "`json`: a GraphDelta, loadable with `sinograph load` or "
            "`GraphDelta.model_validate_json`; `graphml`: one node per entity, one edge per fact",
            "model": GraphDelta,
            "content": {
                **example_content("export"),
                GRAPHML_MEDIA_TYPE: {"schema": {"type": "string"}},
            },
        },
        **problem_responses(400),
    },
)
def export_graph(
    store: StoreDep,
    format: Annotated[Literal["json", "graphml"], Query()] = "json",
    as_of: AsOfQuery = None,
) -> Response:
    if as_of is not None:
        parse_partial_date(as_of)
    delta = store.export_delta(as_of=as_of)
    if format == "graphml":
        return Response(
            delta_to_graphml(delta),
            media_type=GRAPHML_MEDIA_TYPE,
            headers={"Content-Disposition": 'attachment; filename="sinograph.graphml"'},
        )
    return Response(
        delta_to_json(delta),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="sinograph.json"'},
    )
