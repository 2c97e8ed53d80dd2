"""The curation commands: changes need --reason, errors have the usual exit codes, the log
names the user, and a rejected fact stays rejected when the samples are loaded again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import SAMPLES

runner = CliRunner()
ZIJIN = "company:zijin-mining-group"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--store", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    code, out, err = run(path, "load", str(SAMPLES / "graph"))
    assert code == 0, out + err
    return path


def _fact_key(db: Path) -> str:
    code, out, _ = run(db, "timeline", ZIJIN, "--json")
    assert code == 0
    return str(json.loads(out)["items"][0]["fact"]["key"])


def test_reject_restore_and_the_log(db: Path) -> None:
    key = _fact_key(db)
    code, _, err = run(db, "reject-fact", key)
    assert code == 2 and "--reason" in err  # the reason is required
    code, _, err = run(db, "reject-fact", key, "--reason", " ")
    assert code == 2 and "reason is required" in err
    code, out, _ = run(db, "reject-fact", key, "--reason", "misread", "--by", "ana", "--json")
    assert code == 0 and json.loads(out)["actor"] == "cli:ana"
    run(db, "load", str(SAMPLES / "graph"))  # loading again leaves it rejected
    code, out, _ = run(db, "rejected", "--json")
    assert code == 0 and [f["key"] for f in json.loads(out)] == [key]
    code, _, err = run(db, "reject-fact", key, "--reason", "again")
    assert code == 2 and "rejected already" in err
    assert run(db, "restore-fact", key, "--reason", "checked")[0] == 0
    code, _, err = run(db, "rejected")
    assert code == 1
    code, out, _ = run(db, "curation-log", "--fact", key)
    assert code == 0 and "cli:ana" in out and "why: misread" in out
    assert run(db, "reject-fact", "fact:00000000000000000000", "--reason", "x")[0] == 1


def test_merge_split_and_edit(db: Path) -> None:
    code, _, err = run(db, "merge", ZIJIN, ZIJIN, "--reason", "dup")
    assert code == 2 and "itself" in err
    assert run(db, "merge", "company:no-such", ZIJIN, "--reason", "dup")[0] == 1
    code, out, _ = run(db, "search", ZIJIN, "--json")
    aliases = json.loads(out)[0]["entity"]["aliases"]
    name = json.loads(out)[0]["entity"]["name"]
    alias = next(a for a in aliases if a != name)
    code, out, err = run(db, "split", ZIJIN, alias, "--name", "Zijin Split Test",
                         "--reason", "two firms", "--json")
    assert code == 0, err
    new = json.loads(out)["target"]
    code, out, err = run(db, "merge", new, ZIJIN, "--reason", "one firm after all")
    assert code == 0, err
    code, out, _ = run(db, "timeline", new, "--json")
    assert code == 0 and json.loads(out)["redirected_from"] == new
    code, out, err = run(db, "edit", ZIJIN, "--name-zh", "紫金矿业", "--identifier",
                         "stock=601899.SS", "--reason", "filing")
    assert code == 0, err
    code, out, _ = run(db, "search", "601899.SS", "--json")
    assert json.loads(out)[0]["entity"]["id"] == ZIJIN
    assert run(db, "edit", ZIJIN, "--reason", "nothing")[0] == 2
    assert run(db, "edit", ZIJIN, "--identifier", "lei=bad", "--reason", "x")[0] == 2
    code, out, _ = run(db, "curation-log", "--entity", ZIJIN, "--json")
    actions = [r["action"] for r in json.loads(out)["items"]]
    assert actions == ["split_entity", "merge_entities", "edit_entity"]
