"""SIGKILL during the bulk path: one large graph file written batch by batch.

``sinograph load`` cuts a graph file into batches of ``SINOGRAPH_LOAD_BATCH_SIZE``
records, one transaction each. Killed at random moments, the store must hold whole
batches only (its fact count is the count after some number of whole batches,
every stored story has all its facts), stay openable and consistent, and a load
run again afterwards must end with exactly what an uninterrupted load stores.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.graph_json import split_delta
from tests.contract.builders import DeltaBuilder
from tests.reliability.test_crash_safety import _check_consistent

STORIES = 60
FACTS_PER_STORY = 200
BATCH = 1_000
KILLS = 12


def _write_input(path: Path) -> tuple[dict[str, set[str]], GraphDelta]:
    """One graph file of many stories; each story id's fact keys, and the delta."""
    rng = random.Random(5)
    companies = [f"Company {i} Holdings" for i in range(300)]
    b = DeltaBuilder()
    expected: dict[str, set[str]] = {}
    for n in range(STORIES):
        story = b.story(f"Bulk story {n}", publisher=f"Outlet {n % 4}", published="2025-02-01")
        keys = set()
        for _ in range(FACTS_PER_STORY):
            a, t = rng.sample(companies, 2)
            fact = b.fact(
                b.company(a),
                rng.choice(["OWNS", "SUPPLIES", "PARTNERS_WITH"]),
                b.company(t),
                story,
                f"{a} and {t} in bulk story {n}.",
            )
            keys.add(fact.key)
        expected[story.id] = keys
    delta = b.delta()
    path.write_text(delta.model_dump_json(), encoding="utf-8")
    return expected, delta


def _whole_batch_counts(delta: GraphDelta) -> set[int]:
    """The distinct fact count after each whole number of batches."""
    seen: set[str] = set()
    counts = {0}
    for batch in split_delta(delta, BATCH):
        seen.update(f.key for f in batch.facts)
        counts.add(len(seen))
    return counts


def _fact_count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM fact").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or no schema yet


def _wait_for_more_facts(db: Path, *, than: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists() and _fact_count(db) > than:
            return
        time.sleep(0.01)


def _command(db: Path, file: Path) -> list[str]:
    return [sys.executable, "-c", "from sinograph.cli.main import app; app()", "--store", str(db),
            "load", str(file)]


def _env() -> dict[str, str]:
    return {**os.environ, "SINOGRAPH_LOAD_BATCH_SIZE": str(BATCH)}


@pytest.mark.slow
def test_sigkill_during_bulk_load_leaves_whole_batches_and_reload_completes(
    tmp_path: Path,
) -> None:
    file = tmp_path / "bulk.json"
    expected, delta = _write_input(file)
    allowed = _whole_batch_counts(delta)
    assert len(allowed) > 10, "the file must span many batches"
    reference = tmp_path / "reference.db"
    subprocess.run(_command(reference, file), check=True, capture_output=True, env=_env())

    db = tmp_path / "killed.db"
    rng = random.Random(13)
    started = time.monotonic()
    seen: list[int] = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            _command(db, file), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env()
        )
        # Kill while batches are being written: once this run has committed one more
        # batch than the last kill saw (or has finished), after a random pause.
        _wait_for_more_facts(db, than=seen[-1] if seen else 0, proc=proc)
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            facts = _check_consistent(db, expected)
            assert facts in allowed, f"{facts} facts is not a whole number of batches"
            seen.append(facts)
        if time.monotonic() - started > 90 or (seen and seen[-1] == max(allowed)):
            break
    total = max(allowed)
    assert any(0 < c < total for c in seen), seen

    subprocess.run(_command(db, file), check=True, capture_output=True, env=_env())
    _check_consistent(db, expected)
    done, ref = EmbeddedStore(db), EmbeddedStore(reference)
    try:
        assert done.stats() == ref.stats()
        assert done.export_delta() == ref.export_delta()
    finally:
        done.close()
        ref.close()
