from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sinograph.cli.main import app
from sinograph.graph.model.domain import GraphDelta

runner = CliRunner()
STORY = (
    "Norvik Group to buy Tallis Holdings\n\n"
    "Norvik Group said on Monday it had agreed to acquire Tallis Holdings from Brenn "
    "Capital for $2 billion.\n"
)


def test_extract_json_reloads_as_a_delta(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-01-15"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"stories", "entities", "facts", "metrics"} <= set(report)
    acquires = [f for f in report["facts"] if f["predicate"] == "ACQUIRES"]
    assert acquires and acquires[0]["date"] == "2025-01-13"
    assert acquires[0]["amount"] == {"value": 2e9, "currency": "USD"}
    assert isinstance(acquires[0]["evidence"], str) and acquires[0]["source"]
    delta = GraphDelta.model_validate(report)
    assert len(delta.facts) == len(report["facts"])


def test_extract_text_format(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "text"])
    assert result.exit_code == 0
    assert "Norvik Group -ACQUIRES-> Tallis Holdings" in result.stdout


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_eval_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    gold = {
        "published": "2025-01-15",
        "entities": [
            {"name": "Norvik Group", "type": "Company", "aliases": []},
            {"name": "Tallis Holdings", "type": "Company", "aliases": []},
        ],
        "facts": [
            {
                "subject": "Norvik Group",
                "predicate": "ACQUIRES",
                "object": "Tallis Holdings",
                "date": "2025-01-13",
                "core": True,
            }
        ],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["fact_recall"] == 1.0 and summary["core_recall"] == 1.0


def test_eval_bad_gold_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "a.gold.json" in result.output
