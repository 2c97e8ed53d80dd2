"""Story listings on the embedded store: one SQL statement over the ``story`` table.

The publication window and the keyset cursor compare padded ISO strings
(:func:`graph.model.story_query.date_bounds`), the same rule the Neo4j statement
``cypher/stories_page.cypher`` follows, so both stores list the same page.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from sinograph.graph.model.results import StoryPage, StorySummary
from sinograph.graph.model.story_query import StoryQuery, encode_story_cursor

__all__ = ["story_page"]

_LOW = (
    "CASE length(published) WHEN 4 THEN published || '-01-01' "
    "WHEN 7 THEN published || '-01' ELSE published END"
)
_HIGH = (
    "CASE length(published) WHEN 4 THEN published || '-12-31' "
    "WHEN 7 THEN published || '-31' ELSE published END"
)


def _publishers(conn: sqlite3.Connection, wanted: str) -> list[str]:
    # SQLite's lower() folds ASCII only: compare in Python, where Neo4j's toLower agrees.
    return [
        r[0]
        for r in conn.execute("SELECT DISTINCT publisher FROM story WHERE publisher IS NOT NULL")
        if r[0].lower() == wanted
    ]


def story_page(
    conn: sqlite3.Connection, query: StoryQuery, *, entity: tuple[int, Sequence[int]] | None
) -> StoryPage:
    """One page of stories for ``query``; ``entity`` is the entity's number and the ids of
    its facts when the listing is of one entity's stories."""
    where: list[str] = []
    args: list[Any] = []
    inner = f"SELECT sid, id, title, publisher, published, url, coalesce({_LOW}, '') AS low,"
    inner += f" {_HIGH} AS high FROM story"
    if entity is not None:
        nid, fids = entity
        inner += (
            " WHERE sid IN (SELECT sid FROM fact_source WHERE fid IN"
            " (SELECT value FROM json_each(?))"
            " UNION SELECT x.sid FROM metric_source x JOIN metric m ON m.mid = x.mid"
            " WHERE m.subject = ?)"
        )
        args += [json.dumps(list(fids)), nid]
    if query.publisher_norm is not None:
        names = _publishers(conn, query.publisher_norm)
        where.append(f"publisher IN ({','.join('?' * len(names))})" if names else "0")
        args += names
    if query.since_low is not None:
        where.append("high >= ?")
        args.append(query.since_low)
    if query.until_high is not None:
        where.append("low != '' AND low <= ?")
        args.append(query.until_high)
    if query.cursor is not None:
        where.append("(low < ? OR (low = ? AND id > ?))")
        args += [query.cursor[0], query.cursor[0], query.cursor[1]]
    sql = f"SELECT sid, id, title, publisher, published, url, low FROM ({inner})"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY low DESC, id LIMIT ?"
    args.append(query.limit + 1)
    rows = conn.execute(sql, args).fetchall()
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    counts = _counts(conn, [r[0] for r in rows])
    items = [
        StorySummary(
            id=r[1], title=r[2], publisher=r[3], published=r[4], url=r[5],
            fact_count=counts.get(r[0], (0, 0))[0], metric_count=counts.get(r[0], (0, 0))[1],
        )
        for r in rows
    ]
    cursor = encode_story_cursor(rows[-1][6], rows[-1][1]) if more and rows else None
    return StoryPage(items=items, next_cursor=cursor)


def _counts(conn: sqlite3.Connection, sids: list[int]) -> dict[int, tuple[int, int]]:
    if not sids:
        return {}
    ids = json.dumps(sids)
    facts = dict(conn.execute(
        "SELECT sid, COUNT(DISTINCT fid) FROM fact_source"
        " WHERE sid IN (SELECT value FROM json_each(?))"
        " AND fid NOT IN (SELECT fid FROM fact WHERE state IS NOT NULL) GROUP BY sid", (ids,)
    ).fetchall())
    metrics = dict(conn.execute(
        "SELECT sid, COUNT(DISTINCT mid) FROM metric_source"
        " WHERE sid IN (SELECT value FROM json_each(?)) GROUP BY sid", (ids,)
    ).fetchall())
    return {sid: (int(facts.get(sid, 0)), int(metrics.get(sid, 0))) for sid in sids}
