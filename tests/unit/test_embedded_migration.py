"""Older embedded store files are migrated to version 4 on open (issue 12, item 1).

The files are written the way earlier sinographs wrote them: one fact row per
key, so an undated record and a dated record of one event are two rows; version
3 adds the extractor that read each sentence. Opening one must pass through
every later version, merge the rows of one event, keep the merged-away keys as
former keys and the sentences' extractor labels, fill the new columns and lookup
keys, and leave a store that later loads write to as usual.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sinograph.graph.model.domain import Entity, Evidence, Fact, Metric, Story
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.assemble import date_sort_key
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.embedded.rows import fact_insert_row
from sinograph.graph.stores.embedded.schema import MIGRATIONS, SCHEMA_VERSION
from tests.contract.builders import DeltaBuilder


def _write_old(
    path: Path,
    stories: list[Story],
    entities: list[Entity],
    facts: list[Fact],
    version: int = 2,
    metrics: list[Metric] = (),  # type: ignore[assignment]
) -> None:
    """A store file of schema ``version`` (2 or 3), written as that version wrote it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number in range(1, version + 1):
        for statement in MIGRATIONS[number - 1]:
            assert isinstance(statement, str)
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version(version) VALUES (?)", (number,))
    nid = {e.id: n for n, e in enumerate(entities)}
    sid = {s.id: n for n, s in enumerate(stories)}
    for story in stories:
        conn.execute(
            "INSERT INTO story(sid, id, title, publisher, published, url, text_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sid[story.id], story.id, story.title, story.publisher, story.published, story.url,
             story.text_hash),
        )
    for entity in entities:
        conn.execute(
            "INSERT INTO entity(nid, id, name, type, data, seq) VALUES (?, ?, ?, ?, ?, 1)",
            (nid[entity.id], entity.id, entity.name, entity.type.value,
             entity.model_dump_json()),
        )
        for alias in entity.aliases:
            conn.execute("INSERT INTO alias(norm, nid, alias) VALUES (?, ?, ?)",
                         (normalize_name(alias), nid[entity.id], alias))
    for fid, fact in enumerate(facts):
        row, _ = fact_insert_row(fact, fid, nid[fact.subject], nid[fact.object], 1)
        conn.execute(
            "INSERT INTO fact(fid, key, subject, predicate, object, date, date_start, date_end,"
            " sort_key, valid_from, valid_until, n_sources, confidence, extra, kpre, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row[:16],
        )
        for e in fact.evidence:
            if version >= 3:
                conn.execute(
                    "INSERT INTO fact_source(fid, sid, sentence, extractor) VALUES (?, ?, ?, ?)",
                    (fid, sid[e.story_id], e.sentence, e.extractor),
                )
            else:
                conn.execute("INSERT INTO fact_source(fid, sid, sentence) VALUES (?, ?, ?)",
                             (fid, sid[e.story_id], e.sentence))
    for mid, metric in enumerate(metrics):
        conn.execute(
            "INSERT INTO metric(mid, id, subject, date, sort_key, data, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, 1)",
            (mid, metric.id, nid[metric.subject], metric.date, date_sort_key(metric.date),
             metric.model_dump_json(exclude={"evidence"})),
        )
        for e in metric.evidence:
            conn.execute(
                "INSERT INTO metric_source(mid, sid, sentence, extractor) VALUES (?, ?, ?, ?)",
                (mid, sid[e.story_id], e.sentence, e.extractor),
            )
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'revision'")
    conn.close()


def test_a_version_2_file_is_merged_and_keeps_every_key(tmp_path: Path) -> None:
    b = DeltaBuilder()
    s1 = b.story("Listed", publisher="Wire", published="2025-01-10")
    s2 = b.story("Again", publisher="Wire", published="2025-01-20")
    s3 = b.story("Chiefs", publisher="Wire", published="2023-06-20")
    dod = b.entity("US Department of Defense", "GovernmentBody", "DoD")
    catl = b.entity("CATL", "Company", tickers=("300750.SZ",), name_zh="宁德时代")
    zhang, wu = b.entity("Daniel Zhang", "Person"), b.entity("Eddie Wu", "Person")
    alibaba = b.company("Alibaba Group Holding")
    undated = b.fact(dod, "SANCTIONS", catl, s1, "The DoD listed CATL.")
    dated = b.fact(dod, "SANCTIONS", catl, s2, "CATL was listed in January.", date="2025-01")
    twice = b.fact(dod, "SANCTIONS", catl, s1, "The DoD listed CATL in 2025.", date="2025")
    zhang_dated = b.fact(zhang, "LEADS", alibaba, s3, "Zhang became CEO in 2015.",
                         date="2015", role="chief executive")
    zhang_undated = b.fact(zhang, "LEADS", alibaba, s3, "Chief executive Zhang.",
                           role="chief executive")
    b.fact(wu, "LEADS", alibaba, s3, "Wu will succeed Zhang in September.", date="2023-09",
           role="chief executive")
    b.fact(dod, "SANCTIONS", b.company("Tencent"), s2, "Tencent was listed.", date="2025-01-06")
    path = tmp_path / "old.db"
    _write_old(path, b.stories, list(b.entities.values()), b.facts)

    store = EmbeddedStore(path)
    store.ensure_schema()
    try:
        conn = sqlite3.connect(path)
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version")]
        assert versions == [1, 2, 3, 4, 5] == list(range(1, SCHEMA_VERSION + 1))
        # Version 3's column: rows written before it have no extractor (unknown).
        assert {r[0] for r in conn.execute("SELECT extractor FROM evidence")} == {None}
        facts = {(f.subject, f.predicate.value, f.object): f for f in store.export_delta().facts}
        stats = store.stats()
        assert stats.facts == len(facts) == 4
        assert stats.sources == 7  # every evidence row kept, none twice
        sanction = facts[(dod.id, "SANCTIONS", catl.id)]
        assert (sanction.key, sanction.date, len(sanction.evidence)) == (dated.key, "2025-01", 3)
        for key in (undated.key, twice.key, dated.key):
            assert store.get_fact(key).key == dated.key
        zhang_leads = facts[(zhang.id, "LEADS", alibaba.id)]
        assert zhang_leads.key == zhang_dated.key and len(zhang_leads.evidence) == 2
        assert zhang_leads.valid_until == "2023-09"  # Wu succeeded him
        assert store.get_fact(zhang_undated.key).key == zhang_dated.key
        assert store.get_fact(dated.key).valid_from_source == "date"
        fact_ids = [r[0] for r in conn.execute("SELECT fid FROM fact ORDER BY fid")]
        assert fact_ids == list(range(4))
        assert store.search_entities(SearchQuery(text="300750.SZ"))[0].entity.id == catl.id
        assert store.search_entities(SearchQuery(text="宁德时代"))[0].matched_field == "name_zh"
        # The migrated store takes new writes and merges them with what it holds.
        b.facts = []
        b.fact(dod, "SANCTIONS", catl, s2, "Listed on 6 January.", date="2025-01-06")
        report = store.upsert(b.delta())
        assert (report.facts_added, report.facts_known) == (0, 1)
        assert store.get_fact(undated.key).date == "2025-01-06"
        conn.close()
    finally:
        store.close()
    again = EmbeddedStore(path)
    again.ensure_schema()
    try:
        assert again.stats().facts == 4
        assert again.get_fact(dated.key).date == "2025-01-06"
    finally:
        again.close()


def _read(fact: Fact, *evidence: tuple[Story, str, str | None]) -> Fact:
    """``fact`` with its evidence read by the given extractors."""
    return fact.model_copy(update={"evidence": tuple(
        Evidence(story_id=story.id, sentence=sentence, extractor=extractor)
        for story, sentence, extractor in evidence
    )})


def test_a_version_3_file_keeps_its_extractor_labels(tmp_path: Path) -> None:
    b = DeltaBuilder()
    s1 = b.story("Listed", publisher="Wire", published="2025-01-10")
    s2 = b.story("Again", publisher="Wire", published="2025-01-20")
    dod = b.entity("US Department of Defense", "GovernmentBody", "DoD")
    catl = b.entity("CATL", "Company", tickers=("300750.SZ",))
    tencent = b.company("Tencent")
    read_both = "The DoD listed CATL."
    # The rules read the sentence without a date, the model with one: version 3 kept two rows.
    undated = _read(b.fact(dod, "SANCTIONS", catl, s1, read_both),
                    (s1, read_both, "rules"), (s2, "CATL is still listed.", None))
    dated = _read(b.fact(dod, "SANCTIONS", catl, s1, read_both, date="2025-01"),
                  (s1, read_both, "llm:qwen2.5:7b"), (s2, "Listed in January.", "llm:qwen2.5:7b"))
    other = _read(b.fact(dod, "SANCTIONS", tencent, s2, "Tencent too.", date="2025-01-06"),
                  (s2, "Tencent too.", "rules + llm:qwen2.5:7b"))
    metric = b.metric(catl, s2, "CATL's revenue rose 20%.", name="revenue", value=1.0e9,
                      unit="CNY", change_pct=20.0)
    metric = metric.model_copy(update={"evidence": (
        Evidence(story_id=s2.id, sentence="CATL's revenue rose 20%.", extractor="rules"),
    )})
    path = tmp_path / "v3.db"
    _write_old(path, b.stories, list(b.entities.values()), [undated, dated, other], version=3,
               metrics=[metric])

    store = EmbeddedStore(path)
    store.ensure_schema()
    try:
        facts = {f.object: f for f in store.export_delta().facts}
        assert len(facts) == 2
        sanction = facts[catl.id]
        assert (sanction.key, sanction.date) == (dated.key, "2025-01")
        assert store.get_fact(undated.key).key == dated.key
        labels = {(e.story_id, e.sentence): e.extractor for e in sanction.evidence}
        assert labels == {
            (s1.id, read_both): "rules + llm:qwen2.5:7b",  # one sentence, both extractors
            (s2.id, "CATL is still listed."): None,
            (s2.id, "Listed in January."): "llm:qwen2.5:7b",
        }
        assert [e.extractor for e in facts[tencent.id].evidence] == ["rules + llm:qwen2.5:7b"]
        (stored_metric,) = store.export_delta().metrics
        assert [e.extractor for e in stored_metric.evidence] == ["rules"]
        assert store.stats().sources == 4
        conn = sqlite3.connect(path)
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version")]
        assert versions == [1, 2, 3, 4, 5]
        # The evidence view, rebuilt with the renumbered rows, still shows the extractor.
        view = set(conn.execute("SELECT fact_key, sentence, extractor FROM evidence"))
        assert (dated.key, read_both, "rules + llm:qwen2.5:7b") in view
        assert (other.key, "Tencent too.", "rules + llm:qwen2.5:7b") in view
        assert len(view) == 4
        conn.close()
    finally:
        store.close()


def test_a_new_store_converted_by_another_process_meanwhile_opens_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes opening one new store: both see the migration's ``v1_*`` tables,
    one converts them while the other waits for the write lock; the other then finds
    nothing to convert instead of failing with "no such table"."""
    from sinograph.graph.stores.embedded import store as store_module

    path = tmp_path / "new.db"
    first = EmbeddedStore(path)
    first.ensure_schema()  # the other process: migrated and converted
    real = store_module._has_v1_tables
    seen: list[bool] = []

    def stale_once(conn: sqlite3.Connection) -> bool:
        # the check made before the lock, when the tables were still there
        if not seen:
            seen.append(True)
            return True
        return real(conn)

    monkeypatch.setattr(store_module, "_has_v1_tables", stale_once)
    second = EmbeddedStore(path)
    second.ensure_schema()
    assert seen == [True]
    assert second.stats().facts == 0
    first.close()
    second.close()
