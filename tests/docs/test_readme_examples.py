"""Every command the README shows runs as written against the samples (issue 12, item 11).

The README marks the blocks it promises with ``<!-- doc-test: cli -->``; each
``sinograph ...`` line in them is run through the CLI in a folder laid out like
a clone (``samples/``, ``tests/extractor/regression``) plus the stand-ins the
README names (``news/``, ``story.txt``). A block marked
``<!-- doc-test: output of COMMAND -->`` must match what COMMAND prints, line
for line up to its ``...``.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text("utf-8")
_BLOCK = re.compile(r"<!-- doc-test: (.+?) -->\s*\n```[a-z]*\n(.*?)```", re.DOTALL)
# Commands that serve or benchmark run for minutes; their options are checked with --help,
# and tests/api/test_serve_cli.py and tests/bench/test_bench_command.py run them.
_LONG_RUNNING = {"serve", "bench"}


def _blocks(kind: str) -> list[tuple[str, str]]:
    return [(label, body) for label, body in _BLOCK.findall(README) if label.startswith(kind)]


def _commands() -> list[list[str]]:
    commands = []
    for _label, body in _blocks("cli"):
        for line in body.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("sinograph "):
                commands.append(shlex.split(line)[1:])
    return commands


def test_the_readme_marks_its_command_blocks() -> None:
    commands = _commands()
    assert len(commands) >= 15
    assert {c[0] for c in commands} >= {"load", "path", "timeline", "search", "export", "eval"}


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder laid out like the repository, with the README's stand-in files."""
    (tmp_path / "samples").symlink_to(SAMPLES, target_is_directory=True)
    (tmp_path / "tests" / "extractor").mkdir(parents=True)
    (tmp_path / "tests" / "extractor" / "regression").symlink_to(
        ROOT / "tests" / "extractor" / "regression", target_is_directory=True
    )
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(SAMPLES / "stories" / "nexperia-control.md", news / "nexperia.md")
    shutil.copy(SAMPLES / "stories" / "catl-hong-kong-listing.txt", tmp_path / "story.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SINOGRAPH_STORE", raising=False)
    return tmp_path


def test_every_readme_command_runs_as_written(clone: Path) -> None:
    runner = CliRunner()
    for args in _commands():
        if args[0] in _LONG_RUNNING:
            args = [*args, "--help"]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"sinograph {shlex.join(args)}: {result.output}"
    assert (clone / "graph.json").is_file() and (clone / "graph.graphml").is_file()
    assert (clone / "out" / "IMPORT.txt").is_file()


def test_the_readme_outputs_are_what_the_commands_print(clone: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["load", "samples/graph", "samples/stories"]).exit_code == 0
    blocks = _blocks("output of")
    assert len(blocks) >= 2
    for label, body in blocks:
        command = shlex.split(label.removeprefix("output of "))
        result = runner.invoke(app, command[1:])
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        shown = body.rstrip("\n").splitlines()
        ends = [i for i, line in enumerate(shown) if line.strip() == "..."]
        upto = ends[0] if ends else len(shown)
        assert printed[:upto] == shown[:upto], label


def test_the_readme_python_examples_run(
    samples_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each ``<!-- doc-test: python -->`` block runs with ``store``: the samples' store."""
    from sinograph.graph.stores.embedded import EmbeddedStore

    blocks = _blocks("python")
    assert blocks, "the README shows no Python example"
    store = EmbeddedStore(samples_store)
    try:
        for _label, body in blocks:
            exec(compile(body, "README.md", "exec"), {"store": store})  # noqa: S102
    finally:
        store.close()
    printed = capsys.readouterr().out
    assert printed == "['SELLS', 'ACQUIRES'] True\n", printed
