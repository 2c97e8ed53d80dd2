"""The graph commands: load, stats, export (the query commands are in
:mod:`cli.commands.queries`).

Imports beyond typer happen inside the commands: ``sinograph --help`` and a quick
query start without loading the extractor, numpy or the store (BENCHMARKS.md,
"CLI start-up").
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sinograph.cli.errors import EXIT_BAD_INPUT, err_console, reported
from sinograph.cli.extraction import (
    ExtractorOption,
    MinConfidenceOption,
    NoCacheOption,
    VerboseOption,
)
from sinograph.cli.output import out_console, print_json
from sinograph.cli.settings import run_settings

if TYPE_CHECKING:
    from rich.console import Console

    from sinograph.graph.stores.protocol import GraphStore
    from sinograph.graph.wiring.settings import Settings
    from sinograph.loaders.load import LoadSummary

__all__ = ["register"]

AsOf = Annotated[str | None, typer.Option("--as-of", help="the graph as it stood on this date")]
AsJson = Annotated[bool, typer.Option("--json", help="print JSON for machines")]

@contextmanager
def opened_store(settings: Settings) -> Iterator[GraphStore]:
    """The store the settings name, opened for one command and closed after it."""
    from sinograph.graph.wiring.open_store import open_store

    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def load(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="files or folders: stories or graph JSON")],
    published: Annotated[
        str | None, typer.Option(help="publication date for stories that lack one")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(help="publisher for stories that lack one")
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="read story files as this format (text, markdown, digest, html,"
            " feed, jsonl) instead of detecting it",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="processes that extract stories (the store is written by one)"
            " [default: the number of CPUs]",
            show_default=False,
        ),
    ] = None,
    extractor: ExtractorOption = None,
    no_cache: NoCacheOption = False,
    verbose: VerboseOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Load graph JSON exports and news stories (text, Markdown, digests, HTML, feeds, JSON Lines)
    into the store, reporting what was added and what was already known.

    Graph files are written in batches, one transaction each; stories are extracted in
    `--workers` processes and written one by one. Progress (files, stories, facts, rate,
    ETA) shows on a terminal, as plain lines otherwise. Files that cannot be read are
    reported by name and line and the rest is loaded; the command then exits 2. A story
    with no publication date is loaded with a note: its relative dates stay unresolved.
    With `--extractor llm` or `hybrid`, the end of the load says what the model
    proposed, what verification kept and dropped (by reason), and the tokens spent.
    """
    from sinograph.cli.progress import load_progress
    from sinograph.cli.render import print_ingest
    from sinograph.loaders.load import ExtractorSource, LoadOptions, load_paths

    settings = run_settings(ctx)
    console = out_console()
    with reported(ctx):
        if published is not None:
            from sinograph.graph.model.dates import parse_partial_date

            published = parse_partial_date(published)
        options = LoadOptions(
            max_bytes=settings.max_file_bytes,
            published=published,
            publisher=publisher,
            fmt=input_format,
            workers=workers or os.cpu_count() or 1,
            batch_size=settings.load_batch_size,
        )
        source = ExtractorSource.from_settings(
            settings, extractor, no_cache=no_cache, min_confidence=min_confidence
        )
        try:
            with opened_store(settings) as store, load_progress(err_console()) as on_progress:
                summary = load_paths(
                    store,
                    paths,
                    options,
                    source,
                    on_progress=on_progress,
                    on_part=lambda label, report: print_ingest(console, label, report),
                )
        finally:
            source.close()
        _finish_load(console, summary, verbose=verbose)


def _finish_load(console: Console, summary: LoadSummary, *, verbose: bool = False) -> None:
    """Print the notes, skipped files, problems, what a language model did and the
    summary line; exit 2 if anything failed."""
    from sinograph.cli.extraction import print_model_summary

    total = summary.report
    for note in total.notes:
        err_console().print(f"note: {note.origin}: {note.message}", markup=False)
    failed = total.failed
    for problem in (p for p in total.problems if p.skipped):
        err_console().print(f"skipped: {problem.origin}: {problem.message}", markup=False)
    for problem in failed:
        err_console().print(f"problem: {problem.origin}: {problem.message}", markup=False)
    if total.verification is not None or total.usage is not None:
        print_model_summary(
            console,
            total.verification,
            total.usage,
            total.dropped,
            verbose=verbose,
            stories=total.stories_read,
        )
    console.print(summary.line(), markup=False)
    if failed:
        if not total.upsert.changed and not total.stories_written:
            err_console().print("nothing was loaded", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)


def stats(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Counts by label, predicate, story and publisher."""
    from sinograph.cli.render import print_stats

    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        result = store.stats()
        if as_json:
            print_json(result.model_dump(mode="json"))
        else:
            print_stats(out_console(), result)


def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="output file (a folder for neo4j-admin)")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json | graphml | neo4j-admin")
    ] = "json",
    as_of: AsOf = None,
    spreadsheet_safe: Annotated[
        bool,
        typer.Option(
            "--spreadsheet-safe",
            help="neo4j-admin CSV: put ' before text starting with = + - @ so a spreadsheet "
            "shows it as text (changes the text; leave off for neo4j-admin import)",
        ),
    ] = False,
) -> None:
    """Export the graph: JSON (re-loadable with `load`), GraphML, or neo4j-admin CSV files."""
    from sinograph.cli.render import plural
    from sinograph.graph.exports.formats import write_export
    from sinograph.graph.model.errors import InvalidInput

    console = out_console()
    with reported(ctx), opened_store(run_settings(ctx)) as store:
        if fmt not in {"json", "graphml", "neo4j-admin"}:
            raise InvalidInput(f"unknown export format {fmt!r}; use json, graphml or neo4j-admin")
        delta = store.export_delta(as_of=as_of)
        written = write_export(delta, fmt, out, spreadsheet_safe=spreadsheet_safe)
        console.print(
            f"exported {plural(len(delta.entities), 'entity')}, "
            f"{plural(len(delta.facts), 'fact')}, {plural(len(delta.stories), 'story')} to "
            f"{', '.join(str(p) for p in written[:3])}"
            + (" ..." if len(written) > 3 else ""),
            markup=False,
        )


def register(app: typer.Typer) -> None:
    """Add the graph commands to ``app``."""
    for command in (load, stats, export):
        app.command()(command)
