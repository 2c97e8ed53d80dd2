"""CLI: ``stories``, ``story``, ``dossier`` and ``screen`` on the sample graph and digest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import SAMPLES

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "cli.db"
    code, _, err = run(
        "--store", str(db), "load", str(SAMPLES / "graph"),
        str(SAMPLES / "stories" / "china-business-digest.txt"),
    )
    assert code == 0, err
    return db


@pytest.fixture
def loaded(loaded_once: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    shutil.copyfile(loaded_once, db)
    return db


def test_stories_and_story(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "stories", "--entity", "Zijin", "--json")
    assert code == 0
    page = json.loads(out)
    assert page["items"] and page["items"][0]["fact_count"] >= 1
    story_id = page["items"][0]["id"]
    code, out, _ = run("--store", str(loaded), "stories", "--limit", "2")
    assert code == 0 and "more stories: --cursor " in out and out.count("id=story:") == 2
    code, out, _ = run("--store", str(loaded), "story", story_id)
    assert code == 0 and "Zijin Mining Group -ACQUIRES-> RG Gold" in out
    code, _, err = run("--store", str(loaded), "stories", "--publisher", "No Such Wire")
    assert code == 1 and "no story matches" in err
    code, _, _ = run("--store", str(loaded), "story", "story:00000000000000000000")
    assert code == 1


def test_dossier_of_zijin_in_every_format(loaded: Path, tmp_path: Path) -> None:
    code, out, _ = run("--store", str(loaded), "dossier", "Zijin Mining Group")
    assert code == 0
    assert out.startswith("# Dossier: Zijin Mining Group")
    assert "Zijin Mining Group ACQUIRES RG Gold" in out
    assert "other party: Cantech S.à r.l. SELLS RG Gold" in out
    assert "party's owner: Verny Capital CONTROLS Cantech S.à r.l." in out
    assert "## Sources" in out and "1. Zijin agrees to buy Kazakh gold mine" in out
    page = tmp_path / "zijin.html"
    code, _, err = run("--store", str(loaded), "dossier", "Zijin", "--format", "html",
                       "--out", str(page))
    assert code == 0 and f"wrote {page}" in err
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Cantech" in text and "<script" not in text
    code, out, _ = run("--store", str(loaded), "dossier", "2899.HK", "--format", "json",
                       "--as-of", "2025-07")
    assert code == 0 and json.loads(out)["as_of"] == "2025-07"
    code, _, _ = run("--store", str(loaded), "dossier", "Zijin", "--format", "pdf")
    assert code == 2
    code, _, _ = run("--store", str(loaded), "dossier", "Nobody Whatsoever Holdings")
    assert code == 1


def test_screen_a_csv(loaded: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "name,country,identifier\n"
        "Zijin Mining Group,China,\n"
        "Micorn Technology,,\n"
        "Acme Unknown Widgets,,\n"
        "Harbour Peak Capital,,\n"
        "NW Holdco,,2899.HK\n",
        encoding="utf-8",
    )
    code, out, _ = run("--store", str(loaded), "screen", str(names), "--as-of", "2025-12")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("Zijin Mining Group: Zijin Mining Group (exact, 100); no flag")
    assert any(line.startswith("Micorn Technology: Micron Technology (fuzzy") for line in lines)
    assert "  BANNED: Cyberspace Administration of China BANS Micron Technology" in out
    assert "note: matched by a fuzzy name" in out
    assert "Acme Unknown Widgets: no match" in out
    assert "NW Holdco: Zijin Mining Group (identifier" in out
    code, out, _ = run("--store", str(loaded), "screen", str(names), "--json")
    assert [r["status"] for r in json.loads(out)] == [
        "matched", "matched", "no_match", "no_match", "matched"
    ]
    plain = tmp_path / "plain.csv"
    plain.write_text("Zijin\nHuawei\n", encoding="utf-8")
    code, out, _ = run("--store", str(loaded), "screen", str(plain))
    assert code == 0 and "Huawei: Huawei (exact, 100); 1 flag(s)" in out
    empty = tmp_path / "empty.csv"
    empty.write_text("name\n\n", encoding="utf-8")
    code, _, err = run("--store", str(loaded), "screen", str(empty))
    assert code == 2 and "holds no names" in err
    code, _, err = run("--store", str(loaded), "screen", str(tmp_path / "missing.csv"))
    assert code == 2 and "no such file" in err


def test_path_and_neighbors_take_the_traversal_filters(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "path", "Verny Capital", "Zijin",
                       "--exclude-types", "Country", "--max-degree", "3", "--min-confidence",
                       "0.5", "--exclude-predicates", "LOCATED_IN")
    assert code == 0 and "Verny Capital -CONTROLS-> Cantech S.à r.l." in out
    code, _, err = run("--store", str(loaded), "path", "Verny Capital", "Zijin",
                       "--max-degree", "1")
    assert code == 1 and "no path" in err
    code, out, _ = run("--store", str(loaded), "neighbors", "Zijin", "--max-degree", "1",
                       "--json")
    ids = {e["id"] for e in json.loads(out)["entities"]}
    assert code == 0 and "company:zijin-mining-group" in ids and "asset:rg-gold" not in ids
