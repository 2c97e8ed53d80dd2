"""Copying a graph in batches, interrupted and resumed, into a real (embedded) target store.

The copy logic only needs the GraphStore protocol, so an EmbeddedStore stands in
for Neo4j here; ``sinograph copy`` itself is checked for its failure exits.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinograph.cli.main import app
from sinograph.graph.model.curation import Curator
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.queries import TimelineQuery
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.neo4j.copy import batches, copy_graph
from tests.conftest import sample_deltas


class Interrupted(Exception):
    pass


def _source(tmp_path: Path) -> GraphDelta:
    store = EmbeddedStore(tmp_path / "source.db")
    store.ensure_schema()
    try:
        for delta in sample_deltas():
            store.upsert(delta)
        # Some curation, which the copy carries too.
        fact = store.timeline(TimelineQuery(entity="Zijin Mining Group", limit=1)).items[0].fact
        assert fact is not None
        store.reject_fact(fact.key, Curator(actor="cli:test", reason="copy the curation"))
        return store.export_delta()
    finally:
        store.close()


def test_batches_put_dependencies_first_and_respect_the_size(tmp_path: Path) -> None:
    delta = _source(tmp_path)
    parts = list(batches(delta, 3))
    kinds = [next(k for k in ("stories", "entities", "facts", "metrics") if getattr(b, k))
             for b in parts]
    assert kinds == sorted(kinds, key=["stories", "entities", "facts", "metrics"].index)
    assert all(len(getattr(b, k)) <= 3 for b, k in zip(parts, kinds, strict=True))
    assert sum(len(b.facts) for b in parts) == len(delta.facts)


def test_an_interrupted_copy_resumes_after_its_last_batch(tmp_path: Path) -> None:
    delta = _source(tmp_path)
    checkpoint = tmp_path / "copy.json"
    target = EmbeddedStore(tmp_path / "target.db")
    target.ensure_schema()
    seen: list[tuple[int, int]] = []

    def stop_after_four(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 4:
            raise Interrupted

    try:
        with pytest.raises(Interrupted):
            copy_graph(delta, target, target_name="t", batch_size=5, checkpoint=checkpoint,
                       progress=stop_after_four)
        saved = json.loads(checkpoint.read_text("utf-8"))
        assert saved["done"] == 4
        progress: list[tuple[int, int]] = []
        result = copy_graph(delta, target, target_name="t", batch_size=5,
                            checkpoint=checkpoint, progress=lambda d, t: progress.append((d, t)))
        assert result.resumed and result.batches_skipped == 4
        assert progress[0] == (4, result.batches_total)
        assert progress[-1] == (result.batches_total, result.batches_total)
        assert not checkpoint.exists()
        assert target.export_delta() == delta
        assert delta.curation is not None and target.get_fact(delta.curation.rejected[0]).rejected
        # Nothing was written twice: the resumed run added only what the first had not.
        assert result.report.stories_known == 0 and result.report.entities_known == 0
    finally:
        target.close()


def test_a_checkpoint_for_another_source_or_target_is_ignored(tmp_path: Path) -> None:
    delta = _source(tmp_path)
    checkpoint = tmp_path / "copy.json"
    checkpoint.write_text(json.dumps({"source": "other", "target": "t", "batch_size": 5,
                                      "done": 3}), "utf-8")
    target = EmbeddedStore(tmp_path / "target.db")
    target.ensure_schema()
    try:
        result = copy_graph(delta, target, target_name="t", batch_size=5, checkpoint=checkpoint)
        assert not result.resumed
        assert target.export_delta() == delta
        assert delta.curation is not None and target.get_fact(delta.curation.rejected[0]).rejected
        again = copy_graph(delta, target, target_name="t", batch_size=5, checkpoint=checkpoint,
                           restart=True)
        assert again.report.facts_added == 0 and again.report.facts_known == len(delta.facts)
    finally:
        target.close()


def test_copy_exits_3_when_neo4j_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _source(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "source.db"))
    monkeypatch.setenv("SINOGRAPH_NEO4J_CONNECT_TIMEOUT", "0.5")
    result = CliRunner().invoke(app, ["copy", "--to", f"bolt://127.0.0.1:{port}"])
    assert result.exit_code == 3, result.output
    assert "cannot reach Neo4j" in result.output


def test_copy_exits_2_without_an_embedded_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SINOGRAPH_STORE", str(tmp_path / "missing.db"))
    result = CliRunner().invoke(app, ["copy", "--to", "bolt://127.0.0.1:7687"])
    assert result.exit_code == 2, result.output
    assert "no embedded store" in result.output
