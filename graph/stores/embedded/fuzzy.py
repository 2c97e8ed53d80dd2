"""Candidates for fuzzy entity search: surface forms sharing character trigrams with the query.

Scoring every alias with rapidfuzz's ``WRatio`` costs about 1 µs an alias, a
third of a second at a million facts. This index keeps, for each trigram of
``" " + norm + " "``, the positions of the aliases containing it
(``array('i')``, read by numpy without copying); a query counts shared
trigrams with one ``bincount`` and hands only the best few hundred aliases to
``WRatio``. It grows with the aliases the store appends, and is built on the
first fuzzy search, not on open.
"""

from __future__ import annotations

from array import array

import numpy as np

__all__ = ["TrigramIndex", "trigrams"]

# A trigram found in more aliases than this says little; it is skipped unless the
# query has nothing rarer.
_COMMON = 20_000


def trigrams(norm: str) -> set[str]:
    """The character trigrams of a normalised name, padded with a space each side.

    >>> sorted(trigrams("abc"))
    [' ab', 'abc', 'bc ']
    """
    padded = f" {norm} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TrigramIndex:
    """Trigram postings over a growing list of normalised aliases."""

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}
        self._size = 0

    def extend(self, norms: list[str]) -> None:
        """Index the aliases of ``norms`` not indexed yet (the list only ever grows)."""
        postings = self._postings
        for position in range(self._size, len(norms)):
            for gram in trigrams(norms[position]):
                found = postings.get(gram)
                if found is None:
                    found = postings[gram] = array("i")
                found.append(position)
        self._size = len(norms)

    def candidates(self, norms: list[str], query: str, limit: int) -> list[int]:
        """Positions of up to ``limit`` aliases sharing the most trigrams with ``query``."""
        self.extend(norms)
        grams = [self._postings[g] for g in trigrams(query) if g in self._postings]
        if not grams:
            return []
        rare = [g for g in grams if len(g) <= _COMMON] or [min(grams, key=len)]
        hits = np.concatenate([np.frombuffer(g, dtype=np.int32) for g in rare])
        counts = np.bincount(hits)
        # Ask for a real share of the query's trigrams, so one common syllable is not enough.
        floor = max(1, len(rare) // 3)
        chosen = np.flatnonzero(counts >= floor)
        if chosen.shape[0] > limit:
            top = np.argpartition(-counts[chosen], limit)[:limit]
            chosen = chosen[top]
        best_first = chosen[np.lexsort((chosen, -counts[chosen]))]
        return [int(p) for p in best_first.tolist()]
