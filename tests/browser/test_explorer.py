"""The graph explorer in headless Chromium, against the real API and the sample graph.

What the page draws is compared with what the store answers for the same
question, so the expectations follow the data rather than being written in.
Screenshots of each step go to ``tests/artifacts/`` (ignored by git).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from graph.model import Fact
from graph.results import Subgraph, TimelineItem
from tests.browser.conftest import LARGE_NEIGHBOURHOOD, LiveServer

pytestmark = pytest.mark.browser

SETTLED = """() => {
  const root = document.documentElement;
  const x = window.sinographExplorer;
  if (root.dataset.busy !== "false" || !x) return false;
  const cy = x.cy;
  return !cy || (!cy.animated() && !cy.elements().some((e) => e.animated()));
}"""


POSITION = "(id) => window.sinographExplorer.cy.getElementById(id).position()"
RENDERED = """(id) => {
  const cy = window.sinographExplorer.cy;
  const el = cy.getElementById(id);
  const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
  const box = cy.container().getBoundingClientRect();
  return { x: box.left + p.x, y: box.top + p.y };
}"""

# ------------------------------------------------------------------ helpers


def open_explorer(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    page.wait_for_selector("html[data-explorer-ready='true']")


def settle(page: Page, timeout: float = 20_000) -> None:
    page.wait_for_function(SETTLED, timeout=timeout)


def drawn(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(
        """() => {
          const cy = window.sinographExplorer.cy;
          return {
            nodes: cy.nodes().map((n) => n.id()).sort(),
            edges: cy.edges().map((e) => e.id()).sort(),
            closed: cy.edges(".closed").map((e) => e.id()).sort(),
            path_nodes: cy.nodes(".path").map((n) => n.id()).sort(),
            path_edges: cy.edges(".path").map((e) => e.id()).sort(),
            focus_edges: cy.edges(".focus").map((e) => e.id()).sort(),
          };
        }"""
    )
    return result


def choose_from_suggestions(page: Page, input_selector: str, text: str, entity_id: str) -> None:
    page.fill(input_selector, text)
    listbox = page.get_attribute(input_selector, "aria-controls")
    option = page.locator(f"#{listbox} li[data-entity-id='{entity_id}']")
    option.wait_for(state="visible")
    option.click()


def click_element(page: Page, element_id: str) -> None:
    """Click a node (its centre) or an edge (its midpoint) with the real mouse."""
    point = page.evaluate(RENDERED, element_id)
    page.mouse.click(point["x"], point["y"])


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"explorer-{name}.png"))


def ids(items: Iterable[Any]) -> list[str]:
    return sorted(getattr(item, "id", None) or item.key for item in items)


def item_key(item: TimelineItem) -> str:
    if item.fact is not None:
        return item.fact.key
    assert item.metric is not None, "a timeline item is a fact or a metric"
    return item.metric.id


def busiest_entity(server: LiveServer) -> str:
    counts: dict[str, int] = {}
    for fact in server.store.export_delta().facts:
        for end in (fact.subject, fact.object):
            counts[end] = counts.get(end, 0) + 1
    return min(counts, key=lambda e: (-counts[e], e))


def expandable_neighbour(server: LiveServer, centre: Subgraph, centre_id: str) -> str:
    """A neighbour of the centre whose own neighbourhood reaches beyond the centre's."""
    known = {e.id for e in centre.entities}
    for entity in centre.entities:
        if entity.id == centre_id:
            continue
        if {e.id for e in server.store.neighbors(entity.id).entities} - known:
            return entity.id
    pytest.fail(f"no neighbour of {centre_id} leads anywhere new; the sample graph is too small")


def closed_fact(server: LiveServer) -> Fact:
    for fact in server.store.export_delta().facts:
        if fact.valid_until and (fact.valid_from or fact.date):
            return fact
    pytest.fail("the sample graph holds no closed fact with a start date")


# -------------------------------------------------------------------- tests


def test_search_suggests_then_draws_the_neighbourhood(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    centre = busiest_entity(live_server)
    entity = live_server.store.resolve_entity(centre)
    expected = live_server.store.neighbors(centre, depth=1, limit=200)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_explorer(page, live_server)

    page.fill("#search-input", entity.name[:5])
    suggestions = page.locator("#" + str(page.get_attribute("#search-input", "aria-controls")))
    suggestions.locator(f"li[data-entity-id='{centre}']").wait_for(state="visible")
    assert suggestions.locator("li").count() >= 1
    shot(page, artifacts, "01-suggestions")

    suggestions.locator(f"li[data-entity-id='{centre}']").click()
    settle(page)
    now = drawn(page)
    assert now["nodes"] == ids(expected.entities)
    assert now["edges"] == ids(expected.facts)
    styles = page.evaluate(
        """() => window.sinographExplorer.cy.nodes().map((n) => [n.data("type"),
              n.style("background-color"), n.style("shape")])"""
    )
    by_type: dict[str, set[tuple[str, str]]] = {}
    for label, colour, shape in styles:
        by_type.setdefault(label, set()).add((colour, shape))
    assert all(len(v) == 1 for v in by_type.values()), "one look per label"
    assert len({v.pop() for v in by_type.values()}) == len(by_type), "labels look different"
    legend = page.locator("#legend li[data-label]").all_inner_texts()
    assert set(by_type) <= set(legend)
    heading = page.locator("#panel-details h2").inner_text()
    assert heading == f"{entity.name} {entity.name_zh}" if entity.name_zh else entity.name
    if entity.name_zh:  # the Chinese name beside the name, set apart
        assert page.locator("#panel-details h2 .name-zh").inner_text().strip() == entity.name_zh
    shot(page, artifacts, "02-neighbourhood")
    # Nodes can be dragged: the node moves, and a drag is not a click (nothing expands).
    other = next(n for n in now["nodes"] if n != centre)
    before = page.evaluate(POSITION, other)
    start = page.evaluate(RENDERED, other)
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.mouse.move(start["x"] + 60, start["y"] + 40, steps=8)
    page.mouse.up()
    settle(page)
    after = page.evaluate(POSITION, other)
    assert (after["x"], after["y"]) != (before["x"], before["y"])
    assert drawn(page)["nodes"] == now["nodes"]
    # Self-contained: every script, stylesheet and answer came from the app itself.
    assert requested
    assert [u for u in requested if not u.startswith(live_server.url + "/")] == []
    assert any(u.endswith("/static/vendor/cytoscape.min.js") for u in requested)


def test_clicking_a_node_expands_its_neighbours(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    centre = busiest_entity(live_server)
    store = live_server.store
    first = store.neighbors(centre, depth=1, limit=200)
    other = expandable_neighbour(live_server, first, centre)
    second = store.neighbors(other, depth=1, limit=200)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", store.resolve_entity(centre).name, centre)
    settle(page)
    before = drawn(page)

    click_element(page, other)
    settle(page)
    after = drawn(page)
    assert len(after["nodes"]) > len(before["nodes"])
    assert after["nodes"] == sorted({*ids(first.entities), *ids(second.entities)})
    assert after["edges"] == sorted({*ids(first.facts), *ids(second.facts)})
    expanded = page.evaluate(
        "() => window.sinographExplorer.cy.nodes('.expanded').map((n) => n.id()).sort()"
    )
    assert expanded == sorted([centre, other])
    shot(page, artifacts, "03-expanded")


def test_clicking_an_edge_shows_its_evidence_and_sources(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    centre = busiest_entity(live_server)
    facts = store.neighbors(centre, depth=1, limit=200).facts
    fact = next(f for f in facts if f.sources)
    full = store.get_fact(fact.key)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", store.resolve_entity(centre).name, centre)
    settle(page)
    # Bring the edge close, as a person would zoom in, so nothing else sits on its midpoint.
    page.evaluate(
        """(key) => { const cy = window.sinographExplorer.cy;
                     cy.fit(cy.getElementById(key).connectedNodes(), 200); }""",
        fact.key,
    )

    click_element(page, fact.key)
    settle(page)
    panel = page.locator("#panel-details")
    assert panel.locator(".fact-statement").inner_text().split() == [
        *full.subject_name.split(),
        full.predicate.value,
        *full.object_name.split(),
    ]
    sentences = panel.locator(".sentence").all_inner_texts()
    assert sentences == [s.sentence for s in full.sources]
    publishers = panel.locator(".publisher").all_inner_texts()
    assert publishers == [s.publisher or "unknown publisher" for s in full.sources]
    assert drawn(page)["focus_edges"] == [fact.key]
    shot(page, artifacts, "04-evidence")


def test_path_mode_draws_and_lists_the_paths(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    source = busiest_entity(live_server)
    near = {e.id for e in store.neighbors(source, depth=1, limit=1000).entities}
    far = [e for e in store.neighbors(source, depth=2, limit=1000).entities if e.id not in near]
    assert far, "the sample graph needs an entity two hops from the busiest one"
    target = far[0]
    expected = store.paths(source, target.id, max_hops=4, k=3)
    open_explorer(page, live_server)

    page.click("#tab-path")
    choose_from_suggestions(page, "#path-source", store.resolve_entity(source).name, source)
    choose_from_suggestions(page, "#path-target", target.name, target.id)
    page.fill("#path-max-hops", "4")
    page.fill("#path-k", "3")
    page.click("#path-find")
    settle(page)

    sections = page.locator("#path-results section.path")
    assert sections.count() == len(expected.paths)
    for i, path in enumerate(expected.paths):
        hops = sections.nth(i).locator("li.hop")
        assert hops.count() == len(path.hops)
        keys = [hops.nth(j).get_attribute("data-fact-key") for j in range(hops.count())]
        assert keys == [hop.fact.key for hop in path.hops]
        first_sentence = hops.nth(0).locator(".sentence")
        if path.hops[0].fact.sources:
            assert path.hops[0].fact.sources[0].sentence in first_sentence.inner_text()
    now = drawn(page)
    assert now["path_edges"] == sorted({h.fact.key for p in expected.paths for h in p.hops})
    assert now["path_nodes"] == sorted({n.id for p in expected.paths for n in p.nodes})
    shot(page, artifacts, "05-path")

    # A hop in the list opens that fact's evidence.
    sections.nth(0).locator("li.hop button").first.click()
    settle(page)
    assert page.locator("#panel-details .sentence").count() >= 1


def test_timeline_lists_dated_facts_in_order_and_highlights_the_edge(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    centre = busiest_entity(live_server)
    expected = store.timeline(centre, limit=100)
    assert expected.items, "the busiest sample entity should have dated facts"
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", store.resolve_entity(centre).name, centre)
    settle(page)

    page.click("#tab-timeline")
    items = page.locator("#timeline-items li.timeline-item")
    assert items.count() == len(expected.items)
    keys = [items.nth(i).get_attribute("data-key") for i in range(items.count())]
    assert keys == [item_key(i) for i in expected.items]
    dates = [items.nth(i).get_attribute("data-date") for i in range(items.count())]
    assert dates == [i.date for i in expected.items]
    dots = page.locator("svg.timeline-axis circle.dot")
    assert dots.count() == len(expected.items)

    fact_item = next(i for i in expected.items if i.fact is not None)
    assert fact_item.fact is not None
    page.locator(f"#timeline-items li[data-key='{fact_item.fact.key}'] button").click()
    settle(page)
    assert drawn(page)["focus_edges"] == [fact_item.fact.key]
    shot(page, artifacts, "06-timeline")

    # Filtering by predicate asks the API again and shows only that predicate.
    predicate = fact_item.fact.predicate.value
    filtered = store.timeline(centre, predicates=predicate, limit=100)
    page.locator("#panel-timeline .predicate-filter summary").click()
    page.locator(f"#panel-timeline input[value='{predicate}']").check()
    page.click("#timeline-apply")
    settle(page)
    assert items.count() == len(filtered.items)


def test_as_of_redraws_the_graph_as_it_stood(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    fact = closed_fact(live_server)
    assert fact.valid_until is not None
    started = fact.valid_from or fact.date
    assert started is not None
    open_explorer(page, live_server)
    subject = store.resolve_entity(fact.subject)
    choose_from_suggestions(page, "#search-input", subject.name, subject.id)
    settle(page)
    now = drawn(page)
    assert fact.key in now["edges"]
    assert fact.key in now["closed"], "a closed fact is drawn differently"
    dash = page.evaluate(
        "(k) => window.sinographExplorer.cy.getElementById(k).style('line-style')", fact.key
    )
    assert dash == "dashed"

    page.fill("#as-of", fact.valid_until)
    page.click("#as-of-apply")
    settle(page)
    after = drawn(page)
    expected = store.neighbors(fact.subject, depth=1, limit=200, as_of=fact.valid_until)
    assert fact.key not in after["edges"]
    assert after["edges"] == ids(expected.facts)
    assert page.locator("#as-of-badge").inner_text() == f"as of {fact.valid_until}"
    shot(page, artifacts, "07-as-of-after-close")

    page.fill("#as-of", started)
    page.click("#as-of-apply")
    settle(page)
    during = drawn(page)
    expected = store.neighbors(fact.subject, depth=1, limit=200, as_of=started)
    assert fact.key in during["edges"]
    assert during["edges"] == ids(expected.facts)

    page.click("#as-of-clear")
    settle(page)
    assert drawn(page)["edges"] == now["edges"]


def test_api_problems_are_shown_to_the_user(page: Page, live_server: LiveServer) -> None:
    open_explorer(page, live_server)
    page.click("#tab-path")
    page.fill("#path-source", "Qqqzzx Nowhere Holdings")
    page.fill("#path-target", "Zzqqxv Elsewhere Group")
    page.click("#path-find")
    settle(page)
    message = page.locator("#messages .message.error")
    message.wait_for(state="visible")
    assert page.locator("#messages .message-title").inner_text().strip()
    assert "Qqqzzx Nowhere Holdings" in message.inner_text()

    page.fill("#as-of", "next week")
    page.click("#as-of-apply")
    assert "next week" in page.locator("#messages .message-detail").inner_text()


def test_missing_graph_library_says_how_to_fix_it(page: Page, live_server: LiveServer) -> None:
    page.route("**/static/vendor/**", lambda route: route.abort())
    open_explorer(page, live_server)
    notice = page.locator(".vendor-missing")
    notice.wait_for(state="visible")
    assert "make explorer-vendor" in page.locator("#graph-empty").inner_text()
    # Search still answers without the drawing.
    page.fill("#search-input", "a")
    listbox = page.get_attribute("#search-input", "aria-controls")
    page.locator(f"#{listbox} li[data-entity-id]").first.wait_for(state="visible")


def test_large_neighbourhood_stays_responsive(
    page: Page, large_server: LiveServer, artifacts: Path
) -> None:
    hub = large_server.store.resolve_entity("Synthetic Hub Holdings")
    open_explorer(page, large_server)
    page.select_option("#limit", "2500")
    started = time.perf_counter()
    choose_from_suggestions(page, "#search-input", "Synthetic Hub", hub.id)
    settle(page, timeout=120_000)
    total = time.perf_counter() - started
    shot(page, artifacts, "08-large")
    now = drawn(page)
    assert len(now["nodes"]) == LARGE_NEIGHBOURHOOD + 1
    layout = page.evaluate("() => window.sinographExplorer.graph.lastLayout")
    # How long the page takes to answer a gesture: zoom steps, each timed to its next frames.
    frame_ms = page.evaluate(
        """async () => {
          const cy = window.sinographExplorer.cy;
          const frame = () =>
            new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const times = [];
          for (let i = 0; i < 8; i++) {
            const t0 = performance.now();
            const level = cy.zoom() * (i < 4 ? 1.25 : 0.8);
            cy.zoom({ level, renderedPosition: { x: 400, y: 300 } });
            await frame();
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          return times[Math.floor(times.length / 2)];
        }"""
    )
    leaf = next(n for n in now["nodes"] if n != hub.id)
    expand_started = time.perf_counter()
    page.evaluate("(id) => window.sinographExplorer.expand(id)", leaf)
    settle(page, timeout=60_000)
    expand_s = time.perf_counter() - expand_started
    print(
        f"\nexplorer, {len(now['nodes'])} nodes / {len(now['edges'])} edges: "
        f"search-to-drawn {total:.2f} s, layout {layout['name']} {layout['ms']} ms, "
        f"median zoom step {frame_ms:.0f} ms, expand {expand_s:.2f} s"
    )
    shot(page, artifacts, "09-large-zoomed-expanded")
