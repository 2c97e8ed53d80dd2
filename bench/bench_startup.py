"""CLI start-up: how long `sinograph --help` and `sinograph search` against a small store
take as whole processes, against `python -c "import typer"` (the floor for a typer app).

Runs the commands in turn (A, B, C, A, B, C, ...) so drift on a shared machine
touches all alike, and prints each one's median wall time and its ratio to the
typer import. A figure, not a test: nothing is asserted.

    .venv/bin/python bench/bench_startup.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from sinograph.cli.main import app; app()"]


def _small_store(folder: Path) -> Path:
    """The sample graph files loaded into a fresh store."""
    db = folder / "small.db"
    subprocess.run(
        [*CLI, "--store", str(db), "load", str(ROOT / "samples" / "graph")],
        check=True, capture_output=True, cwd=ROOT,
    )
    return db


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted runs of each command")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sinograph-startup-") as folder:
        db = _small_store(Path(folder))
        commands = {
            'python -c "import typer"': [sys.executable, "-c", "import typer"],
            "sinograph --help": [*CLI, "--help"],
            "sinograph search Huawei (small store)": [*CLI, "--store", str(db), "search",
                                                      "Huawei"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            _wall(command)  # warm the file cache
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_wall(command))
    floor = statistics.median(times['python -c "import typer"'])
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, {args.runs} runs each")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<40}  {median * 1000:,.0f} ms median ({median / floor:.2f}x import typer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
