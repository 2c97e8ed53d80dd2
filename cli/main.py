"""Entry point of the ``sinograph`` command line."""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from sinograph.cli.commands import backup, bench, core, curation, extract, neo4j, serve, stories
from sinograph.cli.settings import build_settings

__all__ = ["LAZY_COMMANDS", "app"]

# Commands whose module is imported only when one of them runs or shows its help: the
# query commands' options are made from the pydantic query models, and the due-diligence
# commands need numpy and the dossier code; importing them would slow every other command
# and `sinograph --help`. Name -> (module, the first line of its help, which the
# command list shows; tests/cli/test_lazy_commands.py checks it against the command's own).
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "path": (
        "sinograph.cli.commands.queries",
        "How two entities are connected: paths with each hop's fact, date and source.",
    ),
    "timeline": (
        "sinograph.cli.commands.queries",
        "What happened to an entity (or in the whole graph), in date order; undated items "
        "follow in their own section, paged with their own cursor.",
    ),
    "neighbors": (
        "sinograph.cli.commands.queries",
        "The entities around one entity and the facts that join them, nearest first; the "
        "traversal filters work as on `path`.",
    ),
    "search": (
        "sinograph.cli.commands.queries",
        "Find entities by exact name, alias, Chinese name or ticker, then prefix, then fuzzy "
        "match (weak fuzzy matches are labelled).",
    ),
    "dossier": (
        "sinograph.cli.commands.diligence",
        "A due-diligence dossier: identity, owners up to the ultimate parents, holdings, "
        "people, government acts on the entity, its owners and holdings (with the path), "
        "deals and counterparties, timeline, and numbered sources.",
    ),
    "screen": (
        "sinograph.cli.commands.diligence",
        "Screen a list of counterparties: the entity each name is and why (identifier, "
        "exact, alias, Chinese name, short name, prefix, fuzzy), ambiguous names with their "
        "candidates, no match, and risk flags (sanctioned, banned, fined, under "
        "investigation, tariffed) within `--hops` ownership hops, each with the act and the "
        "path.",
    ),
}


# The order `sinograph --help` lists the commands in; others follow in registration order.
_HELP_ORDER = ("load", "path", "timeline", "neighbors", "search", "stats", "export", "stories",
               "story", "dossier", "screen")


class _LazyGroup(TyperGroup):
    """A command group that imports the modules of :data:`LAZY_COMMANDS` on first use."""

    # ctx is typer's own (vendored) click context, which typer does not export.
    def list_commands(self, ctx: Any) -> list[str]:
        eager = super().list_commands(ctx)
        names = [*eager, *(name for name in LAZY_COMMANDS if name not in eager)]
        rank = {name: i for i, name in enumerate(_HELP_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(LAZY_COMMANDS[cmd_name][0])
            group = typer.main.get_command(module.app)
            assert isinstance(group, TyperGroup)
            for name, command in group.commands.items():
                self.add_command(command, name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # As click lists them, but a command not yet imported shows its summary from
        # LAZY_COMMANDS instead of being imported for one line of help.
        rows: list[tuple[str, str]] = []
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        for name in names:
            command = self.commands.get(name)
            if command is None:
                summary = TyperCommand(name, help=LAZY_COMMANDS[name][1])
                rows.append((name, summary.get_short_help_str(limit)))
            elif not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


app = typer.Typer(
    name="sinograph",
    cls=_LazyGroup,
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
    ctx: typer.Context,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="store file or neo4j:// URI (default: $SINOGRAPH_STORE or ./sinograph.db)",
        ),
    ] = None,
) -> None:
    """sinograph: news stories in, dated and sourced facts out, paths and timelines on top."""
    # Built once here and kept on the context; commands take them with run_settings(ctx).
    ctx.obj = build_settings(store)


for group in (core, stories, curation, backup, extract, serve, neo4j, bench):
    group.register(app)
