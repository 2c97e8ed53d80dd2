"""One request cannot hold a worker for long: long lists are capped (with a note), a story
over its budget is stopped before anything is written, a client that hangs up stops its
work, and requests beyond the concurrency limit are refused with 429.

The disconnect test runs a real uvicorn server process and a raw socket client that
closes the connection while the story is being read.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.api.ingest_guard import IngestSlots
from sinograph.graph.model.errors import WorkBudgetExceeded
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.budget import WorkBudget, within
from sinograph.loaders.extract.document import MAX_MENTIONS_PER_SENTENCE
from sinograph.loaders.ingest import ingest_stories
from sinograph.loaders.story_input import MAX_STORY_CHARS, StoryInput
from tests.api.support import make_settings
from tests.reliability.test_concurrency import CLI, _free_port

TINY = {"text": "Zijin Mining Group agreed to buy RG Gold.", "published": "2025-06-30"}
OTHER = {"text": "CATL opened a battery plant in Hungary.", "published": "2025-06-30"}


def long_list(names: int) -> str:
    """One story whose sentences list ``names`` firms, as a hostile or broken feed would."""
    firms = [f"Kestrel{i} Mining Group" for i in range(names)]
    sentences = [
        "The ministry said " + ", ".join(firms[i : i + 150]) + " signed the pact on Monday."
        for i in range(0, names, 150)
    ]
    return " ".join(sentences)


def _stories(db: Path) -> int:
    store = EmbeddedStore(db)
    store.ensure_schema()
    try:
        return store.stats().stories
    finally:
        store.close()


def test_a_sentence_naming_too_many_names_is_capped_with_a_note(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    try:
        names = ", ".join(f"Kestrel{i} Mining Group" for i in range(200))
        text = f"The ministry said {names} signed the pact on Monday."
        report = ingest_stories(store, [StoryInput(text=text, published="2025-07-01")])
        notes = [n.message for n in report.notes]
        assert any(f"first {MAX_MENTIONS_PER_SENTENCE}" in n for n in notes), notes
        assert report.stories_written == 1
        assert store.stats().entities < 200  # the names past the cap were not read
    finally:
        store.close()


def test_a_story_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    try:
        text = "Zijin bought RG Gold. " * (MAX_STORY_CHARS // 20)
        report = ingest_stories(store, [StoryInput(text=text, published="2025-07-01")])
        assert report.stories_written == 0
        assert "over the limit" in report.problems[0].message
    finally:
        store.close()


def test_a_spent_budget_stops_the_story_before_anything_is_written(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    try:
        budget = WorkBudget(seconds=0.5)
        with within(budget), pytest.raises(WorkBudgetExceeded, match="budget of 0.5 s"):
            ingest_stories(store, [StoryInput(text=long_list(3000), published="2025-07-01")])
        print(f"\nstopped after {budget.elapsed:.2f} s (budget 0.5 s)")
        assert store.stats().stories == 0 and store.stats().entities == 0
    finally:
        store.close()


@pytest.fixture
def client_factory(tmp_path: Path) -> Iterator[object]:
    opened: list[tuple[EmbeddedStore, TestClient]] = []

    def make(**overrides: object) -> tuple[TestClient, Path]:
        db = tmp_path / f"api-{len(opened)}.db"
        store = EmbeddedStore(db)
        store.ensure_schema()
        client = TestClient(create_app(make_settings(db, **overrides), store))
        client.__enter__()
        opened.append((store, client))
        return client, db

    yield make
    for store, client in opened:
        client.__exit__(None, None, None)
        store.close()


def test_the_long_list_post_answers_within_its_budget_and_writes_nothing(
    client_factory: object,
) -> None:
    client, db = client_factory(ingest_timeout=1.0)  # type: ignore[operator]
    started = time.monotonic()
    response = client.post("/stories", json={"text": long_list(3000), "published": "2025-07-01"})
    print(f"\nlong-list POST answered in {time.monotonic() - started:.2f} s (budget 1 s)")
    assert response.status_code == 422, response.text
    assert response.json()["type"] == "/problems/work-budget-exceeded"
    assert client.get("/stats").json()["stories"] == 0
    assert client.get("/stats").json()["entities"] == 0


def test_requests_beyond_the_limit_get_429_with_retry_after(client_factory: object) -> None:
    client, _ = client_factory(max_concurrent_ingests=1)  # type: ignore[operator]
    slots = IngestSlots(1)
    assert slots.take()  # as if one request were being read
    client.app.state.ingest_slots = slots  # type: ignore[attr-defined]
    busy = client.post("/stories", json=TINY)
    assert busy.status_code == 429, busy.text
    assert busy.json()["type"] == "/problems/too-busy"
    assert int(busy.headers["retry-after"]) > 0
    slots.give_back()
    assert client.post("/stories", json=TINY).status_code == 200


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, int, Path]]:
    db = tmp_path / "live.db"
    EmbeddedStore(db).ensure_schema()
    port = _free_port()
    env = {
        **os.environ,
        "SINOGRAPH_STORE": str(db),
        "SINOGRAPH_MAX_CONCURRENT_INGESTS": "1",
        "SINOGRAPH_INGEST_TIMEOUT": "600",
    }
    proc = subprocess.Popen(
        [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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
    # Warm the extractor (spaCy loads on first use) so the abandoned request is all reading.
    assert httpx.post(f"{base}/stories", json=TINY, timeout=120).status_code == 200
    yield base, port, db
    proc.terminate()
    proc.wait(timeout=10)


def test_a_client_that_hangs_up_stops_its_work(live: tuple[str, int, Path]) -> None:
    base, port, db = live
    stories_before = httpx.get(f"{base}/stats").json()["stories"]
    body = json.dumps({"text": long_list(4000), "published": "2025-07-01"}).encode()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /stories HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        time.sleep(1.0)  # the worker is reading the story now
    hung_up = time.monotonic()
    # The one slot is busy until the abandoned worker stops; then a small story goes in.
    deadline = hung_up + 120
    while time.monotonic() < deadline:
        answer = httpx.post(f"{base}/stories", json=OTHER, timeout=30)
        if answer.status_code != 429:
            break
        time.sleep(0.2)
    print(f"\nthe abandoned request's slot was free {time.monotonic() - hung_up:.2f} s after "
          "the client hung up")
    assert answer.status_code == 200, answer.text
    stats = httpx.get(f"{base}/stats").json()
    # Only the small story was added: nothing of the abandoned one.
    assert stats["stories"] == stories_before + 1
    assert not httpx.get(f"{base}/entities", params={"q": "Kestrel1 Mining Group"}).json()
