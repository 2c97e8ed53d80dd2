"""``sinograph copy``: the embedded store into a Neo4j database, batched and resumable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sinograph.cli.errors import err_console, reported
from sinograph.cli.settings import run_settings
from sinograph.graph.model.errors import InvalidInput

if TYPE_CHECKING:
    from sinograph.graph.stores.neo4j.copy import CopyResult
    from sinograph.graph.wiring.settings import Settings

__all__ = ["copy", "register"]


def copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="Neo4j URI: neo4j://, bolt:// or neo4j+s://")],
    user: Annotated[
        str | None, typer.Option(help="Neo4j user [default: SINOGRAPH_NEO4J_USER]")
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            help="Neo4j password; prefer the SINOGRAPH_NEO4J_PASSWORD variable",
            show_default=False,
        ),
    ] = None,
    database: Annotated[
        str | None, typer.Option(help="database [default: SINOGRAPH_NEO4J_DATABASE]")
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(min=1, help="records per transaction [default: SINOGRAPH_NEO4J_BATCH_SIZE]"),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume/--restart",
            help="continue an interrupted copy from its checkpoint, or start over",
        ),
    ] = True,
    checkpoint: Annotated[
        Path | None,
        typer.Option(help="checkpoint file [default: next to the embedded store]"),
    ] = None,
) -> None:
    """Copy the embedded store (SINOGRAPH_STORE) into Neo4j, batch by batch.

    Safe to run again: records merge as in any load, and an interrupted copy
    resumes after its last finished batch. Exit 3 when Neo4j cannot be reached.
    """
    from rich.console import Console

    settings = run_settings(ctx)
    with reported(ctx):
        result = _run_copy(
            settings, to, user=user, password=password, database=database,
            batch_size=batch_size, restart=not resume, checkpoint=checkpoint,
        )
    report = result.report
    note = f" (resumed after batch {result.batches_skipped})" if result.resumed else ""
    Console().print(
        f"copied {result.batches_total} batches{note}: "
        f"{report.entities_added} entities, {report.facts_added} facts, "
        f"{report.stories_added} stories and {report.metrics_added} metrics added; "
        f"{report.entities_known + report.facts_known} records already there",
        highlight=False,
    )


def _run_copy(
    settings: Settings,
    to: str,
    *,
    user: str | None,
    password: str | None,
    database: str | None,
    batch_size: int | None,
    restart: bool,
    checkpoint: Path | None,
) -> CopyResult:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from sinograph.graph.stores.embedded import EmbeddedStore
    from sinograph.graph.stores.neo4j import Neo4jStore, open_driver
    from sinograph.graph.stores.neo4j.connection import redact_uri
    from sinograph.graph.stores.neo4j.copy import copy_graph

    if settings.store_kind != "embedded":
        raise InvalidInput(
            f"copy reads the embedded store, but SINOGRAPH_STORE is {redact_uri(settings.store)}"
        )
    source_path = Path(settings.store)
    if not source_path.is_file():
        raise InvalidInput(f"no embedded store at {source_path} (SINOGRAPH_STORE)")
    database = database or settings.neo4j_database
    size = batch_size or settings.neo4j_batch_size
    source = EmbeddedStore(source_path)
    try:
        source.ensure_schema()
        delta = source.export_delta()
    finally:
        source.close()
    driver = open_driver(
        to,
        user=user or settings.neo4j_user,
        password=password if password is not None else settings.neo4j_password.get_secret_value(),
        database=database,
        connect_timeout=settings.neo4j_connect_timeout,
        query_timeout=settings.neo4j_query_timeout,
    )
    target = Neo4jStore(
        driver, database=database, query_timeout=settings.neo4j_query_timeout,
        batch_size=size, uri=to,
    )
    state = checkpoint or source_path.with_name(source_path.name + ".neo4j-copy.json")
    try:
        target.ensure_schema()
        with Progress(
            TextColumn("copying to Neo4j"), BarColumn(), MofNCompleteColumn(),
            TextColumn("batches"), TimeElapsedColumn(), console=err_console(),
        ) as bar:
            task = bar.add_task("copy", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return copy_graph(
                delta, target, target_name=f"{redact_uri(to)}/{database}", batch_size=size,
                checkpoint=state, restart=restart, progress=progress,
            )
    finally:
        target.close()


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("copy")(copy)
