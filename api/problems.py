"""Every error the API answers, as an RFC 9457 problem, mapped in this one place.

Domain errors (:mod:`graph.model.errors`), request validation errors and Starlette's
own HTTP errors become ``application/problem+json`` bodies with ``type``,
``title``, ``status`` and ``detail``; anything unexpected becomes a generic 500
whose traceback is logged here and never sent to the client.

Problem ``type`` URIs are relative references such as ``/problems/no-path``;
``GET /problems/{name}`` on the API describes each one.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from sinograph.graph.model.errors import (
    AmbiguousEntity,
    CurationConflict,
    EntityNotFound,
    ExtractorUnavailable,
    FactNotFound,
    GraphError,
    InputTooLarge,
    InvalidInput,
    ModelUnavailable,
    NoPath,
    StoreCorrupt,
    StoreReadOnly,
    StoreUnavailable,
    StoryNotFound,
    TooBusy,
    Unauthorized,
    WorkBudgetExceeded,
)
from sinograph.graph.model.results import EntityRef
from sinograph.loaders.inputs.problems import InputProblem

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_TYPES",
    "Problem",
    "ProblemType",
    "ValidationIssue",
    "install_problem_handlers",
    "problem_response",
    "problem_responses",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
# How long a client should wait before asking again when the store is down.
RETRY_AFTER_SECONDS = 5

logger = logging.getLogger("sinograph.api")


class ProblemType(BaseModel):
    """One kind of problem the API answers: what its ``type`` URI stands for."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(examples=["/problems/no-path"])
    title: str
    status: int
    description: str


def _kind(name: str, title: str, status: int, description: str) -> ProblemType:
    return ProblemType(
        type=f"/problems/{name}", title=title, status=status, description=description
    )


PROBLEM_TYPES: dict[str, ProblemType] = {
    p.type.rsplit("/", 1)[1]: p
    for p in (
        _kind(
            "invalid-input",
            "Invalid input",
            400,
            "A parameter or body was understood but is not acceptable: an unknown predicate, "
            "a bad date, since after until, a damaged cursor, a file with no readable story.",
        ),
        _kind(
            "validation-error",
            "Request validation failed",
            422,
            "The request does not match the API's schema (missing or mistyped parameter, "
            "value out of range); `errors` lists each issue with its location.",
        ),
        _kind(
            "unauthorized",
            "Unauthorized",
            401,
            "A write route was called without the right `X-API-Key` header while the server "
            "has an API key configured.",
        ),
        _kind(
            "entity-not-found",
            "Entity not found",
            404,
            "No entity has this id, name, alias, Chinese name or ticker, no prefix or close "
            "spelling fits one: the question names something the graph does not know. "
            "`suggestions` lists the nearest names, when there are any.",
        ),
        _kind(
            "fact-not-found",
            "Fact not found",
            404,
            "No fact has this key.",
        ),
        _kind(
            "story-not-found",
            "Story not found",
            404,
            "No story has this id.",
        ),
        _kind(
            "no-path",
            "No path",
            404,
            "Both entities exist but nothing joins them within `max_hops` under the given "
            "filters: the graph holds no such connection.",
        ),
        _kind(
            "ambiguous-entity",
            "Ambiguous entity name",
            409,
            "The name fits several entities; `candidates` lists them. Ask again by id.",
        ),
        _kind(
            "curation-conflict",
            "Curation conflict",
            409,
            "The correction contradicts the graph as it stands and was not made: merging an "
            "entity with itself or with one of another type, rejecting a fact that is "
            "already rejected, restoring one that is not, splitting off an entity's own "
            "name or an alias it does not have.",
        ),
        _kind(
            "input-too-large",
            "Input too large",
            413,
            "The request body is larger than the server's configured limit.",
        ),
        _kind(
            "internal-error",
            "Internal server error",
            500,
            "Something failed on the server; it has been logged there. Nothing about it is "
            "sent to the client.",
        ),
        _kind(
            "store-unavailable",
            "Store unavailable",
            503,
            "The graph store cannot be reached or opened right now; try again later "
            "(see `Retry-After`).",
        ),
        _kind(
            "store-read-only",
            "Store read-only",
            503,
            "The server's store files cannot be written (a read-only filesystem): reads "
            "work, writes do not; nothing was written.",
        ),
        _kind(
            "store-corrupt",
            "Store file corrupt",
            503,
            "The store file is damaged; an operator must restore it from a backup "
            "(`sinograph restore`). Nothing was written.",
        ),
        _kind(
            "too-busy",
            "Too many requests",
            429,
            "The server is already reading as many stories as it allows at once; try "
            "again after `Retry-After` seconds.",
        ),
        _kind(
            "work-budget-exceeded",
            "Work budget exceeded",
            422,
            "Reading the story took longer than the server's per-request budget "
            "(`SINOGRAPH_INGEST_TIMEOUT`); it was stopped and nothing of it was written. "
            "Send a shorter story or split it.",
        ),
        _kind(
            "extractor-unavailable",
            "Extractor unavailable",
            503,
            "The server's extractor cannot run: its language pipeline is not installed. "
            "An operator must install it; stories cannot be loaded until then.",
        ),
        _kind(
            "model-unavailable",
            "Language model unavailable",
            503,
            "The language model the server is configured with cannot be reached, refuses "
            "the server's key or does not know the model; nothing was written. Try again "
            "later, or post with `extractor: rules`.",
        ),
    )
}


class ValidationIssue(BaseModel):
    """One reason a request failed validation, and where."""

    loc: list[str | int] = Field(examples=[["query", "max_hops"]])
    msg: str = Field(examples=["Input should be less than or equal to 6"])
    type: str = Field(examples=["less_than_equal"])


class Problem(BaseModel):
    """An RFC 9457 problem; fields after ``instance`` are extensions for some types."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/ambiguous-entity",
                    "title": "Ambiguous entity name",
                    "status": 409,
                    "detail": "'Li' fits several entities: Li Qiang (person:li-qiang), "
                    "Robin Li (person:robin-li)",
                    "ref": "Li",
                    "candidates": [
                        {"id": "person:li-qiang", "name": "Li Qiang", "type": "Person"},
                        {"id": "person:robin-li", "name": "Robin Li", "type": "Person"},
                    ],
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    ref: str | None = Field(default=None, description="the entity reference that failed")
    candidates: list[EntityRef] | None = Field(
        default=None, description="the entities an ambiguous name fits (409)"
    )
    suggestions: list[EntityRef] | None = Field(
        default=None,
        description="the nearest names when none fits (404 entity-not-found, 'did you mean')",
    )
    errors: list[ValidationIssue] | None = Field(
        default=None, description="every validation issue (422)"
    )
    problems: list[InputProblem] | None = Field(
        default=None, description="what was wrong with an uploaded file, item by item (400)"
    )


def problem_response(
    status: int,
    *,
    kind: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """A ``application/problem+json`` response of a known ``kind`` (else ``about:blank``)."""
    known = PROBLEM_TYPES.get(kind) if kind else None
    if known is not None:
        body: dict[str, Any] = {"type": known.type, "title": known.title, "status": status}
    else:
        body = {"type": "about:blank", "title": _phrase(status), "status": status}
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update({k: v for k, v in extensions.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


# Most specific first: the first class in an error's MRO found here decides.
_DOMAIN_KINDS: dict[type[GraphError], tuple[int, str]] = {
    InputTooLarge: (413, "input-too-large"),
    InvalidInput: (400, "invalid-input"),
    EntityNotFound: (404, "entity-not-found"),
    FactNotFound: (404, "fact-not-found"),
    StoryNotFound: (404, "story-not-found"),
    NoPath: (404, "no-path"),
    AmbiguousEntity: (409, "ambiguous-entity"),
    CurationConflict: (409, "curation-conflict"),
    Unauthorized: (401, "unauthorized"),
    WorkBudgetExceeded: (422, "work-budget-exceeded"),
    TooBusy: (429, "too-busy"),
    StoreReadOnly: (503, "store-read-only"),
    StoreCorrupt: (503, "store-corrupt"),
    StoreUnavailable: (503, "store-unavailable"),
    ExtractorUnavailable: (503, "extractor-unavailable"),
    ModelUnavailable: (503, "model-unavailable"),
}

_STORE_DETAILS = {
    "store-read-only": "the store is read-only on this server: reads work, nothing was written",
    "store-corrupt": "the store file is damaged; the operator must restore it from a backup",
}

# Extension members a domain error may carry in ``details`` that a client can use.
_PUBLIC_DETAILS = ("ref", "key", "story_id", "source", "target", "max_hops", "problems")


def _domain_problem(request: Request, exc: GraphError) -> JSONResponse:
    status, kind = next(
        (_DOMAIN_KINDS[cls] for cls in type(exc).__mro__ if cls in _DOMAIN_KINDS),
        (500, "internal-error"),
    )
    instance = request.url.path
    if status == 500:
        return _internal_error(request, exc)
    if isinstance(exc, StoreUnavailable):
        # The message names files or hosts of the server: log it, answer in general terms.
        logger.warning("store unavailable on %s %s: %s", request.method, instance, exc.message)
        return problem_response(
            503,
            kind=kind,
            detail=_STORE_DETAILS.get(kind, "the graph store cannot be reached; try again later"),
            instance=instance,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if isinstance(exc, ModelUnavailable):
        # The message names the server's model endpoint: log it, answer in general terms.
        logger.warning("language model unavailable on %s %s: %s", request.method, instance,
                       exc.message)
        return problem_response(
            503,
            kind=kind,
            detail="the language model cannot be reached; try again later or use the rules",
            instance=instance,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    extensions = {k: exc.details[k] for k in _PUBLIC_DETAILS if k in exc.details}
    headers = None
    if isinstance(exc, AmbiguousEntity):
        extensions["candidates"] = exc.candidates
    if isinstance(exc, EntityNotFound) and exc.suggestions:
        extensions["suggestions"] = exc.suggestions
    if isinstance(exc, Unauthorized):
        headers = {"WWW-Authenticate": 'APIKey realm="sinograph", header="X-API-Key"'}
    if status == 429:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return problem_response(
        status, kind=kind, detail=exc.message, instance=instance, headers=headers, **extensions
    )


def _internal_error(request: Request, exc: BaseException) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        500,
        kind="internal-error",
        detail="the server failed to answer this request; the error has been logged",
        instance=request.url.path,
    )


def _validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    issues = [
        {
            "loc": [p if isinstance(p, int) else str(p) for p in err.get("loc", ())],
            "msg": str(err.get("msg", "invalid value")),
            "type": str(err.get("type", "value_error")),
        }
        for err in exc.errors()
    ]
    first = issues[0] if issues else None
    detail = (
        f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
        if first
        else "the request is not valid"
    )
    if len(issues) > 1:
        detail += f" (and {len(issues) - 1} more)"
    return problem_response(
        422, kind="validation-error", detail=detail, instance=request.url.path, errors=issues
    )


def _http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    kinds = {401: "unauthorized", 413: "input-too-large", 503: "store-unavailable"}
    detail: str | None = exc.detail if isinstance(exc.detail, str) else None
    if detail == _phrase(exc.status_code):
        detail = None
    return problem_response(
        exc.status_code,
        kind=kinds.get(exc.status_code),
        detail=detail,
        instance=request.url.path,
        headers=dict(exc.headers) if exc.headers else None,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Register the one translation from errors to problem responses on ``app``."""

    async def on_domain(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, GraphError)
        return _domain_problem(request, exc)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return _validation_problem(request, exc)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return _http_problem(request, exc)

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _internal_error(request, exc)

    app.add_exception_handler(GraphError, on_domain)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problems a route can answer.

    422, 500 and 503 are added to every route; the media type is moved to
    ``application/problem+json`` by the app's OpenAPI hook.
    """
    wanted = sorted({*statuses, 422, 500, 503})
    titles: dict[int, list[str]] = {}
    for p in PROBLEM_TYPES.values():
        titles.setdefault(p.status, []).append(f"`{p.type}`")
    return {
        status: {
            "model": Problem,
            "description": f"{_phrase(status)} "
            f"(problem type {', '.join(titles.get(status, ['about:blank']))})",
        }
        for status in wanted
    }
