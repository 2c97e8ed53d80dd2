"""Paths, neighbourhoods and subgraphs computed inside Neo4j, in Cypher.

Only results cross the wire: the path search is ``SHORTEST k GROUPS`` over a
quantified path pattern (``paths_shortest``) with every filter checked during the
search (predicates, window, as-of and minimum confidence on the relationships, the
excluded entity types on the entities entered); a neighbourhood grows one bounded
level per statement (``neighbours_level``). The answers are the embedded store's, the
contract suite checks it: the same paths (shortest first, ties in the order of
their entity ids), the same fact for each hop (best-sourced, then smallest key)
and the same entities in the same order.

One limit: a path statement enumerates at most :data:`WALK_CAP` walks of the
lengths it asks for. Between hubs there can be millions; when the cap is hit the
paths returned are still shortest-first and simple, but which of many tied paths
come first is no longer guaranteed to be the embedded store's choice (the
benchmark counts how often that happens; BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sinograph.cypher import MAX_PATH_GROUPS
from sinograph.graph.stores.neo4j.runner import Record, TransactionRunner

__all__ = [
    "Neighbourhood",
    "NodePath",
    "facts_among",
    "hop_facts",
    "neighbourhood",
    "shortest_paths",
]


# Walks one path statement may enumerate. Between hubs a single length can hold
# millions of them; past this many the order among tied paths is not guaranteed.
WALK_CAP = 10_000


@dataclass(frozen=True)
class NodePath:
    """A path as its entities: ``(id, name, type)`` of each, source first."""

    refs: tuple[tuple[str, str, str], ...]

    @property
    def ids(self) -> list[str]:
        return [r[0] for r in self.refs]


def shortest_paths(
    tx: TransactionRunner,
    source: str,
    target: str,
    *,
    max_hops: int,
    k: int,
    filters: dict[str, object],
    exclude_types: Sequence[str] = (),
    max_degree: int | None = None,
) -> list[NodePath]:
    """Up to ``k`` simple paths of at most ``max_hops`` hops, shortest first, ties by ids.

    ``filters`` are the fact filters (:func:`~graph.stores.neo4j.reading.filter_params`);
    no path passes through an entity whose type is in ``exclude_types``, though its two
    ends may have one.

    The first statement asks for the shortest length only; while fewer than ``k``
    simple paths are found and longer ones may exist, it asks again for one more
    length, so a hub's long paths are only enumerated when they are needed.

    >>> # shortest_paths(tx, "company:a", "company:z", max_hops=4, k=5, filters=...)
    """
    params = {
        "source": source, "target": target, "max_hops": max_hops, "k": k, "cap": WALK_CAP,
        "exclude_types": sorted(exclude_types), "max_degree": max_degree, **filters,
    }
    groups = 1
    while True:
        rows = tx.run("paths_shortest", params, groups=groups)
        paths = [NodePath(tuple((r[0], r[1], r[2]) for r in row["refs"])) for row in rows]
        if len(paths) >= k or not paths:
            return paths
        # A simple path of length L lies in one of the first L - d + 1 length groups.
        shortest = len(paths[0].refs) - 1
        if groups >= min(max_hops - shortest + 1, MAX_PATH_GROUPS):
            return paths
        groups += 1


def hop_facts(
    tx: TransactionRunner, paths: Sequence[NodePath], filters: dict[str, object]
) -> dict[tuple[str, str], Record]:
    """The fact row standing for each consecutive pair of the paths, by (from, to)."""
    pairs = sorted({(a, b) for p in paths for a, b in zip(p.ids, p.ids[1:], strict=False)})
    if not pairs:
        return {}
    rows = tx.run("path_hop_facts", {"pairs": [list(p) for p in pairs], **filters})
    return {(row["pair"][0], row["pair"][1]): row for row in rows}


@dataclass
class Neighbourhood:
    """Entities by level (centre 0) in walk order, the ones expanded, whether it was cut."""

    level_of: dict[str, int]
    expanded: list[str]
    truncated: bool


def neighbourhood(
    tx: TransactionRunner,
    centre: str,
    *,
    depth: int,
    limit: int,
    filters: dict[str, object],
    exclude_types: Sequence[str] = (),
    max_degree: int | None = None,
) -> Neighbourhood:
    """Breadth-first levels around ``centre``: at most ``limit`` entities, centre included.

    Each level is one statement that returns the new entities in walk order
    (position of the frontier entity that reaches them first, then id), cut at
    the room left. Entities whose type is in ``exclude_types`` are not entered (the
    centre is kept whatever its type).
    """
    level_of = {centre: 0}
    frontier = [centre]
    expanded: list[str] = []
    truncated = False
    for level in range(1, depth + 1):
        if not frontier:
            break
        expanded.extend(frontier)
        room = limit - len(level_of)
        found: list[str] = tx.run(
            "neighbours_level",
            {
                "frontier": frontier,
                "seen": list(level_of),
                "room": max(room, 0),
                "exclude_types": sorted(exclude_types),
                "max_degree": max_degree,
                **filters,
            },
        )[0]["found"]
        if len(found) > room:
            truncated = True
            found = found[: max(room, 0)]
        for node in found:
            level_of[node] = level
        frontier = found
    return Neighbourhood(level_of=level_of, expanded=expanded, truncated=truncated)


def facts_among(
    tx: TransactionRunner, expanded: Sequence[str], inside: Sequence[str],
    filters: dict[str, object],
) -> list[Record]:
    """Admitted facts joining an ``expanded`` entity to one ``inside``, each once, by key."""
    if not expanded:
        return []
    return tx.run(
        "facts_among", {"expanded": list(expanded), "inside": list(inside), **filters}
    )

