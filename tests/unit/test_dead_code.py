"""No dead code: vulture finds nothing unused outside the tests.

The tests are scanned too, so a function used only by a test counts as used; names that
only a framework uses are listed in ``tools/vulture_whitelist.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_vulture_finds_no_dead_code() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vulture"],  # paths and options: [tool.vulture]
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    # Tests may keep fixtures and parameters that pytest alone uses.
    found = [line for line in done.stdout.splitlines() if not line.startswith("tests/")]
    assert done.returncode in (0, 3), done.stderr
    assert found == [], "dead code (or a framework name missing from the whitelist):\n" + (
        "\n".join(found)
    )


def test_vulture_would_report_a_dead_function(tmp_path: Path) -> None:
    module = tmp_path / "dead.py"
    module.write_text("def never_called() -> None:\n    pass\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "vulture", str(module)],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert "never_called" in done.stdout
