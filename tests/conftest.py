"""Shared fixtures: the sample graph, and each test in a folder of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sinograph.graph.model.domain import GraphDelta
from tests.packaging import missing_from_install

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_graph_files() -> list[Path]:
    return sorted((SAMPLES / "graph").glob("*.json"))


def sample_deltas() -> list[GraphDelta]:
    return [GraphDelta.model_validate_json(p.read_text("utf-8")) for p in sample_graph_files()]


def pytest_sessionstart(session: pytest.Session) -> None:
    # `make install-dev` installs in setuptools' strict editable mode, linking each file of
    # the package folders once; a file added since is not importable (or, for a rule file,
    # silently not read) until the next install. Say so before any test runs.
    missing = missing_from_install()
    if missing:
        pytest.exit(
            f"{len(missing)} file(s) of the checkout are not in the installed sinograph "
            f"({', '.join(missing[:5])}): run `make install-dev`", returncode=4,
        )


@pytest.fixture(autouse=True)
def _own_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Settings are built afresh wherever they are needed (nothing caches them); running
    # in an empty folder keeps the developer's .env and ./sinograph.db out of every test.
    monkeypatch.chdir(tmp_path)


# ``make test`` runs pytest with a Neo4j server where Java and Maven are installed, and
# sets SINOGRAPH_TEST_NEO4J_REQUIRED=1: there a skipped Neo4j test fails the run.
_neo4j_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "neo4j" in report.keywords:
        _neo4j_skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _neo4j_skipped and os.environ.get("SINOGRAPH_TEST_NEO4J_REQUIRED") == "1":
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _neo4j_skipped and os.environ.get("SINOGRAPH_TEST_NEO4J_REQUIRED") == "1":
        terminalreporter.write_line(
            f"FAILED: {len(_neo4j_skipped)} Neo4j test(s) skipped although a Neo4j server "
            "is required here (SINOGRAPH_TEST_NEO4J_REQUIRED=1): "
            + ", ".join(_neo4j_skipped[:5]),
            red=True,
        )
