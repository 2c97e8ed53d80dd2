"""One browser test per bug of issue 18, each written to fail on the explorer before its fix.

Expectations come from the store (the same question asked directly), not from
numbers written here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from sinograph.graph.model.dates import partial_date_end_ordinal, partial_date_ordinal
from sinograph.graph.model.domain import Fact
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, SearchQuery, TimelineQuery
from tests.browser.conftest import LiveServer
from tests.browser.support import (
    MAX_FIT_ZOOM,
    busiest_entity,
    choose_from_suggestions,
    click_element,
    closed_fact,
    drawn,
    edge_of,
    ids,
    legend_overlaps,
    listbox_of,
    open_explorer,
    pixels,
    settle,
    viewport,
)

pytestmark = pytest.mark.browser


def facts_of(server: LiveServer) -> list[Fact]:
    return list(server.store.export_delta().facts)


def two_hops_away(server: LiveServer, source: str) -> str:
    near = {e.id for e in server.store.neighbors(NeighbourQuery(
        entity=source, depth=1, limit=1000,
    )).entities}
    far = [e for e in server.store.neighbors(NeighbourQuery(
        entity=source, depth=2, limit=1000,
    )).entities
           if e.id not in near]
    assert far, f"nothing lies two hops from {source}"
    return far[0].id


def name_of(server: LiveServer, entity_id: str) -> str:
    return server.store.resolve_entity(entity_id).name


def messages(page: Page) -> str:
    return page.locator("#messages").inner_text()


# ---------------------------------------------------------------- 1. suggestions


def test_bug01_suggestions_never_open_once_focus_has_left(
    page: Page, live_server: LiveServer
) -> None:
    open_explorer(page, live_server)
    page.click("#tab-path")
    page.click("#path-source")
    page.keyboard.type("China")
    page.keyboard.press("Tab")  # away before the suggestions arrive
    page.wait_for_timeout(1_200)  # well past the typing pause and the search's answer
    assert page.locator(listbox_of(page, "#path-source")).is_hidden()
    # Once open, a click on the graph closes the list too.
    page.click("#path-target")
    page.keyboard.type("Zijin")
    target_list = page.locator(listbox_of(page, "#path-target"))
    target_list.locator("li").first.wait_for(state="visible")
    page.mouse.click(300, 500)
    target_list.wait_for(state="hidden")


# ------------------------------------------------------------- 2. path zoom


def test_bug02_a_path_is_never_fitted_closer_than_the_zoom_limit(
    page: Page, live_server: LiveServer
) -> None:
    controls = next(f for f in facts_of(live_server) if f.predicate.value == "CONTROLS")
    open_explorer(page, live_server)
    page.click("#tab-path")
    choose_from_suggestions(page, "#path-source", name_of(live_server, controls.subject),
                            controls.subject)
    choose_from_suggestions(page, "#path-target", name_of(live_server, controls.object),
                            controls.object)
    page.click("#path-find")
    settle(page)
    assert drawn(page)["path_edges"], "the one-hop path is drawn"
    assert viewport(page)["zoom"] <= MAX_FIT_ZOOM + 1e-6
    assert legend_overlaps(page) == []


# -------------------------------------------------------- 3. hidden arrowheads


def test_bug03_an_arrowhead_entering_from_below_is_not_hidden_by_the_label(
    page: Page, live_server: LiveServer
) -> None:
    controls = next(f for f in facts_of(live_server) if f.predicate.value == "CONTROLS")
    target = controls.object
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, target), target)
    settle(page)
    edge = edge_of(page, controls.key)
    assert edge is not None
    # The subject straight below the target, everything else out of the way.
    points = page.evaluate(
        """([target, subject, edge]) => new Promise((resolve) => {
          const cy = window.sinographExplorer.cy;
          cy.nodes().forEach((n, i) => {
            if (n.id() !== target && n.id() !== subject) n.position({ x: 400 + 90 * i, y: -600 });
          });
          cy.getElementById(target).position({ x: 0, y: 0 });
          cy.getElementById(subject).position({ x: 0, y: 220 });
          cy.zoom(1.5);
          cy.center(cy.getElementById(target).union(cy.getElementById(subject)));
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const e = cy.getElementById(edge);
            const box = cy.container().getBoundingClientRect();
            const tip = e.renderedTargetEndpoint();
            const from = e.renderedSourceEndpoint();
            const len = Math.hypot(tip.x - from.x, tip.y - from.y);
            const ux = (from.x - tip.x) / len, uy = (from.y - tip.y) / len;
            resolve([3, 5, 7].map((d) => ({ x: box.left + tip.x + ux * d,
                                              y: box.top + tip.y + uy * d })));
          }));
        })""",
        [target, controls.subject, edge],
    )
    colours = pixels(page, points)
    luminance = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in colours]
    assert all(v < 190 for v in luminance), f"arrowhead washed out: {colours}"


# ------------------------------------------------------------- 4. Enter keys


def test_bug04_enter_runs_the_search_in_both_forms(page: Page, live_server: LiveServer) -> None:
    store = live_server.store
    controls = next(f for f in facts_of(live_server) if f.predicate.value == "CONTROLS")
    source = controls.subject
    target = two_hops_away(live_server, source)
    expected = store.paths(PathQuery(source=source, target=target, max_hops=4, k=3))
    open_explorer(page, live_server)
    page.click("#tab-path")
    choose_from_suggestions(page, "#path-source", name_of(live_server, source), source)
    page.fill("#path-target", name_of(live_server, target))
    page.press("#path-target", "Enter")
    settle(page)
    assert page.locator("#path-results section.path").count() == len(expected.paths)

    page.fill("#search-input", name_of(live_server, target))
    page.press("#search-input", "Enter")  # before any suggestion has arrived
    settle(page)
    assert drawn(page)["center"] == [target]


# --------------------------------------------------------------- 5. Escape


def test_bug05_escape_closes_the_list_and_keeps_the_text(
    page: Page, live_server: LiveServer
) -> None:
    open_explorer(page, live_server)
    page.fill("#search-input", "Stell")
    listbox = page.locator(listbox_of(page, "#search-input"))
    listbox.locator("li").first.wait_for(state="visible")
    page.press("#search-input", "Escape")
    assert listbox.is_hidden()
    assert page.input_value("#search-input") == "Stell"


# ------------------------------------------------------------ 6. timeline spans


def test_bug06_the_timeline_draws_spans_and_files_them_by_their_start(
    page: Page, live_server: LiveServer
) -> None:
    facts = facts_of(live_server)
    undated_span = next(f for f in facts if f.date is None and f.valid_from and f.valid_until)
    dated_span = next(
        f for f in facts if f.date and f.valid_until and f.valid_until > f.date
    )
    open_explorer(page, live_server)
    for fact in (undated_span, dated_span):
        choose_from_suggestions(page, "#search-input", name_of(live_server, fact.subject),
                                fact.subject)
        settle(page)
        page.click("#tab-timeline")
        listed = page.locator(f"#timeline-items li[data-key='{fact.key}']")
        assert listed.count() == 1, f"{fact.key} belongs with the dated items"
        assert page.locator(f".timeline-undated li[data-key='{fact.key}']").count() == 0
        mark = page.locator(f"svg.timeline-axis [data-key='{fact.key}']").first
        box = mark.bounding_box()
        assert box is not None and box["width"] > 20, f"{fact.key} is drawn as a span"
        page.click("#tab-details")


# ----------------------------------------------------- 7. the evidence panel's links


def test_bug07_an_entity_link_keeps_the_exploration_and_back_undoes(
    page: Page, live_server: LiveServer
) -> None:
    store = live_server.store
    centre = busiest_entity(live_server)
    first = store.neighbors(NeighbourQuery(entity=centre, depth=1, limit=200))
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, centre), centre)
    settle(page)
    known = set(ids(first.entities))
    other = next(
        e.id for e in first.entities
        if e.id != centre and {n.id for n in store.neighbors(NeighbourQuery(
            entity=e.id,
        )).entities} - known
    )
    click_element(page, other)
    settle(page)
    before = drawn(page)
    # A fact whose far end is not the centre: its link leads away from the centre.
    fact = next(f for f in first.facts if centre in (f.subject, f.object))
    far = fact.object if fact.subject == centre else fact.subject
    page.evaluate("(key) => window.sinographExplorer.openFact(key)", fact.key)
    settle(page)
    page.locator(f"#panel-details .fact-statement [data-entity-id='{far}'], "
                 f"#panel-details .fact-statement button[title='{far}']").first.click()
    settle(page)
    after = drawn(page)
    assert set(before["nodes"]) <= set(after["nodes"]), "the exploration is kept"
    assert set(before["edges"]) <= set(after["edges"])
    page.go_back()
    settle(page)
    assert drawn(page)["nodes"] == before["nodes"]
    assert drawn(page)["edges"] == before["edges"]


# ------------------------------------------------------------- 8. the address


def test_bug08_a_new_address_redraws_the_view(page: Page, live_server: LiveServer) -> None:
    centre = busiest_entity(live_server)
    other = two_hops_away(live_server, centre)
    open_explorer(page, live_server, f"#entity={centre}")
    settle(page)
    assert drawn(page)["center"] == [centre]
    page.evaluate("(id) => { location.hash = '#entity=' + encodeURIComponent(id); }", other)
    page.wait_for_function(
        "(id) => window.sinographExplorer.cy.nodes('.center').map((n) => n.id()).join() === id",
        arg=other,
        timeout=5_000,
    )
    settle(page)
    expected = live_server.store.neighbors(NeighbourQuery(entity=other, depth=1, limit=200))
    assert drawn(page)["nodes"] == ids(expected.entities)
    # The heading names the entity, with its Chinese name beside it when it has one.
    entity = live_server.store.resolve_entity(other)
    zh = f" {entity.name_zh}" if entity.name_zh and entity.name_zh != entity.name else ""
    assert page.locator("#panel-details h2").first.inner_text() == entity.name + zh


# --------------------------------------------------------- 9. clear highlight


def test_bug09_clear_highlight_restores_the_view_and_the_status(
    page: Page, live_server: LiveServer
) -> None:
    centre = busiest_entity(live_server)
    target = two_hops_away(live_server, centre)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, centre), centre)
    settle(page)
    status_before = page.locator("#status").inner_text()
    view_before = viewport(page)
    page.click("#tab-path")
    choose_from_suggestions(page, "#path-target", name_of(live_server, target), target)
    page.click("#path-find")
    settle(page)
    assert drawn(page)["path_edges"]
    page.click("#path-clear")
    settle(page)
    assert drawn(page)["path_edges"] == []
    status = page.locator("#status").inner_text()
    assert "highlighted" not in status and "Path" not in status
    assert status.split(" · ")[0] == status_before.split(" · ")[0]
    view = viewport(page)
    assert view["zoom"] == pytest.approx(view_before["zoom"], rel=1e-3)
    assert (view["x"], view["y"]) == pytest.approx((view_before["x"], view_before["y"]), abs=1)


# ------------------------------------------------------------------ 10. as-of


def test_bug10_as_of_keeps_the_path(page: Page, live_server: LiveServer) -> None:
    store = live_server.store
    controls = next(f for f in facts_of(live_server) if f.predicate.value == "CONTROLS")
    source = controls.subject
    target = two_hops_away(live_server, source)
    as_of = "2025-12-31"
    expected = store.paths(PathQuery(source=source, target=target, max_hops=4, k=3, as_of=as_of))
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, source), source)
    settle(page)
    page.click("#tab-path")
    choose_from_suggestions(page, "#path-target", name_of(live_server, target), target)
    page.click("#path-find")
    settle(page)
    page.fill("#as-of", as_of)
    page.click("#as-of-apply")
    settle(page)
    assert drawn(page)["path_edges"] == sorted(
        {h.fact.key for p in expected.paths for h in p.hops}
    ), "the path is still drawn as of the date"


def test_bug10_a_fact_holding_on_the_as_of_date_is_not_drawn_as_ended(
    page: Page, live_server: LiveServer
) -> None:
    fact = closed_fact(live_server)
    open_explorer(page, live_server)
    start = fact.valid_from or fact.date
    assert start is not None
    choose_from_suggestions(page, "#search-input", name_of(live_server, fact.subject),
                            fact.subject)
    settle(page)
    page.fill("#as-of", start)
    page.click("#as-of-apply")
    settle(page)
    edge = edge_of(page, fact.key)
    assert edge is not None, "the fact held on its start date"
    style = page.evaluate(
        "(id) => window.sinographExplorer.cy.getElementById(id).style('line-style')", edge
    )
    assert style == "solid", "a fact that still held on the date is not drawn as ended"


def test_bug10_as_of_applies_to_the_timeline_and_the_fact_counts(
    page: Page, live_server: LiveServer
) -> None:
    store = live_server.store
    centre = busiest_entity(live_server)
    dated = store.timeline(TimelineQuery(entity=centre, limit=100)).items
    as_of = dated[len(dated) // 2].date
    assert as_of is not None
    expected = store.timeline(TimelineQuery(entity=centre, until=as_of, limit=100))
    around = store.neighbors(NeighbourQuery(entity=centre, depth=1, limit=5_000, as_of=as_of))
    held = [f for f in around.facts if centre in (f.subject, f.object)]
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, centre), centre)
    settle(page)
    page.fill("#as-of", as_of)
    page.click("#as-of-apply")
    settle(page)
    page.click("#tab-timeline")
    dates = page.locator("#timeline-items li.timeline-item").evaluate_all(
        "(items) => items.map((i) => i.dataset.date).filter(Boolean)"
    )
    end = partial_date_end_ordinal(as_of)
    assert dates and all(partial_date_ordinal(d) <= end for d in dates)
    assert len(dates) >= len([i for i in expected.items if i.date])
    page.click("#tab-details")
    facts_row = page.locator("#panel-details dt:text-is('facts') + dd").inner_text()
    match = re.match(r"\d+", facts_row)
    assert match and int(match.group()) == len(held), facts_row
    assert as_of in facts_row


# ------------------------------------------------------ 11. depth and max nodes


def test_bug11_depth_and_max_nodes_redraw_at_once(page: Page, live_server: LiveServer) -> None:
    centre = busiest_entity(live_server)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, centre), centre)
    settle(page)
    page.select_option("#depth", "2")
    settle(page)
    expected = live_server.store.neighbors(NeighbourQuery(entity=centre, depth=2, limit=200))
    assert drawn(page)["nodes"] == ids(expected.entities)
    with page.expect_request(lambda r: "/neighbors" in r.url and "limit=100" in r.url):
        page.select_option("#limit", "100")
    settle(page)


# ----------------------------------------------- 12. names that fit several, or none


def test_bug12_a_short_name_asks_which_entity_instead_of_failing(
    page: Page, live_server: LiveServer
) -> None:
    store = live_server.store
    candidates = [m.entity.id for m in store.search_entities(SearchQuery(text="Li", limit=8))]
    assert len(candidates) >= 2, "the samples have several names starting with Li"
    controls = next(f for f in facts_of(live_server) if f.predicate.value == "CONTROLS")
    open_explorer(page, live_server)
    page.click("#tab-path")
    page.fill("#path-source", "Li")
    choose_from_suggestions(page, "#path-target", name_of(live_server, controls.object),
                            controls.object)
    page.click("#path-find")
    settle(page)
    assert "not found" not in messages(page).lower()
    offered = page.locator(f"{listbox_of(page, '#path-source')} li[data-entity-id]")
    offered.first.wait_for(state="visible")
    shown = offered.evaluate_all("(items) => items.map((i) => i.dataset.entityId)")
    assert set(candidates[:2]) <= set(shown)
    assert page.locator("#path-results section.path").count() == 0


def test_bug12_enter_never_opens_a_weak_guess(page: Page, live_server: LiveServer) -> None:
    guess = live_server.store.search_entities(SearchQuery(text="Xyzzyq Holdings"))
    assert all(m.match == "fuzzy" for m in guess), "only a fuzzy guess, if anything"
    open_explorer(page, live_server)
    page.fill("#search-input", "Xyzzyq Holdings")
    if guess:
        listbox = page.locator(listbox_of(page, "#search-input"))
        listbox.locator("li").first.wait_for(state="visible")
    page.press("#search-input", "Enter")
    settle(page)
    assert drawn(page)["nodes"] == []


# ------------------------------------------------------- 13. wording and favicon


def test_bug13_counts_read_as_english_and_the_icon_exists(
    page: Page, live_server: LiveServer
) -> None:
    facts = facts_of(live_server)
    degree: dict[str, int] = {}
    for f in facts:
        for end in (f.subject, f.object):
            degree[end] = degree.get(end, 0) + 1
    leaf = next(f.subject for f in facts if degree[f.subject] == 1 and degree[f.object] == 1)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    open_explorer(page, live_server)
    choose_from_suggestions(page, "#search-input", name_of(live_server, leaf), leaf)
    settle(page)
    status = page.locator("#status").inner_text()
    assert re.search(r"\b2 entities\b", status) and re.search(r"\b1 fact\b", status), status
    assert not re.search(r"\b1 (entities|facts)\b", status)
    assert "layout" not in status and not re.search(r"\d ms\b", status)
    assert page.request.get(live_server.url + "/favicon.ico").status == 200
    assert failed == []
