"""Entity search, detail and neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from sinograph.api.deps import StoreDep
from sinograph.api.examples import EXAMPLE_IDS, example_content
from sinograph.api.params import StoryCursorQuery, StoryLimitQuery
from sinograph.api.problems import problem_responses
from sinograph.graph.model.queries import NeighbourOptions, NeighbourQuery, SearchQuery
from sinograph.graph.model.results import EntityDetail, EntityMatch, StoryPage, Subgraph

__all__ = ["EntityPath", "router"]

router = APIRouter(prefix="/entities", tags=["entities"])

EntityPath = Annotated[
    str,
    Path(
        description="an entity id, or a name, alias, Chinese name, ticker or prefix that fits "
        "one entity",
        examples=[EXAMPLE_IDS["entity"]],
    ),
]


@router.get(
    "",
    operation_id="search_entities",
    summary="Ranked entity search",
    responses={
        200: {
            "content": example_content("search"),
            "links": {
                "GetEntity": {
                    "operationId": "get_entity",
                    "parameters": {"id": "$response.body#/0/entity/id"},
                },
                "GetNeighbors": {
                    "operationId": "get_neighbors",
                    "parameters": {"id": "$response.body#/0/entity/id"},
                },
                "GetEntityTimeline": {
                    "operationId": "get_entity_timeline",
                    "parameters": {"id": "$response.body#/0/entity/id"},
                },
                "FindPathsFromHit": {
                    "operationId": "find_paths",
                    "parameters": {
                        "source": "$response.body#/0/entity/id",
                        "target": "$request.query.q",
                    },
                },
            },
        },
        **problem_responses(400),
    },
)
def search_entities(
    store: StoreDep, query: Annotated[SearchQuery, Query()]
) -> list[EntityMatch]:
    """The id, then exact keys (name, alias, Chinese name, ticker, identifier), short names
    without their legal suffix, prefixes, then fuzzy matches; `match` and `matched_field` say
    which, and `weak` marks a fuzzy match too loose to stand for the entity by itself. A query
    that matches nothing answers `[]`."""
    return store.search_entities(query)


@router.get(
    "/{id}",
    operation_id="get_entity",
    summary="One entity: aliases, type, attributes, fact counts by predicate, sources",
    responses={
        200: {
            "content": example_content("entity"),
            "links": {
                "GetNeighbors": {
                    "operationId": "get_neighbors",
                    "parameters": {"id": "$response.body#/entity/id"},
                },
                "GetSubgraph": {
                    "operationId": "get_subgraph",
                    "parameters": {"entity": "$response.body#/entity/id"},
                },
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def get_entity(store: StoreDep, id: EntityPath) -> EntityDetail:
    """`stories` lists its newest 20 stories; `/entities/{id}/stories` pages through all."""
    return store.get_entity(id)


@router.get(
    "/{id}/stories",
    operation_id="get_entity_stories",
    summary="The stories behind an entity's facts and metrics, newest first, in pages",
    responses={
        200: {
            "content": example_content("story_page"),
            "links": {
                "GetEntityStory": {
                    "operationId": "get_story",
                    "parameters": {"id": "$response.body#/items/0/id"},
                },
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def get_entity_stories(
    store: StoreDep,
    id: EntityPath,
    cursor: StoryCursorQuery = None,
    limit: StoryLimitQuery = 50,
) -> StoryPage:
    """`GET /stories?entity={id}`: the same page, ordered newest first."""
    return store.list_stories(entity=id, cursor=cursor, limit=limit)


@router.get(
    "/{id}/neighbors",
    operation_id="get_neighbors",
    summary="Entities within `depth` hops and the facts between them",
    responses={
        200: {
            "content": example_content("neighbors"),
            "links": {
                "GetFact": {
                    "operationId": "get_fact",
                    "parameters": {"key": "$response.body#/facts/0/key"},
                },
                "GetNeighbor": {
                    "operationId": "get_entity",
                    "parameters": {"id": "$response.body#/entities/1/id"},
                },
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def get_neighbors(
    store: StoreDep, id: EntityPath, options: Annotated[NeighbourOptions, Query()]
) -> Subgraph:
    """Nearest first; `truncated` is true when `limit` cut the neighbourhood short.
    `exclude_types` keeps the walk out of entities of those labels and `max_degree` out of
    hubs with more facts than that (the centre stays),
    `exclude_predicates` and `min_confidence` off those facts."""
    return store.neighbors(NeighbourQuery.around(id, options))
