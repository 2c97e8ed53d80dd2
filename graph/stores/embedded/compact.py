"""The embedded store's traversal index: integer ids and numpy arrays.

Entities are numbered (``nid``, their row number in SQLite) and so are facts
(``fid``). Every fact is one edge whose traversal attributes live in parallel
arrays indexed by ``fid``: endpoints, predicate code, date ordinals (including
``known_from``, the publication day of its earliest source), number of sources
and a 60-bit prefix of its key (so that key order and key look-ups need no
strings in memory). A fact's date, and with it its key, may be refined by a
later, more precise record; the arrays are updated in place. Adjacency, both
directions, is a CSR (offsets, neighbour, edge) built in bulk, plus a small
per-node overflow for edges added since, so a write never rebuilds the CSR on
the spot.

At a million facts this is about 70 bytes an edge, against about 1 KB in a
networkx ``MultiDiGraph`` (see BENCHMARKS.md); :func:`to_networkx` still gives
the MultiDiGraph for export or networkx's algorithms.

Every read and write of the arrays happens under :attr:`CompactIndex.lock`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.ontology import DURATIVE_PREDICATES, EntityType, Predicate
from sinograph.graph.model.queries import TimeWindow

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "NONE",
    "REJECTED",
    "RETIRED",
    "SHOWN",
    "STATE_CODE",
    "PREDICATES",
    "PREDICATE_CODE",
    "CompactIndex",
    "EdgeBatch",
    "EdgeFilter",
    "degree_mask",
    "entity_type_mask",
    "key_prefix",
    "to_networkx",
]

IntArray = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]

NONE = -(2**31)  # a missing ordinal in the int32 columns
SHOWN, REJECTED, RETIRED = 0, 1, 2  # an edge's curation state (CompactIndex.state)
STATE_CODE = {None: SHOWN, "rejected": REJECTED, "retired": RETIRED}
PREDICATES: tuple[Predicate, ...] = tuple(Predicate)
PREDICATE_CODE: dict[Predicate, int] = {p: i for i, p in enumerate(PREDICATES)}
_CLOSABLE = np.array(
    [p in DURATIVE_PREDICATES or p is Predicate.LIFTS_BAN for p in PREDICATES], dtype=np.bool_
)
_TYPES = {t.value: t.value for t in EntityType}  # one shared string per type
_RANK_SLACK = 0.02  # rebuild node ranks once this share of nodes is unranked
_CSR_SLACK = 0.10  # rebuild the CSR once this share of edges sits in the overflow
_CSR_MIN_OVERFLOW = 20_000


def key_prefix(key: str) -> int:
    """The first 60 bits of a fact key's hex digest: same order as the keys themselves.

    >>> key_prefix("fact:00000000000000100000") < key_prefix("fact:00000000000000200000")
    True
    """
    return int(key[5:20], 16)


@dataclass(frozen=True, slots=True)
class EdgeBatch:
    """Traversal columns of some facts, as written to or read from SQLite."""

    fid: I32
    src: I32
    dst: I32
    pred: npt.NDArray[np.int8]
    date_start: I32
    date_end: I32
    valid_from: I32
    valid_until: I32
    sort_key: I32
    n_sources: I32
    kpre: IntArray
    known_from: I32

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[object]]) -> EdgeBatch:
        """From ``(fid, src, dst, pred_code, date_start, date_end, valid_from, valid_until,
        sort_key, n_sources, kpre, known_from)`` tuples; ``None`` ordinals become
        :data:`NONE`."""
        cols = list(zip(*rows, strict=True)) if rows else [()] * 12

        def col(i: int, dtype: type) -> npt.NDArray[np.generic]:
            values = cols[i]
            if dtype is np.int32 and i in (4, 5, 6, 7, 8, 11):
                return np.array([NONE if v is None else v for v in values], dtype=np.int32)
            return np.array(values, dtype=dtype)

        return cls(
            fid=col(0, np.int32).astype(np.int32),
            src=col(1, np.int32).astype(np.int32),
            dst=col(2, np.int32).astype(np.int32),
            pred=col(3, np.int8).astype(np.int8),
            date_start=col(4, np.int32).astype(np.int32),
            date_end=col(5, np.int32).astype(np.int32),
            valid_from=col(6, np.int32).astype(np.int32),
            valid_until=col(7, np.int32).astype(np.int32),
            sort_key=col(8, np.int32).astype(np.int32),
            n_sources=col(9, np.int32).astype(np.int32),
            kpre=col(10, np.int64).astype(np.int64),
            known_from=col(11, np.int32).astype(np.int32),
        )


class EdgeFilter:
    """Which edges a traversal may use: a predicate set, a time window and, when asked,
    the entities it may enter and the facts it may not use (low confidence), vectorised.

    The same rule as :meth:`graph.model.queries.TimeWindow.admits` (undated facts kept; as of a
    date, a fact with neither ``valid_from`` nor a date starts when its earliest source
    was published).
    """

    def __init__(
        self,
        predicates: frozenset[Predicate] | None,
        window: TimeWindow,
        *,
        node_ok: Mask | None = None,
        dropped_facts: I32 | None = None,
    ) -> None:
        """``node_ok`` (indexed by node number) marks the entities a traversal may enter;
        ``dropped_facts`` lists, sorted, the fids it may not use (low confidence)."""
        self.pred_ok: Mask | None = None
        if predicates is not None:
            ok = np.zeros(len(PREDICATES), dtype=np.bool_)
            for p in predicates:
                ok[PREDICATE_CODE[p]] = True
            self.pred_ok = ok
        self.since = window.since_ordinal
        self.until = window.until_ordinal
        self.as_of = window.as_of_ordinal
        self.node_ok = node_ok
        self.dropped = dropped_facts if dropped_facts is not None and dropped_facts.size else None
        self.is_open = (
            self.pred_ok is None and window.is_open and node_ok is None and self.dropped is None
        )

    def admits(self, index: CompactIndex, eids: I32) -> Mask:
        """A mask over ``eids``: which of these edges pass the filter."""
        ok = np.ones(eids.shape[0], dtype=np.bool_)
        if self.is_open:
            return ok
        if self.pred_ok is not None:
            ok &= self.pred_ok[index.pred[eids]]
        if self.since is not None or self.until is not None:
            start = index.date_start[eids]
            undated = start == NONE
            if self.since is not None:
                ok &= undated | (index.date_end[eids] >= self.since)
            if self.until is not None:
                ok &= undated | (start <= self.until)
        if self.as_of is not None:
            start = index.valid_from[eids]
            start = np.where(start == NONE, index.date_start[eids], start)
            start = np.where(start == NONE, index.known_from[eids], start)
            ok &= (start == NONE) | (start <= self.as_of)
            until = index.valid_until[eids]
            ok &= (until == NONE) | (until > self.as_of)
        if self.dropped is not None:
            ok &= ~np.isin(eids, self.dropped, assume_unique=False)
        if self.node_ok is not None:
            ok &= self.node_ok[index.src[eids]] & self.node_ok[index.dst[eids]]
        return ok


def entity_type_mask(index: CompactIndex, excluded: frozenset[str], keep: Sequence[int]) -> Mask:
    """Which nodes a traversal may enter: those whose label is not excluded, and ``keep``.

    One pass over the node labels (about 60 ms a million nodes), paid only by a query
    that excludes labels.
    """
    mask: Mask = np.fromiter(
        (t not in excluded for t in index.node_types), np.bool_, count=index.n_nodes
    )
    mask[list(keep)] = True
    return mask


def degree_mask(index: CompactIndex, max_degree: int, keep: Sequence[int]) -> Mask:
    """Which nodes a traversal may enter: those with at most ``max_degree`` facts, and
    ``keep``. One pass over the edge ends, paid only by a query that sets a maximum."""
    m, n = index.n_edges, index.n_nodes
    shown = index.visible(np.arange(m, dtype=np.int32))
    degree = (np.bincount(index.src[shown], minlength=n)
              + np.bincount(index.dst[shown], minlength=n))
    mask: Mask = degree[:n] <= max_degree
    mask[list(keep)] = True
    return mask


def _grow(array: npt.NDArray[np.generic], size: int) -> npt.NDArray[np.generic]:
    if array.shape[0] >= size:
        return array
    bigger = np.empty(max(size, int(array.shape[0] * 1.5) + 1024), dtype=array.dtype)
    bigger[: array.shape[0]] = array
    return bigger


class CompactIndex:
    """Nodes, edges and adjacency of the graph; see the module doc."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.revision = -1
        self.node_ids: list[str] = []
        self.node_of: dict[str, int] = {}
        self.node_names: list[str] = []
        self.node_types: list[str] = []
        self.n_metrics = 0
        self.metric_count: I32 = np.empty(0, np.int32)  # metrics per node
        self.n_edges = 0
        self.src: I32 = np.empty(0, np.int32)
        self.dst: I32 = np.empty(0, np.int32)
        self.pred: npt.NDArray[np.int8] = np.empty(0, np.int8)
        self.date_start: I32 = np.empty(0, np.int32)
        self.date_end: I32 = np.empty(0, np.int32)
        self.valid_from: I32 = np.empty(0, np.int32)
        self.valid_until: I32 = np.empty(0, np.int32)
        self.sort_key: I32 = np.empty(0, np.int32)
        self.n_sources: I32 = np.empty(0, np.int32)
        self.kpre: IntArray = np.empty(0, np.int64)
        self.known_from: I32 = np.empty(0, np.int32)
        # Curation state per edge: SHOWN, REJECTED or RETIRED (graph.stores.embedded.schema
        # v5); hidden edges stay in the arrays but never in the adjacency.
        self.state: npt.NDArray[np.int8] = np.empty(0, np.int8)
        self.n_hidden = 0
        # Merged-away entity id -> survivor id, and the curation generation indexed.
        self.redirects: dict[str, str] = {}
        self.generation = 0
        self.degree: I32 = np.empty(0, np.int32)
        # CSR over edges [0, _csr_edges) and nodes [0, _csr_nodes).
        self._ptr: IntArray = np.zeros(1, np.int64)
        self._nbr: I32 = np.empty(0, np.int32)
        self._eid: I32 = np.empty(0, np.int32)
        self._csr_edges = 0
        self._csr_nodes = 0
        self._extra: dict[int, list[int]] = {}
        self.deferred = False  # edges added without the overflow, awaiting compact()
        self._has_extra: Mask = np.zeros(0, np.bool_)
        # Key look-up: sorted prefixes of edges [0, _keys_upto), the rest scanned.
        self._key_sorted: IntArray = np.empty(0, np.int64)
        self._key_fid: I32 = np.empty(0, np.int32)
        self._keys_upto = 0
        # Edges [0, _keys_upto) re-keyed since the sort: their new prefixes, looked at apart.
        self._rekeyed: dict[int, int] = {}
        # Edge look-up by (subject << 32 | object), the same way: sorted, then the tail.
        self._pair_sorted: IntArray = np.empty(0, np.int64)
        self._pair_fid: I32 = np.empty(0, np.int32)
        self._pairs_upto = 0
        # Node order by id string, for deterministic tie-breaks.
        self._rank: IntArray = np.empty(0, np.int64)
        self._rank_upto = 0
        # Alias surface forms (normalised) for fuzzy search, and where refresh stopped.
        self.alias_norms: list[str] = []
        self.alias_rowids: list[int] = []
        self.alias_rowid = 0
        # hash(normalize_name(name)) of nodes [0, len), built on the first canonical-name
        # look-up and extended by the next: most stores never make one.
        self._name_hashes: IntArray = np.empty(0, np.int64)
        self.update_rowid = 0
        self.networkx: nx.MultiDiGraph | None = None
        # (subject << 32 | object) of facts a later fact may close (durative ones, lifts),
        # so a write looks up only the pairs that have some.
        self.closable_pairs: set[int] = set()

    # ----------------------------------------------------------------- writes

    @property
    def n_nodes(self) -> int:
        return len(self.node_ids)

    def add_nodes(
        self, first_nid: int, ids: Sequence[str], names: Sequence[str], types: Sequence[str]
    ) -> None:
        """Append nodes numbered ``first_nid``, ``first_nid + 1``, ... (dense, in order).

        Names and types are kept too: neither ever changes (the stored canonical name
        wins every merge), so results can name entities without a query.
        """
        if first_nid != len(self.node_ids):
            raise RuntimeError(f"node ids out of step: got {first_nid}, expected {self.n_nodes}")
        for offset, node in enumerate(ids):
            self.node_of[node] = first_nid + offset
        self.node_ids.extend(ids)
        self.node_names.extend(names)
        self.node_types.extend(_TYPES.get(t, t) for t in types)
        n = len(self.node_ids)
        self.degree = _grow(self.degree, n)  # type: ignore[assignment]
        self.degree[first_nid:n] = 0
        self._has_extra = _grow(self._has_extra, n)  # type: ignore[assignment]
        self._has_extra[first_nid:n] = False
        self.metric_count = _grow(self.metric_count, n)  # type: ignore[assignment]
        self.metric_count[first_nid:n] = 0
        if self.networkx is not None:
            self.networkx.add_nodes_from(ids)

    def add_edges(self, batch: EdgeBatch, *, defer: bool = False) -> None:
        """Append new edges (their fids must continue the dense numbering).

        With ``defer`` they skip the per-node overflow (a bulk load on open); the
        caller must then :meth:`compact` before anyone traverses.
        """
        count = batch.fid.shape[0]
        if count == 0:
            return
        first = int(batch.fid[0])
        if first != self.n_edges or int(batch.fid[-1]) != first + count - 1:
            raise RuntimeError(f"fact ids out of step: got {first}, expected {self.n_edges}")
        end = first + count
        for name in ("src", "dst", "pred", "date_start", "date_end", "valid_from",
                     "valid_until", "sort_key", "n_sources", "kpre", "known_from"):
            array = _grow(getattr(self, name), end)
            array[first:end] = getattr(batch, name)
            setattr(self, name, array)
        self.state = _grow(self.state, end)  # type: ignore[assignment]
        self.state[first:end] = SHOWN
        self.n_edges = end
        np.add.at(self.degree, batch.src, 1)
        np.add.at(self.degree, batch.dst, 1)
        family = _CLOSABLE[batch.pred]
        if family.any():
            codes = batch.src[family].astype(np.int64) << 32 | batch.dst[family]
            self.closable_pairs.update(codes.tolist())
        if self.networkx is not None:
            self._networkx_add(range(first, end))
        if defer:
            self.deferred = True
            return
        extra = self._extra
        for fid, a, b in zip(range(first, end), batch.src.tolist(), batch.dst.tolist(),
                             strict=True):
            extra.setdefault(a, []).append(fid)
            if b != a:
                extra.setdefault(b, []).append(fid)
        self._has_extra[batch.src] = True
        self._has_extra[batch.dst] = True

    def set_states(self, fids: Sequence[int], states: Sequence[int]) -> None:
        """Mark edges shown, rejected or retired (a curation); the adjacency then holds the
        shown ones only: call :meth:`compact` with ``force`` after the last change."""
        if not fids:
            return
        self.state[np.array(fids, np.int64)] = np.array(states, np.int8)
        self.n_hidden = int((self.state[: self.n_edges] != SHOWN).sum())

    def restate(self, fids: Sequence[int], states: Sequence[int]) -> None:
        """:meth:`set_states` for edges already in the adjacency, which is rebuilt at once
        (a rejected fact leaves it, a restored one comes back): a rejection costs one
        pass over the arrays instead of an index rebuilt from the database."""
        self.set_states(fids, states)
        self._csr_edges = 0
        self.compact(force=True)
        if self.networkx is not None:
            # the networkx view follows: a hidden edge leaves it, a shown one comes back
            ids = self.node_ids
            for fid in fids:
                a, b = ids[int(self.src[fid])], ids[int(self.dst[fid])]
                if self.state[fid] != SHOWN:
                    if self.networkx.has_edge(a, b, key=int(fid)):
                        self.networkx.remove_edge(a, b, key=int(fid))
                else:
                    self._networkx_add([fid])

    def visible(self, eids: I32) -> I32:
        """``eids`` without the hidden edges (rejected or retired)."""
        if not self.n_hidden:
            return eids
        kept: I32 = eids[self.state[eids] == SHOWN]
        return kept

    def update_edges(self, batch: EdgeBatch) -> None:
        """Change the mutable attributes of known edges: validity, sources, when the earliest
        source appeared, and the date and key (a more precise record re-keys a fact)."""
        fid = batch.fid
        if fid.shape[0] == 0:
            return
        self.valid_from[fid] = batch.valid_from
        self.valid_until[fid] = batch.valid_until
        self.n_sources[fid] = batch.n_sources
        self.known_from[fid] = batch.known_from
        self.date_start[fid] = batch.date_start
        self.date_end[fid] = batch.date_end
        self.sort_key[fid] = batch.sort_key
        moved = self.kpre[fid] != batch.kpre
        if moved.any():
            for f, prefix in zip(fid[moved].tolist(), batch.kpre[moved].tolist(), strict=True):
                if f < self._keys_upto:
                    self._rekeyed[f] = prefix
            self.kpre[fid] = batch.kpre
        if self.networkx is not None:
            self._networkx_add(fid.tolist())

    def add_metrics(self, first_mid: int, subjects: Sequence[int]) -> None:
        """Count new metrics (numbered from ``first_mid``) against their subjects."""
        if first_mid != self.n_metrics:
            raise RuntimeError(
                f"metric ids out of step: got {first_mid}, expected {self.n_metrics}"
            )
        np.add.at(self.metric_count, np.array(subjects, np.int64), 1)
        self.n_metrics += len(subjects)

    def add_aliases(self, rows: Sequence[tuple[int, str, int]]) -> None:
        """Record ``(rowid, norm, nid)`` alias rows for fuzzy search."""
        for rowid, norm, _nid in rows:
            self.alias_norms.append(norm)
            self.alias_rowids.append(rowid)
            self.alias_rowid = max(self.alias_rowid, rowid)

    # ------------------------------------------------------------ maintenance

    def compact(self, *, force: bool = False) -> None:
        """Fold the overflow into the CSR when it has grown (or when ``force``)."""
        pending = self.n_edges - self._csr_edges
        if not pending and self._csr_nodes == self.n_nodes:
            return
        if (
            not force
            and not self.deferred
            and pending < max(_CSR_MIN_OVERFLOW, _CSR_SLACK * self._csr_edges)
        ):
            return
        n, m = self.n_nodes, self.n_edges
        shown = np.flatnonzero(self.state[:m] == SHOWN).astype(np.int32)
        src, dst = self.src[:m][shown], self.dst[:m][shown]
        loops = src == dst
        ends = np.concatenate([src, dst[~loops]])
        others = np.concatenate([dst, src[~loops]])
        eids = np.concatenate([shown, shown[~loops]])
        order = np.argsort(ends, kind="stable")
        self._nbr = others[order].astype(np.int32)
        self._eid = eids[order].astype(np.int32)
        counts = np.bincount(ends, minlength=n)
        self._ptr = np.zeros(n + 1, np.int64)
        np.cumsum(counts, out=self._ptr[1:])
        self._csr_edges, self._csr_nodes = m, n
        self.deferred = False
        self._extra = {}
        self._has_extra[:n] = False

    def _ensure_keys(self) -> None:
        if self.n_edges - self._keys_upto > max(50_000, self._keys_upto // 10):
            m = self.n_edges
            order = np.argsort(self.kpre[:m], kind="stable")
            self._key_sorted = self.kpre[:m][order]
            self._key_fid = order.astype(np.int32)
            self._keys_upto = m
            self._rekeyed = {}

    def _ensure_pairs(self) -> None:
        if self.n_edges - self._pairs_upto > max(50_000, self._pairs_upto // 10):
            m = self.n_edges
            codes = self.src[:m].astype(np.int64) << 32 | self.dst[:m]
            order = np.argsort(codes, kind="stable")
            self._pair_sorted = codes[order]
            self._pair_fid = order.astype(np.int32)
            self._pairs_upto = m

    def ranks(self) -> IntArray:
        """Each node's position in the sorted order of node ids (refreshed when stale)."""
        n = self.n_nodes
        if n - self._rank_upto > max(1_000, _RANK_SLACK * self._rank_upto) or (
            self._rank_upto < n and n <= 50_000
        ):
            order = sorted(range(n), key=self.node_ids.__getitem__)
            rank = np.empty(n, np.int64)
            rank[np.array(order, dtype=np.int64)] = np.arange(n, dtype=np.int64)
            self._rank, self._rank_upto = rank, n
        return self._rank

    # ------------------------------------------------------------------ reads

    def nodes_named(self, norms: Sequence[str]) -> list[int]:
        """Nodes whose canonical name normalises to one of ``norms``, and perhaps a few
        more (a hash collision): candidates for the caller to check against SQLite.

        A bulk load asks this for every batch; answering it from the alias rows meant
        reading every entity that shares a common alias ("Ms Chen"), which grew with
        the graph.
        """
        done = int(self._name_hashes.shape[0])
        if done < self.n_nodes:
            fresh = np.fromiter(
                (hash(normalize_name(n)) for n in self.node_names[done:]),
                dtype=np.int64, count=self.n_nodes - done,
            )
            self._name_hashes = np.concatenate([self._name_hashes, fresh])
        wanted = np.fromiter((hash(n) for n in norms), dtype=np.int64, count=len(norms))
        nodes: list[int] = np.flatnonzero(np.isin(self._name_hashes, wanted)).tolist()
        return nodes

    def fids_with_prefix(self, prefixes: IntArray) -> list[int]:
        """The edges whose key starts with one of ``prefixes`` (usually few)."""
        self._ensure_keys()
        out: list[int] = []
        if self._keys_upto:
            lo = np.searchsorted(self._key_sorted, prefixes, side="left")
            hi = np.searchsorted(self._key_sorted, prefixes, side="right")
            for i in np.flatnonzero(hi > lo).tolist():
                out.extend(self._key_fid[lo[i]:hi[i]].tolist())
        if self._keys_upto < self.n_edges:
            tail = self.kpre[self._keys_upto:self.n_edges]
            order = np.argsort(tail, kind="stable")
            ordered = tail[order]
            lo = np.searchsorted(ordered, prefixes, side="left")
            hi = np.searchsorted(ordered, prefixes, side="right")
            for i in np.flatnonzero(hi > lo).tolist():
                out.extend((order[lo[i]:hi[i]] + self._keys_upto).tolist())
        if self._rekeyed:
            wanted = set(prefixes.tolist())
            out.extend(f for f, prefix in self._rekeyed.items() if prefix in wanted)
        return out

    def fids_of_pairs(self, codes: IntArray) -> list[int]:
        """The edges from ``a`` to ``b`` for each ``a << 32 | b`` of ``codes`` (that direction
        only), for finding the stored facts of some (subject, object) pairs at once."""
        self._ensure_pairs()
        out: list[int] = []
        if not codes.shape[0]:
            return out
        if self._pairs_upto:
            lo = np.searchsorted(self._pair_sorted, codes, side="left")
            hi = np.searchsorted(self._pair_sorted, codes, side="right")
            for i in np.flatnonzero(hi > lo).tolist():
                out.extend(self._pair_fid[lo[i]:hi[i]].tolist())
        if self._pairs_upto < self.n_edges:
            tail = (self.src[self._pairs_upto:self.n_edges].astype(np.int64) << 32
                    | self.dst[self._pairs_upto:self.n_edges])
            hits = np.flatnonzero(np.isin(tail, codes))
            out.extend((hits + self._pairs_upto).tolist())
        return out

    def incident(self, node: int) -> tuple[I32, I32]:
        """``(neighbours, edges)`` of one node, both directions, a self-loop once."""
        if node < self._csr_nodes:
            lo, hi = int(self._ptr[node]), int(self._ptr[node + 1])
            nbr, eid = self._nbr[lo:hi], self._eid[lo:hi]
        else:
            nbr, eid = np.empty(0, np.int32), np.empty(0, np.int32)
        if self._has_extra[node]:
            more = np.array(self._extra.get(node, ()), dtype=np.int32)
            other = np.where(self.src[more] == node, self.dst[more], self.src[more])
            nbr = np.concatenate([nbr, other.astype(np.int32)])
            eid = np.concatenate([eid, more])
        return nbr, eid

    def expand(self, nodes: I32) -> tuple[I32, I32, I32]:
        """``(from, neighbour, edge)`` for every edge touching any of ``nodes``."""
        inside = nodes[nodes < self._csr_nodes]
        starts = self._ptr[inside]
        lengths = self._ptr[inside + 1] - starts
        total = int(lengths.sum())
        if total:
            shift = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
            slots = shift + np.arange(total, dtype=np.int64)
            frm = np.repeat(inside, lengths).astype(np.int32)
            nbr, eid = self._nbr[slots], self._eid[slots]
        else:
            frm = nbr = eid = np.empty(0, np.int32)
        flagged = nodes[self._has_extra[nodes]]
        if flagged.shape[0]:
            parts_f, parts_e = [frm], [eid]
            parts_n = [nbr]
            for node in flagged.tolist():
                more = np.array(self._extra.get(node, ()), dtype=np.int32)
                if not more.shape[0]:
                    continue
                other = np.where(self.src[more] == node, self.dst[more], self.src[more])
                parts_f.append(np.full(more.shape[0], node, np.int32))
                parts_n.append(other.astype(np.int32))
                parts_e.append(more)
            frm = np.concatenate(parts_f)
            nbr = np.concatenate(parts_n)
            eid = np.concatenate(parts_e)
        return frm, nbr, eid

    def between(self, a: int, b: int) -> I32:
        """Edges joining ``a`` and ``b`` in either direction."""
        x, y = (a, b) if self.degree[a] <= self.degree[b] else (b, a)
        nbr, eid = self.incident(x)
        found: I32 = eid[nbr == y]
        return found

    def memory_bytes(self) -> int:
        """Bytes held by the arrays (not the Python lists and dicts)."""
        arrays: list[npt.NDArray[np.generic]] = [
            self.src, self.dst, self.pred, self.date_start, self.date_end, self.valid_from,
            self.valid_until, self.sort_key, self.n_sources, self.kpre, self.known_from,
            self.degree, self._ptr, self._nbr, self._eid, self._key_sorted, self._key_fid,
            self._pair_sorted, self._pair_fid, self._rank, self._has_extra,
        ]
        return int(sum(a.nbytes for a in arrays))

    # --------------------------------------------------------------- networkx

    def _networkx_add(self, fids: Sequence[int] | range) -> None:
        graph = self.networkx
        assert graph is not None
        ids = self.node_ids
        for fid in fids:
            if self.state[fid] != SHOWN:
                continue
            a, b = ids[int(self.src[fid])], ids[int(self.dst[fid])]
            graph.add_edge(a, b, key=int(fid), **_edge_attributes(self, int(fid)))


def _edge_attributes(index: CompactIndex, fid: int) -> dict[str, object]:
    def ordinal(array: I32) -> int | None:
        value = int(array[fid])
        return None if value == NONE else value

    return {
        "predicate": PREDICATES[int(index.pred[fid])].value,
        "date_start": ordinal(index.date_start),
        "date_end": ordinal(index.date_end),
        "valid_from": ordinal(index.valid_from),
        "valid_until": ordinal(index.valid_until),
        "known_from": ordinal(index.known_from),
        "n_sources": int(index.n_sources[fid]),
    }


def to_networkx(index: CompactIndex) -> nx.MultiDiGraph:
    """The index as a networkx ``MultiDiGraph`` (nodes = entity ids, edge keys = fact ids).

    Built on first use and from then on kept in step with every write the index
    sees, so networkx's algorithms can run on the live graph.
    """
    with index.lock:
        if index.networkx is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            graph.add_nodes_from(index.node_ids)
            index.networkx = graph
            index._networkx_add(range(index.n_edges))
        return index.networkx
