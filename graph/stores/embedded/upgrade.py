"""The data step of the embedded store's migration to schema version 4.

Runs inside the migration's transaction, after the new columns and tables exist
(:mod:`graph.stores.embedded.schema`), and changes only what version 4 reads
differently, so a large store is not rewritten:

* every entity gets its lookup keys besides its aliases (Chinese name, tickers,
  identifiers, short forms: :func:`graph.model.names.lookup_keys`);
* every fact gets the publication date of its earliest source (``known_from``);
* facts of one (subject, predicate, object) that earlier versions kept apart
  although they state one event (an undated record and a dated one, ``2025``
  and ``2025-01-06``...) are merged with :func:`graph.model.merge.place_facts`: the
  survivor takes the others' sources with their extractor labels (one sentence
  stored under two of them becomes one row naming both extractors, as
  :func:`graph.model.domain.join_extractors` does on a write), their keys become its
  former keys, and fact numbers are made dense again;
* a newer holder of a single-holder position ends the older holder's tenure
  (:func:`graph.model.merge.succession_closures`).

>>> import sqlite3
>>> from sinograph.graph.stores.embedded.schema import migrate
>>> conn = sqlite3.connect(":memory:", isolation_level=None)
>>> migrate(conn)
0
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.domain import Entity, Fact, join_extractors
from sinograph.graph.model.merge import (
    close_fact,
    place_facts,
    start_with_sources,
    succession_closures,
)
from sinograph.graph.stores.embedded.rows import fact_extra, ordinal_of
from sinograph.graph.stores.embedded.writer import key_rows, load_facts, load_heads

__all__ = ["upgrade_to_v4"]

_CHUNK = 500


def _ordinal(value: str | None) -> int | None:
    return None if value is None else partial_date_ordinal(value)


def upgrade_to_v4(conn: sqlite3.Connection) -> None:
    """Fill version 4's columns and merge what earlier versions stored twice (see the module
    doc)."""
    _add_lookup_keys(conn)
    conn.create_function("sinograph_ordinal", 1, _ordinal, deterministic=True)
    conn.execute(
        "UPDATE fact SET known_from = (SELECT MIN(t.published) FROM fact_source x"
        " JOIN story t ON t.sid = x.sid WHERE x.fid = fact.fid)"
    )
    conn.execute("UPDATE fact SET known_from_ord = sinograph_ordinal(known_from)")
    deleted = _merge_duplicates(conn)
    _close_successions(conn)
    if deleted:
        _renumber(conn)
    conn.execute("DELETE FROM fact_update")
    conn.execute(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'"
    )


def _add_lookup_keys(conn: sqlite3.Connection) -> None:
    """The keys besides aliases (versions 2 and 3 stored only those), for every entity."""
    rows: list[tuple[str, int, str, str]] = []
    for nid, data in conn.execute("SELECT nid, data FROM entity ORDER BY nid").fetchall():
        entity = Entity.model_validate_json(data)
        rows.extend(r for r in key_rows(entity, nid) if r[3] != "alias")
    conn.executemany("INSERT INTO alias(norm, nid, alias, kind) VALUES (?, ?, ?, ?)", rows)


def _load(conn: sqlite3.Connection, fids: list[int]) -> dict[int, tuple[Fact, str | None]]:
    known: dict[int, str | None] = {}
    for start in range(0, len(fids), _CHUNK):
        chunk = fids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        known.update(conn.execute(
            f"SELECT fid, known_from FROM fact WHERE fid IN ({marks})", chunk
        ).fetchall())
    facts = load_facts(conn, fids)
    return {fid: (fact, known.get(fid)) for fid, fact in facts.items()}


def _merge_duplicates(conn: sqlite3.Connection) -> bool:
    """Merge the facts of each (subject, predicate, object) that state one event."""
    fids = [r[0] for r in conn.execute(
        "SELECT f.fid FROM fact f JOIN (SELECT subject, predicate, object FROM fact"
        " GROUP BY subject, predicate, object HAVING COUNT(*) > 1) g"
        " ON g.subject = f.subject AND g.predicate = f.predicate AND g.object = f.object"
        " ORDER BY f.fid"
    )]
    if not fids:
        return False
    loaded = _load(conn, fids)
    fid_of = {fact.key: fid for fid, (fact, _known) in loaded.items()}
    placement = place_facts([fact for fact, _known in loaded.values()], [])
    deleted = False
    for key, fact in placement.facts.items():
        others = sorted(placement.absorbed.get(key, ()))
        if not others:
            continue
        survivor = fid_of[key]
        gone = [fid_of[k] for k in others]
        known = [k for f in (survivor, *gone) if (k := loaded[f][1]) is not None]
        known_from = min(known, key=partial_date_ordinal) if known else None
        for fid in gone:
            conn.execute("UPDATE fact_source SET fid = ? WHERE fid = ?", (survivor, fid))
            conn.execute("DELETE FROM fact WHERE fid = ?", (fid,))
        _join_duplicate_sources(conn, survivor)
        sources = conn.execute(
            "SELECT COUNT(DISTINCT sid) FROM fact_source WHERE fid = ?", (survivor,)
        ).fetchone()[0]
        _write_head(conn, survivor, fact, known_from, sources)
        conn.executemany(
            "INSERT OR REPLACE INTO fact_former_key(key, fid) VALUES (?, ?)",
            [(k, survivor) for k in others],
        )
        deleted = True
    return deleted


def _join_duplicate_sources(conn: sqlite3.Connection, fid: int) -> None:
    """Keep one row per (story, sentence) of a fact, the first, labelled with every
    extractor that read the sentence."""
    rows: dict[tuple[int, str], list[tuple[int, str | None]]] = defaultdict(list)
    for rowid, sid, sentence, extractor in conn.execute(
        "SELECT rowid, sid, sentence, extractor FROM fact_source WHERE fid = ? ORDER BY rowid",
        (fid,),
    ):
        rows[(sid, sentence)].append((rowid, extractor))
    for group in rows.values():
        if len(group) == 1:
            continue
        (first, label), *rest = group
        joined = join_extractors(*(extractor for _rowid, extractor in group))
        if joined != label:
            conn.execute("UPDATE fact_source SET extractor = ? WHERE rowid = ?", (joined, first))
        conn.executemany("DELETE FROM fact_source WHERE rowid = ?", [(r,) for r, _x in rest])


def _write_head(
    conn: sqlite3.Connection, fid: int, fact: Fact, known_from: str | None, sources: int
) -> None:
    valid_from = ordinal_of(fact.valid_from)
    valid_until = ordinal_of(fact.valid_until)
    conn.execute(
        "UPDATE fact SET valid_from = ?, valid_until = ?, n_sources = ?, confidence = ?,"
        " extra = ?, known_from = ?, known_from_ord = ? WHERE fid = ?",
        (valid_from, valid_until, sources, fact.confidence, fact_extra(fact), known_from,
         ordinal_of(known_from), fid),
    )


def _close_successions(conn: sqlite3.Connection) -> None:
    fids = [r[0] for r in conn.execute("SELECT fid FROM fact WHERE predicate = 'LEADS'")]
    heads = load_heads(conn, fids)
    by_object: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    known: dict[str, str | None] = {}
    for fid, head in heads.items():
        by_object[head.fact.object].append((fid, head.fact))
        known[head.fact.key] = head.known_from
    start_of = start_with_sources(known)
    for members in by_object.values():
        fid_of = {fact.key: fid for fid, fact in members}
        facts = {fact.key: fact for _fid, fact in members}
        for key, until in succession_closures(facts.values(), start_of).items():
            closed = close_fact(facts[key], until)
            conn.execute(
                "UPDATE fact SET valid_until = ?, extra = ? WHERE fid = ?",
                (ordinal_of(until), fact_extra(closed), fid_of[key]),
            )


def _renumber(conn: sqlite3.Connection) -> None:
    """Make fact numbers dense again after merges (the traversal index relies on it), and the
    evidence row numbers too (they count the sources)."""
    conn.execute("DROP TABLE IF EXISTS temp.v4_fmap")
    conn.execute("CREATE TEMP TABLE v4_fmap (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.execute(
        "INSERT INTO v4_fmap(old, new) SELECT fid, ROW_NUMBER() OVER (ORDER BY fid) - 1 FROM fact"
    )
    # Through negative numbers, so no two rows ever share a number on the way.
    conn.execute("UPDATE fact SET fid = -1 - (SELECT new FROM v4_fmap WHERE old = fact.fid)")
    conn.execute("UPDATE fact SET fid = -1 - fid")
    conn.execute(
        "UPDATE fact_former_key SET fid = (SELECT new FROM v4_fmap WHERE old = fact_former_key.fid)"
    )
    conn.execute("DROP VIEW IF EXISTS evidence")
    conn.execute("DROP INDEX IF EXISTS fact_source_fid")
    conn.execute("ALTER TABLE fact_source RENAME TO v4_old_source")
    conn.execute(
        "CREATE TABLE fact_source (fid INTEGER NOT NULL, sid INTEGER NOT NULL,"
        " sentence TEXT NOT NULL, extractor TEXT)"
    )
    conn.execute(
        "INSERT INTO fact_source(fid, sid, sentence, extractor)"
        " SELECT m.new, x.sid, x.sentence, x.extractor"
        " FROM v4_old_source x JOIN v4_fmap m ON m.old = x.fid ORDER BY x.rowid"
    )
    conn.execute("DROP TABLE v4_old_source")
    conn.execute("CREATE INDEX fact_source_fid ON fact_source(fid, sid)")
    conn.execute(
        """CREATE VIEW evidence AS
        SELECT f.key AS fact_key, s.id AS story_id, x.sentence AS sentence,
               x.extractor AS extractor
        FROM fact_source x LEFT JOIN fact f ON f.fid = x.fid
        LEFT JOIN story s ON s.sid = x.sid"""
    )
    conn.execute("DROP TABLE temp.v4_fmap")
