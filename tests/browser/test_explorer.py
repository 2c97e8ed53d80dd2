"""The graph explorer in headless Chromium, against the real API and the samples.

What the page draws is compared with what the store answers for the same
question, so the expectations follow the data rather than being written in.
Screenshots of each step go to ``tests/artifacts/`` (ignored by git).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, TimelineQuery
from sinograph.graph.model.results import Subgraph, TimelineItem
from tests.browser.conftest import LARGE_NEIGHBOURHOOD, LiveServer
from tests.browser.support import (
    RENDERED,
    busiest_entity,
    choose_from_suggestions,
    click_element,
    click_fact,
    closed_fact,
    drawn,
    edge_of,
    ids,
    item_key,
    open_explorer,
    settle,
    shot,
)

pytestmark = pytest.mark.browser

POSITION = "(id) => window.sinographExplorer.cy.getElementById(id).position()"


def expandable_neighbour(server: LiveServer, centre: Subgraph, centre_id: str) -> str:
    """A neighbour of the centre whose own neighbourhood reaches beyond the centre's."""
    known = {e.id for e in centre.entities}
    for entity in centre.entities:
        if entity.id == centre_id:
            continue
        if {e.id for e in server.store.neighbors(NeighbourQuery(
            entity=entity.id,
        )).entities} - known:
            return entity.id
    pytest.fail(f"no neighbour of {centre_id} leads anywhere new; the sample graph is too small")


# -------------------------------------------------------------------- tests


def test_search_suggests_then_draws_the_neighbourhood(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    centre = busiest_entity(live_server)
    entity = live_server.store.resolve_entity(centre)
    expected = live_server.store.neighbors(NeighbourQuery(entity=centre, depth=1, limit=200))
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
    first = store.neighbors(NeighbourQuery(entity=centre, depth=1, limit=200))
    other = expandable_neighbour(live_server, first, centre)
    second = store.neighbors(NeighbourQuery(entity=other, depth=1, limit=200))
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
    facts = store.neighbors(NeighbourQuery(entity=centre, depth=1, limit=200)).facts
    pairs: dict[frozenset[str], int] = {}
    for f in facts:
        pairs[frozenset((f.subject, f.object))] = pairs.get(frozenset((f.subject, f.object)), 0) + 1
    # A fact alone between its two entities has an edge of its own.
    fact = next(f for f in facts if f.sources and pairs[frozenset((f.subject, f.object))] == 1)
    full = store.get_fact(fact.key)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", store.resolve_entity(centre).name, centre)
    settle(page)
    view_before = page.evaluate("() => window.sinographExplorer.cy.zoom()")

    click_fact(page, fact.key)
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
    # Nothing internal is shown: no fact key, no extractor rule; who read a sentence is
    # said in words ("read by the rules").
    text = panel.inner_text()
    assert fact.key not in text
    assert "rule" not in text.lower().replace("read by the rules", "")
    assert view_before  # the page had a viewport before the click
    shot(page, artifacts, "04-evidence")


def test_path_mode_draws_and_lists_the_paths(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    source = busiest_entity(live_server)
    near = {e.id for e in store.neighbors(NeighbourQuery(
        entity=source, depth=1, limit=1000,
    )).entities}
    far = [e for e in store.neighbors(NeighbourQuery(
        entity=source, depth=2, limit=1000,
    )).entities if e.id not in near]
    assert far, "the sample graph needs an entity two hops from the busiest one"
    target = far[0]
    expected = store.paths(PathQuery(source=source, target=target.id, max_hops=4, k=3))
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
        first_sentence = hops.nth(0).locator(".first-sentence")
        if path.hops[0].fact.sources:
            assert path.hops[0].fact.sources[0].sentence in first_sentence.inner_text()
    now = drawn(page)
    assert now["path_edges"] == sorted({h.fact.key for p in expected.paths for h in p.hops})
    assert now["path_nodes"] == sorted({n.id for p in expected.paths for n in p.nodes})
    shot(page, artifacts, "05-path")

    # A hop opens its evidence in place: the path list stays, the graph singles it out.
    hop = sections.nth(0).locator("li.hop").first
    hop.locator("button.hop-head").click()
    settle(page)
    assert page.get_attribute("#tab-path", "aria-selected") == "true"
    assert sections.count() == len(expected.paths)
    evidence = hop.locator(".hop-evidence .sentence")
    first_hop = expected.paths[0].hops[0].fact
    assert evidence.all_inner_texts() == [s.sentence for s in first_hop.sources]
    assert drawn(page)["focus_edges"] == [first_hop.key]


def timeline_order(items: list[TimelineItem], undated: list[TimelineItem]) -> list[TimelineItem]:
    """What the timeline lists: dated items, and undated facts placed by their period."""

    def start(item: TimelineItem) -> int:
        fact = item.fact
        when = item.date or (fact.valid_from or fact.date or fact.valid_until if fact else None)
        assert when is not None
        return partial_date_ordinal(when)

    spans = [i for i in undated if i.fact is not None and (i.fact.valid_from or i.fact.valid_until)]
    return sorted(items + spans, key=start)


def test_timeline_lists_dated_facts_in_order_and_highlights_the_edge(
    page: Page, live_server: LiveServer, artifacts: Path
) -> None:
    store = live_server.store
    centre = busiest_entity(live_server)
    page_ = store.timeline(TimelineQuery(entity=centre, limit=100))
    expected = timeline_order(page_.items, page_.undated)
    assert expected, "the busiest sample entity should have dated facts"
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", store.resolve_entity(centre).name, centre)
    settle(page)

    page.click("#tab-timeline")
    items = page.locator("#timeline-items li.timeline-item")
    assert items.count() == len(expected)
    keys = [items.nth(i).get_attribute("data-key") for i in range(items.count())]
    assert keys == [item_key(i) for i in expected]
    marks = page.locator("svg.timeline-axis [data-key]")
    assert marks.count() == len(expected)

    fact_item = next(i for i in expected if i.fact is not None)
    assert fact_item.fact is not None
    page.locator(f"#timeline-items li[data-key='{fact_item.fact.key}'] button").first.click()
    settle(page)
    assert drawn(page)["focus_edges"] == [fact_item.fact.key]
    # The item opens its evidence in place.
    evidence = page.locator(f"#timeline-items li[data-key='{fact_item.fact.key}'] .sentence")
    assert evidence.all_inner_texts() == [s.sentence for s in fact_item.fact.sources]
    shot(page, artifacts, "06-timeline")

    # Filtering by predicate asks the API again and shows only that predicate.
    predicate = fact_item.fact.predicate.value
    filtered = store.timeline(TimelineQuery(entity=centre, predicates=predicate, limit=100))
    page.locator("#panel-timeline .predicate-filter summary").click()
    page.locator(f"#panel-timeline input[value='{predicate}']").check()
    page.click("#timeline-apply")
    settle(page)
    assert items.count() == len(timeline_order(filtered.items, filtered.undated))


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
        "(id) => window.sinographExplorer.cy.getElementById(id).style('line-style')",
        edge_of(page, fact.key),
    )
    assert dash == "dashed"

    page.fill("#as-of", fact.valid_until)
    page.click("#as-of-apply")
    settle(page)
    after = drawn(page)
    expected = store.neighbors(NeighbourQuery(
        entity=fact.subject, depth=1, limit=200, as_of=fact.valid_until,
    ))
    assert fact.key not in after["edges"]
    assert after["edges"] == ids(expected.facts)
    assert page.locator("#as-of-badge").inner_text() == f"as of {fact.valid_until}"
    shot(page, artifacts, "07-as-of-after-close")

    page.fill("#as-of", started)
    page.click("#as-of-apply")
    settle(page)
    during = drawn(page)
    expected = store.neighbors(NeighbourQuery(
        entity=fact.subject, depth=1, limit=200, as_of=started,
    ))
    assert fact.key in during["edges"]
    assert during["edges"] == ids(expected.facts)

    page.click("#as-of-clear")
    settle(page)
    assert drawn(page)["edges"] == now["edges"]


def test_api_problems_are_shown_to_the_user(page: Page, live_server: LiveServer) -> None:
    # An address naming an entity the graph does not know: the API's problem, as it said it.
    open_explorer(page, live_server, "#entity=company:qqqzzx-nowhere-holdings")
    settle(page)
    message = page.locator("#messages .message.error")
    message.wait_for(state="visible")
    assert page.locator("#messages .message-title").inner_text().strip() == "Entity not found"
    assert "qqqzzx-nowhere-holdings" in message.inner_text()

    # Names typed in the path form are checked before any path is asked for.
    page.click("#tab-path")
    page.fill("#path-source", "Qqqzzx Nowhere Holdings")
    page.fill("#path-target", "Zzqqxv Elsewhere Group")
    page.click("#path-find")
    settle(page)
    hint = page.locator("#panel-path .picker-hint:visible")
    assert "Qqqzzx Nowhere Holdings" in hint.first.inner_text()

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
