"""The graph commands: load, path, timeline, search, stats, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from cli.errors import EXIT_BAD_INPUT, EXIT_NOT_FOUND, err_console, reported
from cli.extraction import (
    ExtractorOption,
    NoCacheOption,
    VerboseOption,
    chosen_extractor,
    print_model_summary,
)
from cli.render import print_ingest, print_paths, print_stats, print_timeline
from graph.errors import InvalidInput
from graph.export import write_export
from graph.factory import open_store
from graph.model import GraphDelta
from graph.ontology import parse_entity_type
from graph.results import UpsertReport
from graph.settings import get_settings
from graph.store import GraphStore
from loaders.extract import Registry
from loaders.extractor import Extractor
from loaders.graph_json import looks_like_graph_json, read_graph_json, split_delta
from loaders.ingest import IngestProblem, IngestReport, ingest_stories

__all__ = ["register"]

console = Console(highlight=False, soft_wrap=True)

Predicates = Annotated[
    str | None, typer.Option("--predicates", "-p", help="comma-separated predicates to keep")
]
Since = Annotated[str | None, typer.Option(help="keep facts dated on or after (YYYY[-MM[-DD]])")]
Until = Annotated[str | None, typer.Option(help="keep facts dated on or before (YYYY[-MM[-DD]])")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="the graph as it stood on this date")]
AsJson = Annotated[bool, typer.Option("--json", help="print JSON for machines")]


@contextmanager
def opened_store() -> Iterator[GraphStore]:
    """The configured store, opened for one command and closed after it."""
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
    extractor: ExtractorOption = None,
    no_cache: NoCacheOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Load graph JSON exports and news stories (text, Markdown, digests, HTML, feeds, JSON Lines)
    into the store, reporting what was added and what was already known.

    With `--extractor llm` or `hybrid`, the end of the load says what the model proposed,
    what verification kept and dropped (by reason), and the tokens spent."""
    settings = get_settings()
    with reported():
        if published is not None:
            from graph.dates import parse_partial_date

            published = parse_partial_date(published)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise InvalidInput(f"no such file or folder: {', '.join(missing)}")
        total = IngestReport()
        with ExitStack() as stack:
            store = stack.enter_context(opened_store())
            chosen: list[tuple[Extractor, Registry]] = []

            def story_extractor() -> tuple[Extractor, Registry]:
                # Built on first use: a load of graph files needs no model or registry.
                if not chosen:
                    registry = Registry.load(settings.registry_file)
                    reader = stack.enter_context(
                        chosen_extractor(extractor, no_cache=no_cache, registry=registry)
                    )
                    chosen.append((reader, registry))
                return chosen[0]

            for path in paths:
                graph_files, story_files, problems = _sort_inputs(path)
                total = _add(total, IngestReport(problems=problems))
                for graph_file in graph_files:
                    try:
                        delta = read_graph_json(graph_file, max_bytes=settings.max_file_bytes)
                    except InvalidInput as exc:
                        problem = IngestProblem(origin=str(graph_file), message=exc.message)
                        total = _add(total, IngestReport(problems=[problem]))
                        continue
                    report = IngestReport(
                        stories_read=len(delta.stories),
                        stories_written=len(delta.stories),
                        upsert=_upsert_with_progress(store, delta, graph_file),
                    )
                    print_ingest(console, str(graph_file), report)
                    total = _add(total, report)
                if story_files:
                    report = _load_stories(
                        store,
                        story_files,
                        str(path),
                        published,
                        publisher,
                        input_format,
                        *story_extractor(),
                    )
                    print_ingest(console, f"{path} (stories)", report)
                    total = _add(total, report)
        for problem in total.problems:
            err_console.print(f"problem: {problem.origin}: {problem.message}", markup=False)
        if total.verification is not None or total.usage is not None:
            print_model_summary(
                console,
                total.verification,
                total.usage,
                total.dropped,
                verbose=verbose,
                stories=total.stories_read,
            )
        if total.problems and not total.upsert.changed and not total.stories_written:
            err_console.print("nothing was loaded", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT)


def _upsert_with_progress(store: GraphStore, delta: GraphDelta, path: Path) -> UpsertReport:
    """Write a graph file in batches (one transaction each) with a progress bar."""
    batches = split_delta(delta)
    report = UpsertReport()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} records"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=len(batches) < 2,
    ) as progress:
        total = sum(
            len(b.stories) + len(b.entities) + len(b.facts) + len(b.metrics) for b in batches
        )
        task = progress.add_task(f"loading {path}", total=total)
        for batch in batches:
            report = report + store.upsert(batch)
            progress.advance(
                task,
                len(batch.stories) + len(batch.entities) + len(batch.facts) + len(batch.metrics),
            )
    return report


def _sort_inputs(path: Path) -> tuple[list[Path], list[Path], list[IngestProblem]]:
    """Split a file or folder into graph JSON files, story files and problems.

    A folder is walked in sorted order with hidden entries skipped; a file named
    on the command line is read whatever its extension.
    """
    from loaders.inputs import STORY_EXTENSIONS
    from loaders.inputs.walk import walk_files

    if not path.is_dir():
        return ([path], [], []) if looks_like_graph_json(path) else ([], [path], [])
    graphs: list[Path] = []
    stories: list[Path] = []
    problems: list[IngestProblem] = []
    for item in walk_files(path):
        if not isinstance(item, Path):
            problems.append(IngestProblem(origin=item.origin, message=item.message))
        elif looks_like_graph_json(item):
            graphs.append(item)
        elif item.suffix.lower() in STORY_EXTENSIONS:
            stories.append(item)
        else:
            problems.append(
                IngestProblem(
                    origin=str(item), message="not a story or graph file (by extension); skipped"
                )
            )
    return graphs, stories, problems


def _add(a: IngestReport, b: IngestReport) -> IngestReport:
    return a + b


def _load_stories(
    store: GraphStore,
    files: list[Path],
    label: str,
    published: str | None,
    publisher: str | None,
    input_format: str | None,
    extractor: Extractor,
    registry: Registry,
) -> IngestReport:
    from loaders.inputs import read_stories

    settings = get_settings()
    items = (
        item
        for file in files
        for item in read_stories(
            file,
            published=published,
            publisher=publisher,
            max_bytes=settings.max_file_bytes,
            fmt=input_format,
        )
    )
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} stories"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task(f"loading {label}", total=None)
        return ingest_stories(
            store,
            items,
            registry=registry,
            extractor=extractor,
            on_story=lambda _story: progress.advance(task),
        )


def path(
    source: Annotated[str, typer.Argument(help="entity id or name")],
    target: Annotated[str, typer.Argument(help="entity id or name")],
    max_hops: Annotated[int, typer.Option("--max-hops", help="1 to 6")] = 4,
    k: Annotated[int, typer.Option("--k", help="how many paths, shortest first")] = 5,
    predicates: Predicates = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    as_json: AsJson = False,
) -> None:
    """How two entities are connected: paths with each hop's fact, date and source.

    Exit code 1 when both entities exist but no path joins them.
    """
    with reported(), opened_store() as store:
        result = store.paths(
            source,
            target,
            max_hops=max_hops,
            k=k,
            predicates=predicates,
            since=since,
            until=until,
            as_of=as_of,
        )
        if as_json:
            _print_json(result.model_dump(mode="json"))
        else:
            print_paths(console, result)
        if not result.paths:
            raise typer.Exit(EXIT_NOT_FOUND)


def timeline(
    entity: Annotated[str | None, typer.Argument(help="entity id or name; omit for all")] = None,
    since: Since = None,
    until: Until = None,
    predicates: Predicates = None,
    cursor: Annotated[str | None, typer.Option(help="continue after a previous page")] = None,
    limit: Annotated[int, typer.Option(help="items per page")] = 50,
    as_json: AsJson = False,
) -> None:
    """What happened to an entity (or in the whole graph), in date order."""
    with reported(), opened_store() as store:
        page = store.timeline(
            entity, since=since, until=until, predicates=predicates, cursor=cursor, limit=limit
        )
        if as_json:
            _print_json(page.model_dump(mode="json"))
        else:
            print_timeline(console, page)
        if not page.items and not page.undated:
            raise typer.Exit(EXIT_NOT_FOUND)


def search(
    query: Annotated[str, typer.Argument(help="a name, alias, prefix or misspelling")],
    entity_type: Annotated[
        str | None, typer.Option("--type", help="only this label, e.g. Company")
    ] = None,
    limit: Annotated[int, typer.Option(help="at most this many hits")] = 10,
    as_json: AsJson = False,
) -> None:
    """Find entities by exact alias, prefix or fuzzy match."""
    with reported(), opened_store() as store:
        kind = parse_entity_type(entity_type) if entity_type else None
        hits = store.search_entities(query, entity_type=kind, limit=limit)
        if as_json:
            _print_json([h.model_dump(mode="json") for h in hits])
        else:
            for hit in hits:
                console.print(
                    f"{hit.entity.name}  ({hit.entity.type.value}, {hit.match} on "
                    f"{hit.matched_alias!r}, {hit.score:g})  id={hit.entity.id}",
                    markup=False,
                )
        if not hits:
            raise typer.Exit(EXIT_NOT_FOUND)


def stats(as_json: AsJson = False) -> None:
    """Counts by label, predicate, story and publisher."""
    with reported(), opened_store() as store:
        result = store.stats()
        if as_json:
            _print_json(result.model_dump(mode="json"))
        else:
            print_stats(console, result)


def export(
    out: Annotated[Path, typer.Argument(help="output file (a folder for neo4j-admin)")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json | graphml | neo4j-admin")
    ] = "json",
    as_of: AsOf = None,
) -> None:
    """Export the graph: JSON (re-loadable with `load`), GraphML, or neo4j-admin CSV files."""
    with reported(), opened_store() as store:
        if fmt not in {"json", "graphml", "neo4j-admin"}:
            raise InvalidInput(f"unknown export format {fmt!r}; use json, graphml or neo4j-admin")
        delta = store.export_delta(as_of=as_of)
        written = write_export(delta, fmt, out)
        console.print(
            f"exported {len(delta.entities)} entities, {len(delta.facts)} facts, "
            f"{len(delta.stories)} stories to {', '.join(str(p) for p in written[:3])}"
            + (" ..." if len(written) > 3 else ""),
            markup=False,
        )


def register(app: typer.Typer) -> None:
    """Add the graph commands to ``app``."""
    for command in (load, path, timeline, search, stats, export):
        app.command()(command)
