"""``GET /paths``: how two entities are connected, with evidence on every hop."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sinograph.api.deps import StoreDep
from sinograph.api.examples import example_content
from sinograph.api.problems import problem_responses
from sinograph.graph.model.queries import PathQuery
from sinograph.graph.model.results import PathResult

__all__ = ["router"]

router = APIRouter(tags=["paths"])


@router.get(
    "/paths",
    operation_id="find_paths",
    summary="Shortest paths between two entities, by id or by name",
    responses={
        200: {
            "content": example_content("paths"),
            "links": {
                "GetFirstHopFact": {
                    "operationId": "get_fact",
                    "parameters": {"key": "$response.body#/paths/0/hops/0/fact/key"},
                },
                "GetTargetTimeline": {
                    "operationId": "get_entity_timeline",
                    "parameters": {"id": "$response.body#/target/id"},
                },
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def find_paths(store: StoreDep, query: Annotated[PathQuery, Query()]) -> PathResult:
    """Up to `k` shortest simple paths, edge direction ignored; each hop carries its fact
    (true direction, date, evidence, sources). Names resolve as everywhere (id, exact
    name, alias, Chinese name or ticker, short name, unique prefix, confident fuzzy match).
    `exclude_types` keeps paths from passing through entities of those labels and
    `max_degree` through hubs with more facts than that (the two ends may be either),
    `exclude_predicates` and `min_confidence` keep them off those facts. An unknown
    endpoint answers 404 `/problems/entity-not-found` (with
    `suggestions`), no connection 404 `/problems/no-path`, a name that fits several
    entities 409 with the candidates, the same entity at both ends 400."""
    return store.paths(query)
