"""CLI answers that say what they mean: errors, exit codes, wording, notes (issue 12, 8-9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from sinograph.graph.model.errors import InvalidInput, NoPath
from tests.conftest import SAMPLES

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    code, _, err = run("--store", str(db), "load", str(SAMPLES / "graph"), str(SAMPLES / "stories"))
    assert code == 0, err
    return db


@pytest.mark.parametrize(
    ("args", "code", "kind"),
    [
        (("path", "Nobody Holdings", "Zijin"), 1, "entity-not-found"),
        (("path", "Huawei", "Mixue Group"), 1, "no-path"),
        (("path", "State", "Zijin"), 2, "ambiguous-entity"),
        (("path", "Baidu", "Baidu"), 2, "invalid-input"),
        (("timeline", "Zijin", "--cursor", "%%%"), 2, "invalid-input"),
        (("neighbors", "Nobody Holdings"), 1, "entity-not-found"),
        (("search", "Zijin", "--type", "Firm"), 2, "invalid-input"),
    ],
)
def test_json_errors_are_json_on_stdout_with_the_same_exit_code(
    loaded: Path, args: tuple[str, ...], code: int, kind: str
) -> None:
    got, out, err = run("--store", str(loaded), *args, "--json")
    assert got == code
    error = json.loads(out)["error"]
    assert error["type"] == kind
    assert error["title"] and error["detail"]
    if kind != "ambiguous-entity":  # that one lists its candidates line by line instead
        assert error["detail"] in err
    assert isinstance(error["candidates"], list) and isinstance(error["suggestions"], list)


def test_an_ambiguous_name_lists_its_candidates_once(loaded: Path) -> None:
    code, out, err = run("--store", str(loaded), "path", "State", "Zijin")
    assert code == 2
    assert err.count("State Council") == 1
    assert err.count("State Administration for Market Regulation") == 1
    data = json.loads(run("--store", str(loaded), "path", "State", "Zijin", "--json")[1])
    assert {c["name"] for c in data["error"]["candidates"]} == {
        "State Council", "State Administration for Market Regulation"
    }


def test_an_unknown_name_suggests_the_nearest(loaded: Path) -> None:
    code, out, err = run("--store", str(loaded), "timeline", "Zhang", "--json")
    assert code == 1
    assert "did you mean 'Daniel Zhang'" in err
    assert [s["name"] for s in json.loads(out)["error"]["suggestions"]] == ["Daniel Zhang"]


def test_the_readme_names_resolve(loaded: Path) -> None:
    code, out, err = run("--store", str(loaded), "path", "Cantech", "Zijin", "--k", "1")
    assert code == 0, err
    path = "Cantech S.à r.l. -SELLS-> RG Gold <-ACQUIRES- Zijin Mining Group"
    assert f"Path 1 (2 hops): {path}" in out
    code, out, err = run("--store", str(loaded), "timeline", "Mellanox")
    assert code == 0, err
    assert "Timeline of Mellanox Technologies" in out


def test_wording_counts_and_roles(loaded: Path, tmp_path: Path) -> None:
    code, out, _ = run("--store", str(loaded), "path", "RG Gold", "Kazakhstan")
    assert code == 0 and "(1 hop)" in out and "1 path from RG Gold to Kazakhstan" in out
    code, out, _ = run("--store", str(loaded), "timeline", "Yi Huiman")
    assert "Yi Huiman -LEADS-> China Securities Regulatory Commission (chairman)" in out
    code, _, err = run("--store", str(loaded), "path", "Zijin", "Baidu", "--max-hops", "9")
    assert code == 2 and "max_hops must be at most 6, got 9" in err
    assert "max_hops: max_hops" not in err
    lonely = tmp_path / "one.json"
    lonely.write_text(json.dumps({"entities": [{"name": "Solo Co", "type": "Company"}]}), "utf-8")
    one = tmp_path / "one.db"
    assert run("--store", str(one), "load", str(lonely))[0] == 0
    code, out, _ = run("--store", str(one), "export", str(tmp_path / "x.json"))
    assert "exported 1 entity, 0 facts, 0 stories" in out


def test_search_names_weak_matches_and_says_no_match(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "search", "Zhang")
    assert code == 0 and "weak match" in out and "Hangzhou" not in out
    code, out, err = run("--store", str(loaded), "search", "Acme Widgets Ltd")
    assert code == 1 and out == "" and "no match for 'Acme Widgets Ltd'" in err
    code, out, _ = run("--store", str(loaded), "search", "2899.HK")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Zijin Mining Group 紫金矿业") and "(ticker)" in first
    assert "Hong Kong" not in out


def test_neighbors_command_resolves_and_lists_facts(loaded: Path) -> None:
    code, out, err = run("--store", str(loaded), "neighbors", "RG Gold")
    assert code == 0, err
    assert out.splitlines()[0].startswith("RG Gold: 3 entities within 1 hop, 3 facts")
    assert "Zijin Mining Group -ACQUIRES-> RG Gold" in out


def test_timeline_pages_through_undated_items(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "timeline", "--limit", "3")
    assert code == 0
    marker = "more undated items: --cursor "
    cursor = next(line for line in out.splitlines() if line.startswith(marker))[len(marker):]
    code, more, _ = run("--store", str(loaded), "timeline", "--limit", "3", "--cursor", cursor)
    assert code == 0 and "Undated items of the whole graph" in more
    page = json.loads(run("--store", str(loaded), "timeline", "--limit", "3", "--cursor",
                          cursor, "--json")[1])
    assert page["items"] == [] and len(page["undated"]) == 3


def test_a_folder_load_with_failures_says_so_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ok.txt").write_text(
        "published: 2025-05-20\n\nCATL opens plant\n\nCATL opened a plant in Hungary.", "utf-8"
    )
    (folder / "broken.jsonl").write_text("{not json\n", "utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    code, out, err = run("--store", str(tmp_path / "n.db"), "load", str(folder))
    assert code == 2
    assert "problem: " in err and "broken.jsonl:line 1" in err
    assert "skipped: " in err and "picture.png" in err
    assert "1 file skipped" in out and "1 problem in 1 file" in out
    assert "1 story loaded" in out


def test_stories_without_a_publication_date_are_noted_per_story(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("CATL lists\n\nCATL listed its shares on Tuesday.", "utf-8")
    (folder / "b.txt").write_text(
        "published: 2024-02-08\n\nNew chair\n\nWu Qing took over at the CSRC on Wednesday.",
        "utf-8",
    )
    code, out, err = run("--store", str(tmp_path / "d.db"), "load", str(folder))
    assert code == 0, err
    assert "note: " + str(folder / "a.txt") + ": no publication date" in err
    assert "b.txt: no publication date" not in err
    assert "1 note" in out
    # One --published for the whole folder: the file that states its own date says so.
    code, out, err = run("--store", str(tmp_path / "e.db"), "load", str(folder),
                         "--published", "2025-07-01")
    assert code == 0, err
    assert "b.txt: the story is dated 2024-02-08" in err and "not 2025-07-01" in err
    assert "a.txt: no publication date" not in err


def test_domain_errors_map_to_the_documented_codes() -> None:
    from sinograph.cli.errors import EXIT_BAD_INPUT, EXIT_NOT_FOUND, exit_code
    from sinograph.graph.model.errors import (
        AmbiguousEntity,
        EntityNotFound,
        FactNotFound,
        StoryNotFound,
    )

    assert exit_code(EntityNotFound("x")) == EXIT_NOT_FOUND == 1
    assert exit_code(FactNotFound("fact:x")) == EXIT_NOT_FOUND
    assert exit_code(StoryNotFound("story:x")) == EXIT_NOT_FOUND
    assert exit_code(NoPath("a", "b", 4)) == EXIT_NOT_FOUND
    assert exit_code(AmbiguousEntity("x", [])) == EXIT_BAD_INPUT == 2
    assert exit_code(InvalidInput("x")) == EXIT_BAD_INPUT
