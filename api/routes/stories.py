"""``POST /stories``: a story as JSON, or a file in any loader format, into the graph;
``GET /stories``: stories newest first, filtered and paged;
``GET /stories/{id}``: one story and what was read from it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from sinograph.api.deps import SettingsDep, StoreDep, get_extractor, get_registry, require_api_key
from sinograph.api.examples import EXAMPLE_IDS, example_content
from sinograph.api.ingest_guard import run_bounded
from sinograph.api.params import DATE_PATTERN, StoryCursorQuery, StoryLimitQuery
from sinograph.api.problems import problem_responses
from sinograph.api.schemas import StoryIn
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.results import StoryPage, StoryView
from sinograph.loaders.extractor import EXTRACTOR_KINDS
from sinograph.loaders.ingest import IngestReport, ingest_stories
from sinograph.loaders.inputs import FORMATS
from sinograph.loaders.load import ExtractorSource, LoadOptions, load_upload

__all__ = ["router"]

router = APIRouter(tags=["stories"])

_UPLOAD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {
            "type": "string",
            "format": "binary",
            "description": "text, Markdown, digest, HTML, RSS/Atom, JSON Lines or graph JSON",
        },
        "published": {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "publication date for stories that state none",
        },
        "publisher": {
            "type": "string",
            "maxLength": 2000,
            "description": "publisher for stories that name none",
        },
        "format": {
            "type": "string",
            "enum": list(FORMATS),
            "description": "force a format instead of detecting it",
        },
        "extractor": {
            "type": "string",
            "enum": list(EXTRACTOR_KINDS),
            "description": "rules, llm or hybrid; default: the server's SINOGRAPH_EXTRACTOR",
        },
    },
}


def _body_schema() -> dict[str, Any]:
    schema = StoryIn.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("title", None)
    return schema


@router.post(
    "/stories",
    operation_id="post_stories",
    summary="Add a story (JSON) or a file of stories (multipart upload)",
    dependencies=[Depends(require_api_key)],
    responses={
        200: {"content": example_content("stories")},
        **problem_responses(400, 401, 413, 415, 422, 429),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": _body_schema(),
                    "example": StoryIn.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
                },
                "multipart/form-data": {"schema": _UPLOAD_SCHEMA},
            },
        }
    },
)
async def post_stories(request: Request, store: StoreDep, settings: SettingsDep) -> IngestReport:
    """Runs the extractor, resolves entities against the graph and writes; the report says
    what was added and what was already known, and any problem with the input. With
    `extractor` `llm` or `hybrid` it also says what the model proposed, what verification
    kept and dropped (by reason, and each dropped item) and the tokens spent; a story the
    model could not read is a problem (`stories_failed`), a model that cannot be reached
    answers 503.
    Needs `X-API-Key` when the server has a key; bodies over the size limit answer 413.
    Reading is bounded: at most `SINOGRAPH_MAX_CONCURRENT_INGESTS` requests are read at
    once (429 with `Retry-After` beyond), each within `SINOGRAPH_INGEST_TIMEOUT` seconds
    (422 `/problems/work-budget-exceeded`, nothing of the story written), and a request
    whose client hangs up is stopped."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/json":
        raw = await request.body()
        try:
            story = StoryIn.model_validate_json(raw)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        # The registry is loaded (once) only when there is something to extract.
        registry = await run_in_threadpool(get_registry, request)
        extractor = await run_in_threadpool(get_extractor, request, story.extractor)
        return await run_bounded(
            request,
            settings,
            lambda: ingest_stories(
                store, [story.to_story_input()], registry=registry, extractor=extractor
            ),
        )
    if media_type == "multipart/form-data":
        async with request.form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise InvalidInput("the multipart body needs a `file` part holding the upload")
            options = {k: form.get(k) for k in ("published", "publisher", "format", "extractor")}
            if any(v is not None and not isinstance(v, str) for v in options.values()):
                raise InvalidInput(
                    "`published`, `publisher`, `format` and `extractor` must be text fields"
                )
            kind = _text(options["extractor"])
            if kind is not None and kind not in EXTRACTOR_KINDS:
                raise InvalidInput(
                    f"unknown extractor {kind!r}; use {', '.join(EXTRACTOR_KINDS)}"
                )
            source = ExtractorSource(
                lambda: get_extractor(request, kind), lambda: get_registry(request)
            )
            load_options = LoadOptions(
                max_bytes=settings.max_file_bytes,
                published=_text(options["published"]),
                publisher=_text(options["publisher"]),
                fmt=_text(options["format"]),
            )
            file, filename = upload.file, upload.filename
            return await run_bounded(
                request,
                settings,
                lambda: load_upload(store, file, filename, load_options, source),
            )
    raise StarletteHTTPException(
        415, detail="send the story as application/json or a file as multipart/form-data"
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@router.get(
    "/stories",
    operation_id="list_stories",
    summary="Stories newest first, by publisher, publication window or entity, in pages",
    responses={
        200: {
            "content": example_content("story_page"),
            "links": {
                "GetListedStory": {
                    "operationId": "get_story",
                    "parameters": {"id": "$response.body#/items/0/id"},
                },
            },
        },
        **problem_responses(400, 404, 409),
    },
)
def list_stories(
    store: StoreDep,
    publisher: Annotated[
        str | None,
        Query(max_length=2000, description="only this publisher (case-insensitive)",
              examples=["Caixin"]),
    ] = None,
    since: Annotated[
        str | None,
        Query(pattern=DATE_PATTERN,
              description="only stories published on or after this date (YYYY[-MM[-DD]])"),
    ] = None,
    until: Annotated[
        str | None,
        Query(pattern=DATE_PATTERN,
              description="only stories published on or before this date; `2025` means to "
              "the end of 2025"),
    ] = None,
    entity: Annotated[
        str | None,
        Query(max_length=500, description="only stories behind a fact or metric of this "
              "entity (an id or a name that fits one entity)",
              examples=[EXAMPLE_IDS["entity"]]),
    ] = None,
    cursor: StoryCursorQuery = None,
    limit: StoryLimitQuery = 50,
) -> StoryPage:
    """Newest first by publication date (a month or year counts from its first day), then by
    id; undated stories come last and are left out of a `since`/`until` window. Each story
    says how many facts and metrics were read from it; `next_cursor` asks for the next page.
    An unknown `entity` answers 404, an ambiguous one 409."""
    return store.list_stories(
        publisher=publisher, since=since, until=until, entity=entity, cursor=cursor, limit=limit
    )


@router.get(
    "/stories/{id}",
    operation_id="get_story",
    summary="One story: title, publisher, date, link, and every fact and metric read from it",
    responses={
        200: {
            "content": example_content("story"),
            "links": {
                "GetStoryFact": {
                    "operationId": "get_fact",
                    "parameters": {"key": "$response.body#/facts/0/key"},
                },
            },
        },
        **problem_responses(404),
    },
)
def get_story(
    store: StoreDep,
    id: Annotated[
        str,
        Path(max_length=200, description="a story id", examples=[EXAMPLE_IDS["story"]]),
    ],
) -> StoryView:
    """Facts are ordered by key and metrics by id; each carries every source, so a fact
    stated by several stories lists them all. An unknown id answers 404
    `/problems/story-not-found`."""
    return store.get_story(id)
