"""The story commands: ``stories`` (a listing) and ``story`` (one story and its facts)."""

from __future__ import annotations

from typing import Annotated

import typer

from sinograph.cli.commands.core import AsJson, opened_store
from sinograph.cli.errors import EXIT_NOT_FOUND, err_console, reported
from sinograph.cli.output import out_console, print_json
from sinograph.cli.settings import run_settings

__all__ = ["register"]


def stories(
    ctx: typer.Context,
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="only stories about this entity")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="only this publisher")] = None,
    since: Annotated[
        str | None, typer.Option(help="published on or after (YYYY[-MM[-DD]])")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="published on or before (YYYY[-MM[-DD]])")
    ] = None,
    cursor: Annotated[str | None, typer.Option(help="continue after a previous page")] = None,
    limit: Annotated[int, typer.Option(help="stories per page")] = 50,
    as_json: AsJson = False,
) -> None:
    """Stories newest first (undated last), with how many facts and metrics each gave.

    Exit code 1 when no story matches.
    """
    from sinograph.cli.render import story_line

    console = out_console()
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        page = store.list_stories(
            entity=entity, publisher=publisher, since=since, until=until, cursor=cursor,
            limit=limit,
        )
        if as_json:
            print_json(page.model_dump(mode="json"))
        else:
            for item in page.items:
                console.print(story_line(item), markup=False)
            if page.next_cursor:
                console.print(f"more stories: --cursor {page.next_cursor}", markup=False)
        if not page.items:
            err_console().print("no story matches", markup=False)
            raise typer.Exit(EXIT_NOT_FOUND)


def story(
    ctx: typer.Context,
    story_id: Annotated[str, typer.Argument(help="a story id (story:...)")],
    as_json: AsJson = False,
) -> None:
    """One story: title, publisher, date, link, and every fact and metric read from it."""
    from sinograph.cli.render import fact_line, plural

    console = out_console()
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        view = store.get_story(story_id)
        if as_json:
            print_json(view.model_dump(mode="json"))
            return
        console.print(view.title or view.id, markup=False, style="bold")
        about = ", ".join(x for x in (view.publisher, view.published, view.url) if x)
        console.print(f"{about}  id={view.id}" if about else f"id={view.id}", markup=False)
        console.print(plural(len(view.facts), "fact") + ":", markup=False)
        for fact in view.facts:
            console.print(f"  {fact_line(fact)}", markup=False)
            for source in fact.sources:
                if source.story_id == view.id:
                    console.print(f'     "{source.sentence}"', markup=False)
        if view.metrics:
            console.print(plural(len(view.metrics), "metric") + ":", markup=False)
            for m in view.metrics:
                unit = f" {m.unit}" if m.unit else ""
                console.print(
                    f"  {m.subject_name}: {m.name} = {m.value:,.6g}{unit}"
                    f" ({m.period or 'no period'})",
                    markup=False,
                )


def register(app: typer.Typer) -> None:
    """Add the story commands to ``app``."""
    for command in (stories, story):
        app.command()(command)
