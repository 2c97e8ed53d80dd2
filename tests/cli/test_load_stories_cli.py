"""`sinograph load` and `extract` on stories: every input format, bad input, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import SAMPLES

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def stats(db: Path) -> dict[str, object]:
    return json.loads(run("--store", str(db), "stats", "--json")[1])


def test_every_sample_story_format_loads_and_a_second_load_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, out, err = run("--store", str(db), "load", str(SAMPLES / "stories"))
    assert code == 0, err
    first = stats(db)
    assert first["facts"] and first["stories"] >= 12
    publishers = first["by_publisher"]
    assert isinstance(publishers, dict) and len(publishers) >= 3
    code, out, _ = run("--store", str(db), "load", str(SAMPLES / "stories"))
    assert code == 0
    assert "stories 0 added" in out and "facts 0 added" in out
    assert stats(db) == first


def test_bad_inputs_are_reported_by_file_and_place_and_the_rest_loads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    (folder / "gbk.txt").write_bytes(
        "比亚迪收购\n\nBYD agreed to buy a stake in Leapmotor, the company said on Monday.".encode(
            "gbk"
        )
    )
    good = {
        "title": "CATL lists in Hong Kong",
        "published": "2025-05-20",
        "publisher": "Wire",
        "body": "CATL listed on the Hong Kong Stock Exchange on Tuesday, raising HK$35.7 billion.",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "title": "Bad date", "published": "someday"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "x.db"
    code, out, err = run("--store", str(db), "load", str(folder))
    assert code == 2, err  # some files failed: the rest is loaded, and the exit code says so
    assert "problems in 3 files (see above; the rest was loaded)" in out
    assert "empty.txt" in err and "empty" in err
    assert "binary.txt" in err
    assert "feed.jsonl:line 2" in err
    assert "feed.jsonl:line 3" in err and "someday" in err
    assert "Traceback" not in out + err
    assert stats(db)["stories"] == 2  # the good JSON line and the GBK article


def test_nothing_loadable_exits_2_and_keeps_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "keep.db"
    assert run("--store", str(db), "load", str(SAMPLES / "graph"))[0] == 0
    before = stats(db)
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    code, _, err = run("--store", str(db), "load", str(empty))
    assert code == 2
    assert "empty.txt" in err and "nothing was loaded" in err
    assert stats(db) == before


def test_extract_prints_json_that_loads_back(tmp_path: Path) -> None:
    story = tmp_path / "deal.txt"
    story.write_text(
        "Zijin to buy gold mine\n\nZijin Mining Group agreed on Sunday to buy the Raygorodok "
        "gold mine in Kazakhstan for $1.2 billion from Cantech S.à r.l., a firm controlled by "
        "Verny Capital.\n",
        "utf-8",
    )
    code, out, err = run("extract", str(story), "--published", "2025-06-30", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert {"stories", "entities", "facts", "metrics"} <= set(data)
    acquires = [f for f in data["facts"] if f["predicate"] == "ACQUIRES"]
    assert acquires and acquires[0]["date"] == "2025-06-29"
    assert acquires[0]["amount"] == {"value": 1.2e9, "currency": "USD"}
    assert acquires[0]["evidence"] and acquires[0]["source"] == data["stories"][0]["id"]
    out_file = tmp_path / "extraction.json"
    out_file.write_text(out, "utf-8")
    db = tmp_path / "e.db"
    code, _, err = run("--store", str(db), "load", str(out_file))
    assert code == 0, err
    assert stats(db)["facts"] == len(data["facts"])
    bad = run("extract", str(story), "--published", "someday")
    assert bad[0] == 2


def _fact_keys(facts: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(f["subject"], f["predicate"], f["object"]) for f in facts}


@pytest.mark.parametrize(
    "sample", sorted(p.name for p in (SAMPLES / "stories").iterdir() if p.is_file())
)
def test_load_stores_exactly_the_facts_extract_prints(tmp_path: Path, sample: str) -> None:
    """One extraction everywhere: headline facts included, nothing added or lost."""
    path = SAMPLES / "stories" / sample
    code, out, err = run("extract", str(path), "--format", "json")
    assert code == 0, err
    printed = json.loads(out)
    db = tmp_path / "one.db"
    code, _, err = run("--store", str(db), "load", str(path))
    assert code == 0, err
    dump = tmp_path / "dump.json"
    code, _, err = run("--store", str(db), "export", str(dump), "--format", "json")
    assert code == 0, err
    stored = json.loads(dump.read_text("utf-8"))
    assert printed["facts"], sample
    assert _fact_keys(stored["facts"]) == _fact_keys(printed["facts"])


def test_min_confidence_drops_the_facts_under_it_on_load_and_extract(tmp_path: Path) -> None:
    path = SAMPLES / "stories"
    counts = {}
    for floor in ("0", "0.8"):
        db = tmp_path / f"floor-{floor}.db"
        code, _, err = run("--store", str(db), "load", str(path), "--min-confidence", floor)
        assert code == 0, err
        counts[floor] = stats(db)["facts"]
        code, out, err = run(
            "extract", str(path / "china-business-digest.txt"), "--min-confidence", floor
        )
        assert code == 0, err
        assert all(f["confidence"] >= float(floor) for f in json.loads(out)["facts"])
    assert isinstance(counts["0.8"], int) and isinstance(counts["0"], int)
    assert 0 < counts["0.8"] < counts["0"]
    bad = run("load", str(path), "--min-confidence", "1.5")
    assert bad[0] == 2
