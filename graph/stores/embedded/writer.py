"""One upsert of the embedded store: merge a delta with what is stored and write it.

Runs inside the write transaction, after the in-memory index was brought up to
the database, so the index answers "is this key stored?" and "which stored
facts join these two entities?" without a query. Rows are written with one
``executemany`` per table. Nothing touches the index here: the changes are
returned as a :class:`Staged` record and applied only once the transaction has
committed.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, join_extractors
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.merge import (
    Tenure,
    close_fact,
    closer_patterns,
    closes,
    closing_date,
    closing_pattern,
    merge_entity,
    merge_fact,
    merge_metric,
    place_facts,
    start_with_sources,
    succession_changed,
    tenure,
    tenure_closures,
)
from sinograph.graph.model.names import KeyKind, lookup_keys
from sinograph.graph.model.ontology import DURATIVE_PREDICATES, Predicate
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.assemble import date_sort_key
from sinograph.graph.stores.embedded.compact import (
    NONE,
    PREDICATE_CODE,
    CompactIndex,
    EdgeBatch,
    key_prefix,
)
from sinograph.graph.stores.embedded.rows import (
    fact_extra,
    fact_from_row,
    fact_insert_row,
    fact_ordinals,
    ordinal_of,
)

__all__ = [
    "Head",
    "Staged",
    "entity_signature",
    "key_rows",
    "load_facts",
    "load_heads",
    "write_delta",
]

CHUNK = 500  # SQLite host parameters per IN (...) list
_LIFTS = PREDICATE_CODE[Predicate.LIFTS_BAN]
_DURATIVE_CODES = frozenset(PREDICATE_CODE[p] for p in DURATIVE_PREDICATES)
_CLOSING_FAMILY = frozenset({*DURATIVE_PREDICATES, Predicate.LIFTS_BAN})
_LEADS = PREDICATE_CODE[Predicate.LEADS]

Pattern = tuple[str, Predicate, str]


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    return ",".join("?" * n)


def key_rows(entity: Entity, nid: int) -> list[tuple[str, int, str, KeyKind]]:
    """``alias`` table rows ``(norm, nid, surface form, kind)`` of an entity's lookup keys."""
    return [(norm, nid, surface, kind) for norm, surface, kind in lookup_keys(entity)]


def entity_signature(entity: Entity) -> int:
    """A hash of everything an entity record says: merging the same record twice is a no-op,
    so a record whose signature was applied once can be skipped."""
    return hash(
        (
            entity.id,
            entity.name,
            entity.type,
            entity.aliases,
            entity.name_zh,
            entity.country,
            entity.tickers,
            entity.description,
            tuple(sorted(entity.attributes.items())),
        )
    )


@dataclass
class Staged:
    """What a committed upsert changes in the index."""

    revision: int
    first_nid: int
    new_nodes: list[str] = field(default_factory=list)
    new_names: list[str] = field(default_factory=list)
    new_types: list[str] = field(default_factory=list)
    new_metric_subjects: list[int] = field(default_factory=list)
    new_edges: list[tuple[int, int, int, int, int | None, int | None, int | None, int | None,
                          int | None, int, int, int | None]] = field(default_factory=list)
    # (fid, date_start, date_end, valid_from, valid_until, sort_key, n_sources, kpre,
    # known_from) of changed facts.
    updated_edges: list[tuple[int, int | None, int | None, int | None, int | None, int | None,
                              int, int, int | None]] = field(default_factory=list)
    aliases: list[tuple[int, str, int]] = field(default_factory=list)
    update_rowid: int = 0
    signatures: list[int] = field(default_factory=list)

    def edge_batch(self) -> EdgeBatch:
        return EdgeBatch.from_rows(self.new_edges)

    def update_batch(self) -> EdgeBatch:
        rows = [(fid, 0, 0, 0, ds, de, vf, vu, sk, n, kp, kf)
                for fid, ds, de, vf, vu, sk, n, kp, kf in self.updated_edges]
        return EdgeBatch.from_rows(rows)


# ------------------------------------------------------------------- reading


def load_entities(conn: sqlite3.Connection, nids: Sequence[int]) -> dict[int, Entity]:
    out: dict[int, Entity] = {}
    for chunk in chunks(list(nids)):
        for nid, data in conn.execute(
            f"SELECT nid, data FROM entity WHERE nid IN ({marks(len(chunk))})", chunk
        ):
            out[nid] = Entity.model_validate_json(data)
    return out


def load_facts(conn: sqlite3.Connection, fids: Sequence[int]) -> dict[int, Fact]:
    """Full facts (with evidence) by fact id."""
    rows: dict[int, tuple[Any, ...]] = {}
    evidence: dict[int, list[tuple[str, str, str | None]]] = defaultdict(list)
    for chunk in chunks(sorted(set(fids))):
        m = marks(len(chunk))
        for row in conn.execute(
            "SELECT f.fid, f.key, s.id, f.predicate, o.id, f.date, f.confidence, f.extra"
            " FROM fact f JOIN entity s ON s.nid = f.subject JOIN entity o ON o.nid = f.object"
            f" WHERE f.fid IN ({m})",
            chunk,
        ):
            rows[row[0]] = row
        for fid, story, sentence, extractor in conn.execute(
            "SELECT x.fid, t.id, x.sentence, x.extractor FROM fact_source x"
            f" JOIN story t ON t.sid = x.sid WHERE x.fid IN ({m})",
            chunk,
        ):
            evidence[fid].append((story, sentence, extractor))
    return {
        fid: fact_from_row(r[1], r[2], r[3], r[4], r[5], r[6], r[7], evidence.get(fid, []))
        for fid, r in rows.items()
    }


@dataclass(frozen=True, slots=True)
class Head:
    """A stored fact without its evidence, its number of sources and its earliest publication."""

    fact: Fact
    n_sources: int
    known_from: str | None


def load_heads(conn: sqlite3.Connection, fids: Sequence[int]) -> dict[int, Head]:
    """Stored facts without their evidence ("heads").

    Every merge rule but the evidence union reads only a fact's own fields, so a
    merge needs the head; the union is worked out row by row (see
    :func:`_new_sources`). A fact told by hundreds of stories then costs no more
    to merge than one told once.
    """
    out: dict[int, Head] = {}
    for chunk in chunks(sorted(set(fids))):
        for fid, key, s, p, o, date, confidence, extra, count, known in conn.execute(
            "SELECT f.fid, f.key, s.id, f.predicate, o.id, f.date, f.confidence, f.extra,"
            " f.n_sources, f.known_from FROM fact f JOIN entity s ON s.nid = f.subject"
            f" JOIN entity o ON o.nid = f.object WHERE f.fid IN ({marks(len(chunk))})",
            chunk,
        ):
            fact = fact_from_row(key, s, p, o, date, confidence, extra, ())
            out[fid] = Head(fact, count, known)
    return out


def _new_sources(
    conn: sqlite3.Connection, candidates: list[tuple[int, int, str]]
) -> tuple[dict[tuple[int, int, str], str | None], set[tuple[int, int]]]:
    """Of ``(fid, sid, sentence)`` rows, those already stored (with their extractor), and
    the (fid, sid) pairs stored."""
    have: dict[tuple[int, int, str], str | None] = {}
    pairs: set[tuple[int, int]] = set()
    # One indexed look-up per pair (a prepared statement): SQLite does not use the index
    # for a row-value IN list.
    for fid, sid in sorted({(fid, sid) for fid, sid, _ in candidates}):
        for sentence, extractor in conn.execute(
            "SELECT sentence, extractor FROM fact_source WHERE fid = ? AND sid = ?", (fid, sid)
        ):
            have[(fid, sid, sentence)] = extractor
            pairs.add((fid, sid))
    return have, pairs


def _head_fields(fact: Fact) -> tuple[Any, ...]:
    return (fact.status, fact.confidence, fact.amount, fact.stake_pct, fact.role,
            fact.valid_from, fact.valid_until, fact.attributes)


def load_metrics_by_id(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, tuple[int, Metric]]:
    raw: dict[str, tuple[int, dict[str, Any]]] = {}
    evidence: dict[int, list[dict[str, str | None]]] = defaultdict(list)
    for chunk in chunks(list(ids)):
        for mid, metric_id, data in conn.execute(
            f"SELECT mid, id, data FROM metric WHERE id IN ({marks(len(chunk))})", chunk
        ):
            raw[metric_id] = (mid, json.loads(data))
    mids = [mid for mid, _ in raw.values()]
    for chunk in chunks(mids):
        for mid, story, sentence, extractor in conn.execute(
            "SELECT x.mid, t.id, x.sentence, x.extractor FROM metric_source x"
            f" JOIN story t ON t.sid = x.sid WHERE x.mid IN ({marks(len(chunk))})",
            chunk,
        ):
            evidence[mid].append(
                {"story_id": story, "sentence": sentence, "extractor": extractor}
            )
    return {
        metric_id: (mid, Metric.model_validate({**data, "evidence": evidence.get(mid, [])}))
        for metric_id, (mid, data) in raw.items()
    }


def _story_sids(
    conn: sqlite3.Connection, ids: Iterable[str]
) -> tuple[dict[str, int], dict[str, str | None]]:
    """The row number and publication date of every stored story among ``ids``."""
    found: dict[str, int] = {}
    published: dict[str, str | None] = {}
    for chunk in chunks(sorted(set(ids))):
        for story_id, sid, date in conn.execute(
            f"SELECT id, sid, published FROM story WHERE id IN ({marks(len(chunk))})", chunk
        ):
            found[story_id] = sid
            published[story_id] = date
    return found, published


def _earliest_published(
    evidence: Iterable[Any], published: dict[str, str | None], floor: str | None = None
) -> str | None:
    """The earliest publication date among the stories of ``evidence`` (and ``floor``)."""
    best = floor
    for e in evidence:
        date = published.get(e.story_id)
        if date is not None and (best is None or ordinal_of(date) < ordinal_of(best)):  # type: ignore[operator]
            best = date
    return best


def _next_id(conn: sqlite3.Connection, table: str, column: str) -> int:
    return int(conn.execute(f"SELECT COALESCE(MAX({column}), -1) + 1 FROM {table}").fetchone()[0])


# ------------------------------------------------------------------- writing


def write_delta(
    conn: sqlite3.Connection,
    index: CompactIndex,
    delta: GraphDelta,
    revision: int,
    applied: set[int],
) -> tuple[UpsertReport, Staged]:
    """Merge ``delta`` into the store inside the caller's transaction.

    ``index`` must hold exactly the committed database; ``applied`` holds the
    signatures of entity records merged before (see :func:`entity_signature`).
    """
    counts: Counter[str] = Counter()
    staged = Staged(revision=revision, first_nid=index.n_nodes)
    named: set[str] = set()
    cited: set[str] = set()
    for fact in delta.facts:
        named.add(fact.subject)
        named.add(fact.object)
        for e in fact.evidence:
            cited.add(e.story_id)
    for metric in delta.metrics:
        named.add(metric.subject)
        cited.update(e.story_id for e in metric.evidence)

    # Stories: the first record of a story is kept.
    sids, published = _story_sids(conn, cited | {s.id for s in delta.stories})
    next_sid = _next_id(conn, "story", "sid")
    story_rows = []
    for story in delta.stories:
        if story.id in sids:
            counts["stories_known"] += 1
            continue
        sids[story.id] = next_sid
        published[story.id] = story.published
        story_rows.append((next_sid, story.id, story.title, story.publisher, story.published,
                           story.url, story.text_hash))
        next_sid += 1
        counts["stories_added"] += 1
    conn.executemany(
        "INSERT INTO story(sid, id, title, publisher, published, url, text_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        story_rows,
    )

    nids = _write_entities(conn, index, delta, revision, applied, counts, staged)
    node_of = index.node_of
    for eid in named - nids.keys():
        nid = node_of.get(eid)
        if nid is not None:
            nids[eid] = nid
    _check_references(named, cited, nids, sids)
    _write_facts(conn, index, delta, revision, nids, sids, published, counts, staged)
    _write_metrics(conn, delta, revision, nids, sids, counts, staged)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
    return UpsertReport(**counts), staged


def _write_entities(
    conn: sqlite3.Connection,
    index: CompactIndex,
    delta: GraphDelta,
    revision: int,
    applied: set[int],
    counts: Counter[str],
    staged: Staged,
) -> dict[str, int]:
    """Insert new entities, merge known ones; return the nid of every entity in the delta."""
    incoming: dict[str, Entity] = {}
    for entity in delta.entities:
        prior = incoming.get(entity.id)
        incoming[entity.id] = merge_entity(prior, entity) if prior else entity
    node_of = index.node_of
    nids: dict[str, int] = {}
    next_nid = index.n_nodes
    new_rows: list[tuple[Any, ...]] = []
    alias_rows: list[tuple[str, int, str, KeyKind]] = []
    to_merge: dict[int, Entity] = {}
    for eid, entity in incoming.items():
        signature = entity_signature(entity)
        nid = node_of.get(eid)
        if nid is None:
            nid = next_nid
            next_nid += 1
            staged.new_nodes.append(eid)
            staged.new_names.append(entity.name)
            staged.new_types.append(entity.type.value)
            new_rows.append((nid, eid, entity.name, entity.type.value,
                             entity.model_dump_json(), revision))
            alias_rows.extend(key_rows(entity, nid))
            counts["entities_added"] += 1
            staged.signatures.append(signature)
        else:
            counts["entities_known"] += 1
            if signature not in applied:
                to_merge[nid] = entity
                staged.signatures.append(signature)
        nids[eid] = nid
    stored = load_entities(conn, list(to_merge))
    updates = []
    for nid, entity in to_merge.items():
        old = stored[nid]
        if old.type != entity.type:
            raise InvalidInput(f"entity {entity.id} is stored as {old.type}, not {entity.type}")
        merged = merge_entity(old, entity)
        if merged == old:
            continue
        updates.append((merged.model_dump_json(), revision, nid))
        known = set(key_rows(old, nid))
        alias_rows.extend(row for row in key_rows(merged, nid) if row not in known)
    conn.executemany(
        "INSERT INTO entity(nid, id, name, type, data, seq) VALUES (?, ?, ?, ?, ?, ?)", new_rows
    )
    conn.executemany("UPDATE entity SET data = ?, seq = ? WHERE nid = ?", updates)
    if alias_rows:
        first = int(conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM alias").fetchone()[0]) + 1
        conn.executemany(
            "INSERT INTO alias(rowid, norm, nid, alias, kind) VALUES (?, ?, ?, ?, ?)",
            [(first + i, *row) for i, row in enumerate(alias_rows)],
        )
        staged.aliases = [(first + i, norm, nid) for i, (norm, nid, _, _) in enumerate(alias_rows)]
    return nids


def _check_references(
    named: set[str], cited: set[str], nids: dict[str, int], sids: dict[str, int]
) -> None:
    missing = sorted(named - nids.keys())
    if missing:
        raise InvalidInput(
            "facts or metrics name entities that are neither in the input nor stored: "
            f"{', '.join(missing[:10])}",
            missing=missing,
        )
    missing = sorted(cited - sids.keys())
    if missing:
        raise InvalidInput(
            "evidence cites stories that are neither in the input nor stored: "
            f"{', '.join(missing[:10])}",
            missing=missing,
        )


def _stored_fids(conn: sqlite3.Connection, index: CompactIndex, keys: list[str]) -> dict[str, int]:
    """The fact id of every key in ``keys`` that is stored."""
    if not keys or not index.n_edges:
        return {}
    prefixes = np.fromiter((key_prefix(k) for k in keys), dtype=np.int64, count=len(keys))
    maybe = index.fids_with_prefix(prefixes)
    found: dict[str, int] = {}
    wanted = set(keys)
    for chunk in chunks(maybe):
        for fid, key in conn.execute(
            f"SELECT fid, key FROM fact WHERE fid IN ({marks(len(chunk))})", chunk
        ):
            if key in wanted:
                found[key] = fid
    return found


def _same_triple_fids(
    index: CompactIndex, facts: Iterable[Fact], nids: dict[str, int], old_nodes: int
) -> list[int]:
    """Stored facts with the (subject, predicate, object) of one of ``facts``.

    Only entities stored before this delta (``nid < old_nodes``) can have any.
    """
    wanted: set[tuple[int, int, int]] = set()
    for fact in facts:
        a, b = nids[fact.subject], nids[fact.object]
        if a < old_nodes and b < old_nodes:
            wanted.add((a, PREDICATE_CODE[fact.predicate], b))
    if not wanted or not index.n_edges:
        return []
    codes = np.array(sorted({a << 32 | b for a, _p, b in wanted}), dtype=np.int64)
    src, dst, pred = index.src, index.dst, index.pred
    return [
        fid for fid in index.fids_of_pairs(codes)
        if (int(src[fid]), int(pred[fid]), int(dst[fid])) in wanted
    ]


@dataclass
class _FactState:
    """The facts an upsert writes, keyed by their final key, with what is stored of them."""

    pending: dict[str, Fact]
    stored: dict[str, Fact]  # final key -> the stored head (its own key may differ)
    fid: dict[str, int]
    sources: dict[str, int]
    known_from: dict[str, str | None]  # what to write
    stored_known_from: dict[str, str | None]  # what is stored

    def adopt(self, fid: int, head: Head) -> str:
        """Take a stored fact into the upsert unchanged (a closing rule may then change it)."""
        key = head.fact.key
        self.stored[key] = head.fact
        self.fid[key] = fid
        self.sources[key] = head.n_sources
        self.known_from[key] = self.stored_known_from[key] = head.known_from
        return key


def _write_facts(
    conn: sqlite3.Connection,
    index: CompactIndex,
    delta: GraphDelta,
    revision: int,
    nids: dict[str, int],
    sids: dict[str, int],
    published: dict[str, str | None],
    counts: Counter[str],
    staged: Staged,
) -> None:
    records: dict[str, Fact] = {}
    for fact in delta.facts:
        prior = records.get(fact.key)
        records[fact.key] = merge_fact(prior, fact) if prior else fact
    if not records:
        return
    exact = _stored_fids(conn, index, list(records))
    loose = [f for k, f in records.items() if k not in exact]
    candidates = set(exact.values()) | set(
        _same_triple_fids(index, loose, nids, staged.first_nid)
    )
    heads = load_heads(conn, list(candidates))
    placement = place_facts(records.values(), [h.fact for h in heads.values()])
    fid_of = {h.fact.key: fid for fid, h in heads.items()}
    state = _FactState(pending={}, stored={}, fid={}, sources={}, known_from={},
                       stored_known_from={})
    former: list[tuple[str, int]] = []
    for key, fact in placement.facts.items():
        old_key = placement.stored_key.get(key)
        state.pending[key] = fact
        if old_key is None:
            counts["facts_added"] += 1
            state.known_from[key] = _earliest_published(fact.evidence, published)
            continue
        counts["facts_known"] += placement.landed[key]
        fid = fid_of[old_key]
        head = heads[fid]
        state.stored[key] = head.fact
        state.fid[key] = fid
        state.sources[key] = head.n_sources
        state.stored_known_from[key] = head.known_from
        state.known_from[key] = _earliest_published(fact.evidence, published, head.known_from)
        if old_key != key:
            former.append((old_key, fid))
    # Every key a record had finds the fact it went into (an extraction report shows them).
    absorbed = placement.absorbed
    closed = _apply_closing(conn, index, state)
    closed |= _apply_successions(conn, index, state, nids)
    counts["facts_closed"] += len(closed)
    pending, stored, stored_fid = state.pending, state.stored, state.fid
    # Which of the merged facts' evidence is new (a merge saw only the stored head).
    candidate_rows = [
        (stored_fid[key], sids[e.story_id], e.sentence)
        for key, fact in pending.items()
        if key in stored_fid
        for e in fact.evidence
    ]
    have, have_pairs = _new_sources(conn, candidate_rows) if candidate_rows else ({}, set())

    next_fid = index.n_edges
    fact_rows: list[tuple[Any, ...]] = []
    source_rows: list[tuple[int, int, str, str | None]] = []
    # Stored sentences read again by another extractor: their label names both.
    relabels: list[tuple[str | None, int, int, str]] = []
    changes: list[tuple[Any, ...]] = []
    for key, fact in pending.items():
        stored_at = stored_fid.get(key)
        known_from = state.known_from.get(key)
        if stored_at is None:
            fid = next_fid
            next_fid += 1
            subject, obj = nids[fact.subject], nids[fact.object]
            row, ords = fact_insert_row(fact, fid, subject, obj, revision, known_from)
            fact_rows.append(row)
            source_rows.extend(
                (fid, sids[e.story_id], e.sentence, e.extractor) for e in fact.evidence
            )
            staged.new_edges.append((fid, subject, obj, PREDICATE_CODE[fact.predicate], ords[0],
                                     ords[1], ords[3], ords[4], ords[2], row[11], row[14],
                                     row[17]))
            former.extend((k, fid) for k in absorbed.get(key, ()))
            continue
        fid = stored_at
        new_rows = []
        for e in fact.evidence:
            row_key = (fid, sids[e.story_id], e.sentence)
            if row_key not in have:
                new_rows.append((*row_key, e.extractor))
                continue
            label = join_extractors(have[row_key], e.extractor)
            if label != have[row_key]:
                relabels.append((label, *row_key))
        old = stored[key]
        if (
            not new_rows
            and old.key == key
            and _head_fields(old) == _head_fields(fact)
            and known_from == state.stored_known_from[key]
        ):
            continue
        new_stories = {sid for _, sid, _, _ in new_rows if (fid, sid) not in have_pairs}
        sources = state.sources[key] + len(new_stories)
        ords = fact_ordinals(fact)
        prefix = key_prefix(key)
        changes.append((key, fact.date, ords[0], ords[1], ords[2], ords[3], ords[4], sources,
                        fact.confidence, fact_extra(fact), prefix, known_from,
                        ordinal_of(known_from), revision, fid))
        source_rows.extend(new_rows)
        staged.updated_edges.append((fid, ords[0], ords[1], ords[3], ords[4], ords[2], sources,
                                     prefix, ordinal_of(known_from)))
        former.extend((k, fid) for k in absorbed.get(key, ()))
    conn.executemany(
        "INSERT INTO fact(fid, key, subject, predicate, object, date, date_start, date_end,"
        " sort_key, valid_from, valid_until, n_sources, confidence, extra, kpre, seq,"
        " known_from, known_from_ord)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        fact_rows,
    )
    conn.executemany(
        "INSERT INTO fact_source(fid, sid, sentence, extractor) VALUES (?, ?, ?, ?)", source_rows
    )
    conn.executemany(
        "UPDATE fact_source SET extractor = ? WHERE fid = ? AND sid = ? AND sentence = ?",
        relabels,
    )
    if former:
        # A link to a fact's earlier key still finds it (its date was refined since).
        conn.executemany(
            "INSERT OR REPLACE INTO fact_former_key(key, fid) VALUES (?, ?)", former
        )
    if changes:
        conn.executemany(
            "UPDATE fact SET key = ?, date = ?, date_start = ?, date_end = ?, sort_key = ?,"
            " valid_from = ?, valid_until = ?, n_sources = ?, confidence = ?, extra = ?,"
            " kpre = ?, known_from = ?, known_from_ord = ?, seq = ? WHERE fid = ?",
            changes,
        )
        conn.executemany(
            "INSERT INTO fact_update(seq, fid) VALUES (?, ?)",
            [(revision, row[-1]) for row in changes],
        )
        staged.update_rowid = int(
            conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM fact_update").fetchone()[0]
        )


def _is_stored_closer(index: CompactIndex, fid: int) -> bool:
    code = int(index.pred[fid])
    if code == _LIFTS:
        return int(index.date_start[fid]) != NONE or int(index.valid_from[fid]) != NONE
    return code in _DURATIVE_CODES and int(index.valid_until[fid]) != NONE


def _apply_closing(conn: sqlite3.Connection, index: CompactIndex, state: _FactState) -> set[str]:
    """Close facts ended by others, both ways (new closers, and new closable facts).

    The pool is the facts of this delta plus the stored facts with the same
    (subject, predicate, object) as one of their closing patterns, as in the
    reference rule; a closer only ever ends facts of its own pattern, so the
    pool is worked pattern by pattern, and only patterns with a closer load
    anything from SQLite.
    """
    pending = state.pending
    patterns: set[Pattern] = set()
    for fact in pending.values():
        if fact.predicate not in _CLOSING_FAMILY:
            continue
        pattern = closing_pattern(fact)
        if pattern:
            patterns.add(pattern)
        patterns.update(closer_patterns(fact))
    if not patterns:
        return set()
    # Stored facts of each pattern, from the index.
    pooled: dict[Pattern, list[int]] = {}
    active: set[Pattern] = set()
    node_of = index.node_of
    for pattern in patterns:
        subject, predicate, obj = pattern
        a, b = node_of.get(subject), node_of.get(obj)
        if a is None or b is None or (a << 32 | b) not in index.closable_pairs:
            continue
        code = PREDICATE_CODE[predicate]
        fids = [
            fid
            for fid in index.between(a, b).tolist()
            if int(index.src[fid]) == a and int(index.dst[fid]) == b
            and int(index.pred[fid]) == code
        ]
        if fids:
            pooled[pattern] = fids
            for fid in fids:
                if _is_stored_closer(index, fid):
                    closed_pred = Predicate.BANS if code == _LIFTS else predicate
                    active.add((subject, closed_pred, obj))
    for fact in pending.values():
        if fact.predicate in _CLOSING_FAMILY:
            pattern = closing_pattern(fact)
            if pattern is not None:
                active.add(pattern)
    if not active:
        return set()
    # Load the stored facts that can close or be closed.
    wanted: set[int] = set()
    for pattern, fids in pooled.items():
        for fid in fids:
            if pattern in active or _is_stored_closer(index, fid):
                wanted.add(fid)
    by_fid = {fid: key for key, fid in state.fid.items()}
    pool: dict[str, Fact] = {}
    for fid, head in load_heads(conn, [f for f in wanted if f not in by_fid]).items():
        key = state.adopt(fid, head)
        by_fid[fid] = key
    for fid in wanted:
        key = by_fid[fid]
        if key not in pending:
            pool[key] = state.stored[key]
    pool.update(pending)
    closers: dict[Pattern, list[Fact]] = defaultdict(list)
    targets: dict[Pattern, list[str]] = defaultdict(list)
    for key in sorted(pool):
        fact = pool[key]
        if fact.predicate not in _CLOSING_FAMILY:
            continue
        pattern = closing_pattern(fact)
        if pattern is not None and pattern in active:
            closers[pattern].append(fact)
        spo = (fact.subject, fact.predicate, fact.object)
        if spo in active:
            targets[spo].append(key)
    closed: set[str] = set()
    for pattern, group in closers.items():
        for closer in group:
            for key in targets.get(pattern, ()):
                current = pool[key]
                if closes(closer, current):
                    until = closing_date(closer)
                    assert until is not None
                    pool[key] = close_fact(current, until)
                    pending[key] = pool[key]
                    closed.add(key)
    return closed


def _stored_tenures(
    conn: sqlite3.Connection, index: CompactIndex, fids: Sequence[int]
) -> dict[int, Tenure]:
    """What a succession reads of stored LEADS facts, straight from their rows."""
    out: dict[int, Tenure] = {}
    ids = index.node_ids
    for chunk in chunks(sorted(set(fids))):
        for fid, key, subject, obj, date, extra, known in conn.execute(
            "SELECT fid, key, subject, object, date, extra, known_from FROM fact"
            f" WHERE fid IN ({marks(len(chunk))})",
            chunk,
        ):
            data = json.loads(extra) if extra else {}
            start = data.get("valid_from") or date or known
            out[fid] = Tenure(key, ids[subject], ids[obj], data.get("role"), start,
                              data.get("valid_until"))
    return out


def _apply_successions(
    conn: sqlite3.Connection,
    index: CompactIndex,
    state: _FactState,
    nids: dict[str, int],
) -> set[str]:
    """End the tenures that a newer holder of the same position ended (see
    :func:`graph.model.merge.succession_closures`), among this delta's LEADS facts and the
    stored LEADS facts into the same organisations."""
    pending = state.pending
    objects = {
        nids[f.object]
        for k, f in pending.items()
        if f.predicate is Predicate.LEADS and succession_changed(
            f, state.stored.get(k), state.known_from.get(k) == state.stored_known_from.get(k)
        )
    }
    if not objects:
        return set()
    taken = {fid for key, fid in state.fid.items() if key in pending}
    wanted: list[int] = []
    for nid in objects:
        if nid >= index.n_nodes:
            continue
        _, eids = index.incident(nid)
        eids = eids[(index.pred[eids] == _LEADS) & (index.dst[eids] == nid)]
        wanted.extend(fid for fid in eids.tolist() if fid not in taken)
    stored = _stored_tenures(conn, index, wanted)
    start_of = start_with_sources(state.known_from)
    pool = {t.key: t for t in stored.values()}
    pool.update(
        {k: tenure(f, start_of) for k, f in pending.items() if f.predicate is Predicate.LEADS}
    )
    closures = tenure_closures(pool.values())
    if not closures:
        return set()
    fid_of = {t.key: fid for fid, t in stored.items()}
    to_adopt = [fid_of[k] for k in closures if k not in pending]
    for fid, head in load_heads(conn, to_adopt).items():
        state.adopt(fid, head)
    closed: set[str] = set()
    for key, until in closures.items():
        current = pending.get(key) or state.stored[key]
        pending[key] = close_fact(current, until)
        closed.add(key)
    return closed


def _write_metrics(
    conn: sqlite3.Connection,
    delta: GraphDelta,
    revision: int,
    nids: dict[str, int],
    sids: dict[str, int],
    counts: Counter[str],
    staged: Staged,
) -> None:
    metrics: dict[str, Metric] = {}
    for metric in delta.metrics:
        prior = metrics.get(metric.id)
        metrics[metric.id] = merge_metric(prior, metric) if prior else metric
    if not metrics:
        return
    stored = load_metrics_by_id(conn, list(metrics))
    next_mid = _next_id(conn, "metric", "mid")
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    sources: list[tuple[int, int, str, str | None]] = []
    relabels: list[tuple[str | None, int, int, str]] = []
    for metric_id, metric in metrics.items():
        known = stored.get(metric_id)
        counts["metrics_known" if known else "metrics_added"] += 1
        had: dict[tuple[str, str], str | None]
        if known is None:
            mid, merged, had = next_mid, metric, {}
            next_mid += 1
            staged.new_metric_subjects.append(nids[metric.subject])
            inserts.append((mid, metric_id, nids[metric.subject], metric.date,
                            date_sort_key(metric.date),
                            metric.model_dump_json(exclude={"evidence"}), revision))
        else:
            mid, old = known
            merged = merge_metric(old, metric)
            if merged == old:
                continue
            had = {(e.story_id, e.sentence): e.extractor for e in old.evidence}
            updates.append((merged.date, date_sort_key(merged.date),
                            merged.model_dump_json(exclude={"evidence"}), revision, mid))
        for e in merged.evidence:
            pair = (e.story_id, e.sentence)
            if pair not in had:
                sources.append((mid, sids[e.story_id], e.sentence, e.extractor))
            elif e.extractor != had[pair]:
                relabels.append((e.extractor, mid, sids[e.story_id], e.sentence))
    conn.executemany(
        "INSERT INTO metric(mid, id, subject, date, sort_key, data, seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany(
        "UPDATE metric SET date = ?, sort_key = ?, data = ?, seq = ? WHERE mid = ?", updates
    )
    conn.executemany(
        "INSERT INTO metric_source(mid, sid, sentence, extractor) VALUES (?, ?, ?, ?)", sources
    )
    conn.executemany(
        "UPDATE metric_source SET extractor = ? WHERE mid = ? AND sid = ? AND sentence = ?",
        relabels,
    )
