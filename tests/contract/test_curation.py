"""Curation with an audit trail (issue 15, item 5): reject and restore facts, merge, split
and edit entities, every change logged, exported and imported — on every store.
"""

from __future__ import annotations

import pytest

from sinograph.graph.model.curation import Curator, EntityEdit
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import CurationConflict, EntityNotFound, FactNotFound
from sinograph.graph.model.queries import PathQuery, SearchQuery, TimelineQuery
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.load import write_graph
from tests.contract.builders import DeltaBuilder
from tests.contract.conftest import Opener

WHO = Curator(actor="cli:reviewer", reason="checked against the filing")


def _graph() -> tuple[DeltaBuilder, GraphDelta]:
    b = DeltaBuilder()
    s1 = b.story("Listing", publisher="Wire", published="2025-05-20")
    s2 = b.story("Exchange", publisher="Wire", published="2025-06-01")
    hkex = b.company("Hong Kong Exchanges and Clearing", "HKEX")
    hkse = b.company("Hong Kong Stock Exchange", "HKSE")
    catl = b.company("CATL")
    sec = b.entity("Securities and Futures Commission", "GovernmentBody", "SFC")
    b.fact(catl, "LISTED_ON", hkse, s1, "CATL listed on the HKSE.", date="2025-05-20")
    b.fact(catl, "LISTED_ON", hkex, s2, "CATL shares trade on HKEX.", date="2025-05")
    b.fact(sec, "INVESTIGATES", hkse, s2, "The SFC looked into the HKSE.", date="2025-06")
    b.fact(hkex, "PARTNERS_WITH", hkse, s2, "HKEX and HKSE work together.")
    return b, b.delta()


def _keys(store: GraphStore, entity: str) -> set[str]:
    page = store.timeline(TimelineQuery(entity=entity, limit=100))
    return {i.fact.key for i in [*page.items, *page.undated] if i.fact is not None}


def test_a_rejected_fact_is_hidden_kept_by_key_and_never_resurrected(store: GraphStore) -> None:
    _, delta = _graph()
    store.upsert(delta)
    fact = next(f for f in delta.facts if f.predicate == "INVESTIGATES")
    before = store.stats().facts
    record = store.reject_fact(fact.key, WHO)
    assert (record.action, record.fact, record.actor, record.reason) == (
        "reject_fact", fact.key, "cli:reviewer", "checked against the filing")
    assert fact.key not in _keys(store, "company:hong-kong-stock-exchange")
    assert store.stats().facts == before - 1
    assert store.get_fact(fact.key).rejected
    assert [f.key for f in store.rejected_facts()] == [fact.key]
    with pytest.raises(CurationConflict):
        store.reject_fact(fact.key, WHO)
    store.upsert(delta)  # the story loaded again
    assert fact.key not in _keys(store, "company:hong-kong-stock-exchange")
    assert store.stats().facts == before - 1
    store.restore_fact(fact.key, WHO)
    assert fact.key in _keys(store, "company:hong-kong-stock-exchange")
    assert not store.get_fact(fact.key).rejected
    with pytest.raises(CurationConflict):
        store.restore_fact(fact.key, WHO)
    with pytest.raises(FactNotFound):
        store.reject_fact("fact:00000000000000000000", WHO)
    log = store.curation_log(fact=fact.key).items
    assert [r.action for r in log] == ["reject_fact", "restore_fact"]


def test_a_merge_moves_names_facts_and_sources_and_the_old_id_redirects(
    store: GraphStore,
) -> None:
    _, delta = _graph()
    store.upsert(delta)
    old, new = "company:hong-kong-stock-exchange", "company:hong-kong-exchanges-and-clearing"
    record = store.merge_entities(old, new, WHO)
    assert (record.entity, record.target) == (old, new)
    detail = store.get_entity(old)
    assert detail.entity.id == new and detail.redirected_from == old
    assert {"HKSE", "Hong Kong Stock Exchange", "HKEX"} <= set(detail.entity.aliases)
    # The two listings are one fact now, with both sources; the fact between them is gone.
    listings = [f for f in store.timeline(TimelineQuery(entity=new, limit=100)).items
                if f.fact is not None and f.fact.predicate == "LISTED_ON"]
    assert len(listings) == 1 and len(listings[0].fact.sources) == 2  # type: ignore[union-attr]
    assert "PARTNERS_WITH" not in detail.fact_counts
    assert store.timeline(TimelineQuery(entity=old)).redirected_from == old
    assert store.paths(PathQuery(source="CATL", target=old)).redirects == {old: new}
    hit = store.search_entities(SearchQuery(text=old))[0]
    assert (hit.entity.id, hit.matched_field) == (new, "redirect")
    assert store.resolve_entity("HKSE").id == new
    entities = store.stats().entities
    store.upsert(delta)  # a re-load: the old id goes to the survivor
    assert store.stats().entities == entities
    assert old not in {e.id for e in store.export_delta().entities}
    with pytest.raises(CurationConflict):
        store.merge_entities(new, "HKEX", WHO)
    with pytest.raises(CurationConflict):
        store.merge_entities("CATL", "SFC", WHO)  # a company and a government body
    with pytest.raises(EntityNotFound):
        store.merge_entities("company:no-such-firm", new, WHO)


def test_a_split_moves_the_facts_whose_sentences_use_the_alias(store: GraphStore) -> None:
    b = DeltaBuilder()
    s = b.story("Chemicals", published="2025-03-01")
    ancai = b.company("Ancai Hi-Tech", "Anhui Ancai")
    buyer = b.company("Buyer Co")
    other = b.company("Other Co")
    moved = b.fact(buyer, "ACQUIRES", ancai, s, "Buyer Co bought Anhui Ancai.", date="2025")
    kept = b.fact(other, "SUPPLIES", ancai, s, "Other Co supplies Ancai Hi-Tech.")
    store.upsert(b.delta())
    record = store.split_entity("company:ancai-hi-tech", "Anhui Ancai", WHO)
    assert record.target == "company:anhui-ancai"
    assert record.changes["facts_moved"] == {moved.key: store.get_fact(moved.key).key}
    assert store.get_fact(moved.key).object == "company:anhui-ancai"
    assert store.get_fact(kept.key).object == "company:ancai-hi-tech"
    assert store.resolve_entity("Anhui Ancai").id == "company:anhui-ancai"
    assert "Anhui Ancai" not in store.get_entity("company:ancai-hi-tech").entity.aliases
    with pytest.raises(CurationConflict):
        store.split_entity("company:ancai-hi-tech", "Ancai Hi-Tech", WHO)  # its own name
    with pytest.raises(CurationConflict):
        store.split_entity("company:ancai-hi-tech", "Nowhere Ltd", WHO)


def test_an_edit_changes_attributes_and_lookup_keys_and_logs_both_values(
    store: GraphStore,
) -> None:
    _, delta = _graph()
    store.upsert(delta)
    record = store.edit_entity(
        "CATL", EntityEdit(name_zh="宁德时代", country="China",
                           identifiers={"stock": "300750.SZ"}), WHO)
    assert record.changes["country"] == {"before": None, "after": "China"}
    assert store.resolve_entity("宁德时代").id == "company:catl"
    assert store.search_entities(SearchQuery(text="300750.SZ"))[0].entity.id == "company:catl"
    store.edit_entity("CATL", EntityEdit(country=None), WHO)
    assert store.get_entity("CATL").entity.country is None
    with pytest.raises(CurationConflict):
        store.edit_entity("CATL", EntityEdit(country=None), WHO)  # changes nothing


def test_the_curation_travels_with_the_export(store: GraphStore, store_opener: Opener) -> None:
    _, delta = _graph()
    store.upsert(delta)
    old, new = "company:hong-kong-stock-exchange", "company:hong-kong-exchanges-and-clearing"
    store.merge_entities(old, new, WHO)
    key = next(iter(_keys(store, "SFC")))
    store.reject_fact(key, WHO)
    exported = store.export_delta()
    assert exported.curation is not None
    assert exported.curation.redirects == {old: new}
    assert exported.curation.rejected == (key,)
    other = store_opener(True)
    write_graph(other, exported)
    write_graph(other, exported)  # twice: nothing more
    assert other.export_delta() == exported
    assert other.get_fact(key).rejected
    assert other.get_entity(old).redirected_from == old
    other.upsert(delta)  # the stories again, with the old id
    assert other.export_delta() == exported
    assert len(other.curation_log().items) == 2
