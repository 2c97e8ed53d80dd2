"""A load killed with SIGKILL at random points never corrupts the embedded store.

The test runs ``sinograph load`` as a real subprocess over many small graph files
(each file is one transaction), kills it at random moments, checks the store is
openable and consistent after every kill, and finally completes the load and
compares the result with an uninterrupted load.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sinograph.graph.stores.embedded import EmbeddedStore
from tests.contract.builders import DeltaBuilder

FILES = 60
FACTS_PER_FILE = 200
KILLS = 15


def _write_inputs(folder: Path) -> dict[str, set[str]]:
    """Graph files sharing entities; returns each story id's fact keys."""
    folder.mkdir()
    rng = random.Random(7)
    companies = [f"Company {i} Holdings" for i in range(300)]
    expected: dict[str, set[str]] = {}
    for n in range(FILES):
        b = DeltaBuilder()
        story = b.story(f"Story {n}", publisher=f"Outlet {n % 5}", published="2025-01-01")
        for _ in range(FACTS_PER_FILE):
            a, t = rng.sample(companies, 2)
            b.fact(
                b.company(a),
                rng.choice(["OWNS", "SUPPLIES", "PARTNERS_WITH"]),
                b.company(t),
                story,
                f"{a} and {t} in story {n}.",
            )
        delta = b.delta()
        expected[story.id] = {f.key for f in delta.facts}
        (folder / f"part-{n:03d}.json").write_text(delta.model_dump_json(), encoding="utf-8")
    return expected


def _load_command(db: Path, folder: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from sinograph.cli.main import app; app()",
        "--store",
        str(db),
        "load",
        str(folder),
    ]


def _check_consistent(db: Path, expected: dict[str, set[str]]) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        dangling = conn.execute(
            "SELECT COUNT(*) FROM facts f WHERE NOT EXISTS"
            " (SELECT 1 FROM entities e WHERE e.id = f.subject)"
            " OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = f.object)"
        ).fetchone()[0]
        assert dangling == 0, "a fact without its entities"
        unsourced = conn.execute(
            "SELECT COUNT(*) FROM facts f WHERE NOT EXISTS"
            " (SELECT 1 FROM evidence v WHERE v.fact_key = f.key)"
        ).fetchone()[0]
        assert unsourced == 0, "a fact without its evidence"
        by_story: dict[str, set[str]] = {}
        for story_id, key in conn.execute("SELECT story_id, fact_key FROM evidence"):
            by_story.setdefault(story_id, set()).add(key)
        stories = {r[0] for r in conn.execute("SELECT id FROM stories")}
    finally:
        conn.close()
    for story_id in stories:
        assert by_story.get(story_id, set()) == expected[story_id], "a half-written story"
    # The store opens and answers through its public interface too.
    store = EmbeddedStore(db)
    store.ensure_schema()
    facts = store.stats().facts
    store.close()
    return facts


@pytest.mark.slow
def test_sigkill_during_load_never_corrupts_and_reload_completes(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    expected = _write_inputs(inputs)
    reference = tmp_path / "reference.db"
    begin = time.monotonic()
    subprocess.run(_load_command(reference, inputs), check=True, capture_output=True)
    duration = time.monotonic() - begin

    db = tmp_path / "killed.db"
    rng = random.Random(11)
    started = time.monotonic()
    seen_counts = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            _load_command(db, inputs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Anywhere from start-up to just before the end of an uninterrupted load.
        time.sleep(rng.uniform(0.05, duration * 0.95))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            seen_counts.append(_check_consistent(db, expected))
        if time.monotonic() - started > 50:
            break
    # Kills landed mid-load at least once (otherwise the test proved nothing).
    all_facts = len(set().union(*expected.values()))
    assert any(0 < c < all_facts for c in seen_counts), seen_counts

    subprocess.run(_load_command(db, inputs), check=True, capture_output=True)
    _check_consistent(db, expected)
    done, ref = EmbeddedStore(db), EmbeddedStore(reference)
    try:
        assert done.stats() == ref.stats()
        assert done.export_delta() == ref.export_delta()
    finally:
        done.close()
        ref.close()


def test_inputs_are_valid_json(tmp_path: Path) -> None:
    expected = _write_inputs(tmp_path / "in")
    files = sorted((tmp_path / "in").glob("*.json"))
    assert len(files) == FILES == len(expected)
    assert all(json.loads(f.read_text("utf-8"))["facts"] for f in files)
