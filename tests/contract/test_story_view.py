"""Contract: one story with every fact and metric read from it."""

from __future__ import annotations

import pytest

from sinograph.graph.model.errors import StoryNotFound
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


def test_a_story_lists_what_was_read_from_it_and_nothing_else(store: GraphStore) -> None:
    b = DeltaBuilder()
    first = b.story(
        "Zenith buys Nadir",
        publisher="Test Wire",
        published="2025-03-04",
        url="https://news.example.com/zenith-nadir",
    )
    second = b.story("Nadir's new chief", publisher="Other Wire", published="2025-04")
    zenith, nadir = b.company("Zenith Group"), b.company("Nadir Ltd")
    chief = b.entity("Ada Quill", "Person")
    deal = b.fact(zenith, "ACQUIRES", nadir, first, "Zenith bought Nadir.", date="2025-03-03")
    both = b.fact(zenith, "OWNS", nadir, first, "Zenith owns Nadir.")
    b.fact(zenith, "OWNS", nadir, second, "Nadir, owned by Zenith, named a chief.")
    b.fact(chief, "LEADS", nadir, second, "Ada Quill leads Nadir.", date="2025-04")
    sales = b.metric(nadir, first, "Nadir sold 12 million units.", name="units sold", value=12e6)
    store.upsert(b.delta())

    view = store.get_story(first.id)
    assert (view.id, view.title, view.publisher, view.published, view.url) == (
        first.id, "Zenith buys Nadir", "Test Wire", "2025-03-04",
        "https://news.example.com/zenith-nadir",
    )
    assert [f.key for f in view.facts] == sorted([deal.key, both.key])
    assert [m.id for m in view.metrics] == [sales.id]
    assert view.metrics[0].sources[0].sentence == "Nadir sold 12 million units."
    # A fact told by two stories appears in both, with both sources.
    owns = next(f for f in view.facts if f.key == both.key)
    assert {s.story_id for s in owns.sources} == {first.id, second.id}
    assert owns.subject_name == "Zenith Group"

    other = store.get_story(second.id)
    assert {f.predicate.value for f in other.facts} == {"OWNS", "LEADS"}
    assert other.metrics == []
    assert other.url is None


def test_a_story_with_nothing_read_from_it_has_empty_lists(store: GraphStore) -> None:
    b = DeltaBuilder()
    quiet = b.story("Nothing happened", publisher="Test Wire")
    store.upsert(b.delta())
    view = store.get_story(quiet.id)
    assert (view.facts, view.metrics) == ([], [])


def test_an_unknown_story_is_an_error(store: GraphStore) -> None:
    with pytest.raises(StoryNotFound):
        store.get_story("story:00000000000000000000")


def test_a_fact_refined_by_a_later_story_is_listed_under_its_new_key_in_both(
    store: GraphStore,
) -> None:
    # One fact per event (issue 12): the undated record and the dated one are one fact,
    # keyed by the date; each story still lists it, with its own sentence among the sources.
    b = DeltaBuilder()
    first = b.story("Listed", publisher="Test Wire", published="2025-01-10")
    dod, catl = b.entity("US Department of Defense", "GovernmentBody"), b.company("CATL")
    undated = b.fact(dod, "SANCTIONS", catl, first, "The DoD listed CATL.")
    store.upsert(b.delta())
    later = DeltaBuilder()
    second = later.story("Listed in January", publisher="Other Wire", published="2025-02")
    later.entities = {dod.id: dod, catl.id: catl}
    dated = later.fact(dod, "SANCTIONS", catl, second, "CATL was listed in January.",
                       date="2025-01")
    store.upsert(later.delta())
    assert dated.key != undated.key
    for story in (first, second):
        view = store.get_story(story.id)
        assert [f.key for f in view.facts] == [dated.key]
        assert {s.story_id for s in view.facts[0].sources} == {first.id, second.id}
