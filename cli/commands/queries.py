"""The query commands: path, timeline, neighbors, search.

Their arguments and options are the fields of the query objects
(:mod:`graph.model.queries`), made into typer parameters by :func:`cli.queries.query_command`:
each parameter is declared once, for the CLI, the API and the stores. ``cli.main`` imports
this module only when one of these commands runs or shows its help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from sinograph.cli.commands.core import AsJson, opened_store
from sinograph.cli.errors import EXIT_NOT_FOUND, err_console, reported
from sinograph.cli.output import out_console, print_json
from sinograph.cli.queries import query_command
from sinograph.cli.settings import run_settings
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, SearchQuery, TimelineQuery

if TYPE_CHECKING:
    from sinograph.graph.stores.protocol import GraphStore

__all__ = ["app"]

app = typer.Typer(rich_markup_mode=None, add_completion=False)

_SHORT = {"predicates": ["-p"]}


def _name_zh(store: GraphStore, entity_id: str) -> str | None:
    """An entity's Chinese name, to show beside its name."""
    return store.resolve_entity(entity_id).name_zh


@app.command()
@query_command(PathQuery, arguments=("source", "target"), flags=_SHORT)
def path(ctx: typer.Context, query: PathQuery, as_json: AsJson = False) -> None:
    """How two entities are connected: paths with each hop's fact, date and source.

    `--exclude-types Country,Region` and `--max-degree 200` keep paths out of places and
    hubs (the two ends may be either); `--exclude-predicates` and `--min-confidence` off
    those facts.

    Exit code 1 when a name matches nothing or no path joins the two entities,
    2 when a name fits several entities or both name the same one.
    """
    from sinograph.cli.render import entity_label, plural, print_paths

    console = out_console()
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        result = store.paths(query)
        if as_json:
            print_json(result.model_dump(mode="json"))
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


@app.command()
@query_command(TimelineQuery, arguments=("entity",), flags=_SHORT)
def timeline(ctx: typer.Context, query: TimelineQuery, as_json: AsJson = False) -> None:
    """What happened to an entity (or in the whole graph), in date order; undated items
    follow in their own section, paged with their own cursor."""
    from sinograph.cli.render import print_timeline

    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        page = store.timeline(query)
        if as_json:
            print_json(page.model_dump(mode="json"))
        else:
            name_zh = _name_zh(store, page.entity.id) if page.entity else None
            print_timeline(out_console(), page, name_zh)
        if not page.items and not page.undated:
            raise typer.Exit(EXIT_NOT_FOUND)


@app.command()
@query_command(NeighbourQuery, arguments=("entity",), flags=_SHORT)
def neighbors(ctx: typer.Context, query: NeighbourQuery, as_json: AsJson = False) -> None:
    """The entities around one entity and the facts that join them, nearest first; the
    traversal filters work as on `path`."""
    from sinograph.cli.render import entity_label, fact_line, plural

    console = out_console()
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        result = store.neighbors(query)
        if as_json:
            print_json(result.model_dump(mode="json"))
            return
        center, *others = result.entities
        console.print(
            f"{entity_label(center.name, center.name_zh)}: "
            f"{plural(len(others), 'entity')} within {plural(query.depth, 'hop')}, "
            f"{plural(len(result.facts), 'fact')}"
            + (" (cut short by --limit)" if result.truncated else ""),
            markup=False, style="bold",
        )
        for fact in result.facts:
            console.print(f"  {fact_line(fact)}", markup=False)


@app.command()
@query_command(SearchQuery, arguments=("text",))
def search(ctx: typer.Context, query: SearchQuery, as_json: AsJson = False) -> None:
    """Find entities by exact name, alias, Chinese name or ticker, then prefix, then fuzzy
    match (weak fuzzy matches are labelled). Exit code 1 and "no match" when none passes."""
    from sinograph.cli.render import match_line

    console = out_console()
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        hits = store.search_entities(query)
        if as_json:
            print_json([h.model_dump(mode="json") for h in hits])
        else:
            for hit in hits:
                console.print(match_line(hit), markup=False)
        if not hits:
            err_console().print(f"no match for {query.text!r}", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


