"""Contract: search, entity detail, paths, neighbours, timelines and as-of."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.model.errors import (
    AmbiguousEntity,
    EntityNotFound,
    FactNotFound,
    InvalidInput,
    NoPath,
)
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, SearchQuery, TimelineQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder
from tests.contract.test_writes import load_samples


@pytest.fixture
def samples(store: GraphStore) -> GraphStore:
    load_samples(store)
    return store


# ------------------------------------------------------------------ search


def test_search_finds_an_exact_alias_ignoring_case_and_accents(samples: GraphStore) -> None:
    hits = samples.search_entities(SearchQuery(text="CANTECH S.A R.L."))
    assert hits[0].entity.name == "Cantech S.à r.l."
    assert hits[0].match == "exact"


def test_search_ranks_exact_before_prefix_before_fuzzy(samples: GraphStore) -> None:
    hits = samples.search_entities(SearchQuery(text="Zijin", limit=5))
    assert hits[0].entity.name == "Zijin Mining Group"
    assert hits[0].match == "exact"
    prefix = samples.search_entities(SearchQuery(text="Guotai", limit=5))
    assert prefix[0].entity.name == "Guotai Junan Securities"
    assert prefix[0].match == "prefix"
    fuzzy = samples.search_entities(SearchQuery(text="Stelantis"))
    assert fuzzy[0].entity.name == "Stellantis"
    assert fuzzy[0].match == "fuzzy"
    order = {"id": 0, "exact": 1, "prefix": 2, "fuzzy": 3}
    for results in (hits, prefix, fuzzy):
        ranks = [order[h.match] for h in results]
        assert ranks == sorted(ranks)


def test_search_filters_by_type(samples: GraphStore) -> None:
    hits = samples.search_entities(SearchQuery(text="Beijing", type=EntityType.COMPANY))
    assert all(h.entity.type is EntityType.COMPANY for h in hits)
    regions = samples.search_entities(SearchQuery(text="Beijing", type=EntityType.REGION))
    assert regions[0].entity.name == "Beijing"


def test_search_for_nothing_similar_returns_nothing(samples: GraphStore) -> None:
    assert samples.search_entities(SearchQuery(text="qqqqzzzzxxxx")) == []


def test_entity_detail_counts_facts_by_predicate_and_sources(samples: GraphStore) -> None:
    detail = samples.get_entity("Stellantis")
    assert detail.entity.name == "Stellantis"
    assert detail.fact_counts["OWNS"] == 1
    # The appointment and the departure state one tenure: one fact with both sources.
    assert detail.fact_counts["LEADS"] == 1
    assert detail.fact_total == sum(detail.fact_counts.values())
    assert detail.source_count == 2


def test_unknown_and_ambiguous_names_are_distinct_errors(store: GraphStore) -> None:
    b = DeltaBuilder()
    b.company("Ping An Insurance", "Ping An")
    b.company("Ping An Bank", "Ping An")
    store.upsert(b.delta())
    with pytest.raises(EntityNotFound):
        store.resolve_entity("Nobody Holdings")
    with pytest.raises(AmbiguousEntity) as info:
        store.resolve_entity("ping an")
    assert {c["name"] for c in info.value.candidates} == {"Ping An Insurance", "Ping An Bank"}


def test_get_fact_of_an_unknown_key_is_an_error(samples: GraphStore) -> None:
    with pytest.raises(FactNotFound):
        samples.get_fact("fact:nope")


# ------------------------------------------------------------------- paths


def test_the_three_hop_sample_path_reports_directions_dates_and_evidence(
    samples: GraphStore,
) -> None:
    result = samples.paths(PathQuery(source="Verny Capital", target="Zijin", max_hops=4, k=1))
    (path,) = result.paths
    assert [n.name for n in path.nodes] == [
        "Verny Capital", "Cantech S.à r.l.", "RG Gold", "Zijin Mining Group"
    ]
    assert [(h.fact.predicate.value, h.direction) for h in path.hops] == [
        ("CONTROLS", "forward"), ("SELLS", "forward"), ("ACQUIRES", "backward")
    ]
    assert [h.fact.date for h in path.hops] == [None, "2025-06-29", "2025-06-29"]
    for hop in path.hops:
        assert hop.fact.sources and hop.fact.sources[0].sentence
        assert hop.fact.sources[0].publisher == "Sinograph Samples"


def test_k_paths_come_shortest_first_in_a_stable_order(store: GraphStore) -> None:
    b = DeltaBuilder()
    s = b.story("Web", published="2025-01-01")
    a, z = b.company("A Co"), b.company("Z Co")
    m1, m2, m3 = b.company("M1 Co"), b.company("M2 Co"), b.company("M3 Co")
    b.fact(a, "OWNS", m2, s, "a m2")
    b.fact(m2, "OWNS", z, s, "m2 z")
    b.fact(z, "SUPPLIES", m1, s, "z m1")  # against the walk's direction
    b.fact(m1, "SUPPLIES", a, s, "m1 a")
    b.fact(a, "PARTNERS_WITH", m3, s, "a m3")
    b.fact(m3, "PARTNERS_WITH", m1, s, "m3 m1")
    store.upsert(b.delta())
    result = store.paths(PathQuery(source="A Co", target="Z Co", max_hops=4, k=5))
    names = [[n.name for n in p.nodes] for p in result.paths]
    assert names == [
        ["A Co", "M1 Co", "Z Co"],
        ["A Co", "M2 Co", "Z Co"],
        ["A Co", "M3 Co", "M1 Co", "Z Co"],
    ]
    first = result.paths[0]
    assert [h.direction for h in first.hops] == ["backward", "backward"]
    one = store.paths(PathQuery(source="A Co", target="Z Co", max_hops=4, k=1))
    assert len(one.paths) == 1 and one.paths[0] == result.paths[0]


def test_predicate_filter_and_max_hops_bound_the_search(samples: GraphStore) -> None:
    with pytest.raises(NoPath):
        samples.paths(PathQuery(source="Verny Capital", target="Zijin Mining Group", max_hops=2))
    with pytest.raises(NoPath):
        samples.paths(PathQuery(
            source="Verny Capital", target="Zijin Mining Group", predicates=["CONTROLS", "SELLS"],
        ))
    ok = samples.paths(PathQuery(
        source="Verny Capital",
        target="Zijin Mining Group",
        predicates="CONTROLS,SELLS,ACQUIRES",
        k=1,
    ))
    assert len(ok.paths[0].hops) == 3


def test_time_window_and_as_of_filter_paths(samples: GraphStore) -> None:
    # The ACQUIRES/SELLS hops are dated 2025-06-29; a window before that has no path.
    with pytest.raises(NoPath):
        samples.paths(PathQuery(
            source="Verny Capital", target="Zijin Mining Group", until="2024-12-31",
        ))
    assert samples.paths(PathQuery(
        source="Verny Capital", target="Zijin Mining Group", since="2025-06", k=1,
    )).paths
    with pytest.raises(NoPath):
        samples.paths(PathQuery(
            source="Verny Capital", target="Zijin Mining Group", as_of="2025-06-01",
        ))
    assert samples.paths(PathQuery(
        source="Verny Capital", target="Zijin Mining Group", as_of="2025-07-01", k=1,
    )).paths


def test_as_of_hides_facts_that_had_ended(samples: GraphStore) -> None:
    # Yi Huiman led the CSRC from 2019 until 2024-02-07.
    before = samples.paths(PathQuery(
        source="Yi Huiman", target="CSRC", as_of="2023-06-30", max_hops=1,
    ))
    assert before.paths
    with pytest.raises(NoPath):
        samples.paths(PathQuery(source="Yi Huiman", target="CSRC", as_of="2024-06-30", max_hops=1))


def test_unknown_entity_is_not_no_path(samples: GraphStore) -> None:
    with pytest.raises(EntityNotFound):
        samples.paths(PathQuery(source="Nobody Holdings", target="Zijin Mining Group"))
    with pytest.raises(NoPath):
        samples.paths(PathQuery(source="Huawei", target="Mixue Group", max_hops=6))


def test_a_path_from_an_entity_to_itself_is_a_usage_error(samples: GraphStore) -> None:
    with pytest.raises(InvalidInput, match="same entity"):
        samples.paths(PathQuery(source="Baidu", target="Baidu"))
    with pytest.raises(InvalidInput, match="same entity"):
        samples.paths(PathQuery(source="Baidu", target="company:baidu"))


# -------------------------------------------------------------- neighbours


def test_neighbours_by_depth_predicate_and_limit(samples: GraphStore) -> None:
    one = samples.neighbors(NeighbourQuery(entity="RG Gold", depth=1))
    names = {e.name for e in one.entities}
    assert names == {"RG Gold", "Zijin Mining Group", "Cantech S.à r.l.", "Kazakhstan"}
    assert one.entities[0].name == "RG Gold"
    assert all(f.sources for f in one.facts)
    two = samples.neighbors(NeighbourQuery(entity="RG Gold", depth=2))
    assert {"Verny Capital", "Fujian"} <= {e.name for e in two.entities}
    only = samples.neighbors(NeighbourQuery(
        entity="RG Gold", depth=2, predicates=["ACQUIRES", "SELLS"],
    ))
    assert {e.name for e in only.entities} == {"RG Gold", "Zijin Mining Group", "Cantech S.à r.l."}
    small = samples.neighbors(NeighbourQuery(entity="RG Gold", depth=2, limit=2))
    assert len(small.entities) == 2 and small.truncated
    with pytest.raises(ValidationError, match="depth"):
        NeighbourQuery(entity="RG Gold", depth=4)  # refused before any store sees it


def test_neighbours_as_of_leave_out_closed_facts(samples: GraphStore) -> None:
    now = samples.neighbors(NeighbourQuery(entity="Japanese seafood", as_of="2025-07-01"))
    assert {f.predicate.value for f in now.facts} == {"LIFTS_BAN"}
    then = samples.neighbors(NeighbourQuery(entity="Japanese seafood", as_of="2024-01-01"))
    assert {f.predicate.value for f in then.facts} == {"BANS"}


def test_subgraph_returns_the_facts_among_the_given_entities(samples: GraphStore) -> None:
    sub = samples.subgraph(["Zijin Mining Group", "RG Gold", "Kazakhstan"])
    assert {e.name for e in sub.entities} == {"Zijin Mining Group", "RG Gold", "Kazakhstan"}
    assert {(f.subject_name, f.predicate.value, f.object_name) for f in sub.facts} == {
        ("Zijin Mining Group", "ACQUIRES", "RG Gold"),
        ("RG Gold", "LOCATED_IN", "Kazakhstan"),
    }


# ---------------------------------------------------------------- timeline


def _timeline_store(store: GraphStore) -> GraphStore:
    b = DeltaBuilder()
    s = b.story("Years", publisher="Caixin", published="2025-12-31")
    acme = b.company("Acme Group")
    others = [b.company(f"Other {i} Co") for i in range(8)]
    dated = ["2025-03-02", "2025", "2024-11", "2025-03", "2025-01-01", "2023"]
    for other, date in zip(others, dated, strict=False):
        b.fact(acme, "PARTNERS_WITH", other, s, f"Acme with {other.name} ({date}).", date=date)
    b.fact(others[6], "SUPPLIES", acme, s, "Other 6 supplies Acme.")
    b.fact(acme, "OWNS", others[7], s, "Acme owns Other 7.")
    b.metric(acme, s, "Acme's revenue was $5 billion.", name="revenue", value=5e9, unit="USD",
             period="2024", date="2024")
    store.upsert(b.delta())
    return store


def test_timeline_orders_by_date_with_partial_dates_first_in_their_period(
    store: GraphStore,
) -> None:
    page = _timeline_store(store).timeline(TimelineQuery(entity="Acme Group"))
    assert [i.date for i in page.items] == [
        "2023", "2024", "2024-11", "2025", "2025-01-01", "2025-03", "2025-03-02"
    ]
    assert [i.kind for i in page.items][1] == "metric"
    assert [i.date_precision for i in page.items][:3] == ["year", "year", "month"]
    assert page.undated_total == 2
    assert {i.fact.predicate.value for i in page.undated if i.fact} == {"SUPPLIES", "OWNS"}
    for item in page.items:
        sources = item.fact.sources if item.fact else item.metric.sources  # type: ignore[union-attr]
        assert sources[0].publisher == "Caixin"


def test_timeline_pages_cover_every_item_once(store: GraphStore) -> None:
    _timeline_store(store)
    full = store.timeline(TimelineQuery(entity="Acme Group", limit=100))
    seen, cursor, pages = [], None, 0
    while True:
        page = store.timeline(TimelineQuery(entity="Acme Group", limit=3, cursor=cursor))
        seen += [i.date for i in page.items]
        pages += 1
        if page.undated and pages > 1:
            pytest.fail("the dated pages after the first carry no undated items")
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [i.date for i in full.items]
    assert pages == 3
    with pytest.raises(InvalidInput):
        store.timeline(TimelineQuery(entity="Acme Group", cursor="not a cursor!"))


def _undated_store(store: GraphStore, count: int) -> list[str]:
    b = DeltaBuilder()
    s = b.story("Standing", publisher="Caixin", published=None)
    acme = b.company("Acme Group")
    keys = [
        b.fact(acme, "PARTNERS_WITH", b.company(f"Partner {i:02d} Co"), s, f"Partner {i}.").key
        for i in range(count)
    ]
    b.fact(acme, "ACQUIRES", b.company("Target Co"), s, "Acme bought Target.", date="2024")
    b.metric(acme, s, "Acme has 500 staff.", name="staff", value=500)
    store.upsert(b.delta())
    return keys


def test_undated_items_past_the_first_page_are_reachable(store: GraphStore) -> None:
    keys = _undated_store(store, 7)
    first = store.timeline(TimelineQuery(entity="Acme Group", limit=3))
    assert first.undated_total == 8  # seven facts and the metric
    assert [i.date for i in first.items] == ["2024"]
    assert len(first.undated) == 3 and first.undated_next_cursor
    seen = [i.fact.key if i.fact else i.metric.id for i in first.undated]  # type: ignore[union-attr]
    cursor: str | None = first.undated_next_cursor
    while cursor:
        page = store.timeline(TimelineQuery(entity="Acme Group", limit=3, cursor=cursor))
        assert page.items == [] and page.next_cursor is None
        assert page.undated_total == 8
        seen += [i.fact.key if i.fact else i.metric.id for i in page.undated]  # type: ignore[union-attr]
        cursor = page.undated_next_cursor
    assert seen[:7] == sorted(keys)
    assert seen[7].startswith("metric:") and len(seen) == len(set(seen)) == 8


def test_the_whole_graph_timeline_pages_through_undated_items(store: GraphStore) -> None:
    _undated_store(store, 6)
    seen: list[str] = []
    page = store.timeline(TimelineQuery(limit=4))
    while True:
        seen += [i.fact.key if i.fact else i.metric.id for i in page.undated]  # type: ignore[union-attr]
        if page.undated_next_cursor is None:
            break
        page = store.timeline(TimelineQuery(limit=4, cursor=page.undated_next_cursor))
    assert len(seen) == len(set(seen)) == 7
    assert seen == sorted(seen)


def test_timeline_filters_by_window_and_predicate(store: GraphStore) -> None:
    _timeline_store(store)
    window = store.timeline(TimelineQuery(entity="Acme Group", since="2025-01", until="2025-03-01"))
    assert [i.date for i in window.items] == ["2025", "2025-01-01", "2025-03"]
    assert window.undated == []
    preds = store.timeline(TimelineQuery(entity="Acme Group", predicates=["OWNS", "SUPPLIES"]))
    assert preds.items == []
    assert preds.undated_total == 2


def test_whole_graph_timeline_is_in_date_order(samples: GraphStore) -> None:
    page = samples.timeline(TimelineQuery(limit=1000))
    assert page.entity is None
    keys = [i.date for i in page.items]
    assert len(keys) > 20
    from sinograph.graph.stores.assemble import date_sort_key

    assert [date_sort_key(d) for d in keys] == sorted(date_sort_key(d) for d in keys)  # type: ignore[type-var]


def test_export_as_of_keeps_only_what_held_then(samples: GraphStore) -> None:
    then = samples.export_delta(as_of="2024-01-01")
    preds = {(f.predicate.value, f.date) for f in then.facts}
    assert ("BANS", "2023-08") in preds
    assert all(f.date is None or f.date <= "2024-01-01" for f in then.facts)
    assert not any(f.predicate.value == "LIFTS_BAN" for f in then.facts)
