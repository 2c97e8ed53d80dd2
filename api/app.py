"""The FastAPI application: ``create_app(settings, store)``.

``uvicorn sinograph.api.app:create_app --factory`` (or ``sinograph serve``) builds it from
the environment. Tests inject settings and an open store::

    with TestClient(create_app(settings, store)) as client:
        client.get("/paths", params={"source": "Zijin", "target": "Verny Capital"})
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from sinograph.api.body_limit import BodySizeLimit
from sinograph.api.deps import API_KEY_HEADER, close_extractors
from sinograph.api.problems import PROBLEM_MEDIA_TYPE, install_problem_handlers
from sinograph.api.routes import (
    curation,
    diligence,
    entities,
    export,
    facts,
    health,
    paths,
    problem_types,
    stories,
    subgraph,
    timeline,
)
from sinograph.api.security_headers import SecurityHeaders
from sinograph.api.store_provider import StoreProvider
from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.stores.protocol import GraphStore
from sinograph.graph.wiring.open_store import open_store
from sinograph.graph.wiring.settings import Settings, get_settings

__all__ = ["STATIC_DIR", "create_app"]

# resolve(): in the strict editable install of a checkout this file is a link, and so is
# every file of the link tree's static/; StaticFiles refuses files that resolve outside its
# folder (it does not follow links), so it is given the checkout's real folder.
STATIC_DIR = Path(__file__).resolve().parent / "static"
API_VERSION = "1.0.0"

logger = logging.getLogger("sinograph.api")

_DESCRIPTION = """\
A knowledge graph of China business entities and events, built from news stories.

Every fact in a response carries its date, the sentence that states it and the
story it comes from. Errors are RFC 9457 problem documents
(`application/problem+json`); `GET /problems` lists their types.
Write routes need the `X-API-Key` header when the server has a key configured.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the API.

    ``settings`` default to the environment's (read once); ``store`` is an open
    store to serve, which the app then neither opens nor closes. Without one the
    lifespan opens the configured store and closes it at shutdown; a store that
    cannot be opened makes requests answer 503 until it can.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        provider = StoreProvider(settings, store=store, opener=open_store)
        try:
            provider.get()
        except StoreUnavailable as exc:
            logger.warning("store not available at start-up (requests answer 503): %s", exc)
        app.state.store_provider = provider
        try:
            yield
        finally:
            provider.close()
            del app.state.store_provider
            close_extractors(app)

    app = FastAPI(
        title="sinograph",
        version=API_VERSION,
        description=_DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=[API_KEY_HEADER, "Content-Type"],
        )
    for module in (
        health,
        entities,
        timeline,
        paths,
        facts,
        subgraph,
        export,
        stories,
        diligence,
        curation,
        problem_types,
    ):
        app.include_router(module.router)
    _serve_explorer(app)
    _problem_media_types(app)
    return app


def _serve_explorer(app: FastAPI) -> None:
    """``/`` serves the explorer page and ``/static`` its assets, when they are installed."""
    index = STATIC_DIR / "index.html"
    if index.is_file():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

        @app.get("/", include_in_schema=False)
        def explorer() -> FileResponse:
            return FileResponse(index, media_type="text/html")

        # Browsers ask for /favicon.ico whatever the page says; answer with the page's icon.
        @app.get("/favicon.ico", include_in_schema=False)
        def favicon() -> FileResponse:
            return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    else:

        @app.get("/", include_in_schema=False)
        def no_explorer() -> Response:
            return RedirectResponse("/docs")


def _problem_media_types(app: FastAPI) -> None:
    """Document error responses as ``application/problem+json``, which is what they are."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status[:1] in {"4", "5"} and "application/json" in content:
                        content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
