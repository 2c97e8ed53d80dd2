"""The Lucene query that asks the ``entity_names`` full-text index for fuzzy candidates."""

from __future__ import annotations

import re

__all__ = ["fulltext_query"]

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_ASCII_WORD = re.compile(r"^[0-9a-z]+$")


def _escape(term: str) -> str:
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def fulltext_query(norm: str) -> str:
    """A recall-oriented query for a normalised name: each word, or any word one edit from it.

    The index only proposes candidates; the store ranks them with the same scorer
    as the embedded store. One edit per word (``~1``) rather than Lucene's default
    two, and no prefix stems: measured at 100k facts, that halves the time of the
    full-text lookup (about 25 to 12 ms), the bulk of a search.

    >>> fulltext_query("zjin mining")
    'zjin~1 mining~1'
    >>> fulltext_query("紫金")
    '紫金'
    """
    parts: list[str] = []
    for word in norm.split():
        term = _escape(word)
        # Fuzzy terms bypass the analyzer, so only plain lowercase words (which the
        # index stores as they are) get them; CJK stays analysed.
        parts.append(f"{term}~1" if _ASCII_WORD.match(word) and len(word) >= 3 else term)
    return " ".join(parts)
