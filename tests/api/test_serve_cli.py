"""``sinograph serve``: defaults from settings, the writes notice, exit 3 on a bad store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What uvicorn was asked to run, instead of running it."""
    calls: list[dict[str, Any]] = []

    def fake_run(target: str, **kwargs: Any) -> None:
        calls.append({"target": target, **kwargs})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_uses_settings_and_says_writes_are_open(
    tmp_path: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "g.db"))
    monkeypatch.setenv("SINOGRAPH_API_PORT", "8123")
    monkeypatch.delenv("SINOGRAPH_API_KEY", raising=False)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert "writes are OPEN" in result.output
    assert started == [
        {
            "target": "api.app:create_app",
            "factory": True,
            "host": "127.0.0.1",
            "port": 8123,
            "reload": False,
            "log_level": "info",
        }
    ]


def test_serve_flags_win_and_a_key_protects_writes(
    tmp_path: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "g.db"))
    monkeypatch.setenv("SINOGRAPH_API_KEY", "s3cret")
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert "writes are protected" in result.output
    assert "s3cret" not in result.output
    assert (started[0]["host"], started[0]["port"]) == ("0.0.0.0", 9001)


def test_serve_exits_3_when_the_store_cannot_be_opened(
    tmp_path: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Through the global --store flag; monkeypatch restores the variable it sets.
    monkeypatch.setenv("SINOGRAPH_STORE", "unused.db")
    result = runner.invoke(app, ["--store", str(tmp_path / "no" / "such" / "g.db"), "serve"])
    assert result.exit_code == 3
    assert "does not exist" in result.output
    assert started == []
