"""``EmbeddedStore``: the zero-setup default — one SQLite file plus an in-memory index.

SQLite (WAL mode) holds every record durably; each upsert is one transaction.
A compact in-memory index (:mod:`graph.stores.embedded.compact`: integer ids, numpy
arrays, CSR adjacency) mirrors the facts for traversal, timelines and key
look-ups, and is kept in step with writes, including writes made by another
process (detected through a revision counter). Several readers may read while
one writer writes. :meth:`EmbeddedStore.networkx_graph` gives the same graph as
a networkx ``MultiDiGraph``, built on first use and kept in step from then on.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from sinograph.graph.model.curation import (
    LOADER,
    CurationPage,
    CurationRecord,
    Curator,
    EntityEdit,
    final_target,
    redirect_delta,
)
from sinograph.graph.model.curation_log import CurationExport
from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story, stored_story_url
from sinograph.graph.model.errors import (
    FactNotFound,
    GraphError,
    InvalidInput,
    NoPath,
    StoreCorrupt,
    StoreReadOnly,
    StoreUnavailable,
    StoryNotFound,
)
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.names import FUZZY_KINDS, WEAK_SCORE, fuzzy_scores, short_form
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import (
    UNDATED_POSITION,
    NeighbourQuery,
    PathQuery,
    SearchQuery,
    TimelineQuery,
    TimeWindow,
    TraversalFilter,
    encode_cursor,
)
from sinograph.graph.model.results import (
    EntityDetail,
    EntityMatch,
    EntityRef,
    FactView,
    GraphStats,
    PathResult,
    StoreBackup,
    StoreHealth,
    StoryPage,
    StoryView,
    Subgraph,
    TimelineItem,
    TimelinePage,
    UpsertReport,
)
from sinograph.graph.stores.assemble import (
    build_path,
    earliest_published,
    entity_ref,
    ordinals,
    timeline_item,
)
from sinograph.graph.stores.embedded.compact import (
    I32,
    NONE,
    PREDICATE_CODE,
    PREDICATES,
    REJECTED,
    SHOWN,
    STATE_CODE,
    CompactIndex,
    EdgeBatch,
    EdgeFilter,
    IntArray,
    degree_mask,
    entity_type_mask,
    key_prefix,
    to_networkx,
)
from sinograph.graph.stores.embedded.curation import (
    edit_entity,
    fact_row_of,
    log_page,
    merge_entities,
    reject_or_restore,
    split_entity,
    write_log,
)
from sinograph.graph.stores.embedded.files import (
    IdleCheckpointer,
    backup_file,
    connect_read_only,
    corruption_guarded,
    is_corruption,
    read_only_location,
)
from sinograph.graph.stores.embedded.fuzzy import TrigramIndex
from sinograph.graph.stores.embedded.paths import IndexAdjacency
from sinograph.graph.stores.embedded.rows import (
    FACT_COLUMNS,
    SOURCE_COLUMNS,
    fact_view_data,
    fact_view_from_row,
    metric_view_from_row,
)
from sinograph.graph.stores.embedded.schema import SCHEMA_VERSION, V1_TABLES, migrate
from sinograph.graph.stores.embedded.stories import story_page
from sinograph.graph.stores.embedded.writer import (
    Staged,
    chunks,
    load_facts,
    marks,
    write_delta,
)
from sinograph.graph.stores.hits import MatchSet
from sinograph.graph.stores.pathfinding import PathSearch
from sinograph.graph.stores.resolver import RESOLVE_LIMIT, choose_entity

if TYPE_CHECKING:
    import networkx as nx
from sinograph.graph.model.story_query import ENTITY_STORIES, StoryQuery

__all__ = ["EmbeddedStore"]

_BUSY_TIMEOUT_MS = 30_000
_CACHE_KIB = 64 * 1024  # SQLite page cache per connection
# Queries read rows scattered over the file; through a memory map that costs half of
# what read() calls do (BENCHMARKS.md). Touched pages count as resident, so it is capped.
_MMAP_BYTES = 256 * 2**20
_WAL_PAGES = 16_384
_OPEN_CHUNK = 50_000  # fact rows read at a time when building the index
_BULK = 1_000  # records in a delta from which the garbage collector is paused
_PRED_BY_NAME = {p.value: code for p, code in PREDICATE_CODE.items()}


def _has_v1_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'v1_facts'"
        ).fetchone()
        is not None
    )


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting (as every other statement does) while another
    process holds it: switching the journal is one of the few steps for which SQLite
    does not call its busy handler, so two processes opening one new store at the same
    moment made one of them fail with "database is locked"."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class EmbeddedStore:
    """The graph in one SQLite file (``path``), traversed through an in-memory index.

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
        self._index = CompactIndex()
        self._applied: set[int] = set()  # signatures of entity records already merged
        self._trigrams = TrigramIndex()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False
        # Low-confidence fids by threshold, with the revision they were read at.
        self._dropped_cache: dict[float, tuple[int, I32]] = {}
        # Decided once: a store whose files cannot be written is opened for reading only.
        self.read_only = read_only_location(path)
        self._checkpointer = IdleCheckpointer(self._checkpoint)

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
            if self.read_only:
                conn = connect_read_only(self.path, timeout=_BUSY_TIMEOUT_MS / 1000)
            else:
                conn = sqlite3.connect(
                    self.path,
                    timeout=_BUSY_TIMEOUT_MS / 1000,
                    isolation_level=None,
                    check_same_thread=False,
                    cached_statements=256,
                )
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            if not self.read_only:
                _use_wal(conn)
                # NORMAL: a power cut may lose the last commits (never corrupt the file);
                # SECURITY.md says so.
                conn.execute("PRAGMA synchronous = NORMAL")
                # Checkpoint every 64 MB of WAL rather than 4: a bulk load rewrites the same
                # index pages commit after commit, and each checkpoint writes them back
                # (BENCHMARKS.md); the idle checkpointer empties the log once writes pause.
                conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_PAGES}")
            conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            conn.execute("PRAGMA temp_store = MEMORY")
            if self._index.revision >= 0:
                conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        except sqlite3.Error as exc:
            if is_corruption(exc):
                raise StoreCorrupt(self.path, str(exc)) from exc
            if "locked" in str(exc):
                raise StoreUnavailable(
                    f"cannot open store {self.path}: it is busy (another process is opening "
                    f"or writing it): {exc}"
                ) from exc
            raise StoreUnavailable(f"cannot open store {self.path}: {exc}") from exc
        self._local.conn = conn
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    @contextmanager
    def _snapshot(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """A read transaction: every SELECT inside sees one snapshot.

        Queries take it after their traversal, so it holds at least every fact
        the index showed them (the index only ever holds committed data).
        """
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"reading {self.path} failed: {exc}") from exc

    def _fresh(self) -> sqlite3.Connection:
        """A connection, with the index brought up to the database's revision."""
        conn = self._connect()
        self._refresh(conn)
        return conn

    def ensure_schema(self) -> None:
        """Create or migrate the schema and build the traversal index."""
        conn = self._connect()
        try:
            if self.read_only:
                self._check_read_only_schema(conn)
            else:
                migrate(conn)
                self._convert_v1(conn)
        except sqlite3.DatabaseError as exc:
            if is_corruption(exc):
                raise StoreCorrupt(self.path, str(exc)) from exc
            raise StoreUnavailable(f"{self.path} is not a sinograph store: {exc}") from exc
        except RuntimeError as exc:
            raise StoreUnavailable(str(exc)) from exc
        self._refresh(conn)
        # Map the file only now: building the index above reads every fact row once, and
        # mapped pages count in the process's resident memory.
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")

    def _check_read_only_schema(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        if int(row[0] or 0) != SCHEMA_VERSION:
            raise StoreReadOnly(
                f"the store {self.path} is read-only and has schema version {row[0]}, not "
                f"{SCHEMA_VERSION}: open it once where it can be written to upgrade it"
            )

    def health(self) -> StoreHealth:
        conn = self._connect()
        try:
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            if is_corruption(exc):
                raise StoreCorrupt(self.path, str(exc)) from exc
            raise StoreUnavailable(f"reading {self.path} failed: {exc}") from exc
        return StoreHealth(schema_version=int(row[0] or 0), read_only=self.read_only)

    def backup(self, target: str | Path) -> StoreBackup:
        """Write a consistent copy of the store to ``target`` (a new file), also while
        other threads or processes write (see :mod:`graph.stores.embedded.files`)."""
        return backup_file(self._connect(), target, source_path=self.path)

    def _checkpoint(self) -> None:
        """Move committed pages from the write-ahead log into the main file, without
        waiting for readers (what they hold back is moved next time)."""
        if not self._closed and not self.read_only:
            self._connect().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def close(self) -> None:
        self._checkpointer.stop()
        if not self._closed:
            with suppress(GraphError, sqlite3.Error):
                self._checkpoint()
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

    def networkx_graph(self) -> nx.MultiDiGraph:
        """The graph as a networkx ``MultiDiGraph``: nodes are entity ids, each fact one edge
        (key = its row number; attributes: predicate, date ordinals, sources).

        Built on the first call (a few seconds at a million facts) and kept in step
        with every later write; hold no reference across writes from other threads.
        """
        self._fresh()
        return to_networkx(self._index)

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
        """Bring the in-memory index up to the database's revision (other writers included);
        after a curation (a new generation) rebuild it, as on open."""
        index = self._index
        revision = self._db_revision(conn)
        if revision == index.revision:
            return
        with index.lock:
            own = not conn.in_transaction
            if own:
                conn.execute("BEGIN")
            try:
                revision = self._db_revision(conn)
                if revision != index.revision:
                    if index.revision < 0 or _meta_int(conn, "generation") != index.generation:
                        self._rebuild(conn)
                        return
                    self._load_increment(conn, index)
                    index.revision = revision
            finally:
                if own:
                    conn.execute("COMMIT")
            index.compact()

    def _rebuild(self, conn: sqlite3.Connection) -> None:
        """A new index from the database (inside the caller's read or write transaction):
        a curation moved, hid or renamed what the old one holds. Readers holding the old
        index finish on it."""
        fresh = CompactIndex()
        with fresh.lock:
            self._load_increment(conn, fresh, rebuild=True)
            fresh.revision = self._db_revision(conn)
            fresh.generation = _meta_int(conn, "generation")
            fresh.redirects = dict(conn.execute("SELECT id, target FROM redirect").fetchall())
            fresh.compact(force=True)
        self._trigrams = TrigramIndex()
        self._applied = set()
        self._dropped_cache = {}
        self._index = fresh

    def _load_increment(
        self, conn: sqlite3.Connection, index: CompactIndex, *, rebuild: bool = False
    ) -> None:
        rows = conn.execute(
            "SELECT nid, id, name, type FROM entity WHERE nid >= ? ORDER BY nid", (index.n_nodes,)
        ).fetchall()
        if rows:
            index.add_nodes(
                rows[0][0], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows]
            )
        index.add_aliases(
            conn.execute(
                "SELECT rowid, norm, nid FROM alias WHERE rowid > ? ORDER BY rowid",
                (index.alias_rowid,),
            ).fetchall()
        )
        while True:
            facts = conn.execute(
                "SELECT fid, subject, object, predicate, date_start, date_end, valid_from,"
                " valid_until, sort_key, n_sources, kpre, known_from_ord FROM fact WHERE fid >= ?"
                " ORDER BY fid LIMIT ?",
                (index.n_edges, _OPEN_CHUNK),
            ).fetchall()
            if not facts:
                break
            index.add_edges(
                EdgeBatch.from_rows(
                    [(r[0], r[1], r[2], _PRED_BY_NAME[r[3]], *r[4:]) for r in facts]
                ),
                # Many rows (an open): fold them into the CSR at once, not node by node.
                defer=len(facts) >= _OPEN_CHUNK // 2,
            )
            del facts
        if rebuild:
            hidden = conn.execute(
                "SELECT fid, state FROM fact WHERE state IS NOT NULL ORDER BY fid"
            ).fetchall()
            index.set_states([r[0] for r in hidden], [STATE_CODE[r[1]] for r in hidden])
        metrics = conn.execute(
            "SELECT mid, subject FROM metric WHERE mid >= ? ORDER BY mid", (index.n_metrics,)
        ).fetchall()
        if metrics and rebuild:
            # A merge or split may have folded metrics into others: numbers have gaps.
            np.add.at(index.metric_count, np.array([r[1] for r in metrics], np.int64), 1)
            index.n_metrics = int(metrics[-1][0]) + 1
        elif metrics:
            index.add_metrics(metrics[0][0], [r[1] for r in metrics])
        updates = conn.execute(
            "SELECT u.rowid, f.fid, f.date_start, f.date_end, f.valid_from, f.valid_until,"
            " f.sort_key, f.n_sources, f.kpre, f.known_from_ord FROM fact_update u"
            " JOIN fact f ON f.fid = u.fid WHERE u.rowid > ? ORDER BY u.rowid",
            (index.update_rowid,),
        ).fetchall()
        if updates:
            index.update_edges(
                EdgeBatch.from_rows([(r[1], 0, 0, 0, *r[2:]) for r in updates])
            )
            index.update_rowid = updates[-1][0]

    def _apply(self, conn: sqlite3.Connection, staged: Staged) -> None:
        """Apply a committed upsert to the index (or refresh, if another reader got there)."""
        index = self._index
        with index.lock:
            if index.revision == staged.revision - 1:
                index.add_nodes(
                    staged.first_nid, staged.new_nodes, staged.new_names, staged.new_types
                )
                index.add_aliases(staged.aliases)
                index.add_metrics(index.n_metrics, staged.new_metric_subjects)
                index.add_edges(staged.edge_batch())
                index.update_edges(staged.update_batch())
                index.update_rowid = max(index.update_rowid, staged.update_rowid)
                index.revision = staged.revision
                index.compact()
            self._applied.update(staged.signatures)
        self._refresh(conn)

    def _convert_v1(self, conn: sqlite3.Connection) -> None:
        """Copy a version-1 store's tables (renamed ``v1_*`` by the migration) into version 2."""
        if not _has_v1_tables(conn):
            return
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if not _has_v1_tables(conn):
                    # another process opening the same new store converted them while
                    # this one waited for the lock
                    conn.execute("COMMIT")
                    return
                delta = _read_v1(conn)
                staged = None
                if not delta.is_empty():
                    self._refresh(conn)
                    revision = self._db_revision(conn) + 1
                    _, staged = write_delta(conn, self._index, delta, revision, set())
                for table in V1_TABLES:
                    conn.execute(f"DROP TABLE v1_{table}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if staged is not None:
                self._apply(conn, staged)

    # -------------------------------------------------------------------- writes

    def _writable(self, outcome: str) -> sqlite3.Connection:
        """The connection to write on, or StoreReadOnly saying ``outcome``."""
        if self.read_only:
            raise StoreReadOnly(
                f"the store {self.path} is read-only (its files cannot be written): {outcome}"
            )
        return self._connect()

    def _begin_write(self, conn: sqlite3.Connection) -> None:
        """Take SQLite's write lock; another process holding it makes the store busy."""
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(
                f"the store {self.path} is busy (another load is writing): {exc}"
            ) from exc

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        """Write ``delta`` in one transaction, merging with what is stored (see
        graph.model.merge)."""
        conn = self._writable("nothing was written")
        bulk = len(delta.facts) + len(delta.entities) >= _BULK
        with self._write_lock, _collector_paused(bulk):
            self._begin_write(conn)
            try:
                self._refresh(conn)
                revision = self._db_revision(conn) + 1
                # A merged-away entity's id leads to its survivor: a merge survives re-loads.
                delta = redirect_delta(delta, self._index.redirects)
                report, staged = write_delta(conn, self._index, delta, revision, self._applied)
                conn.execute("COMMIT")
            except BaseException as exc:
                conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreUnavailable(f"writing to {self.path} failed: {exc}") from exc
                raise
            self._apply(conn, staged)
        self._checkpointer.touched()
        return report

    # ---------------------------------------------------------------- loading

    @staticmethod
    def _entities_by_nid(conn: sqlite3.Connection, nids: Iterable[int]) -> dict[int, Entity]:
        out: dict[int, Entity] = {}
        for chunk in chunks(sorted(set(nids))):
            for nid, data in conn.execute(
                f"SELECT nid, data FROM entity WHERE nid IN ({marks(len(chunk))})", chunk
            ):
                out[nid] = Entity.model_validate_json(data)
        return out

    def _fact_rows(
        self, conn: sqlite3.Connection, fids: Iterable[int]
    ) -> tuple[dict[int, tuple[Any, ...]], dict[int, list[Any]]]:
        rows: dict[int, tuple[Any, ...]] = {}
        sources: dict[int, list[Any]] = defaultdict(list)
        ids, names = self._index.node_ids, self._index.node_names
        for chunk in chunks(sorted(set(fids))):
            m = marks(len(chunk))
            for fid, key, s, pred, o, date, conf, extra, n, sort_key in conn.execute(
                f"SELECT {FACT_COLUMNS} FROM fact f WHERE f.fid IN ({m})", chunk
            ):
                rows[fid] = (fid, key, ids[s], pred, ids[o], date, conf, extra, n, names[s],
                             names[o], sort_key)
            for source in conn.execute(
                f"SELECT {SOURCE_COLUMNS} FROM fact_source x JOIN story t ON t.sid = x.sid"
                f" WHERE x.fid IN ({m})",
                chunk,
            ):
                sources[source[0]].append(source)
        return rows, sources

    def _fact_views(self, conn: sqlite3.Connection, fids: Iterable[int]) -> dict[int, FactView]:
        rows, sources = self._fact_rows(conn, fids)
        return {fid: fact_view_from_row(row, sources.get(fid, [])) for fid, row in rows.items()}

    @staticmethod
    def _load_stories(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Story]:
        out: dict[str, Story] = {}
        for chunk in chunks(sorted(set(ids))):
            for row in conn.execute(
                "SELECT id, title, publisher, published, url, text_hash FROM story"
                f" WHERE id IN ({marks(len(chunk))})",
                chunk,
            ):
                out[row[0]] = Story(
                    id=row[0], title=row[1], publisher=row[2], published=row[3],
                    url=stored_story_url(row[4]), text_hash=row[5],
                )
        return out

    @staticmethod
    def _metrics(conn: sqlite3.Connection, where: str, args: Sequence[Any]) -> dict[str, Metric]:
        raw: dict[int, tuple[str, dict[str, Any]]] = {}
        for mid, metric_id, data in conn.execute(
            f"SELECT mid, id, data FROM metric WHERE {where}", args
        ):
            raw[mid] = (metric_id, json.loads(data))
        evidence: dict[int, list[dict[str, str | None]]] = defaultdict(list)
        for chunk in chunks(sorted(raw)):
            for mid, story, sentence, extractor in conn.execute(
                "SELECT x.mid, t.id, x.sentence, x.extractor FROM metric_source x"
                f" JOIN story t ON t.sid = x.sid WHERE x.mid IN ({marks(len(chunk))})",
                chunk,
            ):
                evidence[mid].append(
                    {"story_id": story, "sentence": sentence, "extractor": extractor}
                )
        return {
            metric_id: Metric.model_validate({**data, "evidence": evidence.get(mid, [])})
            for mid, (metric_id, data) in raw.items()
        }

    def _metric_items(
        self, conn: sqlite3.Connection, ids: Sequence[str]
    ) -> dict[str, TimelineItem]:
        """Timeline items of metrics, built from their rows (as graph.stores.assemble would)."""
        items: dict[str, TimelineItem] = {}
        index = self._index
        for chunk in chunks(list(ids)):
            m = marks(len(chunk))
            rows = conn.execute(
                f"SELECT mid, id, subject, data FROM metric WHERE id IN ({m})", chunk
            ).fetchall()
            sources: dict[int, list[Any]] = defaultdict(list)
            for source in conn.execute(
                "SELECT x.mid, t.id, x.sentence, t.title, t.publisher, t.published, t.url,"
                " x.extractor FROM metric_source x JOIN story t ON t.sid = x.sid"
                f" WHERE x.mid IN ({marks(len(rows))})",
                [r[0] for r in rows],
            ):
                sources[source[0]].append(source)
            for mid, metric_id, subject, data in rows:
                items[metric_id] = timeline_item(
                    metric_view_from_row(json.loads(data), index.node_names[subject],
                                         sources.get(mid, []))
                )
        return items

    # -------------------------------------------------------------- entities

    def _resolve(self, conn: sqlite3.Connection, ref: str) -> tuple[int, Entity]:
        """The one entity ``ref`` names: an id, else the shared rule of
        :func:`graph.stores.resolver.choose_entity` over this store's search."""
        if not ref or not ref.strip():
            raise InvalidInput("an entity id or name is required")
        ref = self._index.redirects.get(ref, ref)
        nid = self._index.node_of.get(ref)
        if nid is not None:
            return nid, self._entities_by_nid(conn, [nid])[nid]
        entity = choose_entity(ref, self._search(conn, ref, None, RESOLVE_LIMIT, resolving=True))
        return self._index.node_of[entity.id], entity

    def _resolve_ref(self, conn: sqlite3.Connection, ref: str) -> tuple[int, EntityRef]:
        """Like :meth:`_resolve` but only the reference; an id costs no query."""
        index = self._index
        ref = index.redirects.get(ref, ref)
        nid = index.node_of.get(ref)
        if nid is None:
            nid, entity = self._resolve(conn, ref)
            return nid, entity_ref(entity)
        return nid, EntityRef(id=ref, name=index.node_names[nid], type=index.node_types[nid])

    def resolve_entity(self, ref: str) -> Entity:
        conn = self._fresh()
        with self._snapshot(conn):
            return self._resolve(conn, ref)[1]

    def find_entities_by_alias(self, name: str) -> list[Entity]:
        norm = normalize_name(name)
        if not norm:
            return []
        conn = self._fresh()
        with self._snapshot(conn):
            nids = [r[0] for r in conn.execute(
                "SELECT DISTINCT nid FROM alias WHERE norm = ? AND kind = 'alias'", (norm,)
            )]
            found = self._entities_by_nid(conn, nids)
        return sorted(found.values(), key=lambda e: e.id)

    def find_entities_by_aliases(
        self, names: Iterable[str], *, canonical: bool = False, excluding: Iterable[str] = ()
    ) -> dict[str, list[Entity]]:
        norms = sorted({n for n in (normalize_name(x) for x in names) if n})
        if not norms:
            return {}
        skip = frozenset(excluding)
        conn = self._fresh()
        by_norm: dict[str, set[int]] = defaultdict(set)
        rows: Iterable[tuple[str, int, str]]
        with self._snapshot(conn):
            if canonical:
                rows = self._canonical_rows(conn, norms, skip)
            else:
                rows = (
                    row
                    for chunk in chunks(norms)
                    for row in conn.execute(
                        "SELECT a.norm, a.nid, e.id FROM alias a JOIN entity e ON e.nid = a.nid"
                        f" WHERE a.norm IN ({marks(len(chunk))}) AND a.kind = 'alias'",
                        chunk,
                    )
                )
            for norm, nid, eid in rows:
                # ids are enough to choose: only the entities chosen are decoded, not
                # the many that merely share a short form
                if eid not in skip:
                    by_norm[norm].add(nid)
            found = self._entities_by_nid(conn, {n for s in by_norm.values() for n in s})
        return {norm: sorted((found[n] for n in nids if n in found), key=lambda e: e.id)
                for norm, nids in sorted(by_norm.items())}

    def _canonical_rows(
        self, conn: sqlite3.Connection, norms: Sequence[str], skip: frozenset[str]
    ) -> list[tuple[str, int, str]]:
        """``(norm, nid, id)`` of the entities but ``skip`` whose own name's alias row has
        a norm in ``norms``.

        Asking SQLite for the alias rows of ``norms`` and keeping those of the entity's
        own name read every entity sharing a common alias ("Ms Chen": hundreds), so
        the index names the few candidates and SQLite confirms each of them.
        """
        index = self._index
        with index.lock:
            candidates = [
                (nid, index.node_names[nid]) for nid in index.nodes_named(norms)
                if index.node_ids[nid] not in skip
            ]
        wanted = set(norms)
        out: list[tuple[str, int, str]] = []
        for nid, name in candidates:
            norm = normalize_name(name)
            if norm in wanted:  # not a hash collision
                out.extend(conn.execute(
                    "SELECT a.norm, a.nid, e.id FROM alias a JOIN entity e ON e.nid = a.nid"
                    " WHERE a.norm = ? AND a.nid = ? AND a.kind = 'alias' AND a.alias = e.name",
                    (norm, nid),
                ))
        return out

    def get_entity(self, ref: str) -> EntityDetail:
        conn = self._fresh()
        with self._snapshot(conn):
            nid, entity = self._resolve(conn, ref)
            with self._index.lock:
                _, eids = self._index.incident(nid)
                codes = np.bincount(self._index.pred[eids], minlength=len(PREDICATES))
                fids = eids.tolist()
            counts = {
                PREDICATES[c].value: int(codes[c])
                for c in sorted(np.flatnonzero(codes).tolist(), key=lambda c: PREDICATES[c].value)
            }
            metric_total = conn.execute(
                "SELECT COUNT(*) FROM metric WHERE subject = ?", (nid,)
            ).fetchone()[0]
            source_count = conn.execute(
                "SELECT COUNT(DISTINCT sid) FROM ("
                " SELECT sid FROM fact_source WHERE fid IN (SELECT value FROM json_each(?))"
                " UNION SELECT x.sid FROM metric_source x JOIN metric m ON m.mid = x.mid"
                "  WHERE m.subject = ?)",
                (json.dumps(fids), nid),
            ).fetchone()[0]
            stories = story_page(
                conn, StoryQuery(limit=ENTITY_STORIES), entity=(nid, fids)
            ).items
        return EntityDetail(
            entity=entity,
            fact_counts=counts,
            fact_total=sum(counts.values()),
            metric_total=metric_total,
            source_count=source_count,
            stories=stories,
            redirected_from=ref if ref in self._index.redirects else None,
        )

    def list_stories(
        self,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> StoryPage:
        query = StoryQuery.build(
            publisher=publisher, since=since, until=until, entity=entity, cursor=cursor,
            limit=limit,
        )
        conn = self._fresh()
        with self._snapshot(conn):
            scope: tuple[int, list[int]] | None = None
            if query.entity is not None:
                nid, _ = self._resolve(conn, query.entity)
                with self._index.lock:
                    scope = (nid, self._index.incident(nid)[1].tolist())
            return story_page(conn, query, entity=scope)

    def search_entities(self, query: SearchQuery) -> list[EntityMatch]:
        """Id, exact keys (name, alias, Chinese name, ticker, identifier), short forms,
        prefixes, then fuzzy matches, best first.

        Fuzzy candidates are the keys sharing the most character trigrams with
        the query (:mod:`graph.stores.embedded.fuzzy`), scored with
        :func:`graph.model.names.fuzzy_score`; those below the confident score are
        marked ``weak``, those below the weak score left out.
        """
        conn = self._fresh()
        with self._snapshot(conn):
            return self._search(conn, query.text, query.type, query.limit)

    def _search(
        self,
        conn: sqlite3.Connection,
        query: str,
        entity_type: EntityType | None,
        limit: int,
        *,
        resolving: bool = False,
    ) -> list[EntityMatch]:
        """Search inside the caller's snapshot. ``resolving`` stops at the first tier with a
        hit: :func:`choose_entity` never looks further."""
        norm = normalize_name(query)
        if not norm:
            return []
        hits: MatchSet[int] = MatchSet()
        type_filter = entity_type.value if entity_type else None
        types: dict[int, str] = {}

        def typed(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
            rows = list(rows)
            if type_filter is None or not rows:
                return rows
            unknown = sorted({r[0] for r in rows} - types.keys())
            for chunk in chunks(unknown):
                types.update(conn.execute(
                    f"SELECT nid, type FROM entity WHERE nid IN ({marks(len(chunk))})", chunk
                ).fetchall())
            return [r for r in rows if types.get(r[0]) == type_filter]

        asked = query.strip()
        survivor = self._index.redirects.get(asked)
        by_id = self._index.node_of.get(survivor or asked)
        if by_id is not None and typed([(by_id,)]):
            hits.offer_id(by_id, asked, redirected=survivor is not None)
        for nid, alias, kind in typed(conn.execute(
            "SELECT nid, alias, kind FROM alias WHERE norm = ? LIMIT 200", (norm,)
        )):
            hits.offer_exact(nid, alias, kind)
        short = short_form(norm)
        if short and short != norm and hits.wants_short_form:
            for nid, alias, _kind in typed(conn.execute(
                "SELECT nid, alias, kind FROM alias WHERE norm = ? LIMIT 200", (short,)
            )):
                hits.offer_short_form(nid, alias)
        if resolving and hits:
            return self._matches(conn, hits, limit)
        prefix = conn.execute(
            "SELECT nid, alias, norm, kind FROM alias WHERE norm > ? AND norm < ?"
            " ORDER BY length(norm), norm LIMIT 400",
            (norm, norm + "\U0010ffff"),
        ).fetchall()
        for nid, alias, alias_norm, kind in typed(prefix):
            hits.offer_prefix(nid, norm, alias_norm, alias, kind)
        if resolving and hits:
            return self._matches(conn, hits, limit)
        if hits.wants_fuzzy(norm, limit):
            for nid, alias, kind, score in self._fuzzy(conn, norm, limit * 5):
                if typed([(nid,)]):
                    hits.offer_fuzzy(nid, score, alias, kind)
        return self._matches(conn, hits, limit)

    def _matches(
        self, conn: sqlite3.Connection, hits: MatchSet[int], limit: int
    ) -> list[EntityMatch]:
        # The snapshot may hold entities the index has not taken in yet (a writer commits,
        # then updates the index): those are ordered by the id the snapshot gives them.
        ids = self._index.node_ids
        late: dict[int, str] = {}
        for chunk in chunks(sorted(nid for nid in hits.hit_keys() if nid >= len(ids))):
            late.update(
                conn.execute(
                    f"SELECT nid, id FROM entity WHERE nid IN ({marks(len(chunk))})", chunk
                ).fetchall()
            )

        def order(nid: int) -> str:
            return ids[nid] if nid < len(ids) else late.get(nid, "")

        ranked = hits.ranked(order, limit)
        entities = self._entities_by_nid(conn, [nid for nid, _ in ranked])
        return [hit.match(entities[nid]) for nid, hit in ranked if nid in entities]

    def _fuzzy(
        self, conn: sqlite3.Connection, norm: str, limit: int
    ) -> list[tuple[int, str, str, float]]:
        index = self._index
        with index.lock:
            norms = index.alias_norms
            positions = self._trigrams.candidates(norms, short_form(norm) or norm, 500)
            scores = fuzzy_scores(norm, [norms[p] for p in positions])
            scored = [(score, index.alias_rowids[p]) for score, p in zip(scores, positions,
                                                                          strict=True)]
        best = sorted((s for s in scored if s[0] >= WEAK_SCORE), key=lambda s: (-s[0], s[1]))
        best = best[: limit * 2]
        if not best:
            return []
        wanted = [rowid for _, rowid in best]
        found = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(
                f"SELECT rowid, nid, alias, kind FROM alias WHERE rowid IN ({marks(len(wanted))})",
                wanted,
            )
            if r[3] in FUZZY_KINDS
        }
        return [(*found[rowid], score) for score, rowid in best if rowid in found][:limit]

    # ------------------------------------------------------------ traversal

    def paths(self, query: PathQuery) -> PathResult:
        """Up to ``query.k`` shortest paths between two entities, edge direction ignored
        (see :meth:`graph.stores.protocol.GraphStore.paths`), found by the shared
        :class:`~graph.stores.pathfinding.PathSearch` over the compact index.

        >>> import tempfile
        >>> from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
        >>> text = "Acme bought Beta in June 2025. Beta owns Gamma."
        >>> story = Story.from_text(text, publisher="Wire", published="2025-06-30")
        >>> acme, beta, gamma = (Entity(name=n, type="Company") for n in ("Acme", "Beta", "Gamma"))
        >>> said = (Evidence(story_id=story.id, sentence=text),)
        >>> store = EmbeddedStore(tempfile.mkdtemp() + "/g.db"); store.ensure_schema()
        >>> store.upsert(GraphDelta(entities=[acme, beta, gamma], stories=[story], facts=[
        ...     Fact(subject=acme.id, predicate="ACQUIRES", object=beta.id, date="2025-06",
        ...          evidence=said),
        ...     Fact(subject=beta.id, predicate="OWNS", object=gamma.id, evidence=said),
        ... ])).facts_added
        2
        >>> path = store.paths(PathQuery(source="Acme", target="Gamma", max_hops=3)).paths[0]
        >>> [n.name for n in path.nodes], [h.fact.predicate.value for h in path.hops]
        (['Acme', 'Beta', 'Gamma'], ['ACQUIRES', 'OWNS'])
        >>> path.hops[0].fact.sources[0].publisher, path.hops[0].direction
        ('Wire', 'forward')
        >>> store.paths(PathQuery(source="Acme", target="Gamma", until="2024"))
        Traceback (most recent call last):
        ...
        sinograph.graph.model.errors.NoPath: no path between 'Acme' and 'Gamma' within 4 hops
        >>> store.close()
        """
        conn = self._fresh()
        with self._snapshot(conn):
            src_nid, src = self._resolve_ref(conn, query.source)
            dst_nid, dst = self._resolve_ref(conn, query.target)
            _two_ends(src, dst)
            dropped = self._dropped_facts(conn, query.traversal)
        index = self._index
        with index.lock:
            edge_filter = self._edge_filter(query, dropped, keep=(src_nid, dst_nid))
            graph = IndexAdjacency(index, edge_filter)
            node_paths = PathSearch(graph).run(src_nid, dst_nid, max_hops=query.max_hops, k=query.k)
            hop_candidates = [
                [graph.hop_facts(a, b) for a, b in zip(p, p[1:], strict=False)]
                for p in node_paths
            ]
            node_ids = index.node_ids
            id_paths = [[node_ids[n] for n in p] for p in node_paths]
        if src_nid != dst_nid and not node_paths:
            raise NoPath(src.name, dst.name, query.max_hops)
        with self._snapshot(conn):
            ties = {fid for hops in hop_candidates for cands in hops if len(cands) > 1
                    for fid in cands}
            keys = dict(self._keys(conn, ties))
            chosen = [[min(c, key=lambda f: keys.get(f, "")) if len(c) > 1 else c[0]
                       for c in hops] for hops in hop_candidates]
            views = self._fact_views(conn, {fid for hops in chosen for fid in hops})
            refs = self._refs({n for p in id_paths for n in p})
        paths = [
            build_path([refs[n] for n in ids], [views[fid] for fid in fids])
            for ids, fids in zip(id_paths, chosen, strict=True)
        ]
        redirects = {r: self._index.redirects[r] for r in (query.source, query.target)
                     if r in self._index.redirects}
        return PathResult(source=src, target=dst, paths=paths, redirects=redirects)

    def _dropped_facts(self, conn: sqlite3.Connection, traversal: TraversalFilter) -> I32 | None:
        """The fids below the traversal's minimum confidence, sorted (``None``: no minimum).

        Confidence is not part of the in-memory index, so this is one scan of the fact
        table, paid only by a query that sets ``min_confidence`` and kept until the next
        write (a person exploring keeps the same threshold from query to query).
        """
        threshold = traversal.min_confidence
        if threshold is None:
            return None
        revision = self._db_revision(conn)
        cached = self._dropped_cache.get(threshold)
        if cached is not None and cached[0] == revision:
            return cached[1]
        rows = conn.execute(
            "SELECT fid FROM fact WHERE confidence < ? ORDER BY fid", (threshold,)
        ).fetchall()
        dropped = np.array([r[0] for r in rows], np.int32)
        if len(self._dropped_cache) >= 8:
            self._dropped_cache.clear()
        self._dropped_cache[threshold] = (revision, dropped)
        return dropped

    def _edge_filter(
        self, query: PathQuery | NeighbourQuery, dropped: I32 | None, *, keep: Sequence[int]
    ) -> EdgeFilter:
        """The edge filter of a traversal; built with the index lock held, since its node
        mask is sized to the index as it stands."""
        excluded = frozenset(t.value for t in query.traversal.exclude_types)
        node_ok = entity_type_mask(self._index, excluded, keep) if excluded else None
        if query.traversal.max_degree is not None:
            hubs_out = degree_mask(self._index, query.traversal.max_degree, keep)
            node_ok = hubs_out if node_ok is None else node_ok & hubs_out
        return EdgeFilter(
            query.traversal.predicates, query.window, node_ok=node_ok, dropped_facts=dropped
        )

    @staticmethod
    def _keys(conn: sqlite3.Connection, fids: Iterable[int]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for chunk in chunks(sorted(fids)):
            out += conn.execute(
                f"SELECT fid, key FROM fact WHERE fid IN ({marks(len(chunk))})", chunk
            ).fetchall()
        return out

    def _refs(self, ids: Iterable[str]) -> dict[str, EntityRef]:
        index = self._index
        out: dict[str, EntityRef] = {}
        for eid in set(ids):
            nid = index.node_of[eid]
            out[eid] = EntityRef(id=eid, name=index.node_names[nid], type=index.node_types[nid])
        return out

    def neighbors(self, query: NeighbourQuery) -> Subgraph:
        """Entities within ``query.depth`` hops and the facts that join them (nearest first)."""
        conn = self._fresh()
        with self._snapshot(conn):
            center, _ = self._resolve_ref(conn, query.entity)
            dropped = self._dropped_facts(conn, query.traversal)
        index = self._index
        with index.lock:
            edge_filter = self._edge_filter(query, dropped, keep=(center,))
            ranks = index.ranks()
            level_of: dict[int, int] = {center: 0}
            edges: list[I32] = []
            truncated = False
            frontier = np.array([center], np.int32)
            for level in range(1, query.depth + 1):
                if not frontier.shape[0]:
                    break
                frm, nbr, eid = index.expand(frontier)
                ok = edge_filter.admits(index, eid)
                frm, nbr, eid = frm[ok], nbr[ok], eid[ok]
                position = np.full(index.n_nodes, -1, np.int64)
                position[frontier] = np.arange(frontier.shape[0], dtype=np.int64)
                pos = position[frm]
                order = np.lexsort((_ranks_of(index, ranks, nbr), pos))
                admitted: list[int] = []
                room = query.limit - len(level_of)
                for other in _first_seen(nbr[order]):
                    if other in level_of:
                        continue
                    if room <= 0:
                        truncated = True
                        break
                    level_of[other] = level
                    admitted.append(other)
                    room -= 1
                inside = np.fromiter(level_of, np.int64, len(level_of))
                edges.append(eid[np.isin(nbr, inside)])
                frontier = np.array(admitted, np.int32)
            fids = np.unique(np.concatenate(edges)).tolist() if edges else []
            ids = {n: index.node_ids[n] for n in level_of}
        with self._snapshot(conn):
            views = self._fact_views(conn, fids)
            entities = self._entities_by_nid(conn, level_of)
        ranked = sorted(level_of, key=lambda n: (level_of[n], ids[n]))
        return Subgraph(
            entities=[entities[n] for n in ranked],
            facts=sorted(views.values(), key=lambda v: v.key),
            truncated=truncated,
        )

    def subgraph(self, entity_ids: Sequence[str], *, as_of: str | None = None) -> Subgraph:
        """The given entities (ids or names) and every fact among them."""
        window = TimeWindow.build(as_of=as_of)
        conn = self._fresh()
        with self._snapshot(conn):
            nids = sorted({self._resolve(conn, ref)[0] for ref in entity_ids})
        edge_filter = EdgeFilter(None, window)
        index = self._index
        with index.lock:
            frm, nbr, eid = index.expand(np.array(nids, np.int32))
            keep = np.isin(nbr, np.array(nids, np.int64)) & edge_filter.admits(index, eid)
            fids = np.unique(eid[keep]).tolist()
        with self._snapshot(conn):
            views = self._fact_views(conn, fids)
            entities = self._entities_by_nid(conn, nids)
        ordered = sorted(entities.values(), key=lambda e: e.id)
        return Subgraph(entities=ordered, facts=sorted(views.values(), key=lambda v: v.key))

    # -------------------------------------------------------------- timeline

    def timeline(self, query: TimelineQuery) -> TimelinePage:
        """Dated facts and metrics in date order; undated ones in their own section.

        >>> import tempfile
        >>> from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta, Story
        >>> text = "Acme bought Beta in June 2025. Beta owns Gamma."
        >>> story = Story.from_text(text, publisher="Wire", published="2025-06-30")
        >>> acme, beta, gamma = (Entity(name=n, type="Company") for n in ("Acme", "Beta", "Gamma"))
        >>> said = (Evidence(story_id=story.id, sentence=text),)
        >>> store = EmbeddedStore(tempfile.mkdtemp() + "/g.db"); store.ensure_schema()
        >>> _ = store.upsert(GraphDelta(entities=[acme, beta, gamma], stories=[story], facts=[
        ...     Fact(subject=acme.id, predicate="ACQUIRES", object=beta.id, date="2025-06",
        ...          evidence=said),
        ...     Fact(subject=beta.id, predicate="OWNS", object=gamma.id, evidence=said),
        ... ]))
        >>> page = store.timeline(TimelineQuery(entity="Beta"))
        >>> [(item.date, item.fact.predicate.value) for item in page.items if item.fact]
        [('2025-06', 'ACQUIRES')]
        >>> [item.fact.predicate.value for item in page.undated if item.fact]
        ['OWNS']
        >>> store.timeline(TimelineQuery(entity="Beta", since="2026")).items
        []
        >>> store.close()

        A partial date sorts at the start of its period (``2025`` before
        ``2025-03-01``) and keeps its precision in the output. The first page
        also carries the first undated items; ``next_cursor`` pages through the
        dated ones and ``undated_next_cursor`` through the undated ones. The facts
        of a page are picked in memory (sort key, then key prefix), so a hub costs
        no more than a leaf; metrics come from SQLite.
        """
        conn = self._fresh()
        ref: EntityRef | None = None
        nid: int | None = None
        if query.entity:
            with self._snapshot(conn):
                nid, ref = self._resolve_ref(conn, query.entity)
        index = self._index
        with index.lock:
            if nid is not None:
                _, eids = index.incident(nid)
            else:
                eids = index.visible(np.arange(index.n_edges, dtype=np.int32))
            if query.predicates is not None:
                eids = eids[EdgeFilter(query.predicates, TimeWindow()).admits(index, eids)]
            sort_keys = index.sort_key[eids]
            dated = sort_keys != NONE
            undated_fids = eids[~dated] if query.wants_undated else eids[:0]
            eids, sort_keys = eids[dated], sort_keys[dated]
            dated_fids: list[int] = []
            if query.wants_dated:
                dated_fids = self._dated_pick(eids, sort_keys, query)
            undated_total = int(undated_fids.shape[0])
            undated_pick = self._undated_pick(undated_fids, query)
        with self._snapshot(conn):
            rows, sources = self._fact_rows(conn, [*dated_fids, *undated_pick])
            dated_items: list[tuple[int, str, str]] = []  # (sort key, id, kind)
            for fid in dated_fids:
                row = rows[fid]
                if query.cursor is not None and (row[11], row[1]) <= query.cursor:
                    continue
                dated_items.append((row[11], row[1], "fact"))
            after = query.undated_after
            undated_ids = sorted(
                rows[f][1] for f in undated_pick if after is None or rows[f][1] > after
            )
            fact_by_key = {rows[f][1]: f for f in [*dated_fids, *undated_pick]}
            # Most entities have no metric: the index counts them, so skip those queries.
            has_metrics = index.n_metrics > 0 if nid is None else index.metric_count[nid] > 0
            if query.predicates is None and has_metrics:
                if query.wants_dated:
                    dated_items += self._metric_page(conn, nid, query)
                if query.wants_undated:
                    total, ids = self._undated_metrics(conn, nid, after, query.limit + 1)
                    undated_total += total
                    undated_ids = sorted([*undated_ids, *ids])
            dated_items.sort()
            more = len(dated_items) > query.limit
            dated_items = dated_items[: query.limit]
            more_undated = len(undated_ids) > query.limit
            undated_ids = undated_ids[: query.limit]
            metric_ids = [i for _, i, kind in dated_items if kind == "metric"]
            metric_ids += [i for i in undated_ids if i not in fact_by_key]
            metric_items = self._metric_items(conn, metric_ids)

            def item(item_id: str) -> TimelineItem | dict[str, Any]:
                fid = fact_by_key.get(item_id)
                if fid is None:
                    return metric_items[item_id]
                view = fact_view_data(rows[fid], sources.get(fid, []))
                return {"kind": "fact", "date": view["date"],
                        "date_precision": view["date_precision"], "fact": view}

            items = [item(i) for _, i, _ in dated_items]
            undated = [item(i) for i in undated_ids]
        next_cursor = None
        if more and dated_items:
            last = dated_items[-1]
            next_cursor = encode_cursor(int(last[0]), last[1])
        # The page is validated in one call: a hub's page holds a hundred facts with
        # hundreds of sources, and one call is about half the cost of one per fact.
        return TimelinePage.model_validate({
            "entity": ref,
            "items": items,
            "undated": undated,
            "undated_total": undated_total,
            "next_cursor": next_cursor,
            "undated_next_cursor": (
                encode_cursor(UNDATED_POSITION, undated_ids[-1]) if more_undated else None
            ),
            "redirected_from": query.entity if query.entity in index.redirects else None,
        })

    def _dated_pick(self, eids: I32, sort_keys: I32, query: TimelineQuery) -> list[int]:
        """The dated facts that may be on this page (call with the index locked)."""
        index = self._index
        w = query.window
        keep = np.ones(eids.shape[0], np.bool_)
        if w.since_ordinal is not None:
            keep &= index.date_end[eids] >= w.since_ordinal
        if w.until_ordinal is not None:
            keep &= index.date_start[eids] <= w.until_ordinal
        unsure = 0
        if query.cursor is not None:
            position, after = query.cursor
            same = sort_keys == position
            prefix = _fact_key_prefix(after)
            if prefix is None:
                # Not a fact key: every fact key ("fact:...") is after it or none is.
                keep &= (sort_keys > position) | (same & (after < "fact:"))
            else:
                prefixes = index.kpre[eids]
                keep &= (sort_keys > position) | (same & (prefixes >= prefix))
                unsure = int((same & (prefixes == prefix)).sum())
        eids, sort_keys = eids[keep], sort_keys[keep]
        return _smallest(
            eids, sort_keys.astype(np.int64) << 39 | index.kpre[eids] >> 21,
            query.limit + 1 + unsure,
        )

    def _undated_pick(self, fids: I32, query: TimelineQuery) -> list[int]:
        """The undated facts that may be on this page, in key order (index locked)."""
        if not fids.shape[0]:
            return []
        index = self._index
        after = query.undated_after
        prefixes = index.kpre[fids]
        unsure = 0
        if after is not None:
            prefix = _fact_key_prefix(after)
            if prefix is None:
                if after >= "fact:":
                    return []  # a metric id: every fact key comes before it
            else:
                keep = prefixes >= prefix
                unsure = int((prefixes == prefix).sum())
                fids, prefixes = fids[keep], prefixes[keep]
        return _smallest(fids, prefixes, query.limit + 1 + unsure)

    def _metric_page(
        self, conn: sqlite3.Connection, nid: int | None, query: TimelineQuery
    ) -> list[tuple[int, str, str]]:
        where: list[str] = ["sort_key IS NOT NULL"]
        args: list[Any] = []
        if nid is not None:
            where.append("subject = ?")
            args.append(nid)
        w = query.window
        if w.since_ordinal is not None:
            where.append("sort_key >= ?")
            args.append(w.since_ordinal * 3)
        if w.until_ordinal is not None:
            where.append("sort_key < ?")
            args.append((w.until_ordinal + 1) * 3)
        if query.cursor is not None:
            position, after = query.cursor
            where.append("(sort_key > ? OR (sort_key = ? AND id > ?))")
            args += [position, position, after]
        rows = conn.execute(
            f"SELECT sort_key, id FROM metric WHERE {' AND '.join(where)}"
            " ORDER BY sort_key, id LIMIT ?",
            [*args, query.limit + 1],
        ).fetchall()
        return [(r[0], r[1], "metric") for r in rows]

    @staticmethod
    def _undated_metrics(
        conn: sqlite3.Connection, nid: int | None, after: str | None, limit: int
    ) -> tuple[int, list[str]]:
        """How many undated metrics there are, and the first ``limit`` ids after ``after``."""
        where, args = "sort_key IS NULL", list[Any]()
        if nid is not None:
            where += " AND subject = ?"
            args.append(nid)
        total = conn.execute(f"SELECT COUNT(*) FROM metric WHERE {where}", args).fetchone()[0]
        if after is not None:
            where += " AND id > ?"
            args.append(after)
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM metric WHERE {where} ORDER BY id LIMIT ?", [*args, limit]
        )]
        return int(total), ids

    # --------------------------------------------------------------- misc

    def get_fact(self, key: str) -> FactView:
        """One fact with every source, by its key or by a key it had before its date was
        refined or its entity merged (the answer carries the current key); a rejected fact
        is shown too, marked ``rejected``."""
        conn = self._fresh()
        index = self._index
        with self._snapshot(conn):
            with index.lock:
                fid = fact_row_of(conn, index, key)
            view = self._fact_views(conn, [fid])[fid]
        if index.state[fid] == REJECTED:
            view = view.model_copy(update={"rejected": True})
        return view

    def get_story(self, story_id: str) -> StoryView:
        """One story and what was read from it.

        The facts and metrics are found through their evidence rows (one scan of the
        evidence tables, which are indexed by fact, not by story).
        """
        conn = self._fresh()
        with self._snapshot(conn):
            row = conn.execute(
                "SELECT sid, id, title, publisher, published, url FROM story WHERE id = ?",
                (story_id,),
            ).fetchone()
            if row is None:
                raise StoryNotFound(story_id)
            sid = row[0]
            fids = [r[0] for r in conn.execute(
                "SELECT DISTINCT fid FROM fact_source WHERE sid = ?", (sid,)
            )]
            fids = self._index.visible(np.array(fids, np.int32)).tolist()
            metric_ids = [r[0] for r in conn.execute(
                "SELECT DISTINCT m.id FROM metric_source x JOIN metric m ON m.mid = x.mid"
                " WHERE x.sid = ?",
                (sid,),
            )]
            views = self._fact_views(conn, fids)
            metrics = self._metric_items(conn, metric_ids)
        return StoryView(
            id=row[1], title=row[2], publisher=row[3], published=row[4],
            url=stored_story_url(row[5]),
            facts=sorted(views.values(), key=lambda v: v.key),
            metrics=[metrics[m].metric for m in sorted(metrics) if metrics[m].metric is not None],
        )

    def stats(self) -> GraphStats:
        conn = self._fresh()
        with self._snapshot(conn):

            def count(sql: str) -> int:
                return int(conn.execute(sql).fetchone()[0])

            return GraphStats(
                entities=count("SELECT COUNT(*) FROM entity WHERE merged_into IS NULL"),
                # Facts and sources are never deleted, so their row numbers count them, less
                # the hidden ones (rejected or retired: few, and indexed).
                facts=count("SELECT COALESCE(MAX(fid), -1) + 1 FROM fact")
                - count("SELECT COUNT(*) FROM fact WHERE state IS NOT NULL"),
                stories=count("SELECT COUNT(*) FROM story"),
                metrics=count("SELECT COUNT(*) FROM metric"),
                sources=count("SELECT COALESCE(MAX(rowid), 0) FROM fact_source")
                - count("SELECT COUNT(*) FROM fact_source WHERE fid IN"
                        " (SELECT fid FROM fact WHERE state IS NOT NULL)"),
                by_label=dict(
                    conn.execute(
                        "SELECT type, COUNT(*) FROM entity WHERE merged_into IS NULL"
                        " GROUP BY type ORDER BY type"
                    ).fetchall()
                ),
                by_predicate=dict(
                    conn.execute(
                        "SELECT predicate, COUNT(*) FROM fact WHERE state IS NULL"
                        " GROUP BY predicate ORDER BY predicate"
                    ).fetchall()
                ),
                by_publisher=dict(
                    conn.execute(
                        "SELECT COALESCE(publisher, '(unknown)'), COUNT(*) FROM story"
                        " GROUP BY 1 ORDER BY 1"
                    ).fetchall()
                ),
            )

    def export_delta(self, *, as_of: str | None = None) -> GraphDelta:
        """Everything stored, as one delta (lossless: loading it elsewhere gives this graph)."""
        window = TimeWindow.build(as_of=as_of)
        conn = self._fresh()
        with self._snapshot(conn):
            stories = self._load_stories(conn, [r[0] for r in conn.execute("SELECT id FROM story")])
            entities = [Entity.model_validate_json(r[0]) for r in conn.execute(
                "SELECT data FROM entity WHERE merged_into IS NULL ORDER BY id")]
            fids = [r[0] for r in conn.execute(
                "SELECT fid FROM fact WHERE state IS NULL OR state = 'rejected'")]
            facts = sorted(load_facts(conn, fids).values(), key=lambda f: f.key)
            metrics = self._metrics(conn, "1", [])
            curation = self._curation_export(conn)
        if not window.is_open:
            facts = [f for f in facts if _admitted(window, f, stories)]
        return GraphDelta(
            stories=tuple(stories[s] for s in sorted(stories)),
            entities=tuple(entities),
            facts=tuple(facts),
            metrics=tuple(metrics[m] for m in sorted(metrics)),
            curation=None if curation.is_empty() else curation,
        )

    # ------------------------------------------------------------- curation

    def _curate(
        self,
        work: Callable[[sqlite3.Connection, CompactIndex, int], CurationRecord | None],
        *,
        in_place: Callable[[CompactIndex], None] | None = None,
    ) -> CurationRecord | None:
        """Run one curation in a write transaction, log its record, and start a new index
        generation (others rebuild their index on their next read). This process
        rebuilds its own too, unless ``in_place`` can bring it up to date: a change of
        facts' states only (a rejection or a restore), applied under the index lock."""
        conn = self._writable("nothing was changed")
        with self._write_lock:
            self._begin_write(conn)
            try:
                self._refresh(conn)
                revision = self._db_revision(conn) + 1
                generation = self._index.generation
                record = work(conn, self._index, revision)
                if record is not None:
                    write_log(conn, [record])
                conn.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
                conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1"
                             " WHERE key = 'generation'")
                conn.execute("COMMIT")
            except BaseException as exc:
                conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreUnavailable(f"writing to {self.path} failed: {exc}") from exc
                raise
            index = self._index
            if in_place is not None:
                with index.lock:
                    if index.revision == revision - 1 and index.generation == generation:
                        in_place(index)
                        index.revision, index.generation = revision, generation + 1
            self._refresh(conn)
        self._checkpointer.touched()
        return record

    def _nid(self, conn: sqlite3.Connection, ref: str) -> int:
        return self._resolve(conn, ref)[0]

    def reject_fact(self, key: str, curator: Curator) -> CurationRecord:
        return self._set_state(key, curator, reject=True)

    def restore_fact(self, key: str, curator: Curator) -> CurationRecord:
        return self._set_state(key, curator, reject=False)

    def _set_state(self, key: str, curator: Curator, *, reject: bool) -> CurationRecord:
        rows: list[int] = []

        def work(conn: sqlite3.Connection, index: CompactIndex, _rev: int) -> CurationRecord:
            record, fid = reject_or_restore(conn, index, key, curator, reject)
            rows.append(fid)
            return record

        state = REJECTED if reject else SHOWN
        record = self._curate(
            work, in_place=lambda index: index.restate(rows, [state] * len(rows))
        )
        assert record is not None
        return record

    def rejected_facts(self, *, limit: int = 100) -> list[FactView]:
        if not 1 <= limit <= 1000:
            raise InvalidInput(f"limit must be between 1 and 1000, got {limit}")
        conn = self._fresh()
        with self._snapshot(conn):
            fids = [r[0] for r in conn.execute(
                "SELECT fid FROM fact WHERE state = 'rejected' ORDER BY key LIMIT ?", (limit,))]
            views = self._fact_views(conn, fids)
        return [views[f].model_copy(update={"rejected": True}) for f in fids if f in views]

    def merge_entities(self, source: str, target: str, curator: Curator) -> CurationRecord:
        def work(conn: sqlite3.Connection, index: CompactIndex, revision: int) -> CurationRecord:
            return merge_entities(conn, index, revision, self._nid(conn, source),
                                  self._nid(conn, target), curator)

        record = self._curate(work)
        assert record is not None
        return record

    def split_entity(
        self, entity: str, alias: str, curator: Curator, *, name: str | None = None
    ) -> CurationRecord:
        def work(conn: sqlite3.Connection, index: CompactIndex, revision: int) -> CurationRecord:
            return split_entity(conn, index, revision, self._nid(conn, entity), alias, name,
                                curator)

        record = self._curate(work)
        assert record is not None
        return record

    def edit_entity(self, entity: str, edit: EntityEdit, curator: Curator) -> CurationRecord:
        def work(conn: sqlite3.Connection, index: CompactIndex, revision: int) -> CurationRecord:
            return edit_entity(conn, index, revision, self._nid(conn, entity), edit, curator)

        record = self._curate(work)
        assert record is not None
        return record

    def curation_log(
        self,
        *,
        entity: str | None = None,
        fact: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> CurationPage:
        conn = self._fresh()
        with self._snapshot(conn):
            ids: list[str] = []
            if entity is not None:
                ids = [entity]
                if entity not in self._index.redirects and entity not in self._index.node_of:
                    ids = [self._resolve(conn, entity)[1].id]
            return log_page(conn, ids=ids, fact=fact, cursor=cursor, limit=limit)

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        self._fresh()
        known = self._index.redirects
        return {i: known[i] for i in ids if i in known}

    def curation_export(self) -> CurationExport:
        conn = self._fresh()
        with self._snapshot(conn):
            return self._curation_export(conn)

    @staticmethod
    def _curation_export(conn: sqlite3.Connection) -> CurationExport:
        return CurationExport(
            log=tuple(CurationRecord.model_validate_json(r[0])
                      for r in conn.execute("SELECT data FROM curation ORDER BY seq")),
            redirects=dict(conn.execute("SELECT id, target FROM redirect ORDER BY id").fetchall()),
            rejected=tuple(r[0] for r in conn.execute(
                "SELECT key FROM fact WHERE state = 'rejected' ORDER BY key")),
        )

    def import_curation(self, section: CurationExport) -> int:
        added = 0

        def work(conn: sqlite3.Connection, index: CompactIndex, revision: int) -> None:
            nonlocal added
            for old, new in sorted(section.redirects.items()):
                gone = index.node_of.get(old)
                survivor = index.node_of.get(final_target(section.redirects, new))
                if (gone is not None and survivor is not None and gone != survivor
                        and old not in index.redirects):
                    # The section's log holds the merge's record; this only redoes it.
                    merge_entities(conn, index, revision, gone, survivor,
                                   Curator(actor=LOADER, reason="imported"))
                    self._refresh_within(conn, revision)
                    index = self._index
                elif old not in index.node_of:
                    conn.execute("INSERT OR IGNORE INTO redirect(id, target) VALUES (?, ?)",
                                 (old, final_target(section.redirects, new)))
            for key in section.rejected:
                try:
                    fid = fact_row_of(conn, index, key)
                except FactNotFound:
                    continue
                conn.execute("UPDATE fact SET state = 'rejected' WHERE fid = ?"
                             " AND state IS NULL", (fid,))
            added = write_log(conn, section.log)

        self._curate(work)
        return added

    def _refresh_within(self, conn: sqlite3.Connection, revision: int) -> None:
        """Rebuild the index inside a curation's transaction, after one step of several
        (an import that redoes merges)."""
        conn.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
        self._rebuild(conn)
        # Provisional: what the curation does after this step (rejections, the log) is not
        # in it, so the refresh after the commit must rebuild again, whatever the revision.
        self._index.revision = -1


def _meta_int(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def _two_ends(source: EntityRef, target: EntityRef) -> None:
    if source.id == target.id:
        raise InvalidInput(
            f"source and target are the same entity ({source.name}, {source.id});"
            " a path joins two different entities"
        )


def _admitted(window: TimeWindow, fact: Fact, stories: dict[str, Story]) -> bool:
    """The as-of rule of an export, on a fact and its stories (as the index applies it)."""
    known = earliest_published(fact, {i: s.published for i, s in stories.items()})
    return window.admits(
        *ordinals(fact), known_from=partial_date_ordinal(known) if known else None
    )


def _ranks_of(index: CompactIndex, ranks: IntArray, nodes: I32) -> IntArray:
    """Rank of each node by id; nodes newer than the ranks sort by their id string."""
    if not nodes.shape[0] or int(nodes.max()) < ranks.shape[0]:
        return ranks[nodes]
    ids = index.node_ids
    unique = np.unique(nodes)
    order = sorted(unique.tolist(), key=ids.__getitem__)
    position = np.empty(int(unique.max()) + 1, np.int64)
    position[np.array(order, np.int64)] = np.arange(len(order), dtype=np.int64)
    return position[nodes]


@contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large delta is merged.

    A bulk write allocates hundreds of thousands of short-lived row tuples; each
    full collection would walk every object in the process (a quarter of the
    load time in BENCHMARKS.md). Nothing written here forms a cycle, so the
    pause only postpones work; the previous state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    if pause and was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if pause and was_enabled:
            gc.enable()


def _fact_key_prefix(value: str) -> int | None:
    if not value.startswith("fact:") or len(value) < 20:
        return None
    try:
        return key_prefix(value)
    except ValueError:
        return None


def _first_seen(values: I32) -> list[int]:
    """Distinct values in order of first appearance."""
    if not values.shape[0]:
        return []
    _, first = np.unique(values, return_index=True)
    return [int(v) for v in values[np.sort(first)].tolist()]


def _smallest(fids: I32, order_keys: IntArray, count: int) -> list[int]:
    """The ``count`` fids with the smallest keys, plus any tied with the last of them."""
    if fids.shape[0] <= count:
        return [int(f) for f in fids.tolist()]
    bound = np.partition(order_keys, count - 1)[count - 1]
    return [int(f) for f in fids[order_keys <= bound].tolist()]


def _read_v1(conn: sqlite3.Connection) -> GraphDelta:
    """The content of a version-1 store (tables renamed ``v1_*``) as one delta."""
    stories = [
        Story(
            id=r[0], title=r[1], publisher=r[2], published=r[3], url=stored_story_url(r[4]),
            text_hash=r[5],
        )
        for r in conn.execute(
            "SELECT id, title, publisher, published, url, text_hash FROM v1_stories"
        )
    ]
    entities = [Entity.model_validate_json(r[0]) for r in conn.execute(
        "SELECT data FROM v1_entities ORDER BY seq, id")]
    evidence: dict[str, list[dict[str, str]]] = defaultdict(list)
    for key, story, sentence in conn.execute(
        "SELECT fact_key, story_id, sentence FROM v1_evidence"
    ):
        evidence[key].append({"story_id": story, "sentence": sentence})
    facts = [
        Fact.model_validate({**json.loads(data), "evidence": evidence.get(key, [])})
        for key, data in conn.execute("SELECT key, data FROM v1_facts ORDER BY seq, key")
    ]
    metric_evidence: dict[str, list[dict[str, str]]] = defaultdict(list)
    for mid, story, sentence in conn.execute(
        "SELECT metric_id, story_id, sentence FROM v1_metric_evidence"
    ):
        metric_evidence[mid].append({"story_id": story, "sentence": sentence})
    metrics = [
        Metric.model_validate({**json.loads(data), "evidence": metric_evidence.get(mid, [])})
        for mid, data in conn.execute("SELECT id, data FROM v1_metrics ORDER BY seq, id")
    ]
    return GraphDelta(stories=stories, entities=entities, facts=facts, metrics=metrics)



# A damaged file can surface in any read; every public verb reports it as StoreCorrupt.
for _verb in (
    "ensure_schema", "upsert", "resolve_entity", "find_entities_by_alias", "get_entity",
    "search_entities", "neighbors", "paths", "timeline", "get_fact", "get_story", "subgraph",
    "stats", "export_delta", "health", "backup", "reject_fact", "restore_fact",
    "rejected_facts", "merge_entities", "split_entity", "find_entities_by_aliases",
    "edit_entity", "curation_log", "redirects", "curation_export", "import_curation",
):
    setattr(EmbeddedStore, _verb, corruption_guarded(getattr(EmbeddedStore, _verb)))
