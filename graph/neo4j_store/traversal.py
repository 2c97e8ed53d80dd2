"""A per-query view of the facts around some entities, fetched from Neo4j in batches.

Traversals (neighbours, paths, subgraphs) run in Python over this view with the
same code and tie-breaks as the embedded store (:mod:`graph.pathfinding`,
:func:`edge_admitted`), so the answers match; Neo4j supplies the adjacency,
one round trip per frontier rather than per node.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.embedded.index import EdgeInfo, edge_admitted
from graph.neo4j_store.runner import CypherRunner
from graph.ontology import Predicate
from graph.queries import TimeWindow, TraversalFilter

__all__ = ["RemoteAdjacency"]


class RemoteAdjacency:
    """Facts touching each entity, either direction, restricted to some predicates.

    ``edges_of`` answers like the embedded ``TraversalIndex.edges_of`` (a self-loop
    once); the window, the minimum confidence and the excluded entity labels are
    applied by :meth:`admits` (:func:`edge_admitted`), the entities in ``keep``
    being exempt from the labels, as the embedded store's node mask does.
    """

    def __init__(
        self,
        runner: CypherRunner,
        predicates: frozenset[Predicate] | None,
        window: TimeWindow,
        traversal: TraversalFilter | None = None,
        keep: Iterable[str] = (),
    ) -> None:
        self._runner = runner
        self.predicates = predicates
        self.window = window
        traversal = traversal or TraversalFilter()
        self.min_confidence = traversal.min_confidence
        self.excluded_types = frozenset(t.value for t in traversal.exclude_types)
        self.keep = frozenset(keep)
        self._types = sorted(p.value for p in (predicates or Predicate))
        self._edges: dict[str, list[tuple[str, EdgeInfo]]] = {}
        self._node_types: dict[str, str] = {}

    def prefetch(self, nodes: Iterable[str]) -> None:
        """Fetch the facts of every node not fetched yet, in batches."""
        missing = sorted({n for n in nodes if n not in self._edges})
        size = self._runner.batch_size
        for start in range(0, len(missing), size):
            chunk = missing[start : start + size]
            found: dict[str, dict[str, tuple[str, EdgeInfo]]] = {n: {} for n in chunk}
            rows = self._runner.read("edges_of", {"ids": chunk, "predicates": self._types})
            for row in rows:
                edge = EdgeInfo(
                    key=row["key"],
                    subject=row["subject"],
                    object=row["object"],
                    predicate=Predicate(row["predicate"]),
                    date_start=row["date_start"],
                    date_end=row["date_end"],
                    valid_from=row["valid_from"],
                    valid_until=row["valid_until"],
                    n_sources=int(row["n_sources"] or 0),
                    confidence=float(
                        row["confidence"] if row["confidence"] is not None else 1.0
                    ),
                )
                found[row["node"]][edge.key] = (row["other"], edge)
                self._node_types[row["other"]] = row["other_type"]
            for node, edges in found.items():
                self._edges[node] = [edges[k] for k in sorted(edges)]

    def edges_of(self, node: str) -> list[tuple[str, EdgeInfo]]:
        """Every (other end, fact) touching ``node``, fetched on first use."""
        if node not in self._edges:
            self.prefetch([node])
        return self._edges[node]

    def admits(self, other: str, edge: EdgeInfo) -> bool:
        """Whether a walk may take ``edge`` to reach ``other`` (the end it does not stand on)."""
        if not edge_admitted(edge, self.predicates, self.window, self.min_confidence):
            return False
        if self.excluded_types and other not in self.keep:
            return self._node_types.get(other) not in self.excluded_types
        return True

    def neighbours(self, node: str) -> list[str]:
        """Entities one admitted fact away, sorted (the pathfinding's view of the graph)."""
        return sorted({other for other, edge in self.edges_of(node) if self.admits(other, edge)})

    def edges_between(self, a: str, b: str) -> list[EdgeInfo]:
        """Admitted facts joining ``a`` and ``b``, either direction."""
        return [edge for other, edge in self.edges_of(a) if other == b and self.admits(b, edge)]

    def prefetch_ball(self, origin: str, depth: int) -> None:
        """Fetch every node within ``depth - 1`` admitted hops of ``origin``, level by level.

        That is what a breadth-first search to ``depth`` expands, so the search then
        runs without further round trips.
        """
        seen = {origin}
        frontier = [origin]
        for _level in range(depth):
            if not frontier:
                return
            self.prefetch(frontier)
            nxt = []
            for node in frontier:
                for other in self.neighbours(node):
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
