"""A store holding the samples exactly as ``make run`` loads them (graph JSON and stories)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The path of an embedded store loaded with `sinograph load samples/graph samples/stories`."""
    path = tmp_path_factory.mktemp("samples") / "sinograph.db"
    result = CliRunner().invoke(
        app, ["--store", str(path), "load", str(SAMPLES / "graph"), str(SAMPLES / "stories")]
    )
    assert result.exit_code == 0, result.output
    yield path
