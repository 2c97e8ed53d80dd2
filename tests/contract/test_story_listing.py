"""Contract: stories as records — listed newest first, filtered, paged, per entity."""

from __future__ import annotations

import pytest

from sinograph.graph.model.errors import EntityNotFound, InvalidInput
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


def _graph(store: GraphStore) -> dict[str, str]:
    b = DeltaBuilder()
    day = b.story("Zenith buys Nadir", publisher="Test Wire", published="2025-03-04",
                  url="https://news.example.com/zn")
    month = b.story("Nadir's new chief", publisher="Other Wire", published="2025-04")
    year = b.story("A year of deals", publisher="test wire", published="2024")
    undated = b.story("Undated note", publisher="Test Wire")
    quiet = b.story("Nothing about Zenith", publisher="Other Wire", published="2025-05-01")
    zenith, nadir = b.company("Zenith Group"), b.company("Nadir Ltd")
    chief = b.entity("Ada Quill", "Person")
    b.fact(zenith, "ACQUIRES", nadir, day, "Zenith bought Nadir.", date="2025-03-03")
    b.fact(zenith, "OWNS", nadir, day, "Zenith owns Nadir.")
    b.fact(chief, "LEADS", nadir, month, "Ada Quill leads Nadir.", date="2025-04")
    b.fact(zenith, "PARTNERS_WITH", nadir, year, "Zenith and Nadir work together.")
    b.metric(zenith, undated, "Zenith sold 3 units.", name="units sold", value=3)
    b.metric(nadir, day, "Nadir sold 12 units.", name="units sold", value=12)
    store.upsert(b.delta())
    return {"day": day.id, "month": month.id, "year": year.id, "undated": undated.id,
            "quiet": quiet.id}


def test_stories_are_listed_newest_first_with_undated_last(store: GraphStore) -> None:
    ids = _graph(store)
    page = store.list_stories()
    assert [s.id for s in page.items] == [
        ids["quiet"], ids["month"], ids["day"], ids["year"], ids["undated"]
    ]
    assert page.next_cursor is None
    day = page.items[2]
    assert (day.title, day.publisher, day.published, day.url) == (
        "Zenith buys Nadir", "Test Wire", "2025-03-04", "https://news.example.com/zn"
    )
    assert (day.fact_count, day.metric_count) == (2, 1)
    assert (page.items[0].fact_count, page.items[0].metric_count) == (0, 0)


def test_cursor_pages_cover_every_story_once(store: GraphStore) -> None:
    ids = _graph(store)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page = store.list_stories(limit=2, cursor=cursor)
        seen += [s.id for s in page.items]
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == 3
    assert seen == [ids["quiet"], ids["month"], ids["day"], ids["year"], ids["undated"]]


def test_filters_by_publisher_window_and_entity(store: GraphStore) -> None:
    ids = _graph(store)
    wire = store.list_stories(publisher="TEST WIRE")
    assert [s.id for s in wire.items] == [ids["day"], ids["year"], ids["undated"]]
    # A month overlaps a window that starts inside it; undated stories are out.
    spring = store.list_stories(since="2025-04-15", until="2025-05")
    assert [s.id for s in spring.items] == [ids["quiet"], ids["month"]]
    older = store.list_stories(until="2024-06")
    assert [s.id for s in older.items] == [ids["year"]]
    zenith = store.list_stories(entity="Zenith Group")
    assert [s.id for s in zenith.items] == [ids["day"], ids["year"], ids["undated"]]
    chief = store.list_stories(entity="person:ada-quill", publisher="other wire")
    assert [s.id for s in chief.items] == [ids["month"]]


def test_entity_detail_lists_its_stories(store: GraphStore) -> None:
    ids = _graph(store)
    detail = store.get_entity("Nadir Ltd")
    assert [s.id for s in detail.stories] == [ids["month"], ids["day"], ids["year"]]
    assert detail.source_count == 3


def test_bad_listing_parameters_are_errors(store: GraphStore) -> None:
    _graph(store)
    with pytest.raises(InvalidInput):
        store.list_stories(limit=0)
    with pytest.raises(InvalidInput):
        store.list_stories(cursor="not a cursor")
    with pytest.raises(InvalidInput):
        store.list_stories(since="2025-13")
    with pytest.raises(InvalidInput):
        store.list_stories(since="2025-06", until="2025-01")
    with pytest.raises(EntityNotFound):
        store.list_stories(entity="Nobody At All")
