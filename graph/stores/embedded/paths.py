"""The embedded store's graph as the path search sees it: the compact index, filtered.

:class:`IndexAdjacency` is the :class:`graph.stores.pathfinding.Adjacency` of one query:
the predicate, time, confidence, label and degree filters are applied to the edges as
they are read from the CSR, so nothing outside the window is ever walked. The search
itself is :class:`graph.stores.pathfinding.PathSearch`, shared with the benchmarks'
baseline.
"""

from __future__ import annotations

import numpy as np

from sinograph.graph.stores.embedded.compact import I32, CompactIndex, EdgeFilter

__all__ = ["IndexAdjacency"]


class IndexAdjacency:
    """The admitted edges of the compact index; the caller holds ``index.lock``."""

    def __init__(self, index: CompactIndex, edge_filter: EdgeFilter) -> None:
        self.index = index
        self.filter = edge_filter
        self._ranks = index.ranks()

    @property
    def n_nodes(self) -> int:
        return self.index.n_nodes

    def step(self, nodes: I32) -> I32:
        _, nbr, eid = self.index.expand(nodes)
        if not self.filter.is_open and eid.shape[0]:
            nbr = nbr[self.filter.admits(self.index, eid)]
        return nbr

    def around(self, node: int) -> I32:
        nbr, eid = self.index.incident(node)
        if not self.filter.is_open and eid.shape[0]:
            nbr = nbr[self.filter.admits(self.index, eid)]
        return nbr

    def work(self, nodes: I32) -> int:
        return int(self.index.degree[nodes].sum())

    def degree(self, node: int) -> int:
        return int(self.index.degree[node])

    def in_order(self, nodes: I32) -> list[int]:
        """Distinct ``nodes`` in the order of their entity ids."""
        if nodes.shape[0] <= 16 and (
            not nodes.shape[0] or int(nodes.max()) < self._ranks.shape[0]
        ):
            ranks = self._ranks
            return sorted(set(nodes.tolist()), key=lambda x: int(ranks[x]))
        unique = np.unique(nodes)
        ranked = unique[unique < self._ranks.shape[0]]
        if ranked.shape[0] == unique.shape[0]:
            ordered: list[int] = unique[np.argsort(self._ranks[unique], kind="stable")].tolist()
            return ordered
        ids = self.index.node_ids
        return sorted(unique.tolist(), key=ids.__getitem__)

    def hop_facts(self, a: int, b: int) -> list[int]:
        """The admitted facts that may stand for the hop a-b: most sources, then smallest
        key prefix. Several are returned only when prefixes tie too; the caller compares
        keys."""
        index = self.index
        eids = index.between(a, b)
        eids = eids[self.filter.admits(index, eids)]
        sources = index.n_sources[eids]
        eids = eids[sources == sources.max()]
        if eids.shape[0] == 1:
            return [int(eids[0])]
        prefixes = index.kpre[eids]
        return [int(e) for e in eids[prefixes == prefixes.min()].tolist()]
