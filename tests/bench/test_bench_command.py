"""``sinograph bench`` at a tiny size: every figure of the table is there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sinograph.cli.main import app


def test_bench_prints_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "table.md"
    done = subprocess.run(
        [sys.executable, "-c", "from sinograph.cli.main import app; app()",
         "bench", "--sizes", "1500",
         "--quick", "--no-api", "--out", str(out), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    table = out.read_text("utf-8")
    assert table in done.stdout
    for row in ("load, cold", "load into the existing graph", "open a stored graph",
                "path k=1, no filter", "path k=5, time window", "timeline, hub entity",
                "search, fuzzy", "neighbours depth 2, hub", "peak RSS, loading",
                "bench_extract.py", "raw `executemany` of the same rows", "store at",
                "CLI start-up", "sinograph --help", "x import typer",
                "stories/s, 1 worker", "stories/s, 2 workers"):
        assert row in table, row
    identical = next(line for line in table.splitlines() if "identical to the baseline" in line)
    same, total = (int(x) for x in identical.split("|")[2].split(" of "))
    assert total > 0 and same == total
    for job in ("networkx", "embedded-load", "embedded-serve"):
        assert (tmp_path / "work" / f"{job}-1500.json").exists()


def test_bad_sizes_are_a_clear_error() -> None:
    result = CliRunner().invoke(app, ["bench", "--sizes", "lots"])
    assert result.exit_code == 2
    assert "--sizes" in result.output
