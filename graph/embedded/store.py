"""``EmbeddedStore``: the zero-setup default — one SQLite file plus a networkx index.

SQLite (WAL mode) holds every record durably; each upsert is one transaction.
A networkx ``MultiDiGraph`` mirrors the facts for traversal and is kept in step
with writes, including writes made by another process (detected through a
revision counter). Several readers may read while one writer writes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from graph.assemble import (
    best_fact,
    date_sort_key,
    entity_ref,
    fact_view,
    metric_view,
    ordinals,
    timeline_item,
)
from graph.embedded.index import EdgeInfo, TraversalIndex, edge_admitted
from graph.embedded.schema import migrate
from graph.errors import (
    AmbiguousEntity,
    EntityNotFound,
    FactNotFound,
    InvalidInput,
    NoPath,
    StoreUnavailable,
)
from graph.ids import normalize_name
from graph.merge import (
    close_fact,
    closer_patterns,
    closes,
    closing_date,
    closing_pattern,
    merge_entity,
    merge_fact,
    merge_metric,
)
from graph.model import Entity, Fact, GraphDelta, Metric, Story
from graph.ontology import EntityType, Predicate
from graph.pathfinding import k_shortest_simple_paths
from graph.queries import NeighborQuery, PathQuery, TimelineQuery, TimeWindow, encode_cursor
from graph.results import (
    EntityDetail,
    EntityMatch,
    FactView,
    GraphStats,
    Hop,
    MatchKind,
    PathResult,
    Subgraph,
    TimelineItem,
    TimelinePage,
    UpsertReport,
)
from graph.results import (
    Path as PathOut,
)

__all__ = ["EmbeddedStore"]

_BUSY_TIMEOUT_MS = 30_000
_CHUNK = 500  # SQLite host-parameter batches


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class EmbeddedStore:
    """The graph in one SQLite file (``path``), traversed through networkx.

    >>> import tempfile, os
    >>> store = EmbeddedStore(os.path.join(tempfile.mkdtemp(), "g.db"))
    >>> store.ensure_schema()
    >>> store.stats().facts
    0
    >>> store.close()
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._index = TraversalIndex()
        self._revision = -1
        self._alias_norms: list[str] = []
        self._alias_rows: list[tuple[str, str]] = []  # (entity_id, alias) per norm position
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------------ plumbing

    def _connect(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreUnavailable(f"the store {self.path} is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            parent = Path(self.path).parent
            if not parent.exists():
                raise StoreUnavailable(
                    f"cannot open store {self.path}: folder {parent} does not exist"
                )
            conn = sqlite3.connect(
                self.path,
                timeout=_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open store {self.path}: {exc}") from exc
        self._local.conn = conn
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every SELECT inside sees one snapshot."""
        conn = self._connect()
        self._refresh(conn)
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"reading {self.path} failed: {exc}") from exc

    def ensure_schema(self) -> None:
        """Create or migrate the schema and build the traversal index."""
        conn = self._connect()
        try:
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(f"{self.path} is not a sinograph store: {exc}") from exc
        except RuntimeError as exc:
            raise StoreUnavailable(str(exc)) from exc
        self._refresh(conn)

    def close(self) -> None:
        self._closed = True
        with self._connections_lock:
            for conn in self._connections:
                with suppress(sqlite3.Error):
                    conn.close()
            self._connections.clear()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- the index

    def _db_revision(self, conn: sqlite3.Connection) -> int:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                raise StoreUnavailable(
                    f"{self.path} has no sinograph schema;"
                    " run ensure_schema() (or `sinograph load`)"
                ) from exc
            raise StoreUnavailable(f"reading {self.path} failed: {exc}") from exc
        return int(row[0]) if row else 0

    def _refresh(self, conn: sqlite3.Connection) -> None:
        """Bring the in-memory index up to the database's revision (other writers included)."""
        revision = self._db_revision(conn)
        if revision == self._revision:
            return
        with self._index.lock:
            if revision == self._revision:
                return
            since = self._revision
            conn.execute("BEGIN")
            try:
                revision = self._db_revision(conn)
                node_rows = conn.execute("SELECT id FROM entities WHERE seq > ?", (since,))
                self._index.add_nodes(r[0] for r in node_rows)
                rows = conn.execute(
                    "SELECT key, subject, predicate, object, date_start, date_end, valid_from,"
                    " valid_until, n_sources FROM facts WHERE seq > ?",
                    (since,),
                )
                self._index.put_edges(
                    EdgeInfo(r[0], r[1], r[3], Predicate(r[2]), r[4], r[5], r[6], r[7], r[8])
                    for r in rows
                )
                alias_rows = conn.execute(
                    "SELECT a.norm, a.entity_id, a.alias FROM aliases a JOIN entities e"
                    " ON e.id = a.entity_id WHERE e.seq > ? ORDER BY a.norm, a.entity_id, a.alias",
                    (since,),
                ).fetchall()
            finally:
                conn.execute("COMMIT")
            known = set(zip(self._alias_norms, self._alias_rows, strict=True))
            for norm, eid, alias in alias_rows:
                if (norm, (eid, alias)) not in known:
                    self._alias_norms.append(norm)
                    self._alias_rows.append((eid, alias))
            self._revision = revision

    # -------------------------------------------------------------------- writes

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        """Write ``delta`` in one transaction, merging with what is stored (see graph.merge)."""
        conn = self._connect()
        with self._write_lock:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreUnavailable(
                    f"the store {self.path} is busy (another load is writing): {exc}"
                ) from exc
            try:
                report = self._upsert(conn, delta)
                conn.execute("COMMIT")
            except BaseException as exc:
                conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreUnavailable(f"writing to {self.path} failed: {exc}") from exc
                raise
        self._refresh(conn)
        return report

    def _upsert(self, conn: sqlite3.Connection, delta: GraphDelta) -> UpsertReport:
        revision = self._db_revision(conn) + 1
        counts: Counter[str] = Counter()

        # Stories: the first record of a story is kept.
        for story in delta.stories:
            cur = conn.execute(
                "INSERT OR IGNORE INTO stories(id, title, publisher, published, url, text_hash)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    story.id,
                    story.title,
                    story.publisher,
                    story.published,
                    story.url,
                    story.text_hash,
                ),
            )
            counts["stories_added" if cur.rowcount else "stories_known"] += 1

        # Entities: merge duplicates inside the delta, then with the stored record.
        incoming: dict[str, Entity] = {}
        for entity in delta.entities:
            prior = incoming.get(entity.id)
            incoming[entity.id] = merge_entity(prior, entity) if prior else entity
        stored = self._load_entities(conn, list(incoming))
        for eid, entity in incoming.items():
            old = stored.get(eid)
            if old is not None and old.type != entity.type:
                raise InvalidInput(f"entity {eid} is stored as {old.type}, not {entity.type}")
            merged = merge_entity(old, entity) if old else entity
            counts["entities_known" if old else "entities_added"] += 1
            if merged == old:
                continue
            conn.execute(
                "INSERT OR REPLACE INTO entities(id, name, type, data, seq) VALUES (?, ?, ?, ?, ?)",
                (eid, merged.name, merged.type.value, merged.model_dump_json(), revision),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO aliases(norm, entity_id, alias) VALUES (?, ?, ?)",
                [(normalize_name(a), eid, a) for a in merged.aliases if normalize_name(a)],
            )

        self._check_references(conn, delta)

        # Facts: merge duplicates, merge with stored, then apply closing rules.
        pending: dict[str, Fact] = {}
        for fact in delta.facts:
            prior_fact = pending.get(fact.key)
            pending[fact.key] = merge_fact(prior_fact, fact) if prior_fact else fact
        stored_facts = self._load_facts(conn, list(pending))
        new_keys = set()
        for key, fact in list(pending.items()):
            old_fact = stored_facts.get(key)
            if old_fact is None:
                new_keys.add(key)
                counts["facts_added"] += 1
            else:
                counts["facts_known"] += 1
                pending[key] = merge_fact(old_fact, fact)
        closed = self._apply_closing(conn, pending)
        counts["facts_closed"] += len(closed)
        for key, fact in pending.items():
            if key not in new_keys and stored_facts.get(key) == fact:
                continue
            self._write_fact(conn, fact, revision)

        # Metrics.
        metrics: dict[str, Metric] = {}
        for metric in delta.metrics:
            prior_metric = metrics.get(metric.id)
            metrics[metric.id] = merge_metric(prior_metric, metric) if prior_metric else metric
        stored_metrics = self._load_metrics(conn, list(metrics))
        for mid, metric in metrics.items():
            old_metric = stored_metrics.get(mid)
            counts["metrics_known" if old_metric else "metrics_added"] += 1
            merged_metric = merge_metric(old_metric, metric) if old_metric else metric
            if merged_metric == old_metric:
                continue
            self._write_metric(conn, merged_metric, revision)

        conn.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
        return UpsertReport(**counts)

    def _check_references(self, conn: sqlite3.Connection, delta: GraphDelta) -> None:
        entity_ids = {f.subject for f in delta.facts} | {f.object for f in delta.facts}
        entity_ids |= {m.subject for m in delta.metrics}
        missing = sorted(entity_ids - self._existing(conn, "entities", "id", entity_ids))
        if missing:
            raise InvalidInput(
                f"facts or metrics name entities that are neither in the input nor stored: "
                f"{', '.join(missing[:10])}",
                missing=missing,
            )
        story_ids = {e.story_id for f in delta.facts for e in f.evidence}
        story_ids |= {e.story_id for m in delta.metrics for e in m.evidence}
        missing = sorted(story_ids - self._existing(conn, "stories", "id", story_ids))
        if missing:
            raise InvalidInput(
                f"evidence cites stories that are neither in the input nor stored: "
                f"{', '.join(missing[:10])}",
                missing=missing,
            )

    @staticmethod
    def _existing(conn: sqlite3.Connection, table: str, column: str, ids: set[str]) -> set[str]:
        found: set[str] = set()
        values = sorted(ids)
        for chunk in _chunks(values):
            rows = conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IN ({_marks(len(chunk))})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def _apply_closing(self, conn: sqlite3.Connection, pending: dict[str, Fact]) -> set[str]:
        """Close facts ended by others (both directions: new closers, and new closable facts)."""
        closed: set[str] = set()
        # Facts that might be closed, from the store and from this delta.
        patterns: set[tuple[str, Predicate, str]] = set()
        for fact in pending.values():
            pattern = closing_pattern(fact)
            if pattern:
                patterns.add(pattern)
            patterns.update(closer_patterns(fact))
        if not patterns:
            return closed
        pool: dict[str, Fact] = {}
        for subject, predicate, obj in patterns:
            rows = conn.execute(
                "SELECT key FROM facts WHERE subject = ? AND predicate = ? AND object = ?",
                (subject, predicate.value, obj),
            )
            keys = [r[0] for r in rows if r[0] not in pending]
            pool.update(self._load_facts(conn, keys))
        pool.update(pending)
        candidates = sorted(pool.values(), key=lambda f: f.key)
        for closer in candidates:
            if closing_pattern(closer) is None:
                continue
            for target in candidates:
                current = pool[target.key]
                if closes(closer, current):
                    until = closing_date(closer)
                    assert until is not None
                    pool[target.key] = close_fact(current, until)
                    pending[target.key] = pool[target.key]
                    closed.add(target.key)
        return closed

    def _write_fact(self, conn: sqlite3.Connection, fact: Fact, revision: int) -> None:
        start, end, valid_from, valid_until = ordinals(fact)
        data = fact.model_dump_json(exclude={"evidence"})
        conn.execute(
            "INSERT OR REPLACE INTO facts(key, subject, predicate, object, date, date_start,"
            " date_end, sort_key, valid_from, valid_until, n_sources, data, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                fact.key,
                fact.subject,
                fact.predicate.value,
                fact.object,
                fact.date,
                start,
                end,
                date_sort_key(fact.date),
                valid_from,
                valid_until,
                len({e.story_id for e in fact.evidence}),
                data,
                revision,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO evidence(fact_key, story_id, sentence) VALUES (?, ?, ?)",
            [(fact.key, e.story_id, e.sentence) for e in fact.evidence],
        )

    def _write_metric(self, conn: sqlite3.Connection, metric: Metric, revision: int) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO metrics(id, subject, date, sort_key, data, seq)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                metric.id,
                metric.subject,
                metric.date,
                date_sort_key(metric.date),
                metric.model_dump_json(exclude={"evidence"}),
                revision,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO metric_evidence(metric_id, story_id, sentence) VALUES (?, ?, ?)",
            [(metric.id, e.story_id, e.sentence) for e in metric.evidence],
        )

    # ---------------------------------------------------------------- loading

    @staticmethod
    def _load_entities(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        for chunk in _chunks(list(ids)):
            for eid, data in conn.execute(
                f"SELECT id, data FROM entities WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                out[eid] = Entity.model_validate_json(data)
        return out

    @staticmethod
    def _load_facts(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, Fact]:
        raw: dict[str, dict[str, Any]] = {}
        evidence: dict[str, list[dict[str, str]]] = defaultdict(list)
        for chunk in _chunks(list(keys)):
            marks = _marks(len(chunk))
            for key, data in conn.execute(
                f"SELECT key, data FROM facts WHERE key IN ({marks})", chunk
            ):
                raw[key] = json.loads(data)
            for key, story, sentence in conn.execute(
                f"SELECT fact_key, story_id, sentence FROM evidence WHERE fact_key IN ({marks})",
                chunk,
            ):
                evidence[key].append({"story_id": story, "sentence": sentence})
        return {
            key: Fact.model_validate({**data, "evidence": evidence.get(key, [])})
            for key, data in raw.items()
        }

    @staticmethod
    def _load_metrics(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Metric]:
        raw: dict[str, dict[str, Any]] = {}
        evidence: dict[str, list[dict[str, str]]] = defaultdict(list)
        for chunk in _chunks(list(ids)):
            marks = _marks(len(chunk))
            for mid, data in conn.execute(
                f"SELECT id, data FROM metrics WHERE id IN ({marks})", chunk
            ):
                raw[mid] = json.loads(data)
            for mid, story, sentence in conn.execute(
                "SELECT metric_id, story_id, sentence FROM metric_evidence"
                f" WHERE metric_id IN ({marks})",
                chunk,
            ):
                evidence[mid].append({"story_id": story, "sentence": sentence})
        return {
            mid: Metric.model_validate({**data, "evidence": evidence.get(mid, [])})
            for mid, data in raw.items()
        }

    @staticmethod
    def _load_stories(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Story]:
        out: dict[str, Story] = {}
        for chunk in _chunks(sorted(set(ids))):
            for row in conn.execute(
                "SELECT id, title, publisher, published, url, text_hash FROM stories"
                f" WHERE id IN ({_marks(len(chunk))})",
                chunk,
            ):
                out[row[0]] = Story(
                    id=row[0],
                    title=row[1],
                    publisher=row[2],
                    published=row[3],
                    url=row[4],
                    text_hash=row[5],
                )
        return out

    def _names(self, conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for chunk in _chunks(sorted(set(ids))):
            names.update(
                conn.execute(
                    f"SELECT id, name FROM entities WHERE id IN ({_marks(len(chunk))})", chunk
                ).fetchall()
            )
        return names

    def _fact_views(self, conn: sqlite3.Connection, facts: Sequence[Fact]) -> list[FactView]:
        names = self._names(conn, [f.subject for f in facts] + [f.object for f in facts])
        stories = self._load_stories(conn, (e.story_id for f in facts for e in f.evidence))
        return [fact_view(f, names, stories) for f in facts]

    # -------------------------------------------------------------- entities

    def _resolve(self, conn: sqlite3.Connection, ref: str) -> Entity:
        if not ref or not ref.strip():
            raise InvalidInput("an entity id or name is required")
        by_id = self._load_entities(conn, [ref])
        if ref in by_id:
            return by_id[ref]
        norm = normalize_name(ref)
        ids = sorted(
            {r[0] for r in conn.execute("SELECT entity_id FROM aliases WHERE norm = ?", (norm,))}
        )
        if not ids:
            raise EntityNotFound(ref)
        entities = self._load_entities(conn, ids)
        if len(entities) == 1:
            return next(iter(entities.values()))
        canonical = [e for e in entities.values() if normalize_name(e.name) == norm]
        if len(canonical) == 1:
            return canonical[0]
        candidates = [
            {"id": e.id, "name": e.name, "type": e.type.value}
            for e in sorted(entities.values(), key=lambda e: e.id)
        ]
        raise AmbiguousEntity(ref, candidates)

    def resolve_entity(self, ref: str) -> Entity:
        with self._read() as conn:
            return self._resolve(conn, ref)

    def find_entities_by_alias(self, name: str) -> list[Entity]:
        norm = normalize_name(name)
        if not norm:
            return []
        with self._read() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT entity_id FROM aliases WHERE norm = ? ORDER BY entity_id",
                    (norm,),
                )
            ]
            found = self._load_entities(conn, ids)
        return [found[i] for i in ids if i in found]

    def get_entity(self, ref: str) -> EntityDetail:
        with self._read() as conn:
            entity = self._resolve(conn, ref)
            counts = dict(
                conn.execute(
                    "SELECT predicate, COUNT(*) FROM facts WHERE subject = ? OR object = ?"
                    " GROUP BY predicate ORDER BY predicate",
                    (entity.id, entity.id),
                ).fetchall()
            )
            metric_total = conn.execute(
                "SELECT COUNT(*) FROM metrics WHERE subject = ?", (entity.id,)
            ).fetchone()[0]
            source_count = conn.execute(
                "SELECT COUNT(DISTINCT story_id) FROM ("
                " SELECT e.story_id FROM evidence e JOIN facts f ON f.key = e.fact_key"
                "  WHERE f.subject = ? OR f.object = ?"
                " UNION SELECT me.story_id FROM metric_evidence me"
                "  JOIN metrics m ON m.id = me.metric_id WHERE m.subject = ?)",
                (entity.id, entity.id, entity.id),
            ).fetchone()[0]
        return EntityDetail(
            entity=entity,
            fact_counts=counts,
            fact_total=sum(counts.values()),
            metric_total=metric_total,
            source_count=source_count,
        )

    def search_entities(
        self, query: str, *, entity_type: EntityType | None = None, limit: int = 10
    ) -> list[EntityMatch]:
        """Exact alias, then prefix, then fuzzy (rapidfuzz) matches, best first.

        >>> # store.search_entities("zijin")[0].match  -> 'prefix' or 'exact'
        """
        if not 1 <= limit <= 100:
            raise InvalidInput(f"limit must be between 1 and 100, got {limit}")
        norm = normalize_name(query)
        if not norm:
            return []
        hits: dict[str, tuple[int, float, str]] = {}  # entity id -> (kind rank, score, alias)

        def offer(eid: str, rank: int, score: float, alias: str) -> None:
            best = hits.get(eid)
            if best is None or (rank, -score, alias) < (best[0], -best[1], best[2]):
                hits[eid] = (rank, score, alias)

        with self._read() as conn:
            type_filter = entity_type.value if entity_type else None

            def typed(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
                rows = list(rows)
                if type_filter is None or not rows:
                    return rows
                types = dict(
                    conn.execute(
                        f"SELECT id, type FROM entities WHERE id IN ({_marks(len(rows))})",
                        [r[0] for r in rows],
                    ).fetchall()
                )
                return [r for r in rows if types.get(r[0]) == type_filter]

            if query.strip() in self._existing(conn, "entities", "id", {query.strip()}):
                offer(query.strip(), 0, 100.0, query.strip())
            exact = conn.execute(
                "SELECT entity_id, alias FROM aliases WHERE norm = ? LIMIT 200", (norm,)
            )
            for eid, alias in typed(exact):
                offer(eid, 1, 100.0, alias)
            prefix = conn.execute(
                "SELECT entity_id, alias, norm FROM aliases WHERE norm > ? AND norm < ?"
                " ORDER BY length(norm), norm LIMIT 400",
                (norm, norm + "\U0010ffff"),
            )
            for eid, alias, alias_norm in ((r[0], r[1], r[2]) for r in prefix):
                if type_filter and not typed([(eid, alias)]):
                    continue
                offer(eid, 2, round(100.0 * len(norm) / len(alias_norm), 2), alias)
            if len(hits) < limit and len(norm) >= 3:
                for _choice, score, pos in process.extract(
                    norm,
                    self._alias_norms,
                    scorer=fuzz.WRatio,
                    score_cutoff=75,
                    limit=limit * 5,
                ):
                    eid, alias = self._alias_rows[pos]
                    if type_filter and not typed([(eid, alias)]):
                        continue
                    offer(eid, 3, round(float(score), 2), alias)
            ranked = sorted(hits.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))[:limit]
            entities = self._load_entities(conn, [eid for eid, _ in ranked])
        kinds: dict[int, MatchKind] = {0: "id", 1: "exact", 2: "prefix", 3: "fuzzy"}
        return [
            EntityMatch(
                entity=entities[eid],
                match=kinds[rank],
                score=score,
                matched_alias=alias,
            )
            for eid, (rank, score, alias) in ranked
            if eid in entities
        ]

    # ------------------------------------------------------------ traversal

    def _admitted_neighbours(
        self, predicates: frozenset[Predicate] | None, window: TimeWindow
    ) -> Any:
        index = self._index

        def neighbours(node: str) -> list[str]:
            return sorted(
                {
                    other
                    for other, edge in index.edges_of(node)
                    if edge_admitted(edge, predicates, window)
                }
            )

        return neighbours

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        k: int = 5,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
    ) -> PathResult:
        """Up to ``k`` shortest paths between two entities, edge direction ignored.

        >>> # store.paths("Cantech", "Zijin Mining Group", max_hops=3).paths[0].hops[0].direction
        """
        query = PathQuery.build(
            source,
            target,
            max_hops=max_hops,
            k=k,
            predicates=predicates,
            since=since,
            until=until,
            as_of=as_of,
        )
        with self._read() as conn:
            src = self._resolve(conn, query.source)
            dst = self._resolve(conn, query.target)
            neighbours = self._admitted_neighbours(query.predicates, query.window)
            with self._index.lock:
                node_paths = k_shortest_simple_paths(
                    neighbours,
                    src.id,
                    dst.id,
                    max_hops=query.max_hops,
                    k=query.k,
                    sort_key=lambda n: n,
                )
                hop_keys: list[list[str]] = []
                for nodes in node_paths:
                    keys = []
                    for a, b in zip(nodes, nodes[1:], strict=False):
                        admitted = [
                            e
                            for e in self._index.edges_between(a, b)
                            if edge_admitted(e, query.predicates, query.window)
                        ]
                        keys.append(min(admitted, key=lambda e: (-e.n_sources, e.key)).key)
                    hop_keys.append(keys)
            if src.id != dst.id and not node_paths:
                raise NoPath(src.name, dst.name, query.max_hops)
            all_keys = sorted({key for keys in hop_keys for key in keys})
            facts = self._load_facts(conn, all_keys)
            views = {v.key: v for v in self._fact_views(conn, [facts[k] for k in all_keys])}
            entities = self._load_entities(conn, sorted({n for p in node_paths for n in p}))
        paths = []
        for nodes, keys in zip(node_paths, hop_keys, strict=True):
            hops = []
            for a, b, key in zip(nodes, nodes[1:], keys, strict=False):
                view = views[best_fact([facts[key]]).key]
                direction = "forward" if view.subject == a and view.object == b else "backward"
                hops.append(Hop(from_id=a, to_id=b, direction=direction, fact=view))
            paths.append(PathOut(nodes=[entity_ref(entities[n]) for n in nodes], hops=hops))
        return PathResult(source=entity_ref(src), target=entity_ref(dst), paths=paths)

    def neighbors(
        self,
        entity: str,
        *,
        depth: int = 1,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        limit: int = 200,
    ) -> Subgraph:
        """Entities within ``depth`` hops and the facts that join them (nearest first)."""
        query = NeighborQuery.build(
            entity,
            depth=depth,
            predicates=predicates,
            since=since,
            until=until,
            as_of=as_of,
            limit=limit,
        )
        with self._read() as conn:
            center = self._resolve(conn, query.entity)
            order: dict[str, int] = {center.id: 0}
            edge_keys: set[str] = set()
            truncated = False
            with self._index.lock:
                frontier = [center.id]
                for level in range(1, query.depth + 1):
                    nxt: list[str] = []
                    for node in frontier:
                        for other, edge in sorted(
                            self._index.edges_of(node), key=lambda oe: (oe[0], oe[1].key)
                        ):
                            if not edge_admitted(edge, query.predicates, query.window):
                                continue
                            if other not in order:
                                if len(order) >= query.limit:
                                    truncated = True
                                    continue
                                order[other] = level
                                nxt.append(other)
                            edge_keys.add(edge.key)
                    frontier = nxt
            facts = self._load_facts(conn, sorted(edge_keys))
            views = self._fact_views(conn, [facts[k] for k in sorted(facts)])
            entities = self._load_entities(conn, list(order))
        ranked = sorted(order, key=lambda n: (order[n], n))
        return Subgraph(entities=[entities[n] for n in ranked], facts=views, truncated=truncated)

    def subgraph(self, entity_ids: Sequence[str], *, as_of: str | None = None) -> Subgraph:
        """The given entities (ids or names) and every fact among them."""
        window = TimeWindow.model_validate({"as_of": as_of}) if as_of else TimeWindow()
        with self._read() as conn:
            ids = sorted({self._resolve(conn, ref).id for ref in entity_ids})
            wanted = set(ids)
            keys: set[str] = set()
            with self._index.lock:
                for node in ids:
                    for other, edge in self._index.edges_of(node):
                        if other in wanted and edge_admitted(edge, None, window):
                            keys.add(edge.key)
            facts = self._load_facts(conn, sorted(keys))
            views = self._fact_views(conn, [facts[k] for k in sorted(facts)])
            entities = self._load_entities(conn, ids)
        return Subgraph(entities=[entities[i] for i in ids], facts=views)

    # -------------------------------------------------------------- timeline

    def timeline(
        self,
        entity: str | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        predicates: Iterable[str] | str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> TimelinePage:
        """Dated facts and metrics in date order; undated ones apart on the first page.

        A partial date sorts at the start of its period (``2025`` before
        ``2025-03-01``) and keeps its precision in the output.
        """
        query = TimelineQuery.build(
            entity, predicates=predicates, since=since, until=until, cursor=cursor, limit=limit
        )
        with self._read() as conn:
            ref = self._resolve(conn, query.entity) if query.entity else None
            base = _Clauses()
            if ref is not None:
                base.fact("(subject = ? OR object = ?)", ref.id, ref.id)
                base.metric("subject = ?", ref.id)
            if query.predicates is not None:
                preds = sorted(p.value for p in query.predicates)
                base.fact(f"predicate IN ({_marks(len(preds))})", *preds)
                base.metric("0")  # metrics carry no predicate
            dated = base.copy()
            dated.fact("sort_key IS NOT NULL")
            dated.metric("sort_key IS NOT NULL")
            w = query.window
            if w.since_ordinal is not None:
                dated.fact("date_end >= ?", w.since_ordinal)
                dated.metric("sort_key >= ?", w.since_ordinal * 3)
            if w.until_ordinal is not None:
                dated.fact("date_start <= ?", w.until_ordinal)
                dated.metric("sort_key < ?", (w.until_ordinal + 1) * 3)
            if query.cursor is not None:
                position, after = query.cursor
                dated.fact(
                    "(sort_key > ? OR (sort_key = ? AND key > ?))", position, position, after
                )
                dated.metric(
                    "(sort_key > ? OR (sort_key = ? AND id > ?))", position, position, after
                )
            rows = conn.execute(
                f"SELECT 'fact', key, sort_key FROM facts WHERE {dated.fact_sql()}"
                f" UNION ALL SELECT 'metric', id, sort_key FROM metrics WHERE {dated.metric_sql()}"
                " ORDER BY 3, 2 LIMIT ?",
                [*dated.args(), query.limit + 1],
            ).fetchall()
            more = len(rows) > query.limit
            rows = rows[: query.limit]
            items = self._timeline_items(conn, [(r[0], r[1]) for r in rows])
            undated: list[TimelineItem] = []
            undated_total = 0
            # Undated items come on the first page, and only when no date bound is asked
            # for: a window says "between these dates", which nothing undated is.
            if query.cursor is None and w.since is None and w.until is None:
                plain = base.copy()
                plain.fact("sort_key IS NULL")
                plain.metric("sort_key IS NULL")
                union = (
                    f"SELECT 'fact', key FROM facts WHERE {plain.fact_sql()}"
                    f" UNION ALL SELECT 'metric', id FROM metrics WHERE {plain.metric_sql()}"
                )
                undated_total = conn.execute(
                    f"SELECT COUNT(*) FROM ({union})", plain.args()
                ).fetchone()[0]
                u_rows = conn.execute(
                    f"{union} ORDER BY 1, 2 LIMIT ?", [*plain.args(), query.limit]
                ).fetchall()
                undated = self._timeline_items(conn, [(r[0], r[1]) for r in u_rows])
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = encode_cursor(int(last[2]), last[1])
        return TimelinePage(
            entity=entity_ref(ref) if ref else None,
            items=items,
            undated=undated,
            undated_total=undated_total,
            next_cursor=next_cursor,
        )

    def _timeline_items(
        self, conn: sqlite3.Connection, refs: Sequence[tuple[str, str]]
    ) -> list[TimelineItem]:
        fact_keys = [i for kind, i in refs if kind == "fact"]
        metric_ids = [i for kind, i in refs if kind == "metric"]
        facts = self._load_facts(conn, fact_keys)
        metrics = self._load_metrics(conn, metric_ids)
        names = self._names(
            conn,
            [f.subject for f in facts.values()]
            + [f.object for f in facts.values()]
            + [m.subject for m in metrics.values()],
        )
        stories = self._load_stories(
            conn,
            [e.story_id for f in facts.values() for e in f.evidence]
            + [e.story_id for m in metrics.values() for e in m.evidence],
        )
        items = []
        for kind, item_id in refs:
            if kind == "fact":
                items.append(timeline_item(fact_view(facts[item_id], names, stories)))
            else:
                items.append(timeline_item(metric_view(metrics[item_id], names, stories)))
        return items

    # --------------------------------------------------------------- misc

    def get_fact(self, key: str) -> FactView:
        with self._read() as conn:
            facts = self._load_facts(conn, [key])
            if key not in facts:
                raise FactNotFound(key)
            return self._fact_views(conn, [facts[key]])[0]

    def stats(self) -> GraphStats:
        with self._read() as conn:

            def count(sql: str) -> int:
                return int(conn.execute(sql).fetchone()[0])

            return GraphStats(
                entities=count("SELECT COUNT(*) FROM entities"),
                facts=count("SELECT COUNT(*) FROM facts"),
                stories=count("SELECT COUNT(*) FROM stories"),
                metrics=count("SELECT COUNT(*) FROM metrics"),
                sources=count("SELECT COUNT(*) FROM evidence"),
                by_label=dict(
                    conn.execute(
                        "SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY type"
                    ).fetchall()
                ),
                by_predicate=dict(
                    conn.execute(
                        "SELECT predicate, COUNT(*) FROM facts"
                        " GROUP BY predicate ORDER BY predicate"
                    ).fetchall()
                ),
                by_publisher=dict(
                    conn.execute(
                        "SELECT COALESCE(publisher, '(unknown)'), COUNT(*) FROM stories"
                        " GROUP BY 1 ORDER BY 1"
                    ).fetchall()
                ),
            )

    def export_delta(self, *, as_of: str | None = None) -> GraphDelta:
        """Everything stored, as one delta (lossless: loading it elsewhere gives this graph)."""
        window = TimeWindow.model_validate({"as_of": as_of}) if as_of else TimeWindow()
        with self._read() as conn:
            stories = self._load_stories(
                conn, [r[0] for r in conn.execute("SELECT id FROM stories")]
            )
            entity_ids = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id")]
            entities = self._load_entities(conn, entity_ids)
            keys = [r[0] for r in conn.execute("SELECT key FROM facts ORDER BY key")]
            facts = self._load_facts(conn, keys)
            metric_ids = [r[0] for r in conn.execute("SELECT id FROM metrics ORDER BY id")]
            metrics = self._load_metrics(conn, metric_ids)
        kept = [facts[k] for k in keys if window.is_open or window.admits(*ordinals(facts[k]))]
        return GraphDelta(
            stories=tuple(stories[s] for s in sorted(stories)),
            entities=tuple(entities[e] for e in entity_ids),
            facts=tuple(kept),
            metrics=tuple(metrics[m] for m in metric_ids),
        )


class _Clauses:
    """WHERE clauses and their arguments for the fact and metric halves of a timeline."""

    def __init__(self) -> None:
        self.facts: list[tuple[str, tuple[Any, ...]]] = []
        self.metrics: list[tuple[str, tuple[Any, ...]]] = []

    def copy(self) -> _Clauses:
        other = _Clauses()
        other.facts = list(self.facts)
        other.metrics = list(self.metrics)
        return other

    def fact(self, clause: str, *args: Any) -> None:
        self.facts.append((clause, args))

    def metric(self, clause: str, *args: Any) -> None:
        self.metrics.append((clause, args))

    def fact_sql(self) -> str:
        return " AND ".join(c for c, _ in self.facts) or "1"

    def metric_sql(self) -> str:
        return " AND ".join(c for c, _ in self.metrics) or "1"

    def args(self) -> list[Any]:
        return [a for _, args in self.facts for a in args] + [
            a for _, args in self.metrics for a in args
        ]
