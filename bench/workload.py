"""What a benchmark run loads and asks, the same for every store.

The graph is :class:`bench.synthetic.SyntheticNews` of ``size`` fact records
(loaded cold), then one tenth more (loaded into the existing graph). The
questions — entity pairs 2 to 6 hops apart, hub and typical entities, search
terms — are picked once from the loaded graph by the baseline run and saved as
``plan-<size>.json`` so the embedded store answers exactly the same ones.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.synthetic import SyntheticNews
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ids import normalize_name

__all__ = ["FILTERS", "Plan", "Workload", "make_plan", "percentile"]

SEED = 7
DISTANCES = (2, 3, 4, 5, 6)
# The filtered path queries: a family of predicates, and a five-year window.
FILTERS: dict[str, dict[str, str]] = {
    "none": {},
    "predicates": {
        "predicates": "OWNS,INVESTS_IN,ACQUIRES,SELLS,SUBSIDIARY_OF,CONTROLS,LEADS,WORKS_FOR"
    },
    "window": {"since": "2019", "until": "2023-12"},
}


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass
class Workload:
    """The deltas of one benchmark size."""

    size: int
    seed: int = SEED

    @property
    def extra(self) -> int:
        return max(1_000, self.size // 10)

    @property
    def batch(self) -> int:
        return min(10_000, max(500, self.size // 10))

    def deltas(self) -> Iterator[tuple[str, GraphDelta]]:
        """``("cold" | "existing", delta)`` in load order."""
        news = SyntheticNews(facts=self.size + self.extra, seed=self.seed)
        loaded = 0
        for delta in news.deltas(batch_facts=self.batch):
            yield ("cold" if loaded < self.size else "existing"), delta
            loaded += len(delta.facts)

    def timed_load(self, upsert: Callable[[GraphDelta], object]) -> dict[str, float]:
        """Load every delta with ``upsert``; seconds spent in it per phase (generation excluded)."""
        spent = {"cold": 0.0, "existing": 0.0, "cold_facts": 0.0, "existing_facts": 0.0,
                 "generate": 0.0}
        started = time.perf_counter()
        for phase, delta in self.deltas():
            begin = time.perf_counter()
            upsert(delta)
            spent[phase] += time.perf_counter() - begin
            spent[f"{phase}_facts"] += len(delta.facts)
        spent["generate"] = time.perf_counter() - started - spent["cold"] - spent["existing"]
        return spent


@dataclass
class Plan:
    """The questions of one size."""

    size: int
    pairs: dict[str, list[list[str]]] = field(default_factory=dict)  # distance -> [[a, b]]
    hubs: list[str] = field(default_factory=list)
    typical: list[str] = field(default_factory=list)
    search: dict[str, list[str]] = field(default_factory=dict)  # kind -> queries

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Plan:
        return cls(**json.loads(path.read_text("utf-8")))

    def all_pairs(self) -> list[tuple[str, str]]:
        return [(a, b) for d in sorted(self.pairs) for a, b in self.pairs[d]]


def make_plan(
    size: int,
    nodes: list[str],
    degree: Callable[[str], int],
    distance: Callable[[str, str], int | None],
    names: Callable[[str], str],
    *,
    per_distance: int = 30,
    budget_seconds: float = 120.0,
) -> Plan:
    """Pick the questions from a loaded graph (deterministic for the same graph)."""
    rng = random.Random(SEED)
    plan = Plan(size=size)
    ordered = sorted(nodes)
    by_degree = sorted(ordered, key=lambda n: (-degree(n), n))
    plan.hubs = by_degree[:5]
    median = statistics.median(degree(n) for n in ordered)
    middling = [n for n in ordered if median <= degree(n) <= 2 * median + 1]
    plan.typical = rng.sample(middling, min(50, len(middling)))
    buckets: dict[int, list[list[str]]] = {d: [] for d in DISTANCES}
    # Long distances join the periphery: draw one end from the low-degree nodes.
    periphery = [n for n in ordered if degree(n) <= max(1, int(median))]
    deadline = time.monotonic() + budget_seconds
    attempts = 0
    while (
        time.monotonic() < deadline
        and attempts < 400 * per_distance
        and any(len(b) < per_distance for b in buckets.values())
    ):
        attempts += 1
        a = rng.choice(ordered if rng.random() < 0.5 else periphery)
        b = rng.choice(periphery)
        if a == b:
            continue
        d = distance(a, b)
        if d is None:
            continue
        if d in buckets and len(buckets[d]) < per_distance:
            buckets[d].append([a, b])
    plan.pairs = {str(d): pairs for d, pairs in buckets.items()}
    picked = rng.sample(ordered, min(50, len(ordered)))
    exact = [names(n) for n in picked]
    prefix = [normalize_name(names(n))[:5] for n in picked]
    typo = []
    for name in exact:
        cut = len(name) // 2
        typo.append(name[:cut] + name[cut + 1 :] if len(name) > 6 else name + "x")
    plan.search = {"exact": exact, "prefix": prefix, "fuzzy": typo}
    return plan
