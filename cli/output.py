"""Where commands print: the console for people and JSON for machines (``--json``)."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["out_console", "print_json"]


@cache
def out_console() -> Console:
    """The console on standard output, built on first use: importing rich costs time that
    `sinograph --help` need not pay (BENCHMARKS.md, "CLI start-up")."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print a JSON document, non-ASCII kept as it is (Chinese names stay readable)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
