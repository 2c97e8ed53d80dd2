"""Curation on the embedded store: reject, restore, merge, split and edit, each inside the
caller's write transaction (:meth:`EmbeddedStore._curate`), and the curation log's table.

Rows are never deleted where the in-memory index numbers them: a fact that moves to
another entity (a merge, a split) is *retired* (``state = 'retired'``) and written again
under its new key through the ordinary upsert (:func:`write_delta`, so it merges with
the facts the other entity already has, by the rules of :mod:`graph.model.merge`); its
old key becomes a former key of the new fact, so a link to it still answers. A rejected
fact keeps its row (``state = 'rejected'``): a re-load of its story lands on that row
and leaves it rejected. A merged-away entity keeps its row with ``merged_into`` set, and
``redirect`` leads its id to the survivor. Metrics, which the index only counts, move
by deleting their rows and writing them again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from sinograph.graph.model.curation import (
    CurationAction,
    CurationPage,
    CurationRecord,
    Curator,
    EntityEdit,
    edit_changes,
    moved_fact,
    moved_metric,
    new_record,
    split_moves,
    split_plan,
    split_target_taken,
)
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric
from sinograph.graph.model.errors import CurationConflict, FactNotFound, InvalidInput
from sinograph.graph.model.merge import merge_entity
from sinograph.graph.stores.embedded.compact import REJECTED, RETIRED, CompactIndex, key_prefix
from sinograph.graph.stores.embedded.writer import (
    Staged,
    chunks,
    key_rows,
    load_entities,
    load_facts,
    load_metrics_by_id,
    marks,
    write_delta,
)

__all__ = [
    "edit_entity",
    "fact_row_of",
    "log_page",
    "merge_entities",
    "reject_or_restore",
    "split_entity",
    "write_log",
]


def fact_row_of(conn: sqlite3.Connection, index: CompactIndex, key: str) -> int:
    """The row of the fact ``key`` names (a shown or rejected fact with that key, else the
    fact a former key leads to); ``FactNotFound``."""
    if not key.startswith("fact:") or len(key) < 20:
        raise FactNotFound(key)
    try:
        prefix = key_prefix(key)
    except ValueError:
        raise FactNotFound(key) from None
    fids = [f for f in index.fids_with_prefix(np.array([prefix], np.int64))
            if index.state[f] != RETIRED]
    for chunk in chunks(fids):
        for fid, stored in conn.execute(
            f"SELECT fid, key FROM fact WHERE fid IN ({marks(len(chunk))})", chunk
        ):
            if stored == key:
                return int(fid)
    row = conn.execute("SELECT fid FROM fact_former_key WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    raise FactNotFound(key)


def reject_or_restore(
    conn: sqlite3.Connection, index: CompactIndex, key: str, curator: Curator, reject: bool
) -> tuple[CurationRecord, int]:
    """Mark the fact ``key`` names rejected (or shown again): its record and its row."""
    fid = fact_row_of(conn, index, key)
    current = conn.execute("SELECT key, state FROM fact WHERE fid = ?", (fid,)).fetchone()
    rejected = current[1] == "rejected"
    if reject and rejected:
        raise CurationConflict(f"the fact {current[0]} is rejected already", key=current[0])
    if not reject and not rejected:
        raise CurationConflict(f"the fact {current[0]} is not rejected", key=current[0])
    conn.execute("UPDATE fact SET state = ? WHERE fid = ?", ("rejected" if reject else None, fid))
    action = CurationAction.REJECT_FACT if reject else CurationAction.RESTORE_FACT
    return new_record(action, curator, fact=current[0]), fid


def _incident_facts(conn: sqlite3.Connection, index: CompactIndex, nid: int
                    ) -> tuple[dict[int, Fact], dict[int, int]]:
    """Every fact of an entity that is shown or rejected (not retired), with its state."""
    m = index.n_edges
    touching = ((index.src[:m] == nid) | (index.dst[:m] == nid)) & (index.state[:m] != RETIRED)
    fids = np.flatnonzero(touching).tolist()
    facts = load_facts(conn, fids)
    return facts, {fid: int(index.state[fid]) for fid in fids}


def _metrics_of(conn: sqlite3.Connection, nid: int) -> dict[str, tuple[int, Metric]]:
    ids = [r[0] for r in conn.execute("SELECT id FROM metric WHERE subject = ?", (nid,))]
    return load_metrics_by_id(conn, ids)


def _retire(conn: sqlite3.Connection, fids: Sequence[int],
            mids: Sequence[int]) -> None:
    conn.executemany("UPDATE fact SET state = 'retired' WHERE fid = ?", [(f,) for f in fids])
    for chunk in chunks(list(mids)):
        m = marks(len(chunk))
        conn.execute(f"DELETE FROM metric_source WHERE mid IN ({m})", chunk)
        conn.execute(f"DELETE FROM metric WHERE mid IN ({m})", chunk)


def _rewrite_keys(conn: sqlite3.Connection, entity: Entity, nid: int) -> None:
    """Replace an entity's lookup keys (alias rows) with those of its new record."""
    conn.execute("DELETE FROM alias WHERE nid = ?", (nid,))
    first = int(conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM alias").fetchone()[0]) + 1
    conn.executemany(
        "INSERT INTO alias(rowid, norm, nid, alias, kind) VALUES (?, ?, ?, ?, ?)",
        [(first + i, *row) for i, row in enumerate(key_rows(entity, nid))],
    )


def _fid_of_keys(conn: sqlite3.Connection, staged: Staged, keys: Iterable[str]) -> dict[str, int]:
    """Where each key an upsert wrote went: a row with that key, else the row a former key
    (a record absorbed into another fact) leads to."""
    wanted = set(keys)
    touched = [e[0] for e in staged.new_edges] + [e[0] for e in staged.updated_edges]
    found: dict[str, int] = {}
    for chunk in chunks(touched):
        for fid, key in conn.execute(
            f"SELECT fid, key FROM fact WHERE fid IN ({marks(len(chunk))})", chunk
        ):
            if key in wanted:
                found[key] = int(fid)
    for key in wanted - found.keys():
        row = conn.execute("SELECT fid FROM fact_former_key WHERE key = ?", (key,)).fetchone()
        if row is not None:
            found[key] = int(row[0])
    return found


def _move(
    conn: sqlite3.Connection,
    index: CompactIndex,
    revision: int,
    entities: Sequence[Entity],
    facts: dict[int, Fact],
    states: dict[int, int],
    metrics: dict[str, tuple[int, Metric]],
    old: str,
    new: str,
) -> dict[str, Any]:
    """Retire ``facts`` and ``metrics`` of ``old`` and write them again as ``new``'s, with
    ``entities``; a fact that would join ``new`` to itself is dropped."""
    moved: dict[str, Fact] = {}
    old_keys: dict[str, str] = {}
    dropped: list[str] = []
    rejected: set[str] = set()
    for fid, fact in sorted(facts.items()):
        again = moved_fact(fact, old, new)
        if again.subject == again.object:
            dropped.append(fact.key)
            continue
        moved[fact.key] = again
        old_keys[fact.key] = again.key
        if states.get(fid) == REJECTED:
            rejected.add(again.key)
    again_metrics = [moved_metric(m, new) for _, m in metrics.values()]
    _retire(conn, list(facts), [mid for mid, _ in metrics.values()])
    delta = GraphDelta(entities=tuple(entities), facts=tuple(moved.values()),
                       metrics=tuple(again_metrics))
    _, staged = write_delta(conn, index, delta, revision, set())
    where = _fid_of_keys(conn, staged, old_keys.values())
    conn.executemany(
        "INSERT OR REPLACE INTO fact_former_key(key, fid) VALUES (?, ?)",
        [(k, where[n]) for k, n in old_keys.items() if n in where],
    )
    # Keys that led to a moved fact (an earlier move, a refined date) lead on to where it
    # went, never to its retired row.
    fid_of = {fact.key: fid for fid, fact in facts.items()}
    conn.executemany(
        "UPDATE fact_former_key SET fid = ? WHERE fid = ?",
        [(where[n], fid_of[k]) for k, n in old_keys.items() if n in where],
    )
    conn.executemany(
        "UPDATE fact SET state = 'rejected' WHERE fid = ?",
        [(where[k],) for k in sorted(rejected) if k in where],
    )
    return {
        "facts_moved": {k: old_keys[k] for k in sorted(old_keys)},
        "facts_dropped": sorted(dropped),
        "metrics_moved": sorted(m.id for _, m in metrics.values()),
    }


def merge_entities(
    conn: sqlite3.Connection,
    index: CompactIndex,
    revision: int,
    source: int,
    target: int,
    curator: Curator,
) -> CurationRecord:
    """Merge entity number ``source`` into ``target`` (see the module doc)."""
    if source == target:
        name = index.node_names[source]
        raise CurationConflict(f"{name} ({index.node_ids[source]}) cannot be merged with "
                               "itself: name two different entities")
    found = load_entities(conn, [source, target])
    gone, survivor = found[source], found[target]
    if gone.type is not survivor.type:
        raise CurationConflict(
            f"{gone.name} ({gone.id}) is a {gone.type.value} and {survivor.name} "
            f"({survivor.id}) a {survivor.type.value}: only entities of one type merge"
        )
    merged = merge_entity(survivor, gone.model_copy(update={"id": survivor.id}))
    facts, states = _incident_facts(conn, index, source)
    metrics = _metrics_of(conn, source)
    conn.execute("DELETE FROM alias WHERE nid = ?", (source,))
    conn.execute("UPDATE entity SET merged_into = ? WHERE nid = ?", (survivor.id, source))
    conn.execute("UPDATE redirect SET target = ? WHERE target = ?", (survivor.id, gone.id))
    conn.execute("INSERT OR REPLACE INTO redirect(id, target) VALUES (?, ?)",
                 (gone.id, survivor.id))
    moves = _move(conn, index, revision, [merged], facts, states, metrics, gone.id, survivor.id)
    added = sorted(set(merged.aliases) - set(survivor.aliases))
    return new_record(
        CurationAction.MERGE_ENTITIES, curator, entity=gone.id, target=survivor.id,
        changes={"merged_name": gone.name, "aliases_added": added, **moves},
    )


def split_entity(
    conn: sqlite3.Connection,
    index: CompactIndex,
    revision: int,
    nid: int,
    alias: str,
    name: str | None,
    curator: Curator,
) -> CurationRecord:
    """Split ``alias`` off entity number ``nid`` into a new entity (see the store doc)."""
    entity = load_entities(conn, [nid])[nid]
    new, kept, own = split_plan(entity, alias, name)
    if new.id in index.node_of or new.id in index.redirects:
        raise split_target_taken(new.id)
    facts, states = _incident_facts(conn, index, nid)
    metrics = _metrics_of(conn, nid)
    fact_keys, metric_ids = split_moves(entity, own, facts.values(),
                                        [m for _, m in metrics.values()])
    moving = {fid: f for fid, f in facts.items() if f.key in set(fact_keys)}
    moving_metrics = {k: v for k, v in metrics.items() if k in set(metric_ids)}
    conn.execute("UPDATE entity SET data = ?, seq = ? WHERE nid = ?",
                 (kept.model_dump_json(), revision, nid))
    _rewrite_keys(conn, kept, nid)
    moves = _move(conn, index, revision, [new], moving, states, moving_metrics, entity.id,
                  new.id)
    return new_record(
        CurationAction.SPLIT_ENTITY, curator, entity=entity.id, target=new.id,
        changes={"alias": own, "new_name": new.name,
                 "facts_kept": len(facts) - len(moving), **moves},
    )


def edit_entity(
    conn: sqlite3.Connection, index: CompactIndex, revision: int, nid: int, edit: EntityEdit,
    curator: Curator,
) -> CurationRecord:
    entity = load_entities(conn, [nid])[nid]
    edited, changes = edit_changes(entity, edit)
    conn.execute("UPDATE entity SET data = ?, seq = ? WHERE nid = ?",
                 (edited.model_dump_json(), revision, nid))
    _rewrite_keys(conn, edited, nid)
    return new_record(CurationAction.EDIT_ENTITY, curator, entity=entity.id, changes=changes)


def write_log(conn: sqlite3.Connection, records: Iterable[CurationRecord]) -> int:
    """Append records not logged yet (by id); returns how many were added."""
    added = 0
    for record in records:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO curation(id, action, at, actor, fact, entity, target, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record.id, record.action.value, record.at, record.actor, record.fact,
             record.entity, record.target, record.model_dump_json()),
        )
        added += cursor.rowcount
    return added


def log_page(
    conn: sqlite3.Connection, *, ids: Sequence[str], fact: str | None, cursor: str | None,
    limit: int,
) -> CurationPage:
    """One page of the log, oldest first, about any of entity ``ids`` or the fact ``fact``."""
    if not 1 <= limit <= 1000:
        raise InvalidInput(f"limit must be between 1 and 1000, got {limit}")
    where: list[str] = []
    args: list[Any] = []
    if ids:
        m = marks(len(ids))
        where.append(f"(entity IN ({m}) OR target IN ({m}))")
        args += [*ids, *ids]
    if fact is not None:
        where.append("fact = ?")
        args.append(fact)
    if cursor is not None:
        row = conn.execute("SELECT seq FROM curation WHERE id = ?", (cursor,)).fetchone()
        if row is None:
            raise InvalidInput(f"the cursor {cursor!r} is no record of this log")
        where.append("seq > ?")
        args.append(row[0])
    sql = "SELECT data FROM curation"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql + " ORDER BY seq LIMIT ?", [*args, limit + 1]).fetchall()
    items = [CurationRecord.model_validate(json.loads(r[0])) for r in rows[:limit]]
    more = len(rows) > limit
    return CurationPage(items=items, next_cursor=items[-1].id if more and items else None)
