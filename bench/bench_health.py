"""``GET /health`` against ``GET /stats`` on a store of N facts (issue 14, F10).

    .venv/bin/python -m bench.bench_health 50000

Prints the median and 95th percentile of each over 50 requests (TestClient, no network).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.wiring.settings import Settings


def _delta(facts: int) -> GraphDelta:
    rng = random.Random(5)
    firms = [Entity(name=f"Bench Firm {i} Ltd", type=EntityType.COMPANY) for i in range(5_000)]
    story = Story.from_text("bench", title="Bench", publisher="Wire", published="2025-01-01")
    made = []
    for n in range(facts):
        a, b = rng.sample(firms, 2)
        made.append(Fact(subject=a.id, predicate=Predicate.SUPPLIES, object=b.id,
                         date=f"20{10 + n % 15}",
                         evidence=(Evidence(story_id=story.id, sentence=f"Line {n}."),)))
    return GraphDelta(stories=(story,), entities=tuple(firms), facts=tuple(made))


def _times(client: TestClient, path: str, runs: int = 50) -> tuple[float, float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        assert client.get(path).status_code == 200
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return statistics.median(seconds) * 1000, seconds[int(runs * 0.95) - 1] * 1000


def main(facts: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-health-"))
    db = folder / "g.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    store.upsert(_delta(facts))
    probe = []
    for _ in range(200):
        started = time.perf_counter()
        store.health()
        probe.append(time.perf_counter() - started)
    print(f"store.health() {facts:>8,} facts: median {statistics.median(probe) * 1000:7.3f} ms")
    with TestClient(create_app(Settings(store=str(db)), store)) as client:
        # /problems is a constant answer: what the HTTP plumbing costs by itself.
        for path in ("/problems", "/health", "/stats"):
            median, p95 = _times(client, path)
            print(f"{path:<9} {facts:>8,} facts: median {median:7.2f} ms, p95 {p95:7.2f} ms")
    store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
