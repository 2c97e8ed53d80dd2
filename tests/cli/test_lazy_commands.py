"""The commands ``cli.main`` loads on first use: listed by ``sinograph --help`` without
their modules, run and helped like any other command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

from sinograph.cli.main import LAZY_COMMANDS, app

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pydantic", "rich", "numpy", "sinograph.graph.model.queries",
         "sinograph.cli.commands.queries", "sinograph.cli.commands.diligence")


def test_help_imports_none_of_the_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from sinograph.cli.main import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    for name in LAZY_COMMANDS:
        assert f"  {name} " in done.stdout


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_the_listed_summary_is_the_commands_own(name: str) -> None:
    group = get_command(app)
    assert isinstance(group, TyperGroup)
    command = group.get_command(typer.Context(group), name)
    assert command is not None and command.help is not None
    first = " ".join(command.help.split("\n\n")[0].split())
    assert first.startswith(LAZY_COMMANDS[name][1]), (name, first)


def test_a_lazy_command_shows_its_options() -> None:
    result = CliRunner().invoke(app, ["path", "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--max-hops", "--exclude-types", "--max-degree", "--as-of", "-p"):
        assert option in result.output
