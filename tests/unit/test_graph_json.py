"""Reading graph files and cutting large ones into story-whole batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinograph.graph.model.errors import InputTooLarge, InvalidInput
from sinograph.loaders.graph_json import looks_like_graph_json, read_graph_json, split_delta
from tests.contract.builders import DeltaBuilder


def _delta(stories: int, facts_each: int) -> tuple[DeltaBuilder, list[str]]:
    b = DeltaBuilder()
    ids = []
    hub = b.company("Hub Co")
    for n in range(stories):
        s = b.story(f"S{n}", published="2025-01-01")
        ids.append(s.id)
        for i in range(facts_each):
            b.fact(hub, "OWNS", b.company(f"F{n}-{i} Ltd"), s, f"hub owns {n}-{i}")
    return b, ids


def test_a_small_delta_is_one_batch() -> None:
    b, _ = _delta(3, 5)
    delta = b.delta()
    assert split_delta(delta, 1000) == [delta]


def test_large_deltas_keep_every_story_with_its_facts() -> None:
    b, ids = _delta(30, 20)
    delta = b.delta()
    batches = split_delta(delta, 100)
    assert len(batches) > 3
    entity_batches = [x for x in batches if x.entities]
    assert all(not x.facts and not x.stories for x in entity_batches)
    assert batches[: len(entity_batches)] == entity_batches  # entities come first
    seen_facts = [f.key for x in batches for f in x.facts]
    assert sorted(seen_facts) == sorted(f.key for f in delta.facts)
    for batch in batches:
        in_batch = {s.id for s in batch.stories}
        for fact in batch.facts:
            assert fact.evidence[0].story_id in in_batch


def test_reading_graph_files_reports_size_and_place(tmp_path: Path) -> None:
    good = tmp_path / "g.json"
    b, _ = _delta(1, 2)
    good.write_text(b.delta().model_dump_json(), encoding="utf-8")
    assert looks_like_graph_json(good)
    assert len(read_graph_json(good, max_bytes=10**6).facts) == 2
    with pytest.raises(InputTooLarge, match="over the limit"):
        read_graph_json(good, max_bytes=10)
    bad = tmp_path / "bad.json"
    bad.write_text('{"facts": [{"subject": "a", "predicate": "BUYS", "object": "b"}]}', "utf-8")
    with pytest.raises(InvalidInput, match=r"bad.json: facts\.0\.predicate"):
        read_graph_json(bad, max_bytes=10**6)
    notes = tmp_path / "notes.txt"
    notes.write_text("plain", "utf-8")
    assert not looks_like_graph_json(notes)
