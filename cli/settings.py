"""The settings of one ``sinograph`` run: built once by the callback, read by the commands.

The callback (:func:`cli.main.main`) builds them from the environment, ``.env`` and the
global ``--store`` flag and keeps them on the command context; a command takes them with
:func:`run_settings` and passes them on. Nothing below the CLI reads the environment, and
nothing writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from sinograph.cli.errors import EXIT_BAD_INPUT, err_console

if TYPE_CHECKING:
    from sinograph.graph.wiring.settings import Settings

__all__ = ["build_settings", "run_settings"]


def build_settings(store: str | None) -> Settings:
    """The run's settings; ``store`` (the ``--store`` flag) wins over ``SINOGRAPH_STORE``.

    Bad settings end the run with exit code 2 and the reason, never a traceback.
    """
    from pydantic import ValidationError

    from sinograph.graph.model.queries import first_problem
    from sinograph.graph.wiring.settings import get_settings

    try:
        return get_settings() if store is None else get_settings(store=store)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = "_".join(str(part) for part in err.get("loc", ())).upper()
        problem = first_problem(exc).removeprefix(f"{name.lower()}: ")
        where = f"SINOGRAPH_{name}: " if name else ""
        err_console().print(f"error: bad settings: {where}{problem}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def run_settings(ctx: typer.Context) -> Settings:
    """The settings the callback built for this run (kept on the root context)."""
    from sinograph.graph.wiring.settings import Settings

    settings = ctx.find_root().obj
    if not isinstance(settings, Settings):
        raise RuntimeError("no settings: run commands through the sinograph app (cli.main.app)")
    return settings
