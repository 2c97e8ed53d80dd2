"""The timeline's undated section pages through every undated fact (the API's
``undated_next_cursor``), keeping the predicate filter the timeline was drawn with."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sinograph.graph.model.queries import TimelineQuery
from sinograph.graph.model.results import TimelinePage
from tests.browser.conftest import UNDATED_INVESTED, UNDATED_OWNED, LiveServer
from tests.browser.support import item_key, open_explorer, settle

pytestmark = pytest.mark.browser

UNDATED = ".timeline-undated li[data-key]"


def _all_undated(server: LiveServer, entity: str, predicates: str | None = None) -> list[str]:
    """The keys of every undated item, page after page, as the API gives them."""
    store = server.store
    page: TimelinePage = store.timeline(TimelineQuery(
        entity=entity, predicates=predicates, limit=100,
    ))
    keys = [item_key(i) for i in page.undated]
    while page.undated_next_cursor:
        page = store.timeline(TimelineQuery(
            entity=entity, predicates=predicates, cursor=page.undated_next_cursor, limit=100,
        ))
        keys += [item_key(i) for i in page.undated]
    return keys


def _loaded(page: Page) -> list[str]:
    keys: list[str] = page.locator(UNDATED).evaluate_all("(ns) => ns.map((n) => n.dataset.key)")
    return keys


def test_more_undated_items_loads_the_next_pages(page: Page, undated_server: LiveServer) -> None:
    hub = undated_server.store.resolve_entity("Undated Holdings")
    total = UNDATED_OWNED + UNDATED_INVESTED
    open_explorer(page, undated_server, f"#entity={hub.id}")
    settle(page)
    page.click("#tab-timeline")
    settle(page)
    section = page.locator(".timeline-undated details")
    assert section.locator("summary").inner_text() == f"{total} undated items"
    section.locator("summary").click()
    expected = _all_undated(undated_server, hub.id)
    assert len(expected) == total
    assert _loaded(page) == expected[:100]
    assert f"{total - 100} more undated items not loaded." in section.inner_text()
    more = page.locator("#timeline-more-undated")
    assert more.is_visible()

    more.click()
    settle(page)
    assert _loaded(page) == expected
    assert more.is_hidden()
    assert "not loaded" not in section.inner_text()
    # The section stays open, and focus stays in it (on the first item just loaded).
    assert section.evaluate("(d) => d.open")
    focused = page.evaluate("() => document.activeElement.closest('li')?.dataset.key ?? null")
    assert focused == expected[100]


def test_the_next_undated_page_keeps_the_predicate_filter(
    page: Page, undated_server: LiveServer
) -> None:
    hub = undated_server.store.resolve_entity("Undated Holdings")
    open_explorer(page, undated_server, f"#entity={hub.id}")
    settle(page)
    page.click("#tab-timeline")
    settle(page)
    page.locator(".timeline-form details.predicate-filter summary").click()
    page.check(".timeline-form input[name='timeline-predicate'][value='OWNS']")
    page.click("#timeline-apply")
    settle(page)
    section = page.locator(".timeline-undated details")
    assert section.locator("summary").inner_text() == f"{UNDATED_OWNED} undated items"
    section.locator("summary").click()
    page.click("#timeline-more-undated")
    settle(page)
    owned = _all_undated(undated_server, hub.id, "OWNS")
    assert len(owned) == UNDATED_OWNED
    assert _loaded(page) == owned
