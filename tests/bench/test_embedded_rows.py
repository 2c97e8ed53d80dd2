"""The embedded store's fast paths give what the shared code would: views, migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bench.synthetic import SyntheticNews
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import NoPath
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, TimelineQuery
from sinograph.graph.stores.assemble import fact_view, metric_view
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.embedded.schema import MIGRATIONS
from tests.conftest import sample_deltas


def test_fact_views_from_rows_equal_the_shared_assembly(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    for delta in SyntheticNews(facts=1_500, seed=2).deltas(batch_facts=400):
        store.upsert(delta)
    exported = store.export_delta()
    names = {e.id: e.name for e in exported.entities}
    stories = {s.id: s for s in exported.stories}
    rich = [f for f in exported.facts if f.amount or f.status or f.role or f.valid_until]
    assert rich
    for fact in rich[:60] + list(exported.facts[:60]):
        assert store.get_fact(fact.key) == fact_view(fact, names, stories)
    assert exported.metrics
    for metric in exported.metrics[:20]:
        page = store.timeline(TimelineQuery(entity=metric.subject, limit=1000))
        items = page.items + page.undated
        shown = [i.metric for i in items if i.metric and i.metric.id == metric.id]
        assert shown == [metric_view(metric, names, stories)]
    store.close()


def _write_version_1(path: Path, delta: GraphDelta) -> None:
    """A store as the first schema wrote it (the tables the old store filled)."""
    from sinograph.graph.model.ids import normalize_name
    from sinograph.graph.stores.assemble import date_sort_key, ordinals

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    for s in delta.stories:
        conn.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)",
                     (s.id, s.title, s.publisher, s.published, s.url, s.text_hash))
    for e in delta.entities:
        conn.execute("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, 1)",
                     (e.id, e.name, e.type.value, e.model_dump_json()))
        for a in e.aliases:
            conn.execute("INSERT OR IGNORE INTO aliases VALUES (?, ?, ?)",
                         (normalize_name(a), e.id, a))
    for f in delta.facts:
        start, end, vf, vu = ordinals(f)
        conn.execute(
            "INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (f.key, f.subject, f.predicate.value, f.object, f.date, start, end,
             date_sort_key(f.date), vf, vu, len(f.evidence),
             f.model_dump_json(exclude={"evidence"})))
        for e in f.evidence:
            conn.execute("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?)",
                         (f.key, e.story_id, e.sentence))
    for m in delta.metrics:
        conn.execute("INSERT OR REPLACE INTO metrics VALUES (?, ?, ?, ?, ?, 1)",
                     (m.id, m.subject, m.date, date_sort_key(m.date),
                      m.model_dump_json(exclude={"evidence"})))
        for e in m.evidence:
            conn.execute("INSERT OR IGNORE INTO metric_evidence VALUES (?, ?, ?)",
                         (m.id, e.story_id, e.sentence))
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'revision'")
    conn.close()


def test_a_version_1_store_is_converted_on_open(tmp_path: Path) -> None:
    reference = EmbeddedStore(tmp_path / "new.db")
    reference.ensure_schema()
    for delta in sample_deltas():
        reference.upsert(delta)
    expected = reference.export_delta()
    old = tmp_path / "old.db"
    _write_version_1(old, expected)
    store = EmbeddedStore(old)
    store.ensure_schema()
    assert store.export_delta() == expected
    assert store.stats() == reference.stats()
    assert store.paths(PathQuery(
        source="Verny Capital", target="Zijin Mining Group", max_hops=3, k=1,
    )).paths
    tables = {r[0] for r in sqlite3.connect(old).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {t for t in tables if t.startswith("v1_")}
    # The readable views show the data with string ids.
    conn = sqlite3.connect(old)
    rows = conn.execute("SELECT key, subject, object FROM facts").fetchall()
    assert {r[0] for r in rows} == {f.key for f in expected.facts}
    assert all(r[1].count(":") == 1 for r in rows)
    assert json.loads(json.dumps(conn.execute("SELECT COUNT(*) FROM evidence").fetchone()))[0] \
        == sum(len(f.evidence) for f in expected.facts)
    store.close()
    reference.close()


def test_another_process_writes_are_seen_after_refresh(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    reader, writer = EmbeddedStore(path), EmbeddedStore(path)
    reader.ensure_schema()
    writer.ensure_schema()
    deltas = list(SyntheticNews(facts=1_000, seed=4).deltas(batch_facts=250))
    writer.upsert(deltas[0])
    first = reader.stats().facts
    for delta in deltas[1:]:
        writer.upsert(delta)
    # Merges and closings change stored facts: the reader sees their new state.
    exported = writer.export_delta()
    assert reader.stats().facts > first
    assert reader.export_delta() == exported
    for fact in exported.facts[:50]:
        assert reader.get_fact(fact.key).sources == writer.get_fact(fact.key).sources
    graph = reader.networkx_graph()
    assert graph.number_of_edges() == len(exported.facts)
    writer.upsert(SyntheticNews(facts=1_300, seed=4).deltas(batch_facts=1_300).__next__())
    assert reader.stats().facts == writer.stats().facts
    assert graph.number_of_edges() == writer.stats().facts
    reader.close()
    writer.close()


def test_opening_in_chunks_gives_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sinograph.graph.stores.embedded.store as store_module

    path = tmp_path / "g.db"
    writer = EmbeddedStore(path)
    writer.ensure_schema()
    for delta in SyntheticNews(facts=2_000, seed=6).deltas(batch_facts=500):
        writer.upsert(delta)
    hubs = [e.id for e in writer.export_delta().entities][:12]
    # Small chunks: the open reads the facts in many batches folded into the CSR at once.
    monkeypatch.setattr(store_module, "_OPEN_CHUNK", 100)
    reader = EmbeddedStore(path)
    reader.ensure_schema()
    for a, b in zip(hubs, hubs[1:], strict=False):
        try:
            expected = writer.paths(PathQuery(source=a, target=b, max_hops=4, k=3))
        except NoPath:
            with pytest.raises(NoPath):
                reader.paths(PathQuery(source=a, target=b, max_hops=4, k=3))
            continue
        assert reader.paths(PathQuery(source=a, target=b, max_hops=4, k=3)) == expected
        assert reader.neighbors(NeighbourQuery(
            entity=a, depth=2,
        )) == writer.neighbors(NeighbourQuery(entity=a, depth=2))
        assert reader.timeline(TimelineQuery(entity=a)) == writer.timeline(TimelineQuery(entity=a))
    reader.close()
    writer.close()


def test_a_version_2_store_gains_the_extractor_column_on_open(tmp_path: Path) -> None:
    from sinograph.graph.stores.embedded.schema import SCHEMA_VERSION
    from sinograph.loaders.extractor import stamp_extractor

    path = tmp_path / "v2.db"
    store = EmbeddedStore(path)
    store.ensure_schema()
    for delta in sample_deltas():
        store.upsert(delta)
    expected = store.export_delta()
    # A record joins the fact of its event, whose key may be another (a more precise date).
    final_key = {f.key: store.get_fact(f.key).key for f in sample_deltas()[0].facts}
    store.close()
    keys_sql = "SELECT norm, nid, alias, kind FROM alias ORDER BY norm, nid, alias, kind"
    conn = sqlite3.connect(path)
    lookup_keys = conn.execute(keys_sql).fetchall()
    conn.close()
    assert {kind for *_rest, kind in lookup_keys} > {"alias"}
    # Take the file back to version 2, as sinograph 2 left it (versions 3, 4 and 5 undone).
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP INDEX fact_state")
    conn.execute("ALTER TABLE fact DROP COLUMN state")
    conn.execute("ALTER TABLE entity DROP COLUMN merged_into")
    conn.execute("DROP TABLE redirect")
    conn.execute("DROP TABLE curation")
    conn.execute("DELETE FROM meta WHERE key = 'generation'")
    conn.execute("DROP TABLE fact_former_key")
    conn.execute("ALTER TABLE fact DROP COLUMN known_from")
    conn.execute("ALTER TABLE fact DROP COLUMN known_from_ord")
    conn.execute("DELETE FROM alias WHERE kind != 'alias'")
    conn.execute("ALTER TABLE alias DROP COLUMN kind")
    conn.execute("DROP VIEW evidence")
    conn.execute("ALTER TABLE fact_source DROP COLUMN extractor")
    conn.execute("ALTER TABLE metric_source DROP COLUMN extractor")
    conn.execute("CREATE VIEW evidence AS SELECT x.fid AS fid FROM fact_source x")
    conn.execute("DELETE FROM schema_version WHERE version > 2")
    conn.close()

    store = EmbeddedStore(path)
    store.ensure_schema()
    assert store.export_delta() == expected
    assert {e.extractor for f in expected.facts for e in f.evidence} == {None}
    first = sample_deltas()[0]
    store.upsert(stamp_extractor(first, "rules"))
    read_again = {
        (final_key[f.key], e.story_id, e.sentence) for f in first.facts for e in f.evidence
    }
    for fact in store.export_delta().facts:
        for e in fact.evidence:
            wanted = "rules" if (fact.key, e.story_id, e.sentence) in read_again else None
            assert e.extractor == wanted
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute(keys_sql).fetchall() == lookup_keys  # the lookup keys are rebuilt
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1)) and SCHEMA_VERSION == 5
    assert conn.execute("SELECT COUNT(*) FROM evidence WHERE extractor = 'rules'").fetchone()[0]
    conn.close()
