"""Which language a story is in, and simplified forms for matching.

A story is Chinese when Han characters make up most of its letters and no kana
(Japanese) or hangul (Korean) says otherwise: business news in Chinese quotes
Latin names (RG Gold, DeepSeek-R1) and figures, which this leaves out of the count.
Script counting is exact for this question, so no statistical model is needed.

>>> is_chinese("紫金矿业以12亿美元收购RG Gold。")
True
>>> is_chinese("Zijin Mining agreed to buy RG Gold, 紫金矿业.")
False
>>> to_simplified("紫金礦業集團")
'紫金矿业集团'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["is_chinese", "is_traditional", "to_simplified"]

# Share of letters that must be Han for a story to count as Chinese.
_MIN_HAN_SHARE = 0.5
_SAMPLE = 4000


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def _is_kana_or_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF


def is_chinese(text: str) -> bool:
    """Whether ``text`` is written in Chinese (simplified or traditional)."""
    han = letters = kana = 0
    for ch in text[:_SAMPLE]:
        if _is_han(ch):
            han += 1
            letters += 1
        elif ch.isalpha():
            letters += 1
            if _is_kana_or_hangul(ch):
                kana += 1
    if not letters or han < 2:
        return False
    # Japanese mixes kanji with kana; a few kana in a Chinese story (a brand) are fine.
    if kana > 0.1 * letters:
        return False
    return han / letters >= _MIN_HAN_SHARE


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
