"""Turning domain errors into exit codes and one-line messages — never a traceback.

Every command runs its body inside :func:`reported`, so every command answers
with the same exit codes (the table in the README):

====  =====================================================================
code  meaning
====  =====================================================================
0     found / done
1     nothing found: no path, no entity or fact by that name, no match
2     bad input: a bad parameter, an ambiguous name, an unreadable file
      (a load that could not read some files exits 2 after loading the rest)
3     the store, the language model or the extractor is unavailable
4     an internal error (a bug; ``SINOGRAPH_DEBUG=1`` shows the traceback)
====  =====================================================================

With ``--json`` an error is also printed on stdout as
``{"error": {"type", "title", "detail", "candidates", "suggestions"}}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

import typer

from sinograph.graph.model.errors import (
    AmbiguousEntity,
    CurationConflict,
    EntityNotFound,
    ExtractorUnavailable,
    FactNotFound,
    GraphError,
    InvalidInput,
    ModelUnavailable,
    NoPath,
    StoreCorrupt,
    StoreReadOnly,
    StoreUnavailable,
    StoryNotFound,
)

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERNAL",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_STORE",
    "err_console",
    "error_document",
    "exit_code",
    "reported",
]

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # nothing found: no path, no entity, no fact, no story, no match
EXIT_BAD_INPUT = 2
EXIT_STORE = 3  # the store or the language model cannot be reached
EXIT_INTERNAL = 4  # a bug in sinograph

@cache
def err_console() -> Console:
    """The console on standard error, built on first use: importing rich costs a twentieth
    of a second that `sinograph --help` and a quiet command need not pay."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)

# The same names as the HTTP API's problem types (/problems/{type}).
_TYPES: list[tuple[type[GraphError], str]] = [
    (StoreReadOnly, "store-read-only"),
    (StoreCorrupt, "store-corrupt"),
    (StoreUnavailable, "store-unavailable"),
    (ModelUnavailable, "model-unavailable"),
    (ExtractorUnavailable, "extractor-unavailable"),
    (NoPath, "no-path"),
    (EntityNotFound, "entity-not-found"),
    (FactNotFound, "fact-not-found"),
    (StoryNotFound, "story-not-found"),
    (AmbiguousEntity, "ambiguous-entity"),
    (CurationConflict, "curation-conflict"),
    (InvalidInput, "invalid-input"),
]


def exit_code(exc: GraphError) -> int:
    """The exit code of a domain error (see the module doc)."""
    if isinstance(exc, StoreUnavailable | ModelUnavailable | ExtractorUnavailable):
        return EXIT_STORE
    if isinstance(exc, NoPath | EntityNotFound | FactNotFound | StoryNotFound):
        return EXIT_NOT_FOUND
    return EXIT_BAD_INPUT  # a bad parameter or file, or a name that fits several entities


def _type_of(exc: GraphError) -> str:
    return next((name for kind, name in _TYPES if isinstance(exc, kind)), "graph-error")


def error_document(exc: GraphError) -> dict[str, Any]:
    """The ``--json`` form of an error."""
    return {
        "error": {
            "type": _type_of(exc),
            "title": exc.title,
            "detail": exc.message,
            "candidates": list(exc.details.get("candidates") or []),
            "suggestions": list(exc.details.get("suggestions") or []),
        }
    }


def _say(exc: GraphError) -> None:
    label = "no path" if isinstance(exc, NoPath) else "error"
    if isinstance(exc, AmbiguousEntity):
        # The candidates follow one per line, so the message does not list them again.
        count = len(exc.candidates)
        err_console().print(f"[bold red]{label}:[/] {exc.ref!r} fits {count} entities:",
                          markup=True)
        for c in exc.candidates:
            err_console().print(f"  {c['name']} ({c['type']}) id={c['id']}", markup=False)
        return
    err_console().print(f"[bold red]{label}:[/] {exc.message}", markup=True)


@contextmanager
def reported(ctx: typer.Context | None, *, as_json: bool = False) -> Iterator[None]:
    """Run a command body, printing domain errors as ``error: ...`` with the right exit code
    (and, with ``as_json``, as a JSON document on stdout too); ``ctx`` carries the run's
    settings, whose ``debug`` lets an internal error's traceback through."""
    try:
        yield
    except GraphError as exc:
        _say(exc)
        if as_json:
            typer.echo(json.dumps(error_document(exc), ensure_ascii=False))
        raise typer.Exit(exit_code(exc)) from None
    except OSError as exc:
        err_console().print(f"[bold red]error:[/] {exc}", markup=True)
        if as_json:
            document = error_document(InvalidInput(str(exc)))
            typer.echo(json.dumps(document, ensure_ascii=False))
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: say so plainly instead of dumping a traceback
        err_console().print(
            f"[bold red]internal error:[/] {type(exc).__name__}: {exc} "
            "(please report it; set SINOGRAPH_DEBUG=1 for the traceback)",
            markup=True,
        )
        if as_json:
            typer.echo(json.dumps({"error": {
                "type": "internal-error", "title": "Internal error",
                "detail": f"{type(exc).__name__}: {exc}", "candidates": [], "suggestions": [],
            }}))
        if _debugging(ctx):
            raise
        raise typer.Exit(EXIT_INTERNAL) from None


def _debugging(ctx: typer.Context | None) -> bool:
    """Whether the run's settings (built once by the CLI callback and kept on the root
    context) ask for tracebacks (``SINOGRAPH_DEBUG``)."""
    settings = ctx.find_root().obj if ctx is not None else None
    return bool(getattr(settings, "debug", False))
