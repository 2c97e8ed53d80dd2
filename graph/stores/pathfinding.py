"""Bounded k-shortest simple paths over an undirected view of the graph.

Pure algorithms: they see the graph only through a ``neighbours`` function, so
any store whose traversal runs in Python can use them. Both give the same
answer (shortest first, ties in the order of the node sequences):

* :func:`k_shortest_simple_paths` is the reference: a breadth-first search
  from the target over everything within ``max_hops``, then a pruned walk.
* :func:`bidirectional_k_shortest_paths` searches from both ends, growing the
  side with the smaller frontier, walks the layers of shortest paths in order,
  and only grows the target's ball further when fewer than ``k`` shortest paths
  exist; in a large graph it touches a small part of what the reference does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

__all__ = ["EXPANSION_BUDGET", "bidirectional_k_shortest_paths", "k_shortest_simple_paths"]

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


def bidirectional_k_shortest_paths(
    neighbours: Callable[[Node], Iterable[Node]],
    source: Node,
    target: Node,
    *,
    max_hops: int,
    k: int,
    sort_key: Callable[[Node], str],
) -> list[list[Node]]:
    """The answer of :func:`k_shortest_simple_paths`, found from both ends.

    ``neighbours`` need not return its nodes in any order.

    >>> adj = {"a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d"], "d": ["b", "c"]}
    >>> bidirectional_k_shortest_paths(adj.__getitem__, "a", "d", max_hops=3, k=5, sort_key=str)
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    if source == target:
        return [[source]]
    ds: dict[Node, int] = {source: 0}
    dt: dict[Node, int] = {target: 0}
    fwd, bwd = [source], [target]
    a = b = 0
    meet: list[Node] = []
    while a + b < max_hops and fwd and bwd and not meet:
        grow_forward = len(fwd) <= len(bwd)
        seen, other = (ds, dt) if grow_forward else (dt, ds)
        level = (a if grow_forward else b) + 1
        new: list[Node] = []
        for node in fwd if grow_forward else bwd:
            for nxt in neighbours(node):
                if nxt not in seen:
                    seen[nxt] = level
                    new.append(nxt)
                    if nxt in other:
                        meet.append(nxt)
        if grow_forward:
            a, fwd = level, new
        else:
            b, bwd = level, new
    if not meet:
        return []
    d = a + b
    # Forward layers: nodes at ds = i from which a meeting node can be reached.
    layers: dict[Node, int] = {m: a for m in meet}
    layer = meet
    for i in range(a - 1, 0, -1):
        back: list[Node] = []
        for node in layer:
            for prev in neighbours(node):
                if ds.get(prev) == i and prev not in layers:
                    layers[prev] = i
                    back.append(prev)
        layer = back
    children: dict[Node, list[Node]] = {}

    def following(node: Node, position: int) -> list[Node]:
        found = children.get(node)
        if found is None:
            if position < a:
                found = [n for n in set(neighbours(node)) if layers.get(n) == position + 1]
            else:
                want = dt[node] - 1
                found = [n for n in set(neighbours(node)) if dt.get(n) == want]
            found.sort(key=sort_key)
            children[node] = found
        return found

    paths: list[list[Node]] = []
    path = [source]

    def walk(position: int) -> None:
        if position == d:
            paths.append(list(path))
            return
        for child in following(path[-1], position):
            if len(paths) >= k:
                return
            path.append(child)
            walk(position + 1)
            path.pop()

    walk(0)
    if len(paths) >= k or d >= max_hops:
        return paths[:k]
    return _longer_paths(neighbours, source, target, d, max_hops, k, paths, dt, bwd, b, sort_key)


def _longer_paths(
    neighbours: Callable[[Node], Iterable[Node]],
    source: Node,
    target: Node,
    d: int,
    max_hops: int,
    k: int,
    found: list[list[Node]],
    dt: dict[Node, int],
    frontier: list[Node],
    radius: int,
    sort_key: Callable[[Node], str],
) -> list[list[Node]]:
    """Paths of length d+1 .. max_hops in order, by the reference's pruned walk.

    A low-degree candidate with no possible next step is not entered (see
    :mod:`graph.stores.embedded.paths`); the budget is spent as in the reference.
    """
    budget = [EXPANSION_BUDGET]
    ordered: dict[Node, list[Node]] = {}
    onward: dict[Node, list[Node] | None] = {}

    def grow(to_radius: int) -> None:
        nonlocal frontier, radius
        while radius < to_radius and frontier:
            new: list[Node] = []
            for node in frontier:
                for nxt in neighbours(node):
                    if nxt not in dt:
                        dt[nxt] = radius + 1
                        new.append(nxt)
            radius += 1
            frontier = new
            ordered.clear()
            onward.clear()
        radius = max(radius, to_radius)

    def can_continue(node: Node, remaining: int, on_path: set[Node]) -> bool:
        if remaining == 0:
            return True
        if node not in onward:
            around = list(set(neighbours(node)))
            onward[node] = [n for n in around if n in dt] if len(around) <= 32 else None
        steps = onward[node]
        if steps is None:
            return True
        for x in steps:
            if dt[x] > remaining - 1 or x in on_path or x == node:
                continue
            if x == target and remaining - 1 > 0:
                continue
            return True
        return False

    def walk(path: list[Node], on_path: set[Node], remaining: int) -> None:
        node = path[-1]
        if remaining == 0:
            if node == target:
                found.append(list(path))
            return
        candidates = ordered.get(node)
        if candidates is None:
            candidates = sorted((n for n in set(neighbours(node)) if n in dt), key=sort_key)
            ordered[node] = candidates
        for nxt in candidates:
            if nxt in on_path or dt[nxt] > remaining - 1:
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
