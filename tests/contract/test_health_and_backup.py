"""Contract: every store answers a cheap health probe, and either backs itself up
consistently or refuses with a clear error naming its own tools (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


def _delta() -> object:
    b = DeltaBuilder()
    story = b.story("Health", publisher="Wire", published="2025-01-02")
    b.fact(b.company("Zijin Mining Group"), "ACQUIRES", b.company("RG Gold"), story,
           "Zijin Mining Group bought RG Gold.")
    return b.delta()


def test_health_answers_without_reading_the_graph(store: GraphStore) -> None:
    store.upsert(_delta())  # type: ignore[arg-type]
    probe = store.health()
    assert probe.read_only is False
    if isinstance(store, EmbeddedStore):
        assert probe.schema_version is not None and probe.schema_version >= 4


def test_backup_is_a_consistent_copy_or_a_clear_refusal(
    store: GraphStore, tmp_path: Path
) -> None:
    store.upsert(_delta())  # type: ignore[arg-type]
    out = tmp_path / "backup.db"
    if not isinstance(store, EmbeddedStore):
        with pytest.raises(InvalidInput, match="neo4j-admin"):
            store.backup(out)
        return
    made = store.backup(out)
    assert made.bytes == out.stat().st_size > 0
    copy = EmbeddedStore(out)
    copy.ensure_schema()
    try:
        assert copy.export_delta() == store.export_delta()
    finally:
        copy.close()
