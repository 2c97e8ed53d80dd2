"""The curation commands: reject-fact, restore-fact, rejected, merge, split, edit and
curation-log (``restore`` alone restores a backup).

Every change needs ``--reason``; the curation log records it with the time and the
user (``--by``, else ``cli:<login name>``). Imports beyond typer happen inside the
commands, as in the other command modules (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sinograph.cli.commands.core import AsJson, opened_store
from sinograph.cli.errors import EXIT_NOT_FOUND, err_console, reported
from sinograph.cli.settings import run_settings

if TYPE_CHECKING:
    from sinograph.graph.model.curation import CurationRecord, Curator

__all__ = ["register"]

ReasonOption = Annotated[
    str, typer.Option("--reason", "-r", help="why the change is made (required; logged)")
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", help="who makes the change (default: your login name)"),
]


def _curator(reason: str, by: str | None) -> Curator:
    import getpass

    from pydantic import ValidationError

    from sinograph.graph.model.curation import Curator
    from sinograph.graph.model.errors import InvalidInput

    try:
        user = by or getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    try:
        return Curator(actor=f"cli:{user}", reason=reason)
    except ValidationError as exc:
        raise InvalidInput(str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None


def _report(record: CurationRecord, as_json: bool) -> None:
    from sinograph.cli.output import out_console, print_json

    if as_json:
        print_json(record.model_dump(mode="json"))
        return
    what = record.fact or record.entity or ""
    if record.target:
        what += f" -> {record.target}"
    line = f"{record.action.value}: {what}  ({record.id}, {record.at}, {record.actor})"
    out_console().print(line, markup=False)
    for name, value in record.changes.items():
        if value not in ({}, [], None):
            out_console().print(f"  {name}: {value}", markup=False)


def reject(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="the fact's key (fact:...)")],
    reason: ReasonOption,
    by: ByOption = None,
    as_json: AsJson = False,
) -> None:
    """Reject a fact: every read hides it, and loading its story again leaves it rejected."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        _report(store.reject_fact(key, _curator(reason, by)), as_json)


def restore(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="the rejected fact's key")],
    reason: ReasonOption,
    by: ByOption = None,
    as_json: AsJson = False,
) -> None:
    """Restore a rejected fact."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        _report(store.restore_fact(key, _curator(reason, by)), as_json)


def rejected(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="at most this many")] = 100,
    as_json: AsJson = False,
) -> None:
    """The rejected facts. Exit code 1 when there are none."""
    from sinograph.cli.output import out_console, print_json
    from sinograph.cli.render import fact_line

    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        facts = store.rejected_facts(limit=limit)
        if as_json:
            print_json([f.model_dump(mode="json") for f in facts])
        else:
            for fact in facts:
                out_console().print(f"{fact.key}  {fact_line(fact)}", markup=False)
        if not facts:
            err_console().print("no fact is rejected", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


def merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="the entity merged away (id or name)")],
    into: Annotated[str, typer.Argument(help="the entity that survives (id or name)")],
    reason: ReasonOption,
    by: ByOption = None,
    as_json: AsJson = False,
) -> None:
    """Merge SOURCE into INTO: names, facts, metrics and sources move; SOURCE's id then
    redirects to INTO in every read and every later load."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        _report(store.merge_entities(source, into, _curator(reason, by)), as_json)


def split(
    ctx: typer.Context,
    entity: Annotated[str, typer.Argument(help="the entity (id or name)")],
    alias: Annotated[str, typer.Argument(help="the alias that names another entity")],
    reason: ReasonOption,
    name: Annotated[
        str | None, typer.Option(help="the new entity's name (default: the alias)")
    ] = None,
    by: ByOption = None,
    as_json: AsJson = False,
) -> None:
    """Split ALIAS off ENTITY into a new entity; the facts whose every sentence names the
    alias (and none of the entity's other names) go with it."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        _report(store.split_entity(entity, alias, _curator(reason, by), name=name), as_json)


def edit(
    ctx: typer.Context,
    entity: Annotated[str, typer.Argument(help="the entity (id or name)")],
    reason: ReasonOption,
    name_zh: Annotated[str | None, typer.Option("--name-zh", help="the Chinese name")] = None,
    country: Annotated[str | None, typer.Option(help="the country")] = None,
    identifier: Annotated[
        list[str] | None,
        typer.Option("--identifier", help="SCHEME=CODE (repeat); replaces the identifiers"),
    ] = None,
    description: Annotated[str | None, typer.Option(help="the description")] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", help="a field to empty: name_zh, country, identifiers, "
                     "description (repeat)"),
    ] = None,
    by: ByOption = None,
    as_json: AsJson = False,
) -> None:
    """Set an entity's Chinese name, country, identifiers or description."""
    from pydantic import ValidationError

    from sinograph.graph.model.curation import EntityEdit
    from sinograph.graph.model.errors import InvalidInput

    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        fields: dict[str, Any] = {}
        for field in clear or ():
            if field not in EntityEdit.model_fields:
                raise InvalidInput(f"--clear takes one of {', '.join(EntityEdit.model_fields)}")
            fields[field] = None
        for field, value in (("name_zh", name_zh), ("country", country),
                             ("description", description)):
            if value is not None:
                fields[field] = value
        if identifier:
            pairs = [item.partition("=") for item in identifier]
            if any(not scheme or not code for scheme, _, code in pairs):
                raise InvalidInput("--identifier takes SCHEME=CODE, e.g. lei=5493001KJTIIGC8Y1R12")
            fields["identifiers"] = {scheme.strip(): code.strip() for scheme, _, code in pairs}
        if not fields:
            raise InvalidInput("nothing to edit: give --name-zh, --country, --identifier, "
                               "--description or --clear")
        try:
            change = EntityEdit(**fields)
        except ValidationError as exc:
            raise InvalidInput(str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None
        _report(store.edit_entity(entity, change, _curator(reason, by)), as_json)


def curation_log(
    ctx: typer.Context,
    entity: Annotated[str | None, typer.Option("--entity", "-e", help="only this entity")] = None,
    fact: Annotated[str | None, typer.Option("--fact", help="only this fact key")] = None,
    cursor: Annotated[str | None, typer.Option(help="continue after a previous page")] = None,
    limit: Annotated[int, typer.Option(help="records per page")] = 50,
    as_json: AsJson = False,
) -> None:
    """The curation log, oldest first: what changed, when, by whom and why.
    Exit code 1 when it holds nothing (for that entity or fact)."""
    from sinograph.cli.output import out_console, print_json

    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        page = store.curation_log(entity=entity, fact=fact, cursor=cursor, limit=limit)
        if as_json:
            print_json(page.model_dump(mode="json"))
        else:
            for record in page.items:
                what = record.fact or record.entity or ""
                if record.target:
                    what += f" -> {record.target}"
                out_console().print(f"{record.at}  {record.actor}  {record.action.value}  {what}",
                              markup=False)
                out_console().print(f"  why: {record.reason}", markup=False)
            if page.next_cursor:
                out_console().print(f"more records: --cursor {page.next_cursor}", markup=False)
        if not page.items:
            err_console().print("no curation record", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


def register(app: typer.Typer) -> None:
    """Add the curation commands to ``app``."""
    for command in (rejected, merge, split, edit):
        app.command()(command)
    app.command("reject-fact")(reject)
    app.command("restore-fact")(restore)
    app.command("curation-log")(curation_log)
