"""The in-memory traversal index of the embedded store: a networkx MultiDiGraph.

Nodes are entity ids; each edge is one fact (key = fact key) carrying what
traversal filters on: predicate, date ordinals and the number of sources. The
index is rebuilt from SQLite on open and kept in step with every write.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from graph.ontology import Predicate
from graph.queries import TimeWindow

__all__ = ["EdgeInfo", "TraversalIndex"]


@dataclass(frozen=True, slots=True)
class EdgeInfo:
    key: str
    subject: str
    object: str
    predicate: Predicate
    date_start: int | None
    date_end: int | None
    valid_from: int | None
    valid_until: int | None
    n_sources: int


class TraversalIndex:
    """Thread-safe wrapper around the MultiDiGraph; readers never see a half-applied write."""

    def __init__(self) -> None:
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.lock = threading.RLock()

    def add_nodes(self, ids: Iterable[str]) -> None:
        with self.lock:
            self.graph.add_nodes_from(ids)

    def put_edges(self, edges: Iterable[EdgeInfo]) -> None:
        with self.lock:
            for edge in edges:
                self.graph.add_edge(edge.subject, edge.object, key=edge.key, info=edge)

    def has_node(self, node: str) -> bool:
        return bool(self.graph.has_node(node))

    def edges_of(self, node: str) -> Iterator[tuple[str, EdgeInfo]]:
        """Every (other end, edge) touching ``node``, both directions."""
        graph = self.graph
        if node not in graph:
            return
        for other, keyed in graph.succ[node].items():
            for data in keyed.values():
                yield other, data["info"]
        for other, keyed in graph.pred[node].items():
            if other == node:
                continue  # a self-loop was already seen as a successor
            for data in keyed.values():
                yield other, data["info"]

    def edges_between(self, a: str, b: str) -> list[EdgeInfo]:
        graph = self.graph
        found = [d["info"] for d in graph.succ[a].get(b, {}).values()]
        if a != b:
            found += [d["info"] for d in graph.succ[b].get(a, {}).values()]
        return found


def edge_admitted(
    edge: EdgeInfo, predicates: frozenset[Predicate] | None, window: TimeWindow
) -> bool:
    """Whether a traversal with these filters may use ``edge``."""
    if predicates is not None and edge.predicate not in predicates:
        return False
    if window.is_open:
        return True
    return window.admits(edge.date_start, edge.date_end, edge.valid_from, edge.valid_until)
