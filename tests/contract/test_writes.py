"""Contract: writing and merging, the same on every store."""

from __future__ import annotations

import threading

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.merge import place_facts
from sinograph.graph.model.queries import PathQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.conftest import sample_deltas
from tests.contract.builders import DeltaBuilder
from tests.contract.conftest import Opener


def load_samples(store: GraphStore) -> None:
    for delta in sample_deltas():
        store.upsert(delta)


def test_the_store_implements_the_protocol(store: GraphStore) -> None:
    assert isinstance(store, GraphStore)


def test_counts_after_loading_the_samples(store: GraphStore) -> None:
    deltas = sample_deltas()
    load_samples(store)
    stats = store.stats()
    # Records of one event (an undated and a dated one...) are one fact.
    assert stats.facts == len(place_facts([f for d in deltas for f in d.facts], []).facts)
    assert stats.facts < len({f.key for d in deltas for f in d.facts})
    assert stats.entities == len({e.id for d in deltas for e in d.entities})
    assert stats.stories == len({s.id for d in deltas for s in d.stories})
    assert stats.metrics == len({m.id for d in deltas for m in d.metrics})
    assert sum(stats.by_predicate.values()) == stats.facts
    assert sum(stats.by_label.values()) == stats.entities
    assert stats.by_publisher == {"Sinograph Samples": stats.stories}


def test_loading_the_same_input_twice_changes_nothing(store: GraphStore) -> None:
    load_samples(store)
    before_stats, before_export = store.stats(), store.export_delta()
    reports = [store.upsert(delta) for delta in sample_deltas()]
    assert all(r.facts_added == 0 and r.entities_added == 0 for r in reports)
    assert all(r.stories_added == 0 and r.metrics_added == 0 for r in reports)
    # Every distinct record lands in a stored fact.
    assert sum(r.facts_known for r in reports) == sum(
        len({f.key for f in d.facts}) for d in sample_deltas()
    )
    assert store.stats() == before_stats
    assert store.export_delta() == before_export


def test_the_same_fact_from_a_second_story_is_one_edge_with_two_sources(
    store: GraphStore,
) -> None:
    b = DeltaBuilder()
    first = b.story("First", publisher="Caixin", published="2025-06-30")
    second = b.story("Second", publisher="Reuters", published="2025-07-01")
    zijin, mine = b.company("Zijin Mining Group"), b.entity("RG Gold", "Asset")
    b.fact(zijin, "ACQUIRES", mine, first, "Zijin buys RG Gold.", date="2025-06-29")
    store.upsert(b.delta())
    b2 = DeltaBuilder()
    b2.stories.append(second)
    b2.entities.update({zijin.id: zijin, mine.id: mine})
    fact = b2.fact(zijin, "ACQUIRES", mine, second, "The miner agreed to buy RG Gold.",
                   date="2025-06-29")
    report = store.upsert(b2.delta())
    assert (report.facts_added, report.facts_known) == (0, 1)
    assert store.stats().facts == 1
    view = store.get_fact(fact.key)
    assert [s.publisher for s in view.sources] == ["Caixin", "Reuters"]
    assert {s.sentence for s in view.sources} == {
        "Zijin buys RG Gold.", "The miner agreed to buy RG Gold."
    }


def test_a_new_surface_form_extends_aliases(store: GraphStore) -> None:
    b = DeltaBuilder()
    b.company("Zijin Mining Group", "Zijin")
    store.upsert(b.delta())
    b2 = DeltaBuilder()
    b2.company("Zijin Mining Group", "Zijin Mining", "紫金矿业")
    report = store.upsert(b2.delta())
    assert (report.entities_added, report.entities_known) == (0, 1)
    entity = store.resolve_entity("紫金矿业")
    assert set(entity.aliases) == {"Zijin Mining Group", "Zijin", "Zijin Mining", "紫金矿业"}


def test_status_moves_forward_and_never_back(store: GraphStore) -> None:
    b = DeltaBuilder()
    s1 = b.story("Bid", published="2025-01-01")
    s2 = b.story("Done", published="2025-03-01")
    s3 = b.story("Recap", published="2025-04-01")
    a, t = b.company("Acme Group"), b.company("Target Co")
    key = b.fact(a, "ACQUIRES", t, s1, "Acme bids for Target.", date="2025", status="proposed").key
    store.upsert(b.delta())
    b.facts = []
    b.fact(a, "ACQUIRES", t, s2, "Acme completes Target deal.", date="2025", status="completed")
    store.upsert(b.delta())
    assert store.get_fact(key).status == "completed"
    b.facts = []
    b.fact(a, "ACQUIRES", t, s3, "Acme had offered for Target.", date="2025", status="proposed")
    store.upsert(b.delta())
    view = store.get_fact(key)
    assert view.status == "completed"
    assert len(view.sources) == 3


@pytest.mark.parametrize("lift_first", [False, True])
def test_lifting_a_ban_closes_the_matching_ban(store: GraphStore, lift_first: bool) -> None:
    b = DeltaBuilder()
    s = b.story("Seafood", published="2025-06-30")
    china = b.entity("China", "Country")
    seafood = b.entity("Japanese seafood", "Commodity")
    other = b.entity("Australian coal", "Commodity")
    ban = b.fact(china, "BANS", seafood, s, "China banned Japanese seafood.", date="2023-08")
    other_ban = b.fact(china, "BANS", other, s, "China stopped Australian coal.", date="2020-10")
    lift = b.fact(china, "LIFTS_BAN", seafood, s, "China lifted the ban.", date="2025-06-29")
    deltas = [
        GraphDelta(stories=b.stories, entities=list(b.entities.values()), facts=[ban, other_ban]),
        GraphDelta(stories=b.stories, entities=list(b.entities.values()), facts=[lift]),
    ]
    if lift_first:
        deltas.reverse()
    closed = sum(store.upsert(d).facts_closed for d in deltas)
    assert closed == 1
    assert store.get_fact(ban.key).valid_until == "2025-06-29"
    assert store.get_fact(other_ban.key).valid_until is None
    assert store.get_fact(lift.key).valid_until is None


@pytest.mark.parametrize("departure_first", [False, True])
@pytest.mark.parametrize("tenure_known", [False, True])
def test_a_departure_closes_the_leadership(
    store: GraphStore, departure_first: bool, tenure_known: bool
) -> None:
    b = DeltaBuilder()
    s = b.story("People", published="2024-02-08")
    yi = b.entity("Yi Huiman", "Person")
    csrc = b.entity("China Securities Regulatory Commission", "GovernmentBody", "CSRC")
    leads = b.fact(yi, "LEADS", csrc, s, "Yi became chairman.", date="2019-01", role="chairman")
    # The departure may also say when the tenure began; it still ends on valid_until.
    since = {"valid_from": "2019-01"} if tenure_known else {}
    leave = b.fact(yi, "LEADS", csrc, s, "Wu replaced Yi.", valid_until="2024-02-07", **since)
    facts = [[leads], [leave]]
    if departure_first:
        facts.reverse()
    for batch in facts:
        store.upsert(GraphDelta(stories=b.stories, entities=list(b.entities.values()),
                                facts=batch))
    assert store.get_fact(leads.key).valid_until == "2024-02-07"
    assert store.get_fact(leads.key).role == "chairman"


def test_a_fact_naming_an_unknown_entity_is_rejected_and_nothing_is_written(
    store: GraphStore,
) -> None:
    b = DeltaBuilder()
    s = b.story("Half", published="2025-01-01")
    a, t = b.company("Acme Group"), b.company("Target Co")
    b.fact(a, "ACQUIRES", t, s, "Acme buys Target.")
    broken = GraphDelta(stories=b.stories, entities=[a], facts=b.facts)
    with pytest.raises(InvalidInput, match="company:target-co"):
        store.upsert(broken)
    stats = store.stats()
    assert (stats.entities, stats.facts, stats.stories) == (0, 0, 0)


def test_hostile_strings_are_stored_and_returned_exactly(store: GraphStore) -> None:
    nasty = [
        "Robert'); DROP TABLE facts;--",
        "`MATCH (n) DETACH DELETE n` Holdings",
        'Quote "Capital" \\ Group',
        "Ctrl\x01\x1f Group",
        "\u202eRTL\u202c Mining \u05d0\u05d1",
        "混合 Scripts Ltd",
        "Long " + "x" * 1500 + " Group",
    ]
    b = DeltaBuilder()
    s = b.story("Hostile", publisher="Bad'; --", published="2025-01-01")
    entities = [b.company(n, n + " alias`") for n in nasty]
    for a, t in zip(entities, entities[1:], strict=False):
        b.fact(a, "PARTNERS_WITH", t, s, f"{a.name} works with {t.name}. '\"`;")
    store.upsert(b.delta())
    for entity in entities:
        got = store.resolve_entity(entity.id)
        assert got == entity
    exported = store.export_delta()
    assert {f.evidence[0].sentence for f in exported.facts} == {
        f.evidence[0].sentence for f in b.facts
    }
    assert store.stats().by_publisher == {"Bad'; --": 1}


def test_the_graph_persists_across_reopening(store_opener: Opener) -> None:
    first = store_opener(True)
    load_samples(first)
    expected = first.export_delta()
    first.close()
    again = store_opener(False)
    assert again.export_delta() == expected
    assert again.paths(PathQuery(
        source="Verny Capital", target="Zijin Mining Group", max_hops=3, k=1,
    )).paths


def test_a_reader_reads_while_a_writer_writes(store_opener: Opener) -> None:
    writer = store_opener(True)
    load_samples(writer)
    base = writer.stats().facts
    reader = store_opener(False)
    b = DeltaBuilder()
    s = b.story("Bulk", published="2025-01-01")
    hub = b.company("Hub Holdings")
    for i in range(3000):
        b.fact(hub, "OWNS", b.company(f"Spoke {i} Ltd"), s, f"Hub owns spoke {i}.")
    big = b.delta()
    errors: list[BaseException] = []
    seen: set[int] = set()
    done = threading.Event()

    def read_loop() -> None:
        try:
            while not done.is_set():
                seen.add(reader.stats().facts)
                reader.paths(PathQuery(
                    source="Verny Capital", target="Zijin Mining Group", max_hops=3, k=1,
                ))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        writer.upsert(big)
    finally:
        done.set()
        thread.join(timeout=60)
    assert not errors
    # Every read saw the graph before or after the write, never half of it.
    assert seen <= {base, base + 3000}
    assert reader.stats().facts == base + 3000


def test_export_then_load_into_an_empty_store_reproduces_the_graph(
    store_opener: Opener,
) -> None:
    source = store_opener(True)
    load_samples(source)
    exported = source.export_delta()
    text = exported.model_dump_json()
    target = store_opener(True)
    target.upsert(GraphDelta.model_validate_json(text))
    assert target.export_delta() == exported
    assert target.stats() == source.stats()


def _with_extractor(delta: GraphDelta, label: str) -> GraphDelta:
    from sinograph.loaders.extractor import stamp_extractor

    return stamp_extractor(delta, label)


def test_evidence_keeps_the_extractor_and_joins_a_second_one(store: GraphStore) -> None:
    b = DeltaBuilder()
    story = b.story("Deal", published="2025-06-30")
    buyer, target = b.company("Norvik Group"), b.company("Tallis Ltd")
    b.fact(buyer, "ACQUIRES", target, story, "Norvik Group buys Tallis Ltd.", date="2025-06")
    b.metric(buyer, story, "Norvik Group sales rose 5%.", name="sales", value=5.0)
    store.upsert(_with_extractor(b.delta(), "rules"))
    (fact,) = store.export_delta().facts
    assert [e.extractor for e in fact.evidence] == ["rules"]

    # The same sentence read again by a model: one piece of evidence naming both.
    report = store.upsert(_with_extractor(b.delta(), "llm:qwen2.5:7b"))
    assert report.facts_added == 0
    exported = store.export_delta()
    assert [e.extractor for e in exported.facts[0].evidence] == ["rules + llm:qwen2.5:7b"]
    assert [e.extractor for e in exported.metrics[0].evidence] == ["rules + llm:qwen2.5:7b"]
    detail = store.get_fact(fact.key)
    assert [s.extractor for s in detail.sources] == ["rules + llm:qwen2.5:7b"]
    # Loading either again changes nothing.
    store.upsert(_with_extractor(b.delta(), "rules"))
    assert store.export_delta() == exported
