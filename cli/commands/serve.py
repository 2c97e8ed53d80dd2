"""``sinograph serve``: the HTTP API (and the explorer page) under uvicorn."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, NoReturn
from urllib.parse import urlsplit

import typer

from sinograph.cli.errors import err_console, reported
from sinograph.cli.settings import run_settings

if TYPE_CHECKING:
    from sinograph.graph.wiring.settings import Settings

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
    ctx: typer.Context,
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
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="server processes; path queries are CPU-bound, so one per core serves more"
            " at once (each holds its own index) [default: $SINOGRAPH_API_WORKERS or 1]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the HTTP API and the explorer page; OpenAPI docs at /docs.

    Exits with code 3 when the store cannot be opened.
    """
    import uvicorn

    from sinograph.graph.wiring.open_store import open_store

    settings = run_settings(ctx)
    with reported(ctx):
        # Open once now, so a bad store is a clear message and exit 3, not a server
        # that answers 503 to every request.
        open_store(settings).close()
    bind_host = host or settings.api_host
    bind_port = port or settings.api_port
    typer.echo(f"sinograph API on http://{bind_host}:{bind_port}  (docs: /docs)")
    processes = 1 if reload else (workers or settings.api_workers)
    typer.echo(
        f"serving the {_store_label(settings)}"
        + (f" with {processes} worker processes" if processes > 1 else "")
    )
    if settings.api_key is not None:
        typer.echo("writes are protected: POST /stories needs the X-API-Key header")
    else:
        typer.echo("writes are OPEN: anyone who reaches this port can add stories")
        if bind_host not in _LOOPBACK:
            err_console().print(
                f"warning: listening on {bind_host} without an API key; "
                "set SINOGRAPH_API_KEY to protect writes",
                markup=False,
            )
    if processes == 1 and not reload:
        from sinograph.api.app import create_app

        # One process serves the app built here, from this run's settings.
        uvicorn.run(create_app(settings), host=bind_host, port=bind_port,
                    log_level=settings.log_level)
        return
    # Worker and reloading processes import the app factory afresh and build their
    # settings from the environment and .env. Without a --store flag those are this run's
    # settings and uvicorn starts them; with one, a new uvicorn process is started in
    # place of this one with that setting in its environment.
    if ctx.find_root().params.get("store") is not None:
        _exec_uvicorn(settings, bind_host, bind_port, processes, reload=reload)
    uvicorn.run(
        "sinograph.api.app:create_app",
        factory=True,
        host=bind_host,
        port=bind_port,
        reload=reload,
        workers=processes,
        log_level=settings.log_level,
    )


def _exec_uvicorn(
    settings: Settings, host: str, port: int, workers: int, *, reload: bool
) -> NoReturn:
    """Replace this process with ``uvicorn sinograph.api.app:create_app --factory``, giving it the
    environment plus the settings a command-line flag changed (``--store``)."""
    environment = dict(os.environ)
    environment["SINOGRAPH_STORE"] = settings.store
    argv = [
        sys.executable, "-m", "uvicorn", "sinograph.api.app:create_app", "--factory",
        "--host", host, "--port", str(port), "--log-level", settings.log_level,
    ]
    argv += ["--reload"] if reload else ["--workers", str(workers)]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, argv, environment)


def register(app: typer.Typer) -> None:
    """Add the serve command to ``app``."""
    app.command()(serve)
