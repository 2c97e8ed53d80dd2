"""The test oracle for path searches: the plainest enumeration of k shortest simple paths.

Not product code: :class:`graph.stores.pathfinding.PathSearch` is the one search the
stores use; this is what its answers are held against, and it is itself held against
networkx's enumeration of all simple paths (``tests/unit/test_merge_and_paths.py``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def k_shortest_simple_paths(
    neighbours: Callable[[Node], Iterable[Node]],
    source: Node,
    target: Node,
    *,
    max_hops: int,
    k: int,
    sort_key: Callable[[Node], str],
) -> list[list[Node]]:
    """Up to ``k`` simple paths of at most ``max_hops`` edges, shortest first, paths of one
    length in the order of their node sequences under ``sort_key``."""
    if source == target:
        return [[source]]
    dist = {target: 0}
    frontier = deque([target])
    while frontier:
        node = frontier.popleft()
        if dist[node] < max_hops:
            for nxt in neighbours(node):
                if nxt not in dist:
                    dist[nxt] = dist[node] + 1
                    frontier.append(nxt)
    if source not in dist:
        return []
    found: list[list[Node]] = []

    def walk(path: list[Node], remaining: int) -> None:
        node = path[-1]
        if remaining == 0:
            if node == target:
                found.append(list(path))
            return
        for nxt in sorted(set(neighbours(node)), key=sort_key):
            if len(found) >= k:
                return
            if nxt in path or dist.get(nxt, max_hops + 1) > remaining - 1:
                continue
            if nxt == target and remaining > 1:
                continue  # a simple path cannot pass through its own end
            path.append(nxt)
            walk(path, remaining - 1)
            path.pop()

    for length in range(dist[source], max_hops + 1):
        walk([source], length)
        if len(found) >= k:
            break
    return found[:k]
