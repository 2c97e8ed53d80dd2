"""The graph commands through typer's runner, on the bundled sample graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from tests.conftest import SAMPLES

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    code, out, err = run("--store", str(db), "load", str(SAMPLES / "graph"))
    assert code == 0, err
    return db


def test_loading_twice_leaves_every_count_unchanged(loaded: Path) -> None:
    _, before, _ = run("--store", str(loaded), "stats", "--json")
    code, out, _ = run("--store", str(loaded), "load", str(SAMPLES / "graph"))
    assert code == 0
    assert "0 added" in out and "facts 0 added" in out
    _, after, _ = run("--store", str(loaded), "stats", "--json")
    assert json.loads(before) == json.loads(after)
    assert json.loads(after)["facts"] >= 30


def test_path_prints_the_three_hop_sample_path_with_evidence(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "path", "Verny Capital", "Zijin", "--k", "1")
    assert code == 0
    assert (
        "Verny Capital -CONTROLS-> Cantech S.à r.l. -SELLS-> RG Gold "
        "<-ACQUIRES- Zijin Mining Group" in out
    )
    assert out.count("— Sinograph Samples") == 3
    assert "2025-06-29" in out


def test_path_json_is_machine_readable(loaded: Path) -> None:
    code, out, _ = run(
        "--store", str(loaded), "path", "Verny Capital", "Zijin Mining Group", "--json",
        "--max-hops", "3",
    )
    data = json.loads(out)
    assert code == 0
    hops = data["paths"][0]["hops"]
    assert [h["direction"] for h in hops] == ["forward", "forward", "backward"]
    assert all(h["fact"]["sources"][0]["sentence"] for h in hops)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("path", "Huawei", "Mixue Group"), 1, "no path"),
        (("path", "Nobody Holdings", "Zijin"), 1, "no entity matches"),
        (("path", "Zijin", "Zijin Mining Group"), 2, "same entity"),
        (("timeline", "Qqqqzzzz"), 1, "no entity matches"),
        (("path", "Zijin", "Baidu", "--since", "2025-13"), 2, "month must be"),
        (("path", "Zijin", "Baidu", "--predicates", "BUYS"), 2, "unknown predicate"),
        (("path", "Zijin", "Baidu", "--max-hops", "9"), 2, "max_hops"),
        (("timeline", "Zijin", "--cursor", "%%%"), 2, "bad cursor"),
        (("search", "Zijin", "--type", "Firm"), 2, "unknown entity type"),
    ],
)
def test_exit_codes_and_messages(
    loaded: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    got, out, err = run("--store", str(loaded), *args)
    assert got == code
    assert message in err
    assert "Traceback" not in out + err


def test_an_unopenable_store_exits_3(tmp_path: Path) -> None:
    code, _, err = run("--store", str(tmp_path / "missing" / "x.db"), "stats")
    assert code == 3
    assert "does not exist" in err
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    code, _, err = run("--store", str(garbage), "stats")
    assert code == 3
    assert "not a database" in err


def test_timeline_lists_facts_in_date_order_with_precision(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "timeline", "Alibaba")
    assert code == 0
    lines = [ln for ln in out.splitlines() if ln[:4].isdigit()]
    dates = [ln.split()[0] for ln in lines]
    assert dates == ["2020", "2020-12", "2021-04-10", "2025-01-01"]
    data = json.loads(run("--store", str(loaded), "timeline", "Alibaba", "--json")[1])
    assert [i["date_precision"] for i in data["items"]][:2] == ["year", "month"]


def test_search_and_stats(loaded: Path) -> None:
    code, out, _ = run("--store", str(loaded), "search", "cantech")
    assert code == 0 and "Cantech S.à r.l." in out and "exact" in out
    assert run("--store", str(loaded), "search", "qqqqzzzz")[0] == 1
    code, out, _ = run("--store", str(loaded), "stats")
    assert code == 0 and "predicate: ACQUIRES" in out


def test_export_json_reloads_into_the_same_graph_and_graphml_parses(
    loaded: Path, tmp_path: Path
) -> None:
    out_json = tmp_path / "graph.json"
    assert run("--store", str(loaded), "export", str(out_json))[0] == 0
    copy = tmp_path / "copy.db"
    assert run("--store", str(copy), "load", str(out_json))[0] == 0
    assert run("--store", str(copy), "export", str(tmp_path / "again.json"))[0] == 0
    assert out_json.read_text("utf-8") == (tmp_path / "again.json").read_text("utf-8")
    graphml = tmp_path / "graph.graphml"
    assert run("--store", str(loaded), "export", str(graphml), "--format", "graphml")[0] == 0
    g = nx.read_graphml(graphml)
    stats = json.loads(run("--store", str(loaded), "stats", "--json")[1])
    assert g.number_of_edges() == stats["facts"]
    assert g.number_of_nodes() == stats["entities"]


def test_loading_a_malformed_graph_file_says_where_and_loads_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"facts": [ {"subject": 1,, }', encoding="utf-8")
    code, _, err = run("--store", str(tmp_path / "x.db"), "load", str(bad))
    assert code == 2
    assert "bad.json:1:" in err and "malformed JSON" in err
    missing = run("--store", str(tmp_path / "x.db"), "load", str(tmp_path / "nope.txt"))
    assert missing[0] == 2 and "no such file" in missing[2]
