"""Edge records and the edge filter shared by every Python-side traversal.

The embedded store's own index is :mod:`graph.embedded.compact` (integer ids,
numpy arrays); these per-edge records serve stores that traverse in Python one
edge at a time (the Neo4j store's remote adjacency) and must filter edges with
exactly the rule the embedded store vectorises.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import Predicate
from graph.queries import TimeWindow

__all__ = ["EdgeInfo", "edge_admitted"]


@dataclass(frozen=True, slots=True)
class EdgeInfo:
    """What traversal filters on, for one fact."""

    key: str
    subject: str
    object: str
    predicate: Predicate
    date_start: int | None
    date_end: int | None
    valid_from: int | None
    valid_until: int | None
    n_sources: int
    confidence: float = 1.0


def edge_admitted(
    edge: EdgeInfo,
    predicates: frozenset[Predicate] | None,
    window: TimeWindow,
    min_confidence: float | None = None,
) -> bool:
    """Whether a traversal with these filters may use ``edge``."""
    if predicates is not None and edge.predicate not in predicates:
        return False
    if min_confidence is not None and edge.confidence < min_confidence:
        return False
    if window.is_open:
        return True
    return window.admits(edge.date_start, edge.date_end, edge.valid_from, edge.valid_until)
