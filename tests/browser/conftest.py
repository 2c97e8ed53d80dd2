"""A live API over a real embedded store, and headless Chromium driven by Playwright.

Chromium comes from Debian (``make browser-deps``), never from ``playwright
install``; without ``/usr/bin/chromium`` every browser test is skipped with that
reason. The graph library the page needs comes from ``make explorer-vendor``,
which this module runs once when its output is missing.

The store holds what ``make run`` serves: ``samples/graph`` and ``samples/stories``,
loaded by the ``sinograph load`` command itself. Every page refuses requests to
anywhere but 127.0.0.1, and each test fails if the page tried one.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route, ViewportSize, sync_playwright

from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate
from sinograph.graph.stores.embedded.store import EmbeddedStore
from sinograph.graph.wiring.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GRAPH = ROOT / "samples" / "graph"
SAMPLE_STORIES = ROOT / "samples" / "stories"
VENDOR_FILE = ROOT / "api" / "static" / "vendor" / "cytoscape.min.js"
# axe-core is a dev dependency of the vendor folder: injected by the accessibility test,
# never copied into api/static/ nor served.
AXE_FILE = ROOT / "api" / "explorer-vendor" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
WIDE: ViewportSize = {"width": 1400, "height": 900}
NARROW: ViewportSize = {"width": 800, "height": 900}
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


def _load_samples(db: Path) -> None:
    """``sinograph load samples/graph samples/stories`` into ``db``, as ``make samples`` does."""
    if not any(SAMPLE_GRAPH.glob("*.json")):
        pytest.fail(f"no sample graph in {SAMPLE_GRAPH}; the browser test needs it")
    cli = Path(sys.executable).with_name("sinograph")
    done = subprocess.run(
        [str(cli), "--store", str(db), "load", str(SAMPLE_GRAPH), str(SAMPLE_STORIES)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        pytest.fail(f"loading the samples failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


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

    from sinograph.api.app import create_app

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


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples as ``make run`` serves them, loaded once per session."""
    db = tmp_path_factory.mktemp("explorer-samples") / "samples.db"
    _load_samples(db)
    return db


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory, sample_db: Path) -> Iterator[LiveServer]:
    """The real app over a private copy of the sample store."""
    db = tmp_path_factory.mktemp("explorer") / "sample.db"
    shutil.copyfile(sample_db, db)
    store = EmbeddedStore(db)
    store.ensure_schema()
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


UNDATED_OWNED = 130
UNDATED_INVESTED = 20


def undated_delta() -> GraphDelta:
    """One company with more undated facts than a timeline page holds (130 OWNS, 20
    INVESTS_IN) and one dated fact."""
    story = Story.from_text(
        "A synthetic story behind many undated holdings.",
        title="Synthetic holdings story",
        publisher="sinograph test suite",
        published="2024-05-01",
    )
    hub = Entity(name="Undated Holdings", type=EntityType.COMPANY)
    assets = [Entity(name=f"Undated Asset {i:03d}", type=EntityType.ASSET)
              for i in range(UNDATED_OWNED)]
    firms = [Entity(name=f"Undated Firm {i:03d}", type=EntityType.COMPANY)
             for i in range(UNDATED_INVESTED)]
    evidence = (Evidence(story_id=story.id, sentence="The company listed its holdings."),)
    facts = [Fact(subject=hub.id, predicate=Predicate.OWNS, object=a.id, evidence=evidence)
             for a in assets]
    facts += [Fact(subject=hub.id, predicate=Predicate.INVESTS_IN, object=f.id,
                   evidence=evidence) for f in firms]
    facts.append(Fact(subject=hub.id, predicate=Predicate.ACQUIRES, object=firms[0].id,
                      date="2024-04", evidence=evidence))
    return GraphDelta(
        stories=(story,), entities=(hub, *assets, *firms), facts=tuple(facts)
    )


@pytest.fixture(scope="module")
def undated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app over a store with one company of 150 undated facts."""
    db = tmp_path_factory.mktemp("explorer-undated") / "undated.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    store.upsert(undated_delta())
    try:
        yield from _serve(store, db)
    finally:
        store.close()


def dossier_delta() -> GraphDelta:
    """A small firm with owners two levels up, a subsidiary, two leaders (one former),
    government acts on it, on its owner and on its subsidiary, a deal and a headquarters,
    told by three stories, and a neighbour that is not in its dossier."""
    stories = (
        Story.from_text(
            "Copperleaf bought control of a robot maker, and its owner was sanctioned.",
            title="Copperleaf builds a robotics stake",
            publisher="Harbour Ledger",
            published="2019-04-03",
            url="https://news.example.test/copperleaf-stake",
        ),
        Story.from_text(
            "The robot maker named a new chief and was barred from a state tender.",
            title="Lanternfish names a chief executive",
            publisher="Circuit Weekly",
            published="2023-09-12",
        ),
        Story.from_text(
            "Regulators fined the sensor unit, and the robot maker agreed to buy an optics firm.",
            title="Sensor unit fined as parent shops for optics",
            publisher="Harbour Ledger",
            published="2024-02-20",
        ),
    )
    first, second, third = (s.id for s in stories)
    firm = Entity(name="Lanternfish Robotics", type=EntityType.COMPANY, country="CN",
                  description="A maker of warehouse robots (test data).")
    owner = Entity(name="Copperleaf Holdings", type=EntityType.COMPANY)
    parent = Entity(name="Stonebridge State Capital", type=EntityType.INVESTOR_GROUP)
    unit = Entity(name="Lanternfish Sensors", type=EntityType.COMPANY)
    chief = Entity(name="Mira Castellan", type=EntityType.PERSON)
    former = Entity(name="Oskar Brandt", type=EntityType.PERSON)
    ministry = Entity(name="Ministry of Commerce of Freedonia", type=EntityType.GOVERNMENT_BODY)
    treasury = Entity(name="Freedonia Treasury Office", type=EntityType.GOVERNMENT_BODY)
    watchdog = Entity(name="Freedonia Market Regulator", type=EntityType.GOVERNMENT_BODY)
    optics = Entity(name="Brightwater Optics", type=EntityType.COMPANY)
    city = Entity(name="Shenzhen", type=EntityType.REGION)
    rival = Entity(name="Gannet Automation", type=EntityType.COMPANY)

    def said(story: str, sentence: str) -> tuple[Evidence, ...]:
        return (Evidence(story_id=story, sentence=sentence, extractor="rules"),)

    facts = (
        Fact(subject=owner.id, predicate=Predicate.OWNS, object=firm.id, stake_pct=60,
             date="2019-04", valid_from="2019-04",
             evidence=said(first, "Copperleaf Holdings took a 60% stake in Lanternfish.")),
        Fact(subject=parent.id, predicate=Predicate.CONTROLS, object=owner.id, date="2016-08",
             evidence=said(first, "Stonebridge has controlled Copperleaf since 2016.")),
        Fact(subject=unit.id, predicate=Predicate.SUBSIDIARY_OF, object=firm.id, date="2021-02",
             evidence=said(second, "Lanternfish Sensors is a unit of Lanternfish Robotics.")),
        Fact(subject=chief.id, predicate=Predicate.LEADS, object=firm.id, role="chief executive",
             date="2023-09", valid_from="2023-09",
             evidence=said(second, "Lanternfish named Mira Castellan chief executive.")),
        Fact(subject=former.id, predicate=Predicate.LEADS, object=firm.id, role="chairman",
             valid_from="2015-03", valid_until="2022-06",
             evidence=said(second, "Oskar Brandt chaired the firm until mid-2022.")),
        Fact(subject=ministry.id, predicate=Predicate.BANS, object=firm.id, date="2023-09-11",
             evidence=said(second, "The ministry barred Lanternfish from a state tender.")),
        Fact(subject=treasury.id, predicate=Predicate.SANCTIONS, object=owner.id,
             date="2019-03-28",
             evidence=said(first, "The Treasury Office sanctioned Copperleaf Holdings.")),
        Fact(subject=watchdog.id, predicate=Predicate.FINES, object=unit.id, date="2024-02-19",
             evidence=said(third, "The regulator fined Lanternfish Sensors.")),
        Fact(subject=firm.id, predicate=Predicate.ACQUIRES, object=optics.id, date="2024-02",
             status=FactStatus.AGREED,
             evidence=said(third, "Lanternfish agreed to buy Brightwater Optics.")),
        Fact(subject=firm.id, predicate=Predicate.HEADQUARTERED_IN, object=city.id,
             evidence=said(second, "Lanternfish is based in Shenzhen.")),
        Fact(subject=rival.id, predicate=Predicate.COMPETES_WITH, object=firm.id,
             evidence=said(third, "Gannet Automation competes with Lanternfish.")),
    )
    entities = (firm, owner, parent, unit, chief, former, ministry, treasury, watchdog,
                optics, city, rival)
    return GraphDelta(stories=stories, entities=entities, facts=facts)


@pytest.fixture(scope="module")
def dossier_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app over a store holding :func:`dossier_delta`."""
    db = tmp_path_factory.mktemp("explorer-dossier") / "dossier.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    store.upsert(dossier_delta())
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


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == "127.0.0.1"


def open_page(
    browser: Browser, viewport: ViewportSize, *, bypass_csp: bool = False
) -> tuple[Page, list[str], list[str]]:
    """A page in a fresh context that refuses every request leaving 127.0.0.1; returns it with
    the lists it fills: script errors (and Content-Security-Policy refusals), and the
    requests it refused. ``bypass_csp`` lets a test inject its own script (axe-core)."""
    context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp)
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []

    def guard(route: Route, request: Request) -> None:
        if _local(request.url):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The explorer is served with a strict Content-Security-Policy: anything it refuses
    # (an inline script or style, a foreign source) is a bug of the page.
    page.on(
        "console",
        lambda message: errors.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    page.set_default_timeout(20_000)
    return page, errors, outside


@pytest.fixture()
def axe_page(browser: Browser) -> Iterator[Page]:
    """A page whose Content-Security-Policy is bypassed, so axe-core can be injected as an
    inline script; everything else as ``page``. (The policy itself is tested with ``page``.)"""
    page, errors, outside = open_page(browser, WIDE, bypass_csp=True)
    try:
        yield page
    finally:
        page.context.close()
    assert not errors, f"the page raised: {errors}"
    assert not outside, f"the page asked for other hosts: {outside}"


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    page, errors, outside = open_page(browser, WIDE)
    try:
        yield page
    finally:
        page.context.close()
    # An exception thrown inside the page is a bug even when the assertions passed.
    assert not errors, f"the page raised: {errors}"
    assert not outside, f"the page tried to reach beyond 127.0.0.1: {outside}"


@pytest.fixture()
def narrow_page(browser: Browser) -> Iterator[Page]:
    """The same page 800 px wide, where the details panel goes under the graph."""
    page, errors, outside = open_page(browser, NARROW)
    try:
        yield page
    finally:
        page.context.close()
    assert not errors, f"the page raised: {errors}"
    assert not outside, f"the page tried to reach beyond 127.0.0.1: {outside}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser bundle from npm (``api/explorer-vendor``), read to inject inline."""
    if not AXE_FILE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(f"{AXE_FILE} is missing and npm is not available to install it")
        done = subprocess.run(
            [npm, "ci", "--prefix", str(AXE_FILE.parents[2]), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or not AXE_FILE.exists():
            pytest.fail(f"npm ci did not install axe-core:\n{done.stderr[-2000:]}")
    return AXE_FILE.read_text("utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture()
def browser_page_raw(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page whose console messages are collected, not treated as failures."""
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.set_default_timeout(20_000)
    try:
        yield page, messages
    finally:
        context.close()
