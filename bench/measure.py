"""One benchmark job, run in its own process so its peak memory is its own.

    python bench/measure.py networkx 100000 WORKDIR        # baseline: load, plan, queries
    python bench/measure.py embedded-load 100000 WORKDIR   # embedded: cold load into a new file
    python bench/measure.py embedded-serve 100000 WORKDIR  # embedded: open, load more, queries

Each writes ``WORKDIR/<job>-<size>.json`` with its figures (seconds, facts/s,
latency samples' p50/p99 in ms, peak RSS in MB) and prints a one-line summary.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sinograph.graph.stores.neo4j import Neo4jStore

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.workload import FILTERS, Plan, Workload, make_plan, percentile  # noqa: E402
from sinograph.graph.model.errors import NoPath  # noqa: E402
from sinograph.graph.model.queries import (  # noqa: E402
    NeighbourQuery,
    PathQuery,
    SearchQuery,
    TimelineQuery,
)

Latency = dict[str, float]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def timed(calls: Sequence[Callable[[], Any]], warmup: int = 3) -> tuple[Latency, list[Any]]:
    """Run each call once (after ``warmup`` untimed ones); latency summary in ms."""
    for call in calls[:warmup]:
        with contextlib.suppress(NoPath):
            call()
    samples, answers, no_path = [], [], 0
    for call in calls:
        begin = time.perf_counter()
        try:
            answer = call()
        except NoPath:
            answer = None
            no_path += 1
        samples.append((time.perf_counter() - begin) * 1000)
        answers.append(answer)
    summary = {
        "n": len(samples),
        "p50": percentile(samples, 50),
        "p99": percentile(samples, 99),
        "mean": sum(samples) / len(samples) if samples else float("nan"),
        "no_path": no_path,
    }
    return summary, answers


def _signature(answer: Any) -> str:
    if answer is None:
        return "none"
    text = json.dumps(
        [[n.id for n in p.nodes] + [h.fact.key for h in p.hops] for p in answer.paths]
    )
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def run_queries(store: Any, plan: Plan, *, quick: bool) -> dict[str, Any]:
    """Every query figure for one store: paths, timelines, search, neighbours.

    What loading left behind is collected and frozen first, so that no query
    pays for a full garbage collection of the load's leftovers (the same for
    every store).
    """
    gc.collect()
    gc.freeze()
    figures: dict[str, Any] = {}
    answers: dict[str, list[str]] = {}
    pairs = plan.all_pairs()
    for name, flt in FILTERS.items():
        for k in (1, 5):
            calls = [
                partial(store.paths, PathQuery(source=a, target=b, max_hops=6, k=k, **flt))
                for a, b in pairs
            ]
            figures[f"path_{name}_k{k}"], got = timed(calls)
            answers[f"path_{name}_k{k}"] = [_signature(x) for x in got]
    by_distance = {}
    for d, dpairs in sorted(plan.pairs.items()):
        calls = [
            partial(store.paths, PathQuery(source=a, target=b, max_hops=6, k=1))
            for a, b in dpairs
        ]
        by_distance[d] = timed(calls)[0]
    figures["path_by_distance_k1"] = by_distance
    rounds = 2 if quick else 10
    figures["timeline_hub"] = timed(
        [partial(store.timeline, TimelineQuery(entity=e, limit=50)) for e in plan.hubs * rounds]
    )[0]
    figures["timeline_typical"] = timed(
        [partial(store.timeline, TimelineQuery(entity=e, limit=50)) for e in plan.typical * 2]
    )[0]
    for kind, queries in plan.search.items():
        figures[f"search_{kind}"] = timed(
            [partial(store.search_entities, SearchQuery(text=q, limit=10)) for q in queries]
        )[0]
    figures["neighbours2_typical"] = timed(
        [partial(store.neighbors, NeighbourQuery(entity=e, depth=2)) for e in plan.typical]
    )[0]
    figures["neighbours2_hub"] = timed(
        [
            partial(store.neighbors, NeighbourQuery(entity=e, depth=2))
            for e in plan.hubs * (1 if quick else 4)
        ]
    )[0]
    figures["answers"] = answers
    return figures


def job_networkx(size: int, work: Path, quick: bool) -> dict[str, Any]:
    from bench.baseline import NetworkxBaseline

    workload = Workload(size)
    base = NetworkxBaseline()
    load = workload.timed_load(base.upsert)
    out: dict[str, Any] = {"load": load, "rss_after_load_mb": rss_mb()}
    graph = base.graph
    plan_path = work / f"plan-{size}.json"
    if plan_path.exists():
        plan = Plan.load(plan_path)
    else:
        began = time.perf_counter()
        plan = make_plan(
            size,
            list(graph.nodes),
            graph.degree,
            base.distance,
            lambda n: base.entities[n].name,
            per_distance=8 if quick else 30,
        )
        plan.save(plan_path)
        out["plan_seconds"] = time.perf_counter() - began
    out["queries"] = run_queries(base, plan, quick=quick)
    raw = [partial(base.raw_shortest_path, a, b) for a, b in plan.all_pairs()]
    out["queries"]["raw_networkx_shortest_path"] = timed(raw)[0]
    out["graph"] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    return out


def job_embedded_load(size: int, work: Path, quick: bool) -> dict[str, Any]:
    """A cold load through the load's bulk path (``loaders.load.write_graph``: each
    workload delta, under ``BULK_BATCH`` records, is one transaction), then the same
    rows again with plain ``executemany`` (:func:`raw_insert`)."""
    from sinograph.graph.stores.embedded import EmbeddedStore
    from sinograph.loaders.load import BULK_BATCH, write_graph

    path = work / f"embedded-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = EmbeddedStore(path)
    store.ensure_schema()
    workload = Workload(size)
    cold = {"cold": 0.0, "cold_facts": 0.0, "generate": 0.0}
    began = time.perf_counter()
    for phase, delta in workload.deltas():
        if phase != "cold":
            break
        start = time.perf_counter()
        write_graph(store, delta, batch_size=BULK_BATCH)
        cold["cold"] += time.perf_counter() - start
        cold["cold_facts"] += len(delta.facts)
    cold["generate"] = time.perf_counter() - began - cold["cold"]
    stats = store.stats()
    store.close()
    raw = raw_insert(path, work / f"raw-{size}.db", workload.batch)
    return {
        "load": cold,
        "raw_executemany": raw,
        "facts": stats.facts,
        "entities": stats.entities,
        "stories": stats.stories,
        "db_mb": sum(
            os.path.getsize(f"{path}{s}") for s in ("", "-wal") if os.path.exists(f"{path}{s}")
        ) / 2**20,
    }


_RAW_TABLES = ("story", "entity", "alias", "fact", "fact_source", "metric", "metric_source")


def raw_insert(loaded: Path, target: Path, batch_facts: int) -> dict[str, float]:
    """The physical limit: the rows the store wrote, inserted again into an empty copy of
    its schema with plain ``executemany``, one transaction per batch of the load's size.

    Same file format, same pragmas (WAL, synchronous NORMAL, same page cache), same
    indexes, same rows; no Python work but the inserts. Returns the seconds and the
    fact rows per second.
    """
    import sqlite3

    from sinograph.graph.stores.embedded.store import _CACHE_KIB, _WAL_PAGES

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(loaded)
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        " ORDER BY type = 'index', rowid"
    )]
    tables = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t in _RAW_TABLES}
    source.close()
    facts = len(tables["fact"])
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
    conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_PAGES}")
    for sql in schema:
        conn.execute(sql)
    batches = max(1, -(-facts // batch_facts))
    began = time.perf_counter()
    for number in range(batches):
        conn.execute("BEGIN IMMEDIATE")
        for table, rows in tables.items():
            if not rows:
                continue
            share = -(-len(rows) // batches)
            part = rows[number * share : (number + 1) * share]
            if part:
                marks = ",".join("?" * len(part[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", part)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - began
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return {"seconds": seconds, "fact_rows": facts, "batches": batches,
            "fact_rows_per_s": facts / seconds if seconds else float("nan")}


def job_embedded_serve(size: int, work: Path, quick: bool) -> dict[str, Any]:
    from sinograph.graph.stores.embedded import EmbeddedStore

    path = work / f"embedded-{size}.db"
    rss_before = rss_mb()
    began = time.perf_counter()
    store = EmbeddedStore(path)
    store.ensure_schema()
    opened = time.perf_counter() - began
    out: dict[str, Any] = {"open_seconds": opened, "rss_after_open_mb": rss_mb(),
                           "rss_before_open_mb": rss_before,
                           "index_mb": store._index.memory_bytes() / 2**20}
    workload = Workload(size)
    existing = {"existing": 0.0, "existing_facts": 0.0}
    for phase, delta in workload.deltas():
        if phase == "existing":
            start = time.perf_counter()
            store.upsert(delta)
            existing["existing"] += time.perf_counter() - start
            existing["existing_facts"] += len(delta.facts)
    out["load"] = existing
    plan = Plan.load(work / f"plan-{size}.json")
    out["queries"] = run_queries(store, plan, quick=quick)
    store.close()
    return out


def _neo4j_env(name: str, default: str | None = None) -> str | None:
    """``SINOGRAPH_BENCH_NEO4J_<name>``, else the test server's ``SINOGRAPH_TEST_NEO4J_<name>``."""
    return os.environ.get(f"SINOGRAPH_BENCH_NEO4J_{name}") or os.environ.get(
        f"SINOGRAPH_TEST_NEO4J_{name}", default
    )


def open_neo4j_store(purpose: str, batch_size: int = 5000) -> Neo4jStore:
    """The Neo4j store on the server ``SINOGRAPH_BENCH_NEO4J_URI`` names (else the test
    server's), claimed as scratch for ``purpose``, emptied, with its schema. A database
    holding other data is refused, not emptied."""
    from sinograph.graph.stores.neo4j import Neo4jStore, open_driver

    uri = _neo4j_env("URI")
    if not uri:
        raise SystemExit(
            "no Neo4j server: set SINOGRAPH_BENCH_NEO4J_URI or run under with_neo4j.py"
        )
    database = _neo4j_env("DATABASE", "neo4j") or "neo4j"
    driver = open_driver(
        uri,
        user=_neo4j_env("USER", "neo4j") or "neo4j",
        password=_neo4j_env("PASSWORD", "") or "",
        database=database,
        connect_timeout=10.0,
        query_timeout=600.0,
    )
    store = Neo4jStore(
        driver, database=database, query_timeout=600.0, batch_size=batch_size, uri=uri
    )
    store.claim_scratch(purpose)
    store.wipe()
    store.ensure_schema()
    return store


def job_neo4j(size: int, work: Path, quick: bool) -> dict[str, Any]:
    """The Neo4j store on the server ``SINOGRAPH_BENCH_NEO4J_URI`` names (EMPTIED first).

    ``SINOGRAPH_BENCH_NEO4J_USER`` / ``_PASSWORD`` / ``_DATABASE`` complete it;
    without them the ``SINOGRAPH_TEST_NEO4J_*`` server of ``make bench`` is used. The
    database must be empty or marked scratch (``Neo4jStore.claim_scratch``): one
    holding other data is refused, not emptied.
    """
    batch = int(os.environ.get("SINOGRAPH_BENCH_NEO4J_BATCH_SIZE", "5000"))
    began = time.perf_counter()
    store = open_neo4j_store("sinograph bench", batch)
    out: dict[str, Any] = {"open_seconds": time.perf_counter() - began, "batch_size": batch}
    out["load"] = Workload(size).timed_load(store.upsert)
    out["queries"] = run_queries(store, Plan.load(work / f"plan-{size}.json"), quick=quick)
    store.close()
    return out


JOBS = {
    "neo4j": job_neo4j,
    "networkx": job_networkx,
    "embedded-load": job_embedded_load,
    "embedded-serve": job_embedded_serve,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("job", choices=sorted(JOBS))
    parser.add_argument("size", type=int)
    parser.add_argument("work", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    result = JOBS[args.job](args.size, args.work, args.quick)
    result["job"] = args.job
    result["size"] = args.size
    result["seconds"] = time.perf_counter() - began
    result["peak_rss_mb"] = peak_rss_mb()
    (args.work / f"{args.job}-{args.size}.json").write_text(json.dumps(result, indent=1))
    print(f"{args.job} {args.size}: {result['seconds']:.1f}s,"
          f" peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
