"""Bounded k-shortest simple paths over an undirected view of the graph.

Pure algorithm: it sees the graph only through a ``neighbours`` function, so
any store whose traversal runs in Python can use it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

__all__ = ["k_shortest_simple_paths"]

Node = TypeVar("Node", bound=Hashable)

# Enumeration beyond the shortest length can explode around hubs; past this many
# expansions we return the paths found so far rather than stall a request.
EXPANSION_BUDGET = 200_000


def _distances(
    neighbours: Callable[[Node], Iterable[Node]], origin: Node, depth: int
) -> dict[Node, int]:
    dist = {origin: 0}
    frontier = deque([origin])
    while frontier:
        node = frontier.popleft()
        d = dist[node]
        if d == depth:
            continue
        for nxt in neighbours(node):
            if nxt not in dist:
                dist[nxt] = d + 1
                frontier.append(nxt)
    return dist


def k_shortest_simple_paths(
    neighbours: Callable[[Node], Iterable[Node]],
    source: Node,
    target: Node,
    *,
    max_hops: int,
    k: int,
    sort_key: Callable[[Node], str],
) -> list[list[Node]]:
    """Up to ``k`` simple paths from ``source`` to ``target`` of at most ``max_hops`` edges.

    Shortest first; paths of equal length come in the order of their node
    sequences under ``sort_key`` (e.g. entity ids), so results are deterministic.

    >>> adj = {"a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d"], "d": ["b", "c"]}
    >>> k_shortest_simple_paths(adj.__getitem__, "a", "d", max_hops=3, k=5, sort_key=str)
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    if source == target:
        return [[source]]
    dist_to_target = _distances(neighbours, target, max_hops)
    if source not in dist_to_target:
        return []
    found: list[list[Node]] = []
    budget = [EXPANSION_BUDGET]

    def walk(path: list[Node], on_path: set[Node], remaining: int) -> None:
        node = path[-1]
        if remaining == 0:
            if node == target:
                found.append(list(path))
            return
        candidates = sorted(
            (
                n
                for n in set(neighbours(node))
                if n not in on_path and dist_to_target.get(n, max_hops + 1) <= remaining - 1
            ),
            key=sort_key,
        )
        for nxt in candidates:
            if len(found) >= k or budget[0] <= 0:
                return
            budget[0] -= 1
            if nxt == target and remaining - 1 > 0:
                continue  # a simple path cannot pass through its own end
            path.append(nxt)
            on_path.add(nxt)
            walk(path, on_path, remaining - 1)
            path.pop()
            on_path.discard(nxt)

    for length in range(dist_to_target[source], max_hops + 1):
        walk([source], {source}, length)
        if len(found) >= k or budget[0] <= 0:
            break
    return found[:k]
