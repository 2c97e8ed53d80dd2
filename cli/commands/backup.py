"""``sinograph backup OUT`` and ``sinograph restore BACKUP``: consistent copies of the store.

A backup is taken while the store is in use (a server answering, a load writing):
it is one committed state of the whole store. Copying ``sinograph.db`` with ``cp``
is not a backup while anything has the store open (SECURITY.md says why).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sinograph.cli.commands.core import opened_store
from sinograph.cli.errors import reported
from sinograph.cli.output import out_console
from sinograph.cli.settings import run_settings

__all__ = ["register"]


def backup(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="the backup file to write (must not exist)")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON for machines")] = False,
) -> None:
    """Write a consistent copy of the store to OUT, also while a server or a load writes."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        made = store.backup(out)
        if as_json:
            typer.echo(json.dumps(made.model_dump(mode="json")))
        else:
            out_console().print(
                f"backed up the store (revision {made.revision}, schema version "
                f"{made.schema_version}) to {made.path}: {made.bytes:,} bytes in "
                f"{made.seconds:.2f} s",
                markup=False,
            )


def restore(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="a file written by `sinograph backup`")],
    force: Annotated[
        bool, typer.Option("--force", help="replace the store when it exists")
    ] = False,
) -> None:
    """Put a backup in place of the store (stop the server and any load first)."""
    from sinograph.graph.wiring.open_store import restore_store

    with reported(ctx):
        made = restore_store(run_settings(ctx), source, force=force)
        out_console().print(
            f"restored {source} to {made.path} ({made.bytes:,} bytes)", markup=False
        )


def register(app: typer.Typer) -> None:
    """Add ``backup`` and ``restore`` to ``app``."""
    for command in (backup, restore):
        app.command()(command)
