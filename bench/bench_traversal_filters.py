"""What the explorer's traversal filters and the story view cost on the embedded store.

    .venv/bin/python -m bench.bench_traversal_filters --facts 200k

Loads :class:`bench.synthetic.SyntheticNews` of that many fact records into a
temporary embedded store, then prints the median time of neighbourhoods (depth 2,
around the busiest entities and typical ones) and of paths between entities a few
hops apart, without filters and with each filter (``exclude_predicates``,
``exclude_types``, ``min_confidence``), and of ``get_story``.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.synthetic import SyntheticNews, parse_size
from sinograph.graph.model.errors import NoPath
from sinograph.graph.model.queries import NeighbourQuery, PathQuery
from sinograph.graph.stores.embedded import EmbeddedStore

FILTERS: dict[str, dict[str, Any]] = {
    "none": {},
    "exclude_predicates": {"exclude_predicates": "LOCATED_IN,HEADQUARTERED_IN,OPERATES_IN"},
    "exclude_types": {"exclude_types": "Country,Region"},
    "min_confidence": {"min_confidence": 0.8},
}


def median_ms(call: Callable[[Any], Any], cases: list[Any], repeat: int = 3) -> float:
    """Median milliseconds of ``call(case)`` over every case (a query), each repeated."""
    times = []
    for case in cases:
        for _ in range(repeat):
            started = time.perf_counter()
            with contextlib.suppress(NoPath):
                call(case)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default="200k", help="fact records to generate (200k, 1m)")
    args = parser.parse_args()
    size = parse_size(args.facts)
    with tempfile.TemporaryDirectory(prefix="sinograph-filters-") as folder:
        store = EmbeddedStore(Path(folder) / "graph.db")
        store.ensure_schema()
        started = time.perf_counter()
        for delta in SyntheticNews(size).deltas():
            store.upsert(delta)
        load_s = time.perf_counter() - started
        facts = store.export_delta().facts
        degree: Counter[str] = Counter()
        for f in facts:
            degree[f.subject] += 1
            degree[f.object] += 1
        hubs = [e for e, _ in degree.most_common(5)]
        rng = random.Random(7)
        typical = rng.sample(sorted(e for e, d in degree.items() if 3 <= d <= 20), 20)
        pairs = [(a, b) for a, b in zip(typical[:10], typical[10:], strict=True)]
        stories = rng.sample(sorted({e.story_id for f in facts[:5000] for e in f.evidence}), 10)
        print(f"{len(facts):,} facts, {len(degree):,} entities, loaded in {load_s:.1f} s")
        print(f"{'filter':<20} {'hub nbrs d2':>12} {'typical nbrs d2':>16} {'paths k=3':>10}")
        for name, options in FILTERS.items():
            hub_ms = median_ms(store.neighbors, [
                NeighbourQuery(entity=e, depth=2, limit=500, **options) for e in hubs
            ])
            typical_ms = median_ms(store.neighbors, [
                NeighbourQuery(entity=e, depth=2, **options) for e in typical
            ])
            path_ms = median_ms(store.paths, [
                PathQuery(source=a, target=b, max_hops=4, k=3, **options) for a, b in pairs
            ])
            print(f"{name:<20} {hub_ms:>10.1f}ms {typical_ms:>14.1f}ms {path_ms:>8.1f}ms")
        # A threshold not asked before pays the scan of the fact table once.
        started = time.perf_counter()
        store.neighbors(NeighbourQuery(entity=typical[0], min_confidence=0.85))
        cold_ms = (time.perf_counter() - started) * 1000
        print(f"first query with a new min_confidence: {cold_ms:.1f} ms")
        story_ms = median_ms(store.get_story, stories)
        print(f"get_story: {story_ms:.1f} ms (median of {len(stories)} stories)")
        store.close()


if __name__ == "__main__":
    main()
