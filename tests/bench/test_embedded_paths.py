"""The embedded store's path search gives exactly the reference algorithm's answer.

A synthetic graph is loaded into the store; the same facts, filtered the same
way, feed the test oracle :func:`tests.reference_paths.k_shortest_simple_paths`; random pairs must
get the same paths (same nodes, same order) for every k, hop bound and filter.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from bench.synthetic import SyntheticNews
from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.domain import Fact
from sinograph.graph.model.errors import NoPath
from sinograph.graph.model.queries import (
    NeighbourQuery,
    PathQuery,
    TimelineQuery,
    TimeWindow,
    parse_predicates,
)
from sinograph.graph.stores.assemble import earliest_published, ordinals
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.pathfinding import ListAdjacency, PathSearch
from tests.reference_paths import k_shortest_simple_paths

FILTERS = [
    {},
    {"predicates": "OWNS,INVESTS_IN,ACQUIRES,SUBSIDIARY_OF,LEADS,PARTNERS_WITH"},
    {"since": "2018", "until": "2022-06"},
    {"as_of": "2021-03-01"},
]


# The store, its facts, and the publication date of each story.
Loaded = tuple[EmbeddedStore, list[Fact], dict[str, str | None]]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    path: Path = tmp_path_factory.mktemp("paths") / "g.db"
    store = EmbeddedStore(path)
    store.ensure_schema()
    for delta in SyntheticNews(facts=4_000, seed=5).deltas(batch_facts=700):
        store.upsert(delta)
    exported = store.export_delta()
    published = {s.id: s.published for s in exported.stories}
    yield store, list(exported.facts), published
    store.close()


def _reference(  # type: ignore[no-untyped-def]
    facts: list[Fact], published: dict[str, str | None], flt: dict[str, str]
):
    preds = parse_predicates(flt.get("predicates"))
    window = TimeWindow(since=flt.get("since"), until=flt.get("until"), as_of=flt.get("as_of"))
    adjacency: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if preds is not None and fact.predicate not in preds:
            continue
        known = earliest_published(fact, published)
        if not window.is_open and not window.admits(
            *ordinals(fact), known_from=partial_date_ordinal(known) if known else None
        ):
            continue
        adjacency[fact.subject].add(fact.object)
        adjacency[fact.object].add(fact.subject)
    return lambda node: sorted(adjacency.get(node, ()))


@pytest.mark.parametrize("flt", FILTERS, ids=["open", "predicates", "window", "as_of"])
def test_paths_match_the_reference_algorithm(
    loaded: Loaded, flt: dict[str, str]
) -> None:
    store, facts, published = loaded
    neighbours = _reference(facts, published, flt)
    nodes = sorted({f.subject for f in facts} | {f.object for f in facts})
    rng = random.Random(3)
    compared = 0
    for _ in range(60):
        source, target = rng.sample(nodes, 2)
        max_hops, k = rng.choice([2, 3, 4, 5, 6]), rng.choice([1, 2, 5, 9])
        expected = k_shortest_simple_paths(
            neighbours, source, target, max_hops=max_hops, k=k, sort_key=str
        )
        try:
            query = PathQuery(source=source, target=target, max_hops=max_hops, k=k, **flt)  # type: ignore[arg-type]
            got = store.paths(query)
        except NoPath:
            assert expected == []
            continue
        assert [[n.id for n in p.nodes] for p in got.paths] == expected
        for path in got.paths:
            for hop in path.hops:
                assert {hop.fact.subject, hop.fact.object} == {hop.from_id, hop.to_id}
        compared += 1
    assert compared >= 10


def test_each_hop_shows_the_best_sourced_fact(loaded: Loaded) -> None:
    store, facts, _published = loaded
    between: dict[frozenset[str], list[Fact]] = defaultdict(list)
    for fact in facts:
        between[frozenset((fact.subject, fact.object))].append(fact)
    parallel = [pair for pair, group in between.items() if len(group) > 1 and len(pair) == 2]
    assert parallel, "the synthetic graph should have entities joined by several facts"
    for pair in parallel[:40]:
        a, b = sorted(pair)
        (path,) = store.paths(PathQuery(source=a, target=b, max_hops=1, k=1)).paths
        best = min(between[pair], key=lambda f: (-len({e.story_id for e in f.evidence}), f.key))
        assert path.hops[0].fact.key == best.key


def test_timeline_pages_match_a_sorted_list(loaded: Loaded) -> None:
    from sinograph.graph.stores.assemble import date_sort_key

    store, facts, _published = loaded
    metrics = store.export_delta().metrics
    degree: dict[str, int] = defaultdict(int)
    for fact in facts:
        degree[fact.subject] += 1
        degree[fact.object] += 1
    hubs = sorted(degree, key=lambda n: (-degree[n], n))[:3]
    rng = random.Random(9)
    for entity in hubs + rng.sample(sorted(degree), 5):
        expected = sorted(
            [(date_sort_key(f.date), f.key) for f in facts
             if entity in (f.subject, f.object) and f.date and f.date >= "2019"]
            + [(date_sort_key(m.date), m.id) for m in metrics
               if m.subject == entity and m.date and m.date >= "2019"]
        )
        seen, cursor = [], None
        while True:
            page = store.timeline(TimelineQuery(
                entity=entity, since="2019", limit=7, cursor=cursor,
            ))
            seen += [(i.fact.key if i.fact else i.metric.id) for i in page.items]  # type: ignore[union-attr]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == [key for _, key in expected]
        first = store.timeline(TimelineQuery(entity=entity, limit=5))
        undated = sorted(f.key for f in facts if entity in (f.subject, f.object) and not f.date)
        assert first.undated_total == len(undated) + sum(
            1 for m in metrics if m.subject == entity and not m.date
        )
        assert [i.fact.key for i in first.undated if i.fact] == undated[:5][: len(
            [i for i in first.undated if i.fact])]


def test_neighbours_match_the_reference_walk(loaded: Loaded) -> None:
    store, facts, _published = loaded
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fact in facts:
        edges[fact.subject].append((fact.object, fact.key))
        if fact.object != fact.subject:
            edges[fact.object].append((fact.subject, fact.key))
    rng = random.Random(4)
    for center in rng.sample(sorted(edges), 12):
        for depth, limit in ((1, 200), (2, 50), (2, 400)):
            order, keys, truncated = {center: 0}, set(), False
            frontier = [center]
            for level in range(1, depth + 1):
                nxt = []
                for node in frontier:
                    for other, key in sorted(edges[node]):
                        if other not in order:
                            if len(order) >= limit:
                                truncated = True
                                continue
                            order[other] = level
                            nxt.append(other)
                        keys.add(key)
                frontier = nxt
            got = store.neighbors(NeighbourQuery(entity=center, depth=depth, limit=limit))
            assert [e.id for e in got.entities] == sorted(order, key=lambda n: (order[n], n))
            assert [f.key for f in got.facts] == sorted(keys)
            assert got.truncated == truncated


def test_the_path_search_agrees_with_the_reference_on_small_graphs() -> None:
    rng = random.Random(12)
    for trial in range(300):
        n = rng.randint(2, 30)
        adjacency: dict[int, set[int]] = defaultdict(set)
        for _ in range(rng.randint(1, 3 * n)):
            a, b = rng.randrange(n), rng.randrange(n)
            if a != b:
                adjacency[a].add(b)
                adjacency[b].add(a)
        source, target = rng.randrange(n), rng.randrange(n)
        max_hops, k = rng.randint(1, 6), rng.randint(1, 8)
        lists = [sorted(adjacency.get(node, ())) for node in range(n)]
        expected = k_shortest_simple_paths(
            lists.__getitem__, source, target, max_hops=max_hops, k=k, sort_key="{:03d}".format
        )
        got = PathSearch(ListAdjacency(lists)).run(source, target, max_hops=max_hops, k=k)
        assert got == expected, (trial, source, target, max_hops, k)
