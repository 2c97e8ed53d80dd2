"""``sinograph serve``: the HTTP API (and the explorer page) under uvicorn."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

import typer
from pydantic import ValidationError

from cli.errors import EXIT_BAD_INPUT, err_console, reported
from graph.wiring.open_store import open_store
from graph.wiring.settings import Settings, get_settings

__all__ = ["register", "serve"]

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _store_label(settings: Settings) -> str:
    if settings.store_kind == "embedded":
        return f"embedded store {settings.store}"
    parts = urlsplit(settings.store)
    # Never echo credentials that may sit in the URI.
    where = f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    return f"Neo4j at {where} (database {settings.neo4j_database})"


def serve(
    host: Annotated[
        str | None,
        typer.Option(help="interface to listen on [default: $SINOGRAPH_API_HOST or 127.0.0.1]"),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="port [default: $SINOGRAPH_API_PORT or 8000]"),
    ] = None,
    reload: Annotated[
        bool, typer.Option("--reload/--no-reload", help="restart when the code changes")
    ] = False,
) -> None:
    """Serve the HTTP API and the explorer page; OpenAPI docs at /docs.

    Exits with code 3 when the store cannot be opened.
    """
    import uvicorn

    try:
        settings = get_settings()
    except ValidationError as exc:
        err_console.print(f"error: bad settings: {exc}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    with reported():
        # Open once now, so a bad store is a clear message and exit 3, not a server
        # that answers 503 to every request.
        open_store(settings).close()
    bind_host = host or settings.api_host
    bind_port = port or settings.api_port
    typer.echo(f"sinograph API on http://{bind_host}:{bind_port}  (docs: /docs)")
    typer.echo(f"serving the {_store_label(settings)}")
    if settings.api_key is not None:
        typer.echo("writes are protected: POST /stories needs the X-API-Key header")
    else:
        typer.echo("writes are OPEN: anyone who reaches this port can add stories")
        if bind_host not in _LOOPBACK:
            err_console.print(
                f"warning: listening on {bind_host} without an API key; "
                "set SINOGRAPH_API_KEY to protect writes",
                markup=False,
            )
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        reload=reload,
        log_level=settings.log_level,
    )


def register(app: typer.Typer) -> None:
    """Add the serve command to ``app``."""
    app.command()(serve)
