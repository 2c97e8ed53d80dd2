"""The graph commands: load, path, timeline, search, stats, export."""

from __future__ import annotations

import json
import re
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
    MinConfidenceOption,
    NoCacheOption,
    VerboseOption,
    chosen_extractor,
    print_model_summary,
)
from cli.render import (
    entity_label,
    fact_line,
    match_line,
    plural,
    print_ingest,
    print_paths,
    print_stats,
    print_timeline,
)
from graph.exports.formats import write_export
from graph.model.domain import GraphDelta
from graph.model.errors import InvalidInput
from graph.model.ontology import parse_entity_type
from graph.model.results import UpsertReport
from graph.stores.protocol import GraphStore
from graph.wiring.open_store import open_store
from graph.wiring.settings import get_settings
from loaders.extract import Registry
from loaders.extractor import Extractor
from loaders.graph_json import looks_like_graph_json, read_graph_json, split_delta
from loaders.ingest import IngestProblem, IngestReport, ingest_stories

__all__ = ["register"]

console = Console(highlight=False, soft_wrap=True)
_ORIGIN_SUFFIX = re.compile(r"(?::line \d+|#\d+)$")

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
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Load graph JSON exports and news stories (text, Markdown, digests, HTML, feeds, JSON Lines)
    into the store, reporting what was added and what was already known.

    Files that cannot be read are reported by name and line and the rest is loaded; the
    command then exits 2. A story with no publication date is loaded with a note: its
    relative dates stay unresolved. With `--extractor llm` or `hybrid`, the end of the
    load says what the model proposed, what verification kept and dropped (by reason),
    and the tokens spent.
    """
    settings = get_settings()
    with reported():
        if published is not None:
            from graph.model.dates import parse_partial_date

            published = parse_partial_date(published)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise InvalidInput(f"no such file or folder: {', '.join(missing)}")
        total = IngestReport()
        files = 0
        with ExitStack() as stack:
            store = stack.enter_context(opened_store())
            chosen: list[tuple[Extractor, Registry]] = []

            def story_extractor() -> tuple[Extractor, Registry]:
                # Built on first use: a load of graph files needs no model or registry.
                if not chosen:
                    registry = Registry.load(settings.registry_file)
                    reader = stack.enter_context(
                        chosen_extractor(
                            extractor,
                            no_cache=no_cache,
                            registry=registry,
                            min_confidence=min_confidence,
                        )
                    )
                    chosen.append((reader, registry))
                return chosen[0]

            for path in paths:
                graph_files, story_files, problems = _sort_inputs(path)
                files += len(graph_files) + len(story_files)
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
        _finish_load(total, files, verbose=verbose)


def _file_of(origin: str) -> str:
    """The file an origin names (``news/a.jsonl:line 3`` -> ``news/a.jsonl``)."""
    return _ORIGIN_SUFFIX.sub("", origin)


def _finish_load(total: IngestReport, files: int, *, verbose: bool = False) -> None:
    """Print the notes, skipped files, problems, what a language model did and a summary;
    exit 2 if anything failed."""
    for note in total.notes:
        err_console.print(f"note: {note.origin}: {note.message}", markup=False)
    skipped = [p for p in total.problems if p.skipped]
    failed = total.failed
    for problem in skipped:
        err_console.print(f"skipped: {problem.origin}: {problem.message}", markup=False)
    for problem in failed:
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
    failed_files = len({_file_of(p.origin) for p in failed})
    summary = (
        f"read {plural(files, 'file')}: {plural(total.stories_written, 'story')} loaded"
        f" ({plural(total.upsert.facts_added, 'fact')} added)"
    )
    if skipped:
        summary += f"; {plural(len(skipped), 'file')} skipped (not a story or graph file)"
    if failed:
        summary += (
            f"; {plural(len(failed), 'problem')} in {plural(failed_files, 'file')}"
            " (see above; the rest was loaded)"
        )
    if total.notes:
        summary += f"; {plural(len(total.notes), 'note')}"
    console.print(summary, markup=False)
    if failed:
        if not total.upsert.changed and not total.stories_written:
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
                    origin=str(item), message="not a story or graph file (by extension)",
                    skipped=True,
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
    with reported(as_json=as_json), opened_store() as store:
        page = store.timeline(
            entity, since=since, until=until, predicates=predicates, cursor=cursor, limit=limit
        )
        if as_json:
            _print_json(page.model_dump(mode="json"))
        else:
            name_zh = _name_zh(store, page.entity.id) if page.entity else None
            print_timeline(console, page, name_zh)
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
    with reported(as_json=as_json), opened_store() as store:
        kind = parse_entity_type(entity_type) if entity_type else None
        hits = store.search_entities(query, entity_type=kind, limit=limit)
        if as_json:
            _print_json([h.model_dump(mode="json") for h in hits])
        else:
            for hit in hits:
                console.print(match_line(hit), markup=False)
        if not hits:
            err_console.print(f"no match for {query!r}", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


def stats(as_json: AsJson = False) -> None:
    """Counts by label, predicate, story and publisher."""
    with reported(as_json=as_json), opened_store() as store:
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
