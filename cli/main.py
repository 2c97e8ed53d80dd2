"""Entry point of the ``sinograph`` command line."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from cli.commands import (
    backup,
    bench,
    core,
    curation,
    diligence,
    extract,
    neo4j,
    serve,
    stories,
)

app = typer.Typer(
    name="sinograph",
    help="A knowledge graph of China business entities and events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain click help: rich help formatting imports markdown and pygments (a third of a
    # second) before anything is printed (BENCHMARKS.md, "CLI start-up").
    rich_markup_mode=None,
    add_completion=False,
)


@app.callback()
def main(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="store file or neo4j:// URI (default: $SINOGRAPH_STORE or ./sinograph.db)",
        ),
    ] = None,
) -> None:
    """sinograph: news stories in, dated and sourced facts out, paths and timelines on top."""
    if store is not None:
        # Settings are read from the environment once; an explicit flag wins over it.
        from graph.wiring.settings import get_settings

        os.environ["SINOGRAPH_STORE"] = store
        get_settings.cache_clear()


for group in (core, stories, diligence, curation, backup, extract, serve, neo4j, bench):
    group.register(app)
