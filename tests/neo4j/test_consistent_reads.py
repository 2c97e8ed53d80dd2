"""Reads against the real server never see half of a write, whatever query they run.

A writer commits many small upserts while reader threads keep asking every
multi-statement question — stats, the whole export, neighbours, paths, the
timeline, entity detail. Each upsert adds one story citing one new fact between
a new spoke and a hub, with one sentence, so in any committed state the counts
are tied (stories = facts = evidence sentences = spokes) and every fact has its
evidence and story. A query that read the graph in two transactions would,
sooner or later, straddle a commit and break one of these.
"""

from __future__ import annotations

import threading

import pytest

from sinograph.graph.model.errors import NoPath
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, TimelineQuery
from sinograph.graph.stores.neo4j import Neo4jStore
from tests.contract.builders import DeltaBuilder
from tests.contract.neo4j_factory import make_neo4j_store

pytestmark = pytest.mark.neo4j

WRITES = 40
READERS = 3


def _spoke_delta(i: int) -> DeltaBuilder:
    b = DeltaBuilder()
    s = b.story(f"Spoke {i}", published="2025-01-01")
    hub = b.company("Hub Holdings")
    b.fact(b.company(f"Spoke {i} Ltd"), "OWNS", hub, s, f"Spoke {i} owns part of the hub.",
           date=f"2024-{1 + i % 12:02d}")
    return b


def _check_snapshot(store: Neo4jStore, violations: list[str]) -> None:
    stats = store.stats()
    spokes = stats.entities - 1 if stats.entities else 0
    if not stats.stories == stats.facts == stats.sources == spokes:
        violations.append(f"stats out of step: {stats}")
    delta = store.export_delta()
    stories = {s.id for s in delta.stories}
    for fact in delta.facts:
        if not fact.evidence or any(e.story_id not in stories for e in fact.evidence):
            violations.append(f"export: fact {fact.key} without its evidence or story")
    if len(delta.facts) != len(delta.stories):
        violations.append(f"export: {len(delta.facts)} facts, {len(delta.stories)} stories")
    if stats.entities:
        around = store.neighbors(NeighbourQuery(entity="Hub Holdings", depth=1, limit=5_000))
        if len(around.entities) - 1 != len(around.facts):
            violations.append("neighbours: entities and facts out of step")
        if any(not f.sources for f in around.facts):
            violations.append("neighbours: a fact without sources")
        page = store.timeline(TimelineQuery(entity="Hub Holdings", limit=1_000))
        if any(not item.fact or not item.fact.sources for item in page.items):
            violations.append("timeline: a fact without sources")
        detail = store.get_entity("Hub Holdings")
        if detail.fact_total != detail.source_count:
            violations.append(f"entity detail out of step: {detail}")
        try:
            found = store.paths(PathQuery(
                source="Spoke 0 Ltd", target="Hub Holdings", max_hops=2, k=1,
            ))
            if not found.paths[0].hops[0].fact.sources:
                violations.append("paths: a hop without sources")
        except NoPath:
            pass  # the first spoke may not be there yet


def test_concurrent_readers_see_whole_writes_only() -> None:
    writer = make_neo4j_store(wipe=True)
    readers = [make_neo4j_store(wipe=False) for _ in range(READERS)]
    violations: list[str] = []
    errors: list[BaseException] = []
    reads = [0] * READERS
    done = threading.Event()

    def read_loop(n: int) -> None:
        try:
            while not done.is_set():
                _check_snapshot(readers[n], violations)
                reads[n] += 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read_loop, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for i in range(WRITES):
            writer.upsert(_spoke_delta(i).delta())
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=120)
    for store in [writer, *readers]:
        final = store.stats()
        store.close()
    assert not errors, errors[0]
    assert violations == []
    assert final.facts == WRITES
    # The readers really ran alongside the writer.
    assert sum(reads) >= READERS
