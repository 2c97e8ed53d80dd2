"""Turning domain errors into exit codes and one-line messages — never a traceback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from graph.errors import (
    ExtractorUnavailable,
    GraphError,
    InvalidInput,
    ModelUnavailable,
    NoPath,
    StoreUnavailable,
)

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_STORE",
    "err_console",
    "reported",
]

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # nothing found: no path, no match
EXIT_BAD_INPUT = 2
EXIT_STORE = 3  # the store or the language model cannot be reached
EXIT_INTERNAL = 4  # a bug in sinograph

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def exit_code(exc: GraphError) -> int:
    if isinstance(exc, StoreUnavailable | ModelUnavailable | ExtractorUnavailable):
        return EXIT_STORE
    if isinstance(exc, NoPath):
        return EXIT_NOT_FOUND
    if isinstance(exc, InvalidInput):
        return EXIT_BAD_INPUT
    # Unknown or ambiguous entity, unknown fact: the question named something wrong.
    return EXIT_BAD_INPUT


@contextmanager
def reported() -> Iterator[None]:
    """Run a command body, printing domain errors as ``error: ...`` with the right exit code."""
    try:
        yield
    except GraphError as exc:
        label = "no path" if isinstance(exc, NoPath) else "error"
        err_console.print(f"[bold red]{label}:[/] {exc.message}", markup=True)
        candidates = exc.details.get("candidates")
        if candidates:
            for c in candidates:
                err_console.print(f"  candidate: {c['name']} ({c['type']}) id={c['id']}")
        raise typer.Exit(exit_code(exc)) from None
    except OSError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", markup=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: say so plainly instead of dumping a traceback
        err_console.print(
            f"[bold red]internal error:[/] {type(exc).__name__}: {exc} "
            "(please report it; set SINOGRAPH_DEBUG=1 for the traceback)",
            markup=True,
        )
        if os.environ.get("SINOGRAPH_DEBUG"):
            raise
        raise typer.Exit(EXIT_INTERNAL) from None
