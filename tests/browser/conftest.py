"""A live API over a real embedded store, and headless Chromium driven by Playwright.

Chromium comes from Debian (``make browser-deps``), never from ``playwright
install``; without ``/usr/bin/chromium`` every browser test is skipped with that
reason. The graph library the page needs comes from ``make explorer-vendor``,
which this module runs once when its output is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from graph.embedded.store import EmbeddedStore
from graph.model import Entity, Evidence, Fact, GraphDelta, Story
from graph.ontology import EntityType, Predicate
from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GRAPH = ROOT / "samples" / "graph"
VENDOR_FILE = ROOT / "api" / "static" / "vendor" / "cytoscape.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LARGE_NEIGHBOURHOOD = 2_000


@dataclass(frozen=True)
class LiveServer:
    """A running API: where to reach it and the store it serves."""

    url: str
    store: EmbeddedStore


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _load_samples(store: EmbeddedStore) -> None:
    files = sorted(SAMPLE_GRAPH.glob("*.json"))
    if not files:
        pytest.fail(f"no sample graph in {SAMPLE_GRAPH}; the browser test needs it")
    for path in files:
        store.upsert(GraphDelta.model_validate_json(path.read_text("utf-8")))


def large_delta(size: int = LARGE_NEIGHBOURHOOD) -> GraphDelta:
    """One hub company with ``size`` direct neighbours, a few of them linked to each other."""
    story = Story.from_text(
        "A synthetic story that stands behind every generated fact.",
        title="Synthetic load story",
        publisher="sinograph test suite",
        published="2024-05-01",
    )
    hub = Entity(name="Synthetic Hub Holdings", type=EntityType.COMPANY)
    kinds = [EntityType.COMPANY, EntityType.PERSON, EntityType.ASSET, EntityType.REGION]
    others = [Entity(name=f"Synthetic Entity {i:04d}", type=kinds[i % 4]) for i in range(size)]
    evidence = (Evidence(story_id=story.id, sentence="The hub reported many holdings."),)
    predicate_for = {
        EntityType.COMPANY: Predicate.INVESTS_IN,
        EntityType.PERSON: Predicate.LEADS,
        EntityType.ASSET: Predicate.OWNS,
        EntityType.REGION: Predicate.OPERATES_IN,
    }
    facts = []
    for i, other in enumerate(others):
        predicate = predicate_for[other.type]
        # LEADS points from the person to the company.
        subject, obj = (other.id, hub.id) if predicate is Predicate.LEADS else (hub.id, other.id)
        date = f"20{10 + i % 15:02d}-{1 + i % 12:02d}"
        facts.append(
            Fact(subject=subject, predicate=predicate, object=obj, date=date, evidence=evidence)
        )
    companies = [o for o in others if o.type is EntityType.COMPANY]
    for a, b in zip(companies[::2], companies[1::2], strict=False):
        facts.append(
            Fact(subject=a.id, predicate=Predicate.PARTNERS_WITH, object=b.id, evidence=evidence)
        )
    return GraphDelta(stories=(story,), entities=(hub, *others), facts=tuple(facts))


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: install Debian's chromium (`make browser-deps`) to run "
            "the explorer's browser tests"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def explorer_vendor() -> Path:
    """The graph library in api/static/vendor/, built with the project's own target."""
    if not VENDOR_FILE.exists():
        make = shutil.which("make")
        if make is None:
            pytest.fail(f"{VENDOR_FILE} is missing and `make` is not available to build it")
        done = subprocess.run(
            [make, "-C", str(ROOT), "explorer-vendor"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or not VENDOR_FILE.exists():
            pytest.fail(
                f"`make explorer-vendor` did not produce {VENDOR_FILE}:\n"
                f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
            )
    return VENDOR_FILE


def _serve(store: EmbeddedStore, db: Path) -> Iterator[LiveServer]:
    import uvicorn

    from api.app import create_app

    port = _free_port()
    app = create_app(Settings(store=str(db)), store)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"explorer-api-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the API server did not start within 30 s")
        time.sleep(0.05)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", store=store)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app over an embedded store holding the sample graph."""
    db = tmp_path_factory.mktemp("explorer") / "sample.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    _load_samples(store)
    try:
        yield from _serve(store, db)
    finally:
        store.close()


@pytest.fixture(scope="module")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app over a store whose hub entity has 2,000 neighbours."""
    db = tmp_path_factory.mktemp("explorer-large") / "large.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    store.upsert(large_delta())
    try:
        yield from _serve(store, db)
    finally:
        store.close()


@pytest.fixture(scope="module")
def browser(chromium_path: Path, explorer_vendor: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(20_000)
    try:
        yield page
    finally:
        context.close()
    # An exception thrown inside the page is a bug even when the assertions passed.
    assert not errors, f"the page raised: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
