"""Unit tests of the pure merge rules, time windows and the path algorithm."""

from __future__ import annotations

import random

import networkx as nx

from sinograph.graph.model.domain import Entity, Fact
from sinograph.graph.model.merge import closes, merge_entity, merge_fact
from sinograph.graph.model.queries import TimeWindow, decode_cursor, encode_cursor
from sinograph.graph.stores.pathfinding import ListAdjacency, PathSearch
from tests.reference_paths import k_shortest_simple_paths


def _fact(**kw: object) -> Fact:
    base: dict[str, object] = dict(subject="country:china", predicate="BANS",
                                   object="commodity:seafood")
    return Fact.model_validate({**base, **kw})


def test_merge_entity_unions_aliases_and_keeps_the_stored_name() -> None:
    old = Entity(name="Zijin Mining Group", type="Company", aliases=["Zijin"])
    new = Entity(name="zijin mining group", type="Company", aliases=["紫金"], name_zh="紫金矿业")
    merged = merge_entity(old, new)
    assert merged.name == "Zijin Mining Group"
    assert set(merged.aliases) == {"Zijin Mining Group", "Zijin", "紫金", "zijin mining group"}
    assert merged.name_zh == "紫金矿业"


def test_merge_fact_is_order_independent() -> None:
    a = _fact(date="2023", status="proposed", confidence=0.4,
              evidence=[{"story_id": "s1", "sentence": "one"}])
    b = _fact(date="2023", status="completed", confidence=0.8,
              evidence=[{"story_id": "s2", "sentence": "two"}])
    ab, ba = merge_fact(a, b), merge_fact(b, a)
    assert ab.status == ba.status == "completed"
    assert ab.confidence == ba.confidence == 0.8
    assert ab.evidence == ba.evidence
    assert len(ab.evidence) == 2


def test_a_lift_closes_only_an_open_ban_that_began_before_it() -> None:
    lift = _fact(predicate="LIFTS_BAN", date="2025-06-29")
    assert closes(lift, _fact(date="2023-08"))
    assert not closes(lift, _fact(date="2026-01"))
    assert not closes(lift, _fact(date="2023-08", valid_until="2024-01"))
    assert not closes(lift, _fact(object="commodity:coal", date="2023-08"))


def test_time_window_admits_by_overlap_and_as_of() -> None:
    w = TimeWindow(since="2025-03", until="2025-03")
    from sinograph.graph.model.dates import partial_date_end_ordinal as end
    from sinograph.graph.model.dates import partial_date_ordinal as start

    assert w.admits(start("2025"), end("2025"), None, None)  # the year overlaps March
    assert not w.admits(start("2025-04-01"), end("2025-04-01"), None, None)
    assert w.admits(None, None, None, None)
    assert not w.admits(None, None, None, None, keep_undated=False)
    as_of = TimeWindow(as_of="2024-01-01")
    assert not as_of.admits(start("2023"), end("2023"), None, start("2023-12"))
    assert as_of.admits(start("2023"), end("2023"), None, start("2024-06"))
    assert not as_of.admits(start("2024-02"), end("2024-02"), None, None)


def test_cursor_round_trip() -> None:
    assert decode_cursor(encode_cursor(123456, "fact:abc|x")) == (123456, "fact:abc|x")


def test_k_shortest_paths_respect_simplicity_bounds_and_order() -> None:
    names = ["a", "b", "c", "s", "t"]  # numbered in id order
    adj = {
        "s": ["a", "b"], "a": ["s", "t", "b"], "b": ["s", "a", "c"], "c": ["b", "t"],
        "t": ["a", "c"],
    }
    graph = ListAdjacency([[names.index(m) for m in adj[n]] for n in names])

    def run(max_hops: int, k: int) -> list[list[str]]:
        found = PathSearch(graph).run(names.index("s"), names.index("t"), max_hops=max_hops, k=k)
        return [[names[n] for n in path] for path in found]

    paths = run(4, 10)
    assert paths == [
        ["s", "a", "t"], ["s", "b", "a", "t"], ["s", "b", "c", "t"], ["s", "a", "b", "c", "t"]
    ]
    assert all(len(set(p)) == len(p) for p in paths)
    assert run(1, 3) == []
    assert run(4, 2) == paths[:2]
    assert k_shortest_simple_paths(adj.__getitem__, "s", "t", max_hops=4, k=10, sort_key=str) == (
        paths
    )


def test_the_reference_enumeration_agrees_with_networkx() -> None:
    """The oracle the path search is tested against is itself held against networkx."""
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(2, 9)
        graph = nx.gnm_random_graph(n, rng.randint(1, 2 * n), seed=rng.randrange(10_000))
        source, target = rng.sample(range(n), 2)
        max_hops, k = rng.randint(1, 5), rng.randint(1, 6)
        every = sorted(
            nx.all_simple_paths(graph, source, target, cutoff=max_hops),
            key=lambda p: (len(p), p),
        )
        got = k_shortest_simple_paths(
            graph.__getitem__, source, target, max_hops=max_hops, k=k, sort_key="{:02d}".format
        )
        assert got == every[:k]


def test_placement_never_gives_two_facts_one_key() -> None:
    from sinograph.graph.model.merge import place_facts

    lead = dict(subject="person:wu", predicate="LEADS", object="company:alibaba")
    ceo = Fact.model_validate({**lead, "date": "2023-09", "role": "chief executive"})
    chair = Fact.model_validate({**lead, "date": "2023-09-10", "role": "chairman"})
    record = Fact.model_validate({**lead, "date": "2023-09-10", "role": "CEO"})
    placed = place_facts([record], [ceo, chair])
    assert len(placed.facts) == 1
    assert placed.stored_key == {chair.key: chair.key}
    for order in ([ceo, chair, record], [record, chair, ceo]):
        facts = place_facts(order, []).facts
        assert len({f.key for f in facts.values()}) == len(facts)
