"""Loads in any order give one graph (issue 14, item 3).

The same mixed input — graph JSON, text/Markdown/HTML/JSON Lines stories and an RSS
feed — loaded in every order must export the same graph. It does not yet: a story
loaded before the graph JSON that names the same firm keeps its own entity
(`company:hong-kong-stock-exchange` beside the graph's
`company:hong-kong-exchanges-and-clearing`), because a stored entity is not
re-resolved when a better match arrives. The permutation test is a strict xfail that
records the gap until entity merging with redirects exists; re-loading in the same
order already changes nothing, and that is asserted.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from tests.conftest import SAMPLES

runner = CliRunner()

STORIES = SAMPLES / "stories"
GROUPS: dict[str, list[Path]] = {
    "graph": [SAMPLES / "graph"],
    "stories": sorted(p for p in STORIES.iterdir() if p.suffix != ".rss"),
    "feed": sorted(STORIES.glob("*.rss")),
}


def _load(db: Path, group: str) -> None:
    result = runner.invoke(
        cli, ["--store", str(db), "load", *map(str, GROUPS[group]), "--published", "2025-07-01"]
    )
    assert result.exit_code == 0, result.output


def _export(db: Path, out: Path) -> str:
    result = runner.invoke(cli, ["--store", str(db), "export", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def test_loading_the_same_inputs_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    for group in ("stories", "graph", "feed"):
        _load(db, group)
    once = _export(db, tmp_path / "once.json")
    for group in ("stories", "graph", "feed"):
        _load(db, group)
    assert _export(db, tmp_path / "twice.json") == once


@pytest.mark.xfail(
    strict=True,
    reason="issue 14 item 3 is open: an entity stored before a better match arrives is not "
    "re-resolved (no entity merge with redirects yet)",
)
def test_every_order_of_a_mixed_input_gives_one_export(tmp_path: Path) -> None:
    hashes = {}
    for n, order in enumerate(itertools.permutations(GROUPS)):
        db = tmp_path / f"order-{n}.db"
        for group in order:
            _load(db, group)
        hashes[order] = _export(db, tmp_path / f"order-{n}.json")
    assert len(set(hashes.values())) == 1, hashes
