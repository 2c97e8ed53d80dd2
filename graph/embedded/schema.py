"""The embedded store's SQLite schema and its migrations.

Each migration is a list of statements applied once, in order, inside one
transaction; ``schema_version`` records the last one applied.
"""

from __future__ import annotations

import sqlite3

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

MIGRATIONS: list[list[str]] = [
    # 1: the initial schema.
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            data TEXT NOT NULL,
            seq INTEGER NOT NULL
        )""",
        "CREATE INDEX entities_type ON entities(type)",
        "CREATE INDEX entities_seq ON entities(seq)",
        """CREATE TABLE aliases (
            norm TEXT NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            alias TEXT NOT NULL,
            PRIMARY KEY (norm, entity_id, alias)
        ) WITHOUT ROWID""",
        "CREATE INDEX aliases_entity ON aliases(entity_id)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            publisher TEXT,
            published TEXT,
            url TEXT,
            text_hash TEXT NOT NULL
        )""",
        """CREATE TABLE facts (
            key TEXT PRIMARY KEY,
            subject TEXT NOT NULL REFERENCES entities(id),
            predicate TEXT NOT NULL,
            object TEXT NOT NULL REFERENCES entities(id),
            date TEXT,
            date_start INTEGER,
            date_end INTEGER,
            sort_key INTEGER,
            valid_from INTEGER,
            valid_until INTEGER,
            n_sources INTEGER NOT NULL,
            data TEXT NOT NULL,
            seq INTEGER NOT NULL
        )""",
        "CREATE INDEX facts_subject ON facts(subject, sort_key)",
        "CREATE INDEX facts_object ON facts(object, sort_key)",
        "CREATE INDEX facts_sort ON facts(sort_key, key)",
        "CREATE INDEX facts_spo ON facts(subject, predicate, object)",
        "CREATE INDEX facts_seq ON facts(seq)",
        """CREATE TABLE evidence (
            fact_key TEXT NOT NULL REFERENCES facts(key),
            story_id TEXT NOT NULL REFERENCES stories(id),
            sentence TEXT NOT NULL,
            PRIMARY KEY (fact_key, story_id, sentence)
        ) WITHOUT ROWID""",
        "CREATE INDEX evidence_story ON evidence(story_id)",
        """CREATE TABLE metrics (
            id TEXT PRIMARY KEY,
            subject TEXT NOT NULL REFERENCES entities(id),
            date TEXT,
            sort_key INTEGER,
            data TEXT NOT NULL,
            seq INTEGER NOT NULL
        )""",
        "CREATE INDEX metrics_subject ON metrics(subject, sort_key)",
        "CREATE INDEX metrics_sort ON metrics(sort_key, id)",
        """CREATE TABLE metric_evidence (
            metric_id TEXT NOT NULL REFERENCES metrics(id),
            story_id TEXT NOT NULL REFERENCES stories(id),
            sentence TEXT NOT NULL,
            PRIMARY KEY (metric_id, story_id, sentence)
        ) WITHOUT ROWID""",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', '0')",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; return the version it had before.

    Raises ``RuntimeError`` for a file written by a newer sinograph.
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
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return current
