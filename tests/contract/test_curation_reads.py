"""Curation seen by every read, on every store: a rejected fact is gone from paths,
neighbours, subgraphs, stories, counts and dossiers (also after a re-load adds a sentence
to it); a merged-away id answers everywhere for its survivor, chains of merges lead to
the last survivor, moved metrics follow; the log pages; an imported curation section
redoes a merge the graph file did not make; and loads in either order give one graph.
"""

from __future__ import annotations

import pytest

from sinograph.graph.diligence.dossier import build_dossier
from sinograph.graph.model.curation import Curator, graph_digest, redirect_delta
from sinograph.graph.model.domain import Evidence, GraphDelta
from sinograph.graph.model.errors import InvalidInput, NoPath
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, TimelineQuery
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.load import write_graph
from tests.contract.builders import DeltaBuilder
from tests.contract.conftest import Opener

WHO = Curator(actor="api:review", reason="the second source contradicts it")


def _chain() -> tuple[DeltaBuilder, GraphDelta]:
    """Alpha owns Beta owns Gamma; Delta supplies Gamma; one metric about Beta."""
    b = DeltaBuilder()
    s1 = b.story("Holdings", publisher="Wire", published="2025-02-01")
    s2 = b.story("Supply", publisher="Post", published="2025-03-01")
    alpha, beta = b.company("Alpha Holdings"), b.company("Beta Mining", "Beta")
    gamma, delta = b.company("Gamma Metals"), b.company("Delta Trading")
    b.fact(alpha, "OWNS", beta, s1, "Alpha Holdings owns Beta Mining.", date="2024")
    b.fact(beta, "OWNS", gamma, s1, "Beta Mining owns Gamma Metals.", date="2024")
    b.fact(delta, "SUPPLIES", gamma, s2, "Delta Trading supplies Gamma Metals.")
    b.metric(beta, s2, "Beta Mining made 5 million in revenue.", name="revenue", value=5.0,
             unit="USD million", date="2025")
    return b, b.delta()


def _key(delta: GraphDelta, predicate: str, subject: str) -> str:
    return next(f.key for f in delta.facts if f.predicate == predicate and f.subject == subject)


def test_a_rejected_fact_is_gone_from_every_read(store: GraphStore) -> None:
    _, delta = _chain()
    store.upsert(delta)
    key = _key(delta, "OWNS", "company:beta-mining")
    story = next(s.id for s in delta.stories if s.title == "Holdings")
    before = store.stats()
    listed = {s.id: s.fact_count for s in store.list_stories().items}
    assert store.paths(PathQuery(source="Alpha Holdings", target="Gamma Metals")).paths
    store.reject_fact(key, WHO)

    with pytest.raises(NoPath):
        store.paths(PathQuery(source="Alpha Holdings", target="Gamma Metals", max_hops=4))
    around = store.neighbors(NeighbourQuery(entity="Beta Mining", depth=2))
    assert key not in {f.key for f in around.facts}
    assert "company:gamma-metals" not in {e.id for e in around.entities}
    sub = store.subgraph(["company:beta-mining", "company:gamma-metals"])
    assert sub.facts == []
    assert key not in {f.key for f in store.get_story(story).facts}
    assert {s.id: s.fact_count for s in store.list_stories().items}[story] == listed[story] - 1
    after = store.stats()
    assert (after.facts, after.sources) == (before.facts - 1, before.sources - 1)
    assert after.by_predicate["OWNS"] == before.by_predicate["OWNS"] - 1
    detail = store.get_entity("Gamma Metals")
    assert detail.fact_counts == {"SUPPLIES": 1}
    assert [s.id for s in detail.stories] == [s.id for s in delta.stories if s.title == "Supply"]
    # max_degree counts the facts shown: Gamma has one now, so a walk may enter it.
    assert store.neighbors(NeighbourQuery(entity="Delta Trading", depth=2, max_degree=1)).entities
    dossier = build_dossier(store, "Beta Mining", as_of="2025-12-31")
    assert key not in dossier.citations
    assert [r.key for r in store.rejected_facts()] == [key]
    assert store.get_fact(key).rejected


def test_a_restored_fact_is_back_in_every_read_and_other_handles_see_both_changes(
    store_opener: Opener,
) -> None:
    """The handle that curates and a second handle on the same graph (another process,
    for the embedded store) agree after a rejection and after the restore."""
    _, delta = _chain()
    store = store_opener(True)
    store.upsert(delta)
    other = store_opener(False)
    key = _key(delta, "OWNS", "company:beta-mining")
    question = PathQuery(source="Alpha Holdings", target="Gamma Metals", max_hops=4)
    whole = store.stats()
    assert other.paths(question).paths  # the second handle has read the graph once

    store.reject_fact(key, WHO)
    for handle in (store, other):
        with pytest.raises(NoPath):
            handle.paths(question)
        assert handle.stats().facts == whole.facts - 1

    store.restore_fact(key, WHO)
    for handle in (store, other):
        hops = [hop.fact.key for hop in handle.paths(question).paths[0].hops]
        assert key in hops
        around = handle.neighbors(NeighbourQuery(entity="Gamma Metals", depth=1))
        assert key in {f.key for f in around.facts}
        assert handle.stats() == whole
        assert handle.rejected_facts() == []


def test_a_reload_that_adds_a_sentence_to_a_rejected_fact_keeps_it_hidden(
    store: GraphStore,
) -> None:
    b, delta = _chain()
    store.upsert(delta)
    key = _key(delta, "OWNS", "company:beta-mining")
    store.reject_fact(key, WHO)
    sources = store.stats().sources
    fact = next(f for f in delta.facts if f.key == key)
    later = b.story("Again", publisher="Daily", published="2025-04-01")
    again = fact.model_copy(update={"evidence": (
        Evidence(story_id=later.id, sentence="Gamma Metals is a unit of Beta Mining."),)})
    store.upsert(GraphDelta(stories=(later,), facts=(again,)))
    assert store.get_fact(key).rejected
    assert len(store.get_fact(key).sources) == 2
    assert store.get_story(later.id).facts == []
    assert store.stats().sources == sources
    assert store.timeline(TimelineQuery(entity="Gamma Metals")).items == []
    store.restore_fact(key, WHO)
    assert store.stats().sources == sources + 2
    assert [f.key for f in store.get_story(later.id).facts] == [key]


def test_a_merged_id_answers_everywhere_and_chains_lead_to_the_last_survivor(
    store: GraphStore,
) -> None:
    b, delta = _chain()
    holding = b.company("Beta Group")
    store.upsert(GraphDelta(entities=(*delta.entities, holding), stories=delta.stories,
                            facts=delta.facts, metrics=delta.metrics))
    moved_key = _key(delta, "OWNS", "company:beta-mining")
    old = "company:beta-mining"
    record = store.merge_entities(old, "Beta Group", WHO)
    new_key = record.changes["facts_moved"][moved_key]
    assert store.get_fact(moved_key).key == new_key
    assert store.get_fact(new_key).subject == holding.id
    metric_page = store.timeline(TimelineQuery(entity=holding.id))
    assert [i.metric.name for i in metric_page.items if i.metric is not None] == ["revenue"]
    assert store.get_entity(holding.id).metric_total == 1
    # A second merge: the first id now leads to the last survivor, in one step.
    store.merge_entities("Beta Group", "Alpha Holdings", WHO)
    assert store.redirects([old, holding.id]) == {
        old: "company:alpha-holdings", holding.id: "company:alpha-holdings"}
    assert store.get_entity(old).entity.id == "company:alpha-holdings"
    assert store.get_fact(moved_key).subject == "company:alpha-holdings"
    assert store.neighbors(NeighbourQuery(entity=old)).entities[0].id == "company:alpha-holdings"
    stories = store.list_stories(entity=old).items
    assert {s.title for s in stories} == {"Holdings", "Supply"}
    dossier = build_dossier(store, old, as_of="2025-12-31")
    assert dossier.entity.id == "company:alpha-holdings"
    assert dossier.redirected_from == old and old in dossier.notes[0]
    # The log of the old id: the merge that took it away.
    log = store.curation_log(entity=old).items
    assert [(r.action, r.entity) for r in log] == [("merge_entities", old)]
    assert len(store.curation_log(entity="Alpha Holdings").items) == 1
    # A metric keeps moving with its entity: one revenue, now Alpha's.
    assert store.get_entity("Alpha Holdings").metric_total == 1
    # Re-loading everything with the old ids changes nothing.
    exported = store.export_delta()
    store.upsert(delta)
    assert graph_digest(store.export_delta()) == graph_digest(exported)


def test_the_log_pages_oldest_first(store: GraphStore) -> None:
    _, delta = _chain()
    store.upsert(delta)
    keys = sorted(f.key for f in delta.facts)
    for key in keys:
        store.reject_fact(key, WHO)
    first = store.curation_log(limit=2)
    assert [r.fact for r in first.items] == keys[:2] and first.next_cursor is not None
    rest = store.curation_log(limit=2, cursor=first.next_cursor)
    assert [r.fact for r in rest.items] == keys[2:] and rest.next_cursor is None
    with pytest.raises(InvalidInput):
        store.curation_log(cursor="curation:nosuchrecord")
    with pytest.raises(InvalidInput):
        store.curation_log(limit=0)


def test_an_imported_section_redoes_a_merge_the_graph_file_does_not_hold(
    store_opener: Opener,
) -> None:
    """A graph file of the graph before the merge, with the curation section of after it:
    the import makes the merge (logged once, by the section's record)."""
    _, delta = _chain()
    store = store_opener(True)
    store.upsert(delta)
    key = _key(delta, "OWNS", "company:alpha-holdings")
    store.merge_entities("Delta Trading", "Alpha Holdings", WHO)
    store.reject_fact(key, WHO)
    expected = store.export_delta()
    assert expected.curation is not None
    other = store_opener(True)
    write_graph(other, delta.model_copy(update={"curation": expected.curation}))
    assert other.export_delta() == expected
    assert other.get_entity("company:delta-trading").redirected_from == "company:delta-trading"
    assert other.get_fact(key).rejected
    assert len(other.curation_log().items) == 2


def test_loads_in_either_order_give_one_graph(store_opener: Opener) -> None:
    """A story that names a firm by one of its aliases, before and after the graph file
    that lists the alias: the loader merges what the first order stored apart, so both
    orders give one graph (the log, which tells how, aside)."""
    b = DeltaBuilder()
    s = b.story("Listing", publisher="Wire", published="2025-05-20")
    catl = b.company("CATL")
    apart = b.company("Hong Kong Stock Exchange")
    b.fact(catl, "LISTED_ON", apart, s, "CATL listed on the Hong Kong Stock Exchange.")
    story_delta = b.delta()
    g = DeltaBuilder()
    g.company("Hong Kong Exchanges and Clearing", "HKEX", "Hong Kong Stock Exchange")
    graph_file = g.delta()

    first = store_opener(True)
    write_graph(first, story_delta)
    write_graph(first, graph_file)
    one = first.export_delta()
    assert one.curation is not None and one.curation.redirects == {
        apart.id: "company:hong-kong-exchanges-and-clearing"}
    assert [r.actor for r in one.curation.log] == ["loader"]
    # The other order: the story, read after the graph file, names the graph file's firm
    # (the extractor resolves the alias against the store).
    second = store_opener(True)
    write_graph(second, graph_file)
    hkex = "company:hong-kong-exchanges-and-clearing"
    second.upsert(redirect_delta(story_delta, {apart.id: hkex}))
    two = second.export_delta()
    assert two.curation is None
    assert graph_digest(one, one.curation.rejected) == graph_digest(two)
    assert {f.object for f in two.facts} == {"company:hong-kong-exchanges-and-clearing"}
