"""Collecting search hits the same way in every store: the best hit per entity, ranked."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from graph.model.domain import Entity
from graph.model.names import CONFIDENT_SCORE
from graph.model.results import EntityMatch, MatchedField, MatchKind

__all__ = ["Hit", "MatchSet"]

K = TypeVar("K", bound=Hashable)

# Tiers, best first: id, exact key, short form (a name without its legal suffix),
# prefix, fuzzy (see graph.stores.resolver).
_KINDS: dict[int, MatchKind] = {0: "id", 1: "exact", 2: "exact", 3: "prefix", 4: "fuzzy"}


@dataclass(frozen=True, slots=True)
class Hit:
    """How one entity matched: its tier, score, the surface form and what that form is."""

    rank: int
    score: float
    alias: str
    field: str

    def match(self, entity: Entity) -> EntityMatch:
        matched: MatchedField = self.field  # type: ignore[assignment]
        if self.rank == 2:
            matched = "short_name"
        return EntityMatch(
            entity=entity,
            match=_KINDS[self.rank],
            score=self.score,
            matched_alias=self.alias,
            matched_field=matched,
            weak=self.rank == 4 and self.score < CONFIDENT_SCORE,
        )


class MatchSet(Generic[K]):
    """The best hit per entity key (a store's node number or entity id).

    >>> hits: MatchSet[str] = MatchSet()
    >>> hits.offer("a", 3, 50.0, "Acme", "alias"); hits.offer("a", 1, 100.0, "ACME", "alias")
    >>> [(k, h.rank) for k, h in hits.ranked(str, 5)]
    [('a', 1)]
    """

    def __init__(self) -> None:
        self._best: dict[K, Hit] = {}

    def offer(self, key: K, rank: int, score: float, alias: str, field: str) -> None:
        best = self._best.get(key)
        if best is None or (rank, -score, alias) < (best.rank, -best.score, best.alias):
            self._best[key] = Hit(rank, score, alias, field)

    def has_rank(self, rank: int) -> bool:
        return any(h.rank == rank for h in self._best.values())

    def __len__(self) -> int:
        return len(self._best)

    def ranked(self, order: Callable[[K], str], limit: int) -> list[tuple[K, Hit]]:
        """Best first: tier, then score, then ``order`` (the entity id) for ties."""
        items = sorted(self._best.items(), key=lambda kv: (kv[1].rank, -kv[1].score, order(kv[0])))
        return items[:limit]
