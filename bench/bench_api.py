"""Benchmark of the HTTP API: ``/paths`` and ``/entities/{id}/timeline`` over loopback.

Builds (or reuses) a synthetic embedded store of at least 100k facts, serves it
with uvicorn in a child process on 127.0.0.1, drives both routes from this
process with an async httpx client at a fixed concurrency, and prints
requests/s and p50/p99 latency. Figures are printed, never asserted.

    .venv/bin/python bench/bench_api.py                      # 100k facts, 2,000 requests/route
    .venv/bin/python bench/bench_api.py --facts 200000 --requests 5000 --concurrency 32
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import httpx

from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
TYPES = [EntityType.COMPANY] * 6 + [
    EntityType.PERSON,
    EntityType.GOVERNMENT_BODY,
    EntityType.COUNTRY,
    EntityType.REGION,
    EntityType.PRODUCT,
    EntityType.ASSET,
]
PREDICATES = list(Predicate)


# ----------------------------------------------------------------- the graph


def synthetic_entities(n_facts: int, *, seed: int = 7) -> list[Entity]:
    """About one entity per five facts, of mixed types (companies the most)."""
    rng = random.Random(seed)
    n_entities = max(100, n_facts // 5)
    return [
        Entity(name=f"Synthetic {t.value} {i:06d}", type=t)
        for i, t in enumerate(rng.choice(TYPES) for _ in range(n_entities))
    ]


def synthetic_deltas(
    entities: list[Entity], n_facts: int, *, seed: int = 7, batch: int = 5_000
) -> list[GraphDelta]:
    """Stories and dated, sourced facts among ``entities``, in batches of ``batch`` facts.

    Endpoints are drawn with a heavy-tailed weight so that, as in news, a few
    entities are hubs and most appear a handful of times.
    """
    rng = random.Random(seed)
    ids = [e.id for e in entities]
    # Cumulative weights once: passing plain weights re-sums them on every draw.
    cum_weights = list(accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(ids))))
    stories = [
        Story.from_text(
            f"synthetic story {i}",
            title=f"Synthetic story {i}",
            publisher=f"Wire {i % 7}",
            published=f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        for i in range(max(10, n_facts // 50))
    ]
    facts: dict[str, Fact] = {}
    while len(facts) < n_facts:
        subject, obj = rng.choices(ids, cum_weights=cum_weights, k=2)
        if subject == obj:
            continue
        story = rng.choice(stories)
        predicate = rng.choice(PREDICATES)
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        fact = Fact(
            subject=subject,
            predicate=predicate,
            object=obj,
            date=date,
            confidence=0.8,
            evidence=(
                Evidence(
                    story_id=story.id,
                    sentence=f"{subject} {predicate.value.lower().replace('_', ' ')} {obj}.",
                ),
            ),
        )
        facts.setdefault(fact.key, fact)
    ordered = list(facts.values())
    deltas = [GraphDelta(stories=tuple(stories), entities=tuple(entities))]
    for start in range(0, len(ordered), batch):
        deltas.append(GraphDelta(facts=tuple(ordered[start : start + batch])))
    return deltas


def build_store(path: Path, n_facts: int) -> list[str]:
    """Create the store at ``path`` unless it already holds ``n_facts`` facts; the entity ids."""
    entities = synthetic_entities(n_facts)
    store = EmbeddedStore(path)
    try:
        store.ensure_schema()
        if store.stats().facts >= n_facts:
            print(f"reusing {path} ({store.stats().facts:,} facts)")
            return [e.id for e in entities]
        started = time.perf_counter()
        deltas = synthetic_deltas(entities, n_facts)
        for i, delta in enumerate(deltas):
            store.upsert(delta)
            print(f"\rbuilding {path}: batch {i + 1}/{len(deltas)}", end="", flush=True)
        stats = store.stats()
        print(
            f"\nbuilt {stats.entities:,} entities, {stats.facts:,} facts, "
            f"{stats.stories:,} stories in {time.perf_counter() - started:.1f}s"
        )
    finally:
        store.close()
    return [e.id for e in entities]


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SINOGRAPH_STORE": str(db), "SINOGRAPH_LOG_LEVEL": "warning"}
    env.pop("SINOGRAPH_API_KEY", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "sinograph.api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
    )


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with code {server.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not become ready")


# ---------------------------------------------------------------- the driver


@dataclass
class RouteResult:
    route: str
    requests: int
    seconds: float
    latencies_ms: list[float]
    statuses: Counter[int]

    def line(self) -> str:
        lat = sorted(self.latencies_ms)
        p50 = statistics.median(lat)
        p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))]
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.statuses.items()))
        return (
            f"{self.route:<40} {self.requests:>6} req {self.requests / self.seconds:>8.1f} req/s"
            f"   p50 {p50:>7.1f} ms   p99 {p99:>7.1f} ms   ({codes})"
        )


async def drive(
    base: str,
    route: str,
    urls: list[str],
    concurrency: int,
    *,
    max_seconds: float,
    warmup: int = 20,
) -> RouteResult:
    """Send ``urls`` with ``concurrency`` requests in flight; stop early after ``max_seconds``."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60.0) as client:
        for url in urls[:warmup]:
            await client.get(url)
        queue: asyncio.Queue[str] = asyncio.Queue()
        for url in urls:
            queue.put_nowait(url)
        latencies: list[float] = []
        statuses: Counter[int] = Counter()

        deadline = time.perf_counter() + max_seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                try:
                    url = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                statuses[response.status_code] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return RouteResult(f"{route} (c={concurrency})", len(latencies), seconds, latencies, statuses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1_000, help="at most, per run")
    parser.add_argument(
        "--concurrency",
        default="1,8",
        help="requests in flight, comma-separated for several runs [default: 1,8]",
    )
    parser.add_argument(
        "--max-seconds", type=float, default=30.0, help="stop a run after this long"
    )
    parser.add_argument("--max-hops", type=int, default=4)
    parser.add_argument(
        "--workers",
        default="1",
        help="server processes (uvicorn --workers, as `sinograph serve --workers`),"
        " comma-separated for several servers [default: 1]",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="store file to build or reuse [default: a file in the temp folder]",
    )
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"sinograph-bench-api-{args.facts}.db"
    ids = build_store(db, args.facts)

    rng = random.Random(11)
    # Endpoints drawn like the facts were: hubs often, the long tail sometimes.
    head = ids[: max(50, len(ids) // 100)]
    path_urls = [
        f"/paths?source={rng.choice(head)}&target={rng.choice(ids)}&max_hops={args.max_hops}&k=5"
        for _ in range(args.requests)
    ]
    timeline_urls = [f"/entities/{rng.choice(ids)}/timeline?limit=50" for _ in range(args.requests)]

    for workers in (int(w) for w in args.workers.split(",")):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, workers)
        try:
            wait_ready(base, server)
            print(
                f"\nuvicorn ({workers} worker{'s' if workers > 1 else ''}) on {base},"
                f" {os.cpu_count()} CPUs; at most {args.requests:,} requests or"
                f" {args.max_seconds:g}s per run\n"
            )
            for concurrency in (int(c) for c in args.concurrency.split(",")):
                for route, urls in (
                    (f"GET /paths (max_hops={args.max_hops}, k=5)", path_urls),
                    ("GET /entities/{id}/timeline", timeline_urls),
                ):
                    result = asyncio.run(
                        drive(base, route, urls, concurrency, max_seconds=args.max_seconds)
                    )
                    print(f"[w={workers}] {result.line()}", flush=True)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

if __name__ == "__main__":
    main()
