"""Query parameters several routes share, as ``Annotated`` aliases.

The patterns here document the shape; the stores still validate every value
(an impossible date such as ``2025-02-30`` answers 400 from there).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

__all__ = [
    "AsOfQuery",
    "CursorQuery",
    "ExcludePredicatesQuery",
    "ExcludeTypesQuery",
    "MaxDegreeQuery",
    "MinConfidenceQuery",
    "PredicatesQuery",
    "SinceQuery",
    "StoryCursorQuery",
    "StoryLimitQuery",
    "UntilQuery",
]

# YYYY, YYYY-MM or YYYY-MM-DD; years 1000-2999, which covers any news story.
DATE_PATTERN = r"^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

SinceQuery = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="only facts whose date overlaps this date or later (YYYY[-MM[-DD]])",
        examples=["2024"],
    ),
]
UntilQuery = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="only facts whose date overlaps this date or earlier; `2025` means to the "
        "end of 2025",
        examples=["2025-06"],
    ),
]
AsOfQuery = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="the graph as it stood then: facts begun by that date and not yet ended",
        examples=["2024-12-31"],
    ),
]
PredicatesQuery = Annotated[
    list[str] | None,
    Query(
        max_length=50,
        description="only these predicates: repeat the parameter or separate names with commas "
        "(`ACQUIRES,SELLS`); case-insensitive",
        examples=[["ACQUIRES,SELLS,CONTROLS"]],
    ),
]
ExcludePredicatesQuery = Annotated[
    list[str] | None,
    Query(
        max_length=50,
        description="never walk facts of these predicates (repeat or separate with commas); "
        "applied after `predicates`",
        examples=[["LOCATED_IN,HEADQUARTERED_IN"]],
    ),
]
ExcludeTypesQuery = Annotated[
    list[str] | None,
    Query(
        max_length=20,
        description="never walk through entities of these labels (repeat or separate with "
        "commas; case-insensitive); the entities the question names are always kept",
        examples=[["Country,Region"]],
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
CursorQuery = Annotated[
    str | None,
    Query(
        max_length=400,
        description="the `next_cursor` of the previous page",
    ),
]

StoryCursorQuery = Annotated[
    str | None,
    Query(max_length=400, description="`next_cursor` of the previous page"),
]
StoryLimitQuery = Annotated[int, Query(ge=1, le=500, description="stories per page")]
MaxDegreeQuery = Annotated[
    int | None,
    Query(
        ge=1,
        le=10_000_000,
        description="never walk through an entity with more facts than this (a hub such as "
        "a country); the entities the question names are always kept",
        examples=[200],
    ),
]
