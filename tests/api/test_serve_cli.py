"""``sinograph serve``: defaults from settings, the writes notice, exit 3 on a bad store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from sinograph.cli.main import app

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
    # One process runs the app built from this run's settings, not a factory.
    (call,) = started
    assert isinstance(call.pop("target"), FastAPI)
    assert call == {"host": "127.0.0.1", "port": 8123, "log_level": "info"}


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


def test_serve_workers_flag_and_setting(
    tmp_path: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "g.db"))
    monkeypatch.setenv("SINOGRAPH_API_WORKERS", "3")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert started[-1]["workers"] == 3
    assert "with 3 worker processes" in result.output
    result = runner.invoke(app, ["serve", "--workers", "2"])
    assert started[-1]["workers"] == 2
    # --reload runs one process (uvicorn cannot reload several).
    runner.invoke(app, ["serve", "--workers", "2", "--reload"])
    assert started[-1]["workers"] == 1
    assert runner.invoke(app, ["serve", "--workers", "0"]).exit_code == 2


def test_workers_get_a_store_flag_through_their_environment(
    tmp_path: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes build their settings from the environment: a --store flag reaches
    them in the environment of the uvicorn process started in place of this one; this
    process's own environment is not changed."""
    execs: list[tuple[str, list[str], dict[str, str]]] = []

    def fake_execve(path: str, argv: list[str], env: dict[str, str]) -> None:
        execs.append((path, argv, env))
        raise SystemExit(0)

    monkeypatch.setattr(os, "execve", fake_execve)
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "env.db"))
    flag = str(tmp_path / "flag.db")
    runner.invoke(app, ["--store", flag, "serve", "--workers", "2", "--port", "8124"])
    ((_, argv, env),) = execs
    assert env["SINOGRAPH_STORE"] == flag
    assert os.environ["SINOGRAPH_STORE"] == str(tmp_path / "env.db")
    assert argv[argv.index("--workers") + 1] == "2" and "--factory" in argv
    assert argv[argv.index("--port") + 1] == "8124"
    assert started == []


@pytest.mark.slow
def test_serve_with_two_workers_answers_from_both(tmp_path: Path) -> None:
    """A real server with two processes starts both and answers every request."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "g.db"
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "-c", "from sinograph.cli.main import app; app()",
         "--store", str(db), "load",
         str(root / "samples" / "graph")],
        check=True, capture_output=True,
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "SINOGRAPH_STORE": str(db), "SINOGRAPH_LOG_LEVEL": "info"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from sinograph.cli.main import app; app()",
         "serve", "--port", str(port),
         "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        answers = [httpx.get(f"{base}/stats", timeout=30) for _ in range(40)]
        assert all(a.status_code == 200 for a in answers)
        assert {a.json()["facts"] for a in answers} == {56}
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode(errors="replace")
    assert "with 2 worker processes" in output
    # uvicorn logs each worker process it starts.
    assert output.count("Started server process") == 2
