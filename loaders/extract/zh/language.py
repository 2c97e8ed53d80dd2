"""Which language a story is in, and simplified forms for matching.

A story is Chinese when its Han characters are at least as many as its Latin words
(and some 30% of its letters) and no kana (Japanese) or hangul (Korean) says
otherwise: business news in Chinese quotes Latin names (RG Gold, Freeport-McMoRan
Inc., DeepSeek-R1), so a Latin word counts as one unit of text like one Han
character, not as its many letters.
Script counting is exact for this question, so no statistical model is needed.

>>> is_chinese("紫金矿业以12亿美元收购RG Gold。")
True
>>> is_chinese("Zijin Mining agreed to buy RG Gold, 紫金矿业.")
False
>>> is_chinese("紫金矿业收购Freeport-McMoRan Inc.持有的Kisanfu铜钴矿。")
True
>>> to_simplified("紫金礦業集團")
'紫金矿业集团'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["is_chinese", "is_traditional", "to_simplified"]

# Han characters a story needs for each Latin word to count as Chinese.
_MIN_HAN_PER_WORD = 1.0
# ... and at least this share of its letters ("Shares of CATL (宁德时代新能源科技) rose.").
_MIN_HAN_SHARE = 0.3
_SAMPLE = 4000


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def _is_kana_or_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF


def is_chinese(text: str) -> bool:
    """Whether ``text`` is written in Chinese (simplified or traditional)."""
    han = letters = kana = latin_words = 0
    in_word = False
    for ch in text[:_SAMPLE]:
        latin = False
        if _is_han(ch):
            han += 1
            letters += 1
        elif ch.isalpha():
            letters += 1
            if _is_kana_or_hangul(ch):
                kana += 1
            else:
                latin = True
        if latin and not in_word:
            latin_words += 1
        in_word = latin
    if not letters or han < 2:
        return False
    # Japanese mixes kanji with kana; a few kana in a Chinese story (a brand) are fine.
    if kana > 0.1 * letters:
        return False
    return han >= _MIN_HAN_PER_WORD * latin_words and han >= _MIN_HAN_SHARE * letters


@lru_cache(maxsize=1)
def _converter() -> object:
    import opencc  # imported on first use: English stories never pay for it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC's traditional-to-simplified tables)."""
    converted = _converter().convert(text)  # type: ignore[attr-defined]
    return str(converted)


def is_traditional(text: str) -> bool:
    """Whether converting to simplified changes ``text`` noticeably (a traditional story)."""
    sample = text[:_SAMPLE]
    changed = sum(1 for a, b in zip(sample, to_simplified(sample), strict=False) if a != b)
    return changed >= 3
