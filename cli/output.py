"""Where commands print: the console for people and JSON for machines (``--json``)."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

__all__ = ["console", "print_json"]

console = Console(highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print a JSON document, non-ASCII kept as it is (Chinese names stay readable)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
