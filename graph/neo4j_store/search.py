"""The Lucene query that asks the ``entity_names`` full-text index for fuzzy candidates."""

from __future__ import annotations

import re

__all__ = ["fulltext_query"]

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_ASCII_WORD = re.compile(r"^[0-9a-z]+$")


def _escape(term: str) -> str:
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def fulltext_query(norm: str) -> str:
    """A recall-oriented query for a normalised name: each word, its fuzzy form and its stem.

    The index only proposes candidates; the store ranks them with the same scorer
    as the embedded store, so the query errs towards too many.

    >>> fulltext_query("zjin mining")
    'zjin zjin~ zji* mining mining~ min*'
    >>> fulltext_query("紫金")
    '紫金'
    """
    parts: list[str] = []
    for word in norm.split():
        term = _escape(word)
        parts.append(term)
        if _ASCII_WORD.match(word) and len(word) >= 3:
            # Fuzzy and prefix terms bypass the analyzer, so only plain lowercase words
            # (which the index stores as they are) get them; CJK stays analysed.
            parts.append(f"{term}~")
            parts.append(f"{_escape(word[:3])}*")
    return " ".join(parts)
