"""The one search ranker of every store that ranks in Python: the tiers, their scores and
when each is consulted, and the best hit per entity, ranked.

A store fetches candidates its own way (SQLite rows and a trigram index, one Cypher
statement with a full-text index, networkx dicts in the benchmarks' baseline) and offers
them here tier by tier; what makes a hit exact, short-form, prefix or fuzzy, how it is
scored and how hits are ordered is decided here only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.names import CONFIDENT_SCORE, WEAK_SCORE, short_form
from sinograph.graph.model.results import EntityMatch, MatchedField, MatchKind

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
    >>> hits.offer_prefix("a", "acm", "acme", "Acme", "alias")
    >>> hits.offer_exact("a", "ACME", "alias"); hits.offer_exact("b", "Acme", "short_name")
    >>> [(k, h.rank, h.score) for k, h in hits.ranked(str, 5)]
    [('a', 1, 100.0), ('b', 2, 100.0)]
    """

    def __init__(self) -> None:
        self._best: dict[K, Hit] = {}

    def offer(self, key: K, rank: int, score: float, alias: str, field: str) -> None:
        best = self._best.get(key)
        if best is None or (rank, -score, alias) < (best.rank, -best.score, best.alias):
            self._best[key] = Hit(rank, score, alias, field)

    def offer_id(self, key: K, text: str, *, redirected: bool = False) -> None:
        """The query is the entity's id (or an id merged into it, which the hit says)."""
        self.offer(key, 0, 100.0, text, "redirect" if redirected else "id")

    def offer_exact(self, key: K, alias: str, kind: str) -> None:
        """A lookup key equal to the query (a short name ranks below a full one)."""
        self.offer(key, 2 if kind == "short_name" else 1, 100.0, alias, kind)

    @property
    def wants_short_form(self) -> bool:
        """A name's short form counts only when nothing carries the name itself."""
        return not self.has_rank(1)

    def offer_short_form(self, key: K, alias: str) -> None:
        """A key equal to the query without its legal suffix."""
        self.offer(key, 2, 100.0, alias, "short_name")

    def offer_prefix(self, key: K, norm: str, alias_norm: str, alias: str, kind: str) -> None:
        """A key that starts with the normalised query, scored by how much of it the
        query covers."""
        self.offer(key, 3, round(100.0 * len(norm) / len(alias_norm), 2), alias, kind)

    def wants_fuzzy(self, norm: str, limit: int) -> bool:
        """Fuzzy matches only fill a page the tiers above left short, and only for a
        query of three characters or more (its short form, when it has one)."""
        return len(self) < limit and len(short_form(norm) or norm) >= 3

    def offer_fuzzy(self, key: K, score: float, alias: str, kind: str) -> None:
        """A key like the query (:func:`graph.model.names.fuzzy_scores`); below the weak
        score it is no hit."""
        if score >= WEAK_SCORE:
            self.offer(key, 4, score, alias, kind)

    def has_rank(self, rank: int) -> bool:
        return any(h.rank == rank for h in self._best.values())

    def __len__(self) -> int:
        return len(self._best)

    def hit_keys(self) -> list[K]:
        """The entities hit so far."""
        return list(self._best)

    def ranked(self, order: Callable[[K], str], limit: int) -> list[tuple[K, Hit]]:
        """Best first: tier, then score, then ``order`` (the entity id) for ties."""
        items = sorted(self._best.items(), key=lambda kv: (kv[1].rank, -kv[1].score, order(kv[0])))
        return items[:limit]
