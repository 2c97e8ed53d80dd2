"""The networkx baseline merges facts as the embedded store does, so the benchmark compares
the same graph: here two records of one triple told in one batch, after an undated fact of
that triple was stored (the case in which the baseline once kept a copy the store merged)."""

from __future__ import annotations

from pathlib import Path

from bench.baseline import NetworkxBaseline
from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.load import write_graph

_PARTIES = (
    Entity(id="country:lumeria", name="Lumeria", type="Country"),
    Entity(id="company:harbor-exchange", name="Harbor Exchange", type="Company"),
)


def _fact(story: str, **fields: object) -> Fact:
    return Fact(
        subject="country:lumeria",
        predicate="CONTROLS",
        object="company:harbor-exchange",
        evidence=(Evidence(story_id=story, sentence="Lumeria controls Harbor Exchange."),),
        **fields,
    )


def _batches() -> list[GraphDelta]:
    stories = [Story(id=f"story:{n}", title=f"story {n}", published=f"2020-0{n}-01",
                     text_hash=f"{n:064x}")
               for n in (1, 2, 3)]
    undated = _fact("story:1")
    return [
        GraphDelta(stories=(stories[0],), entities=_PARTIES, facts=(undated,)),
        GraphDelta(
            stories=tuple(stories[1:]),
            entities=_PARTIES,
            facts=(
                _fact("story:2", date="2019-12-04"),
                _fact("story:3", key=undated.key, valid_until="2021-01-31"),
            ),
        ),
    ]


def test_two_records_of_a_stored_triple_merge_alike_in_baseline_and_store(
    tmp_path: Path,
) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    baseline = NetworkxBaseline()
    for delta in _batches():
        write_graph(store, delta)
        baseline.upsert(delta)
    in_baseline = sorted(
        (data["fact"].key, data["fact"].date, data["fact"].valid_until)
        for _, _, data in baseline.graph.edges(data=True)
    )
    in_store = sorted(
        (fact.key, fact.date, fact.valid_until)
        for fact in store.export_delta().facts
    )
    assert in_baseline == in_store
    assert len(in_store) == 1, in_store
