"""``sinograph bench``: measure how sinograph's cost grows with the graph.

The benchmark code lives in ``bench/`` of the source tree (it is not part of
the installed package); this command runs ``bench/run.py`` with the same
Python, so ``make bench`` and ``sinograph bench`` are the same thing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from sinograph.cli.errors import reported
from sinograph.graph.model.errors import InvalidInput

__all__ = ["register"]

ROOT = Path(__file__).resolve().parents[2]


def bench(
    ctx: typer.Context,
    sizes: Annotated[
        str, typer.Option(help="comma-separated graph sizes in fact records: 10k, 100k, 1m, 2500")
    ] = "10k,100k,1m",
    out: Annotated[
        Path | None, typer.Option(help="also write the markdown table to this file")
    ] = None,
    quick: Annotated[bool, typer.Option(help="fewer queries per figure (a smoke run)")] = False,
    work: Annotated[
        Path | None, typer.Option(help="folder for the stores and raw results [default: temp]")
    ] = None,
    api: Annotated[bool, typer.Option(help="run the API benchmark (bench/bench_api.py)")] = True,
) -> None:
    """Benchmark loading, opening, paths, timelines, search, neighbours, memory and the API
    at each size, against a networkx-only baseline, and print the table."""
    with reported(ctx):
        script = ROOT / "bench" / "run.py"
        if not script.exists():
            raise InvalidInput(
                f"{script} not found: `sinograph bench` runs from a source checkout of sinograph"
                " (the benchmarks and their synthetic-graph generator live in bench/, which is"
                " not installed)"
            )
        # bench/ is importable only from a checkout, which the check above has found
        sys.path.insert(0, str(ROOT))
        from bench.synthetic import parse_size

        try:
            for size in sizes.split(","):
                parse_size(size)
        except ValueError as exc:
            raise InvalidInput(f"--sizes: {exc}") from None
        command = [sys.executable, str(script), "--sizes", sizes]
        if out is not None:
            command += ["--out", str(out)]
        if quick:
            command.append("--quick")
        if work is not None:
            command += ["--work", str(work)]
        if not api:
            command.append("--no-api")
        code = subprocess.call(command, cwd=ROOT)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("bench")(bench)
