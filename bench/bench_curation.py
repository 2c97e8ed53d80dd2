"""What curation costs: rejecting and restoring facts, editing, merging and splitting
entities, and reading the log, on the embedded store and on Neo4j.

    .venv/bin/python -m bench.bench_curation --facts 100k --store embedded
    .venv/bin/python tools/neo4j-test-server/with_neo4j.py --heap 2g -- \\
        .venv/bin/python -m bench.bench_curation --facts 100k --store both

Loads :class:`bench.synthetic.SyntheticNews` of that many fact records into each store
(Neo4j: the server ``SINOGRAPH_BENCH_NEO4J_URI`` names, else the test server of
``with_neo4j.py``; its database must be empty or marked scratch, and is emptied), then
prints the median time of every curation call on the same entities and facts in both
stores. Merges are irreversible, so each pair is merged once: the figure for "typical"
merges is the median over ten pairs of companies with 3-20 facts each, and the hub
merge is one call that moves the busiest company's facts. Figures only: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from bench.bench_traversal_filters import median_ms
from bench.measure import open_neo4j_store
from bench.synthetic import SyntheticNews, parse_size
from sinograph.graph.model.curation import Curator, EntityEdit
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.protocol import GraphStore

CURATOR = Curator(actor="bench", reason="measuring what curation costs")


def _ms(call: Callable[[], Any]) -> float:
    return median_ms(lambda _: call(), [None], repeat=1)


def _median(calls: list[Callable[[], Any]]) -> float:
    return median_ms(lambda call: call(), calls, repeat=1)


@contextmanager
def _embedded() -> Iterator[GraphStore]:
    with TemporaryDirectory(prefix="sinograph-curation-") as folder:
        store = EmbeddedStore(Path(folder) / "graph.db")
        store.ensure_schema()
        try:
            yield store
        finally:
            store.close()


@contextmanager
def _neo4j() -> Iterator[GraphStore]:
    store = open_neo4j_store("sinograph curation bench")
    try:
        yield store
    finally:
        store.close()


def _plan(exported: GraphDelta, seed: int = 7) -> dict[str, Any]:
    """The facts and entities every store is asked about (chosen once, from the graph)."""
    degree: Counter[str] = Counter()
    for f in exported.facts:
        degree[f.subject] += 1
        degree[f.object] += 1
    companies = sorted(e.id for e in exported.entities if e.type.value == "Company")
    rng = random.Random(seed)
    typical = rng.sample([e for e in companies if 3 <= degree[e] <= 20], 31)
    hub = max(companies, key=lambda e: (degree[e], e))
    with_alias = [
        e for e in exported.entities
        if e.id in set(typical[:20]) and any(a != e.name for a in e.aliases)
    ]
    return {
        "facts": [f.key for f in rng.sample(exported.facts, 20)],
        "edited": typical[:10],
        "merges": list(zip(typical[10:20], typical[20:30], strict=True)),
        "hub": hub,
        "hub_degree": degree[hub],
        "into_hub": typical[30],
        "splits": [(e.id, next(a for a in e.aliases if a != e.name)) for e in with_alias][:5],
    }


def measure(store: GraphStore, plan: dict[str, Any]) -> list[tuple[str, float]]:
    """Median milliseconds of each curation call in ``plan`` on ``store``."""
    facts = plan["facts"]
    rows = [("reject a fact", _median([partial(store.reject_fact, k, CURATOR) for k in facts]))]
    # measured while the facts above are rejected, so the list has something to read
    rows.append(("rejected facts, first 100", _median([lambda: store.rejected_facts()] * 5)))
    rows.append(
        ("restore a fact", _median([partial(store.restore_fact, k, CURATOR) for k in facts]))
    )
    edit = EntityEdit(description="edited")
    rows.append(("edit an entity's description", _median(
        [partial(store.edit_entity, e, edit, CURATOR) for e in plan["edited"]]
    )))
    if plan["splits"]:
        rows.append((f"split an alias off ({len(plan['splits'])} entities)", _median([
            partial(store.split_entity, e, a, CURATOR, name=f"{a} (split)")
            for e, a in plan["splits"]
        ])))
    rows.append(("merge two typical companies (3-20 facts)", _median([
        partial(store.merge_entities, s, t, CURATOR) for s, t in plan["merges"]
    ])))
    rows.append(("merge a typical company into the hub",
                 _ms(lambda: store.merge_entities(plan["into_hub"], plan["hub"], CURATOR))))
    target = plan["merges"][0][1]
    rows.append((f"merge the hub ({plan['hub_degree']} facts) into a company",
                 _ms(lambda: store.merge_entities(plan["hub"], target, CURATOR))))
    rows.append(("curation log, first page of 50", _median([lambda: store.curation_log()] * 5)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default="100k", help="fact records to generate (10k, 100k)")
    parser.add_argument("--store", choices=["embedded", "neo4j", "both"], default="embedded")
    args = parser.parse_args()
    size = parse_size(args.facts)
    opens = {"embedded": _embedded, "neo4j": _neo4j}
    names = ["embedded", "neo4j"] if args.store == "both" else [args.store]
    plan: dict[str, Any] | None = None
    columns: dict[str, list[tuple[str, float]]] = {}
    for name in names:
        with opens[name]() as store:
            started = time.perf_counter()
            for delta in SyntheticNews(size).deltas():
                store.upsert(delta)
            load_s = time.perf_counter() - started
            if plan is None:
                exported = store.export_delta()
                plan = _plan(exported)
                print(f"{len(exported.facts):,} facts, {len(exported.entities):,} entities")
            print(f"{name}: loaded in {load_s:.1f} s")
            columns[name] = measure(store, plan)
    print(f"\n| curation call (p50, ms) | {' | '.join(names)} |")
    print(f"|---|{'---:|' * len(names)}")
    for i, (label, _) in enumerate(columns[names[0]]):
        cells = " | ".join(f"{columns[n][i][1]:.1f}" for n in names)
        print(f"| {label} | {cells} |")


if __name__ == "__main__":
    main()
