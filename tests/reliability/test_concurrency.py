"""Reads keep working while a large load writes, and two loads at once never corrupt.

Everything here is real: a uvicorn server process and ``sinograph load``
processes on one embedded store file, talking over loopback.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.contract.builders import DeltaBuilder
from tests.reliability.test_crash_safety import _check_consistent, _write_inputs

CLI = [sys.executable, "-c", "from sinograph.cli.main import app; app()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _big_graph(path: Path, facts: int) -> None:
    b = DeltaBuilder()
    story = b.story("Bulk", publisher="Wire", published="2025-01-01")
    companies = [b.company(f"Bulk Firm {i} Ltd") for i in range(2000)]
    for i in range(facts):
        b.fact(
            companies[i % 2000],
            "SUPPLIES",
            companies[(i * 7 + 1) % 2000],
            story,
            f"Firm {i % 2000} supplies firm {(i * 7 + 1) % 2000} (line {i}).",
            date=f"20{10 + i % 15}",
        )
    path.write_text(b.delta().model_dump_json(), encoding="utf-8")


@pytest.fixture
def server(tmp_path: Path) -> tuple[str, Path]:
    db = tmp_path / "live.db"
    seed = subprocess.run(
        [*CLI, "--store", str(db), "load", str(Path(__file__).parents[2] / "samples" / "graph")],
        capture_output=True,
        text=True,
    )
    assert seed.returncode == 0, seed.stderr
    port = _free_port()
    env = {**os.environ, "SINOGRAPH_STORE": str(db)}
    proc = subprocess.Popen(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("the API server did not start")
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.slow
def test_api_answers_reads_while_a_large_load_writes(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    base, db = server
    big = tmp_path / "big.json"
    _big_graph(big, 60_000)
    loader = subprocess.Popen(
        [*CLI, "--store", str(db), "load", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses: list[int] = []
    bodies: list[str] = []
    fact_counts: set[int] = set()
    with httpx.Client(base_url=base, timeout=30) as client:
        while loader.poll() is None:
            for url in (
                "/paths?source=Verny%20Capital&target=Zijin&k=1",
                "/entities/company:zijin-mining-group/timeline",
                "/entities?q=Bulk%20Firm%2017",
                "/health",
                "/stats",
            ):
                response = client.get(url)
                statuses.append(response.status_code)
                if response.status_code >= 500:
                    bodies.append(response.text)
                if url == "/stats":
                    fact_counts.add(response.json()["facts"])
        out, err = loader.communicate()
        assert loader.returncode == 0, err
        final = client.get("/stats").json()["facts"]
    assert len(statuses) > 20, "the load finished before the reads could overlap it"
    assert not bodies, bodies[:3]
    assert all(s == 200 for s in statuses)
    assert not any("locked" in b for b in bodies)
    # Each read saw a whole batch or none of it: counts only ever grow.
    assert max(fact_counts) <= final


@pytest.mark.slow
def test_two_loads_at_once_serialise_or_fail_clearly(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    expected = _write_inputs(inputs)
    db = tmp_path / "shared.db"
    first = subprocess.Popen(
        [*CLI, "--store", str(db), "load", str(inputs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    second = subprocess.Popen(
        [*CLI, "--store", str(db), "load", str(inputs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    results = [p.communicate() + (p.returncode,) for p in (first, second)]
    for _out, err, code in results:
        assert code == 0 or (code == 3 and "busy" in err), err
    assert any(code == 0 for *_rest, code in results)
    total = _check_consistent(db, expected)
    assert total == len(set().union(*expected.values()))
    store = EmbeddedStore(db)
    try:
        assert store.stats().stories == len(expected)
    finally:
        store.close()


def test_readers_in_threads_never_see_database_is_locked(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "threads.db")
    store.ensure_schema()
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                store.stats()
                store.search_entities(SearchQuery(text="Firm 1"))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for n in range(20):
            b = DeltaBuilder()
            s = b.story(f"Batch {n}", published="2025-01-01")
            hub = b.company("Hub Co")
            for i in range(200):
                b.fact(hub, "OWNS", b.company(f"Firm {n}-{i} Ltd"), s, f"owns {n}-{i}")
            store.upsert(b.delta())
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
        store.close()
    assert not errors, errors[:1]
