"""The graph commands: load, path, timeline, search, stats, export.

Imports beyond typer happen inside the commands: ``sinograph --help`` and a quick
query start without loading the extractor, numpy or the store (BENCHMARKS.md,
"CLI start-up").
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cli.errors import EXIT_BAD_INPUT, EXIT_NOT_FOUND, err_console, reported
from cli.extraction import ExtractorOption, MinConfidenceOption, NoCacheOption, VerboseOption

if TYPE_CHECKING:
    from rich.console import Console

    from graph.stores.protocol import GraphStore
    from loaders.load import LoadSummary

__all__ = ["register"]

Predicates = Annotated[
    str | None, typer.Option("--predicates", "-p", help="comma-separated predicates to keep")
]
Since = Annotated[str | None, typer.Option(help="keep facts dated on or after (YYYY[-MM[-DD]])")]
Until = Annotated[str | None, typer.Option(help="keep facts dated on or before (YYYY[-MM[-DD]])")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="the graph as it stood on this date")]
AsJson = Annotated[bool, typer.Option("--json", help="print JSON for machines")]
ExcludePredicates = Annotated[
    str | None,
    typer.Option("--exclude-predicates", help="comma-separated predicates never walked"),
]
ExcludeTypes = Annotated[
    str | None,
    typer.Option("--exclude-types", help="comma-separated labels never walked through"),
]
MinConfidence = Annotated[
    float | None, typer.Option("--min-confidence", help="walk only facts this confident (0-1)")
]
MaxDegree = Annotated[
    int | None,
    typer.Option("--max-degree", help="never walk through an entity with more facts (a hub)"),
]


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@contextmanager
def opened_store() -> Iterator[GraphStore]:
    """The configured store, opened for one command and closed after it."""
    from graph.wiring.open_store import open_store
    from graph.wiring.settings import get_settings

    store = open_store(get_settings())
    try:
        yield store
    finally:
        store.close()


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))


def load(
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
    from cli.progress import load_progress
    from cli.render import print_ingest
    from graph.wiring.settings import get_settings
    from loaders.load import ExtractorSource, LoadOptions, load_paths

    settings = get_settings()
    console = _console()
    with reported():
        if published is not None:
            from graph.model.dates import parse_partial_date

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
            with opened_store() as store, load_progress(err_console()) as on_progress:
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
    from cli.extraction import print_model_summary

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


def _name_zh(store: GraphStore, entity_id: str) -> str | None:
    """An entity's Chinese name, to show beside its name."""
    return store.resolve_entity(entity_id).name_zh


def path(
    source: Annotated[str, typer.Argument(help="entity id, name, alias, ticker or prefix")],
    target: Annotated[str, typer.Argument(help="entity id, name, alias, ticker or prefix")],
    max_hops: Annotated[int, typer.Option("--max-hops", help="1 to 6")] = 4,
    k: Annotated[int, typer.Option("--k", help="how many paths, shortest first")] = 5,
    predicates: Predicates = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    exclude_predicates: ExcludePredicates = None,
    exclude_types: ExcludeTypes = None,
    min_confidence: MinConfidence = None,
    max_degree: MaxDegree = None,
    as_json: AsJson = False,
) -> None:
    """How two entities are connected: paths with each hop's fact, date and source.

    `--exclude-types Country,Region` and `--max-degree 200` keep paths out of places and
    hubs (the two ends may be either); `--exclude-predicates` and `--min-confidence` off
    those facts.

    Exit code 1 when a name matches nothing or no path joins the two entities,
    2 when a name fits several entities or both name the same one.
    """
    from cli.render import entity_label, plural, print_paths

    console = _console()
    with reported(as_json=as_json), opened_store() as store:
        result = store.paths(
            source,
            target,
            max_hops=max_hops,
            k=k,
            predicates=predicates,
            since=since,
            until=until,
            as_of=as_of,
            exclude_predicates=exclude_predicates,
            exclude_types=exclude_types,
            min_confidence=min_confidence,
            max_degree=max_degree,
        )
        if as_json:
            _print_json(result.model_dump(mode="json"))
        else:
            ends = [
                entity_label(ref.name, _name_zh(store, ref.id))
                for ref in (result.source, result.target)
            ]
            console.print(
                f"{plural(len(result.paths), 'path')} from {ends[0]} to {ends[1]}",
                markup=False, style="bold",
            )
            print_paths(console, result)
        if not result.paths:
            raise typer.Exit(EXIT_NOT_FOUND)


def timeline(
    entity: Annotated[str | None, typer.Argument(help="entity id or name; omit for all")] = None,
    since: Since = None,
    until: Until = None,
    predicates: Predicates = None,
    cursor: Annotated[
        str | None,
        typer.Option(help="continue after a previous page (either cursor a page printed)"),
    ] = None,
    limit: Annotated[int, typer.Option(help="items per page")] = 50,
    as_json: AsJson = False,
) -> None:
    """What happened to an entity (or in the whole graph), in date order; undated items
    follow in their own section, paged with their own cursor."""
    from cli.render import print_timeline

    with reported(as_json=as_json), opened_store() as store:
        page = store.timeline(
            entity, since=since, until=until, predicates=predicates, cursor=cursor, limit=limit
        )
        if as_json:
            _print_json(page.model_dump(mode="json"))
        else:
            name_zh = _name_zh(store, page.entity.id) if page.entity else None
            print_timeline(_console(), page, name_zh)
        if not page.items and not page.undated:
            raise typer.Exit(EXIT_NOT_FOUND)


def neighbors(
    entity: Annotated[str, typer.Argument(help="entity id, name, alias, ticker or prefix")],
    depth: Annotated[int, typer.Option(help="1 to 3 hops")] = 1,
    predicates: Predicates = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    limit: Annotated[int, typer.Option(help="at most this many entities")] = 200,
    exclude_predicates: ExcludePredicates = None,
    exclude_types: ExcludeTypes = None,
    min_confidence: MinConfidence = None,
    max_degree: MaxDegree = None,
    as_json: AsJson = False,
) -> None:
    """The entities around one entity and the facts that join them, nearest first; the
    traversal filters work as on `path`."""
    from cli.render import entity_label, fact_line, plural

    console = _console()
    with reported(as_json=as_json), opened_store() as store:
        result = store.neighbors(
            entity, depth=depth, predicates=predicates, since=since, until=until, as_of=as_of,
            limit=limit, exclude_predicates=exclude_predicates, exclude_types=exclude_types,
            min_confidence=min_confidence, max_degree=max_degree,
        )
        if as_json:
            _print_json(result.model_dump(mode="json"))
            return
        center, *others = result.entities
        console.print(
            f"{entity_label(center.name, center.name_zh)}: "
            f"{plural(len(others), 'entity')} within {plural(depth, 'hop')}, "
            f"{plural(len(result.facts), 'fact')}"
            + (" (cut short by --limit)" if result.truncated else ""),
            markup=False, style="bold",
        )
        for fact in result.facts:
            console.print(f"  {fact_line(fact)}", markup=False)


def search(
    query: Annotated[
        str, typer.Argument(help="a name, alias, Chinese name, ticker, prefix or misspelling")
    ],
    entity_type: Annotated[
        str | None, typer.Option("--type", help="only this label, e.g. Company")
    ] = None,
    limit: Annotated[int, typer.Option(help="at most this many hits")] = 10,
    as_json: AsJson = False,
) -> None:
    """Find entities by exact name, alias, Chinese name or ticker, then prefix, then fuzzy
    match (weak fuzzy matches are labelled). Exit code 1 and "no match" when none passes."""
    from cli.render import match_line
    from graph.model.ontology import parse_entity_type

    console = _console()
    with reported(as_json=as_json), opened_store() as store:
        kind = parse_entity_type(entity_type) if entity_type else None
        hits = store.search_entities(query, entity_type=kind, limit=limit)
        if as_json:
            _print_json([h.model_dump(mode="json") for h in hits])
        else:
            for hit in hits:
                console.print(match_line(hit), markup=False)
        if not hits:
            err_console().print(f"no match for {query!r}", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


def stats(as_json: AsJson = False) -> None:
    """Counts by label, predicate, story and publisher."""
    from cli.render import print_stats

    with reported(as_json=as_json), opened_store() as store:
        result = store.stats()
        if as_json:
            _print_json(result.model_dump(mode="json"))
        else:
            print_stats(_console(), result)


def export(
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
    from cli.render import plural
    from graph.exports.formats import write_export
    from graph.model.errors import InvalidInput

    console = _console()
    with reported(), opened_store() as store:
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
    for command in (load, path, timeline, neighbors, search, stats, export):
        app.command()(command)
