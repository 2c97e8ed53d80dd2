"""``GET /problems`` and ``/problems/{name}``: what each problem ``type`` URI means."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.exceptions import HTTPException as StarletteHTTPException

from sinograph.api.problems import PROBLEM_TYPES, ProblemType, problem_responses

__all__ = ["router"]

router = APIRouter(prefix="/problems", tags=["problems"])


@router.get(
    "",
    operation_id="list_problem_types",
    summary="Every problem type the API answers with",
    responses={
        200: {
            "content": {
                "application/json": {"example": [PROBLEM_TYPES["no-path"].model_dump(mode="json")]}
            }
        },
        **problem_responses(),
    },
)
def list_problem_types() -> list[ProblemType]:
    return list(PROBLEM_TYPES.values())


@router.get(
    "/{name}",
    operation_id="get_problem_type",
    summary="What one problem type means",
    responses={
        200: {
            "content": {
                "application/json": {"example": PROBLEM_TYPES["no-path"].model_dump(mode="json")}
            }
        },
        **problem_responses(404),
    },
)
def get_problem_type(
    name: Annotated[str, Path(examples=["no-path"], max_length=100)],
) -> ProblemType:
    known = PROBLEM_TYPES.get(name)
    if known is None:
        raise StarletteHTTPException(
            404, detail=f"no problem type {name!r}; known: {', '.join(sorted(PROBLEM_TYPES))}"
        )
    return known
