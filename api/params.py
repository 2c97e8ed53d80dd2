"""Query parameters of the routes that take no query object, as ``Annotated`` aliases.

The parameters of paths, neighbourhoods, timelines and search are the fields of the
query objects in :mod:`graph.model.queries`, read by FastAPI as query-parameter models.
The patterns here document the shape; the stores still validate every value (an
impossible date such as ``2025-02-30`` answers 400 from there).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from sinograph.graph.model.queries import DATE_PATTERN

__all__ = [
    "DATE_PATTERN",
    "AsOfQuery",
    "MinConfidenceQuery",
    "StoryCursorQuery",
    "StoryLimitQuery",
]


AsOfQuery = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="the graph as it stood then: facts begun by that date and not yet ended",
        examples=["2024-12-31"],
    ),
]
MinConfidenceQuery = Annotated[
    float | None,
    Query(
        ge=0,
        le=1,
        description="only facts whose confidence is at least this (0 to 1)",
        examples=[0.8],
    ),
]

StoryCursorQuery = Annotated[
    str | None,
    Query(max_length=400, description="`next_cursor` of the previous page"),
]
StoryLimitQuery = Annotated[int, Query(ge=1, le=500, description="stories per page")]
