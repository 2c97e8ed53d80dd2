"""Words and parts of speech from rjieba (jieba's dictionary and tagger in Rust,
shipped in the wheel: nothing is downloaded at run time).

The tags are jieba's: ``nr`` person, ``ns`` place, ``nt`` organisation, ``nz`` other
proper noun, ``v`` verb, ``p`` preposition, ``m`` numeral, ``x`` punctuation, ``eng``
Latin letters.

>>> [w.text for w in tag_words("董事长陈景河表示")]
['董事长', '陈景河', '表示']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import rjieba

__all__ = ["Word", "tag_words"]


@dataclass(frozen=True, slots=True)
class Word:
    """A segmented word at ``[start, end)`` of the text it came from."""

    text: str
    tag: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _tagger() -> rjieba.Jieba:
    # A private instance: words added for sinograph never leak into other users of rjieba.
    return rjieba.Jieba()


def tag_words(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text`` with their tags; offsets count from ``offset``."""
    words: list[Word] = []
    position = offset
    for token, tag in _tagger().tag(text):
        if not token.strip():
            position += len(token)
            continue
        words.append(Word(token, tag, position, position + len(token)))
        position += len(token)
    return words
