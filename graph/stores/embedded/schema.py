"""The embedded store's SQLite schema and its migrations.

Each migration is a list of statements applied once, in order, inside one
transaction; ``schema_version`` records the last one applied.

Version 2 numbers entities (``nid``), stories (``sid``) and facts (``fid``) so
that rows are narrow, the traversal index holds integers, and new rows are
appended at the end of their tables. Only the look-ups that SQLite must answer
have an index: by entity id, story id, alias, a fact's or metric's sources,
metrics by subject. Facts by key, by entity and in date order are answered by
the in-memory index (:mod:`graph.stores.embedded.compact`), which is rebuilt from these
tables on open. The views ``entities``, ``stories``, ``facts`` and ``evidence``
show the data with string ids, for people and tools reading the file directly.

A store of version 1 is converted by :meth:`EmbeddedStore.ensure_schema`: the
old tables are renamed ``v1_*``, re-read as one delta and written again.

Version 3 adds the ``extractor`` of each sentence (``fact_source``,
``metric_source`` and the ``evidence`` view).

Version 4 (one fact per event, lookups by every name) adds to each fact the
publication date of its earliest source (``known_from``, for as-of queries), a
``fact_former_key`` table (the keys a fact had before a more precise record
refined its date, so links to them still answer), and a ``kind`` to each
``alias`` row (``alias``, ``name_zh``, ``ticker``, ``identifier``,
``short_name``). Its data step (:mod:`graph.stores.embedded.upgrade`) runs in the same
transaction: it fills those, and merges the facts that earlier versions kept
apart although they state one event (their sentences keep their extractor
labels; one sentence read by two extractors names both).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sinograph.graph.stores.embedded.upgrade import upgrade_to_v4

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "V1_TABLES", "migrate"]

# A migration step: an SQL statement, or a function run on the connection.
Step = str | Callable[[sqlite3.Connection], None]

_V1: list[str] = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
        seq INTEGER NOT NULL)""",
    """CREATE TABLE aliases (
        norm TEXT NOT NULL, entity_id TEXT NOT NULL, alias TEXT NOT NULL,
        PRIMARY KEY (norm, entity_id, alias)) WITHOUT ROWID""",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, publisher TEXT, published TEXT, url TEXT,
        text_hash TEXT NOT NULL)""",
    """CREATE TABLE facts (
        key TEXT PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL,
        object TEXT NOT NULL, date TEXT, date_start INTEGER, date_end INTEGER,
        sort_key INTEGER, valid_from INTEGER, valid_until INTEGER,
        n_sources INTEGER NOT NULL, data TEXT NOT NULL, seq INTEGER NOT NULL)""",
    """CREATE TABLE evidence (
        fact_key TEXT NOT NULL, story_id TEXT NOT NULL, sentence TEXT NOT NULL,
        PRIMARY KEY (fact_key, story_id, sentence)) WITHOUT ROWID""",
    """CREATE TABLE metrics (
        id TEXT PRIMARY KEY, subject TEXT NOT NULL, date TEXT, sort_key INTEGER,
        data TEXT NOT NULL, seq INTEGER NOT NULL)""",
    """CREATE TABLE metric_evidence (
        metric_id TEXT NOT NULL, story_id TEXT NOT NULL, sentence TEXT NOT NULL,
        PRIMARY KEY (metric_id, story_id, sentence)) WITHOUT ROWID""",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', '0')",
]

V1_TABLES = ("entities", "aliases", "stories", "facts", "evidence", "metrics", "metric_evidence")

_V2: list[str] = [
    *(f"ALTER TABLE {t} RENAME TO v1_{t}" for t in V1_TABLES),
    """CREATE TABLE entity (
        nid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        seq INTEGER NOT NULL
    )""",
    # Rows are only ever appended: refresh reads the ones past the last rowid it saw.
    "CREATE TABLE alias (norm TEXT NOT NULL, nid INTEGER NOT NULL, alias TEXT NOT NULL)",
    "CREATE INDEX alias_norm ON alias(norm)",
    """CREATE TABLE story (
        sid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        publisher TEXT,
        published TEXT,
        url TEXT,
        text_hash TEXT NOT NULL
    )""",
    # key is unique: the in-memory index checks it inside the write transaction.
    """CREATE TABLE fact (
        fid INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        subject INTEGER NOT NULL,
        predicate TEXT NOT NULL,
        object INTEGER NOT NULL,
        date TEXT,
        date_start INTEGER,
        date_end INTEGER,
        sort_key INTEGER,
        valid_from INTEGER,
        valid_until INTEGER,
        n_sources INTEGER NOT NULL,
        confidence REAL NOT NULL,
        extra TEXT,
        kpre INTEGER NOT NULL,
        seq INTEGER NOT NULL
    )""",
    # Facts changed after they were first written, so other processes can refresh.
    "CREATE TABLE fact_update (seq INTEGER NOT NULL, fid INTEGER NOT NULL)",
    "CREATE TABLE fact_source (fid INTEGER NOT NULL, sid INTEGER NOT NULL, sentence TEXT NOT NULL)",
    "CREATE INDEX fact_source_fid ON fact_source(fid, sid)",
    """CREATE TABLE metric (
        mid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        subject INTEGER NOT NULL,
        date TEXT,
        sort_key INTEGER,
        data TEXT NOT NULL,
        seq INTEGER NOT NULL
    )""",
    "CREATE INDEX metric_subject ON metric(subject, sort_key)",
    "CREATE INDEX metric_sort ON metric(sort_key)",
    """CREATE TABLE metric_source (
        mid INTEGER NOT NULL, sid INTEGER NOT NULL, sentence TEXT NOT NULL)""",
    "CREATE INDEX metric_source_mid ON metric_source(mid)",
    """CREATE VIEW entities AS SELECT id, name, type, data FROM entity""",
    """CREATE VIEW stories AS SELECT id, title, publisher, published, url, text_hash FROM story""",
    """CREATE VIEW facts AS
        SELECT f.key AS key, s.id AS subject, f.predicate AS predicate, o.id AS object,
               f.date AS date, f.n_sources AS n_sources, f.confidence AS confidence,
               f.extra AS extra
        FROM fact f LEFT JOIN entity s ON s.nid = f.subject
        LEFT JOIN entity o ON o.nid = f.object""",
    """CREATE VIEW evidence AS
        SELECT f.key AS fact_key, s.id AS story_id, x.sentence AS sentence
        FROM fact_source x LEFT JOIN fact f ON f.fid = x.fid
        LEFT JOIN story s ON s.sid = x.sid""",
]

# Version 3 records which extractor read each sentence (``rules``, ``llm:<model>``);
# rows written before it have none (NULL: unknown).
_V3: list[Step] = [
    "ALTER TABLE fact_source ADD COLUMN extractor TEXT",
    "ALTER TABLE metric_source ADD COLUMN extractor TEXT",
    "DROP VIEW evidence",
    """CREATE VIEW evidence AS
        SELECT f.key AS fact_key, s.id AS story_id, x.sentence AS sentence,
               x.extractor AS extractor
        FROM fact_source x LEFT JOIN fact f ON f.fid = x.fid
        LEFT JOIN story s ON s.sid = x.sid""",
]

# Version 4: one fact per event and lookups by every name (see the module doc).
_V4: list[Step] = [
    "ALTER TABLE fact ADD COLUMN known_from TEXT",
    "ALTER TABLE fact ADD COLUMN known_from_ord INTEGER",
    "ALTER TABLE alias ADD COLUMN kind TEXT NOT NULL DEFAULT 'alias'",
    # Keys a fact had before its date was refined; a look-up by one finds the fact.
    "CREATE TABLE fact_former_key (key TEXT PRIMARY KEY, fid INTEGER NOT NULL) WITHOUT ROWID",
    upgrade_to_v4,
]

# Version 5: curation (graph.model.curation). A fact's ``state`` is NULL (shown), 'rejected'
# (hidden from reads, kept so a re-load never brings it back) or 'retired' (moved to another
# entity by a merge or split: a new row holds it). A merged-away entity keeps its row (entity
# numbers stay dense) with ``merged_into`` set; ``redirect`` maps its id to the survivor's.
# ``meta.generation`` counts curation changes: a process whose index is of an older
# generation rebuilds it (as on open), since a curation changes rows the index holds.
_V5: list[Step] = [
    "ALTER TABLE fact ADD COLUMN state TEXT",
    "CREATE INDEX fact_state ON fact(state) WHERE state IS NOT NULL",
    "ALTER TABLE entity ADD COLUMN merged_into TEXT",
    "CREATE TABLE redirect (id TEXT PRIMARY KEY, target TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE curation (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        action TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        fact TEXT,
        entity TEXT,
        target TEXT,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX curation_fact ON curation(fact)",
    "CREATE INDEX curation_entity ON curation(entity)",
    "CREATE INDEX curation_target ON curation(target)",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0')",
]

MIGRATIONS: list[list[Step]] = [list(_V1), list(_V2), _V3, _V4, _V5]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; return the version it had before.

    Raises ``RuntimeError`` for a file written by a newer sinograph. After a
    migration from version 1 the ``v1_*`` tables hold the old data until the
    store has copied it (see the module doc).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = int(row[0] or 0)
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"the store has schema version {current}, newer than this sinograph "
                f"({SCHEMA_VERSION}); upgrade sinograph"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for step in MIGRATIONS[version - 1]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return current
