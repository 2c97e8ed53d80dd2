"""k shortest simple paths, edge direction ignored: the one path search of every store
that searches in Python (the embedded store, and the benchmarks' networkx baseline).

The search sees the graph only through :class:`Adjacency` (node numbers, numpy arrays of
neighbours through the edges a query admits), so the filters stay with the store. The
answer: up to ``k`` simple paths of at most ``max_hops`` edges, shortest first, paths of
equal length in the order of their node sequences (entity ids), found with little work:

1. A bidirectional breadth-first search, always growing the side whose frontier touches
   fewer edges, finds the distance ``d``; each level is one vectorised step.
2. The nodes on some shortest path form layers (``ds + dt = d``); walking them in id
   order gives the shortest paths in order, with no dead ends, so k=1 is one greedy walk.
3. Only when fewer than ``k`` shortest paths exist are longer ones enumerated, by a pruned
   depth-first walk whose distance-to-target oracle grows from the search's own backward
   ball. Around hubs that walk can explode: past :data:`EXPANSION_BUDGET` expansions it
   returns the paths found so far rather than stall a request.

``tests/bench/test_embedded_paths.py`` holds the store's answers against a plain
enumeration of all simple paths, itself checked against networkx.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["EXPANSION_BUDGET", "Adjacency", "ListAdjacency", "PathSearch"]

# Enumeration beyond the shortest length can explode around hubs; past this many
# expansions we return the paths found so far rather than stall a request.
EXPANSION_BUDGET = 200_000

_UNSEEN = -1
I32 = npt.NDArray[np.int32]
Dist = npt.NDArray[np.int16]
Mask = npt.NDArray[np.bool_]


class Adjacency(Protocol):
    """What the search reads of a graph whose nodes are numbered ``0 .. n_nodes - 1``."""

    @property
    def n_nodes(self) -> int:
        """How many node numbers there are."""

    def step(self, nodes: I32) -> I32:
        """The neighbours of ``nodes`` through admitted edges, either direction (repeats
        allowed)."""

    def around(self, node: int) -> I32:
        """The neighbours of one node through admitted edges (repeats allowed)."""

    def work(self, nodes: I32) -> int:
        """What growing a frontier of ``nodes`` costs (their edge count): the search grows
        the cheaper side."""

    def degree(self, node: int) -> int:
        """How many edges touch ``node`` (admitted or not): a hub is not checked ahead."""

    def in_order(self, nodes: I32) -> list[int]:
        """The distinct ``nodes`` in the order of their ids, which orders paths of one
        length."""


class ListAdjacency:
    """An :class:`Adjacency` of neighbour lists, ordered by node number (small graphs,
    examples and tests).

    >>> ListAdjacency([[1], [0, 2], [1]]).step(np.array([0, 2], np.int32)).tolist()
    [1, 1]
    """

    def __init__(self, neighbours: Sequence[Sequence[int]]) -> None:
        self._lists = [np.array(sorted(set(n)), np.int32) for n in neighbours]

    @property
    def n_nodes(self) -> int:
        return len(self._lists)

    def step(self, nodes: I32) -> I32:
        if not nodes.shape[0]:
            return np.empty(0, np.int32)
        return np.concatenate([self._lists[n] for n in nodes.tolist()])

    def around(self, node: int) -> I32:
        return self._lists[node]

    def work(self, nodes: I32) -> int:
        return sum(self._lists[n].shape[0] for n in nodes.tolist())

    def degree(self, node: int) -> int:
        return int(self._lists[node].shape[0])

    def in_order(self, nodes: I32) -> list[int]:
        return sorted(set(nodes.tolist()))


def _distinct(values: I32, n: int) -> I32:
    """The distinct values, ascending: a sort for few, one pass over a flag array for many."""
    if values.shape[0] < 4_096:
        small: I32 = np.unique(values)
        return small
    flags = np.zeros(n, np.bool_)
    flags[values] = True
    many: I32 = np.flatnonzero(flags).astype(np.int32)
    return many


class PathSearch:
    """One path query over a graph: ``PathSearch(graph).run(s, t, max_hops=4, k=5)``.

    Nodes are numbers; the answer is up to ``k`` paths as lists of node numbers, shortest
    first, paths of one length in the order of their node sequences (by
    :meth:`Adjacency.in_order`).

    >>> graph = ListAdjacency([[1, 2], [0, 3], [0, 3], [1, 2]])
    >>> PathSearch(graph).run(0, 3, max_hops=3, k=5)
    [[0, 1, 3], [0, 2, 3]]
    >>> PathSearch(graph).run(0, 3, max_hops=1, k=5)
    []
    """

    def __init__(self, graph: Adjacency) -> None:
        self.graph = graph
        self._children: dict[int, list[int]] = {}

    # ------------------------------------------------------------ the search

    def run(self, source: int, target: int, *, max_hops: int, k: int) -> list[list[int]]:
        """Up to ``k`` simple paths of at most ``max_hops`` edges, as node numbers."""
        if source == target:
            return [[source]]
        n = self.graph.n_nodes
        ds = np.full(n, _UNSEEN, np.int16)
        dt = np.full(n, _UNSEEN, np.int16)
        ds[source], dt[target] = 0, 0
        fwd = np.array([source], np.int32)
        bwd = np.array([target], np.int32)
        a = b = 0
        meet: I32 | None = None
        while a + b < max_hops and fwd.shape[0] and bwd.shape[0]:
            if self.graph.work(fwd) <= self.graph.work(bwd):
                nbr = self.graph.step(fwd)
                new = _distinct(nbr[ds[nbr] == _UNSEEN], n)
                a += 1
                ds[new] = a
                fwd = new.astype(np.int32)
                hits = new[dt[new] != _UNSEEN]
            else:
                nbr = self.graph.step(bwd)
                new = _distinct(nbr[dt[nbr] == _UNSEEN], n)
                b += 1
                dt[new] = b
                bwd = new.astype(np.int32)
                hits = new[ds[new] != _UNSEEN]
            if hits.shape[0]:
                meet = hits.astype(np.int32)
                break
        if meet is None:
            return []
        d = a + b
        # Forward layers: nodes at ds = i that lead to a meeting node.
        on_path = np.zeros(n, np.bool_)
        on_path[meet] = True
        layer = meet
        for i in range(a - 1, 0, -1):
            nbr = self.graph.step(layer)
            back = _distinct(nbr[ds[nbr] == i], n)
            on_path[back] = True
            layer = back.astype(np.int32)
        paths = self._shortest(source, target, d, a, ds, dt, on_path, k)
        if len(paths) >= k or d >= max_hops:
            return paths[:k]
        return self._longer(source, target, d, max_hops, k, paths, dt, bwd, b)

    def _next(
        self, node: int, position: int, a: int, ds: Dist, dt: Dist, on_path: Mask
    ) -> list[int]:
        cached = self._children.get(node)
        if cached is not None:
            return cached
        nbr = self.graph.around(node)
        if position < a:
            keep = nbr[(ds[nbr] == position + 1) & on_path[nbr]]
        else:
            keep = nbr[dt[nbr] == dt[node] - 1]
        children = self.graph.in_order(keep)
        self._children[node] = children
        return children

    def _shortest(
        self, source: int, target: int, d: int, a: int, ds: Dist, dt: Dist, on_path: Mask, k: int
    ) -> list[list[int]]:
        found: list[list[int]] = []
        path = [source]

        def walk(position: int) -> None:
            node = path[-1]
            if position == d:
                found.append(list(path))
                return
            for child in self._next(node, position, a, ds, dt, on_path):
                if len(found) >= k:
                    return
                path.append(child)
                walk(position + 1)
                path.pop()

        walk(0)
        return found

    def _longer(
        self,
        source: int,
        target: int,
        d: int,
        max_hops: int,
        k: int,
        found: list[list[int]],
        dt: Dist,
        frontier: I32,
        radius: int,
    ) -> list[list[int]]:
        """Paths of length d+1 .. max_hops, in order, by the reference's pruned walk.

        Two things make it cheaper than the reference without changing what it
        finds: a node's candidates are filtered by the distance bound with numpy
        rather than one by one, and a low-degree candidate whose every onward
        step is blocked (already on the path, or too far from the target) is not
        entered, as the side branches of hubs would otherwise be, one by one.
        The expansion budget is spent as in the reference for every candidate
        within the distance bound; only when it runs out can the answers differ
        (this search having spent less of it inside dead branches).
        """
        budget = [EXPANSION_BUDGET]
        ordered: dict[int, tuple[I32, Dist]] = {}
        feasible: dict[tuple[int, int], list[int]] = {}
        onward: dict[int, list[tuple[int, int]] | None] = {}
        n = self.graph.n_nodes

        def grow(to_radius: int) -> None:
            nonlocal frontier, radius
            while radius < to_radius and frontier.shape[0]:
                nbr = self.graph.step(frontier)
                new = _distinct(nbr[dt[nbr] == _UNSEEN], n)
                radius += 1
                dt[new] = radius
                frontier = new.astype(np.int32)
                # Nodes just reached are new candidates: forget what was worked out.
                ordered.clear()
                feasible.clear()
                onward.clear()
            radius = max(radius, to_radius)

        def within(node: int, bound: int) -> list[int]:
            """Neighbours of ``node`` at most ``bound`` from the target, in id order."""
            found_ = feasible.get((node, bound))
            if found_ is None:
                pair = ordered.get(node)
                if pair is None:
                    nbr = self.graph.around(node)
                    nodes = np.array(self.graph.in_order(nbr[dt[nbr] != _UNSEEN]), np.int32)
                    pair = (nodes, dt[nodes])
                    ordered[node] = pair
                found_ = pair[0][pair[1] <= bound].tolist()
                feasible[(node, bound)] = found_
            return found_

        def can_continue(node: int, remaining: int, on_path: set[int]) -> bool:
            """Whether the walk, standing on ``node`` with ``remaining`` steps, has a next step."""
            if remaining == 0:
                return True
            steps = onward.get(node, ())
            if steps == ():
                if self.graph.degree(node) > 32:
                    steps = None  # a hub: checking costs more than walking
                else:
                    nbr = self.graph.around(node)
                    near = nbr[dt[nbr] != _UNSEEN]
                    steps = list(zip(near.tolist(), dt[near].tolist(), strict=True))
                onward[node] = steps
            if steps is None:
                return True
            for x, dist in steps:
                if dist > remaining - 1 or x in on_path or x == node:
                    continue
                if x == target and remaining - 1 > 0:
                    continue
                return True
            return False

        def walk(path: list[int], on_path: set[int], remaining: int) -> None:
            node = path[-1]
            if remaining == 0:
                if node == target:
                    found.append(list(path))
                return
            for nxt in within(node, remaining - 1):
                if nxt in on_path:
                    continue
                if len(found) >= k or budget[0] <= 0:
                    return
                budget[0] -= 1
                if nxt == target and remaining - 1 > 0:
                    continue  # a simple path cannot pass through its own end
                on_path.add(nxt)
                if can_continue(nxt, remaining - 1, on_path):
                    path.append(nxt)
                    walk(path, on_path, remaining - 1)
                    path.pop()
                on_path.discard(nxt)

        for length in range(d + 1, max_hops + 1):
            grow(length - 1)
            walk([source], {source}, length)
            if len(found) >= k or budget[0] <= 0:
                break
        return found[:k]
