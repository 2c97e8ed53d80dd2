"""Batch size of the bulk path: the same cold load into fresh stores, one transaction per
batch of N fact records, for several N (how ``SINOGRAPH_LOAD_BATCH_SIZE`` was chosen).

    .venv/bin/python bench/bench_batch.py --facts 100000 --batches 1000,5000,20000,50000

The deltas are generated once (in batches of the smallest size) and joined for the
larger sizes, so every store receives the same records in the same order. The sizes
run in turn, twice, so drift on a shared machine touches them alike; each line gives
fact records per second of the faster run. A figure, not a test.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import SyntheticNews  # noqa: E402
from sinograph.graph.model.domain import GraphDelta  # noqa: E402
from sinograph.graph.stores.embedded import EmbeddedStore  # noqa: E402


def joined(parts: list[GraphDelta]) -> GraphDelta:
    return GraphDelta.model_construct(
        stories=tuple(s for p in parts for s in p.stories),
        entities=tuple(e for p in parts for e in p.entities),
        facts=tuple(f for p in parts for f in p.facts),
        metrics=tuple(m for p in parts for m in p.metrics),
    )


def load_seconds(deltas: list[GraphDelta], folder: Path, name: str) -> float:
    path = folder / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = EmbeddedStore(path)
    store.ensure_schema()
    gc.collect()
    began = time.perf_counter()
    for delta in deltas:
        store.upsert(delta)
    spent = time.perf_counter() - began
    store.close()
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--batches", default="1000,5000,20000,50000")
    args = parser.parse_args()
    sizes = sorted(int(b) for b in args.batches.split(","))
    smallest = sizes[0]
    parts = list(SyntheticNews(facts=args.facts, seed=7).deltas(batch_facts=smallest))
    best: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="sinograph-batch-") as folder:
        for _ in range(2):
            for size in sizes:
                step = max(1, size // smallest)
                deltas = [joined(parts[i : i + step]) for i in range(0, len(parts), step)]
                spent = load_seconds(deltas, Path(folder), str(size))
                best[size] = min(best.get(size, spent), spent)
    facts = sum(len(p.facts) for p in parts)
    for size in sizes:
        print(f"batch {size:>7,} fact records  {facts / best[size]:>9,.0f} records/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
