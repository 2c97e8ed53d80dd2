"""A bug inside a command: exit code 4 and one plain line, or the traceback when the
run's settings ask for it (``SINOGRAPH_DEBUG``, read once with the other settings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from sinograph.graph.stores.embedded.store import EmbeddedStore

runner = CliRunner()


class _Bug(RuntimeError):
    pass


@pytest.fixture
def broken_stats(monkeypatch: pytest.MonkeyPatch) -> None:
    # a deliberate bug in a real store method, to see how the CLI reports one
    def stats(self: EmbeddedStore) -> None:
        raise _Bug("a deliberate bug")

    monkeypatch.setattr(EmbeddedStore, "stats", stats)


@pytest.mark.usefixtures("broken_stats")
def test_an_internal_error_is_one_line_and_exit_code_4(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "stats"], env={})
    assert result.exit_code == 4
    assert "internal error: _Bug: a deliberate bug" in result.stderr
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, _Bug)


@pytest.mark.usefixtures("broken_stats")
def test_debug_setting_lets_the_traceback_through(tmp_path: Path) -> None:
    env = {"SINOGRAPH_DEBUG": "1"}
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "stats"], env=env)
    assert isinstance(result.exception, _Bug)


def test_a_bad_debug_value_is_a_settings_error(tmp_path: Path) -> None:
    env = {"SINOGRAPH_DEBUG": "perhaps"}
    result = runner.invoke(app, ["--store", str(tmp_path / "s.db"), "stats"], env=env)
    assert result.exit_code == 2
    assert "SINOGRAPH_DEBUG" in result.stderr
