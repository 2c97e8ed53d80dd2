"""Due diligence: ``GET /entities/{id}/dossier`` (JSON, Markdown or a printable HTML page)
and ``POST /screen`` (a list of counterparties, each matched with reasons and flagged)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sinograph.api.deps import StoreDep
from sinograph.api.examples import example_content, screen_request_example
from sinograph.api.params import AsOfQuery, MinConfidenceQuery
from sinograph.api.problems import problem_responses
from sinograph.api.routes.entities import EntityPath
from sinograph.graph.diligence.dossier import Dossier, build_dossier
from sinograph.graph.diligence.dossier_render import to_html, to_markdown
from sinograph.graph.diligence.ownership import MAX_OWNERSHIP_HOPS
from sinograph.graph.diligence.screening import ScreenRequest, ScreenResult, screen

__all__ = ["router"]

router = APIRouter(tags=["due diligence"])

MARKDOWN_MEDIA_TYPE = "text/markdown"


@router.get(
    "/entities/{id}/dossier",
    operation_id="get_dossier",
    summary="A due-diligence dossier: identity, ownership, people, exposure, deals, sources",
    response_class=Response,
    responses={
        200: {
            "description": "`json`: the dossier; `md`: Markdown for a ticket; `html`: one "
            "self-contained printable page (inline styles, nothing loaded from the network)",
            "model": Dossier,
            "content": {
                **example_content("dossier"),
                MARKDOWN_MEDIA_TYPE: {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def get_dossier(
    store: StoreDep,
    id: EntityPath,
    as_of: AsOfQuery = None,
    format: Annotated[Literal["json", "md", "html"], Query()] = "json",
    max_hops: Annotated[
        int, Query(ge=1, le=MAX_OWNERSHIP_HOPS, description="ownership hops walked up and down")
    ] = 4,
    min_confidence: MinConfidenceQuery = None,
) -> Response:
    """As of `as_of` (default: today): owners up to the ultimate parents and holdings down
    (OWNS, CONTROLS, SUBSIDIARY_OF, with stakes and dates; an acquisition is a deal), current
    and former people with roles and tenure, SANCTIONS/BANS/FINES/INVESTIGATES/
    IMPOSES_TARIFF on the entity, its owners and holdings (each with the ownership path),
    deals with their counterparties, the timeline, and every story cited, numbered; each
    fact's key maps to its source numbers in `citations`. The walks follow ownership facts
    only, never a shared country or city."""
    dossier = build_dossier(
        store, id, as_of=as_of, max_hops=max_hops, min_confidence=min_confidence
    )
    if format == "md":
        return Response(to_markdown(dossier), media_type=f"{MARKDOWN_MEDIA_TYPE}; charset=utf-8")
    if format == "html":
        return Response(to_html(dossier), media_type="text/html; charset=utf-8")
    return Response(dossier.model_dump_json(), media_type="application/json")


@router.post(
    "/screen",
    operation_id="screen_names",
    summary="Screen a list of names: the entity each is, why, and its risk flags",
    responses={200: {"content": example_content("screen")}, **problem_responses(400, 413)},
)
async def screen_names(
    store: StoreDep,
    request: Annotated[
        ScreenRequest, Body(openapi_examples={"counterparties": screen_request_example()})
    ],
) -> list[ScreenResult]:
    """Each name answers `matched` (with `score` and `reasons`: identifier, exact, alias,
    name_zh, short_name, prefix, fuzzy, and country when the country chose among several),
    `ambiguous` (with the `candidates`) or `no_match` (with suggestions below `min_score`).
    A matched entity carries `flags` (sanctioned, banned, fined, under investigation,
    tariffed) from acts on it, its owners and holdings within `hops` ownership hops as of
    `as_of`, each with the act and the path; on a fuzzy match `match_certain` is false and
    `note` says to confirm the identity. A read: no API key needed."""
    return await run_in_threadpool(screen, store, request)
