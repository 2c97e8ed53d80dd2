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

from sinograph.loaders.extract.zh.lexicon import TAGGER_WORDS

__all__ = ["Word", "is_dictionary_word", "tag_words"]


@dataclass(frozen=True, slots=True)
class Word:
    """A segmented word at ``[start, end)`` of the text it came from."""

    text: str
    tag: str
    start: int
    end: int


# High enough to win over any split jieba's own dictionary prefers.
_TAGGER_FREQ = 1_000_000


@lru_cache(maxsize=1)
def _tagger() -> rjieba.Jieba:
    # A private instance: words added for sinograph never leak into other users of rjieba.
    tagger = rjieba.Jieba()
    for word, tag in sorted(TAGGER_WORDS.items()):
        tagger.add_word(word, _TAGGER_FREQ, tag)
    return tagger


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


def is_dictionary_word(text: str) -> bool:
    """Whether jieba's dictionary knows ``text``: a word it does not know but cut out
    anyway came from its HMM for unseen words, and such words are mostly names.

    >>> is_dictionary_word("公告"), is_dictionary_word("嘉麟杰")
    (True, False)
    """
    return bool(_tagger().has_word(text))
