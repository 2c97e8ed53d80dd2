"""The units a Chinese sentence is read as: words, entity mentions, dates, money,
percentages and punctuation, each with its place in the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from sinograph.loaders.extract.zh.amounts import MoneyMention, PercentMention
from sinograph.loaders.extract.zh.dates import DateMention

__all__ = ["CLAUSE_MARKS", "CONJUNCTIONS", "SENTENCE_MARKS", "Unit"]

CLAUSE_MARKS = frozenset("，,：:")
SENTENCE_MARKS = frozenset("。！？；!?;")
CONJUNCTIONS = frozenset({"、", "和", "及", "与", "以及", "及其", "或", "同", "跟", "、、"})


@dataclass(slots=True)
class Unit:
    """One unit of a sentence. ``kind`` is ``word``, ``entity``, ``title``, ``date``,
    ``money``, ``percent`` or ``punct``; ``entity`` indexes the story's entity table."""

    kind: str
    text: str
    start: int
    end: int
    tag: str = ""
    entity: int = -1
    anaphor: bool = False
    date: DateMention | None = None
    money: MoneyMention | None = None
    percent: PercentMention | None = None

    @property
    def is_clause_end(self) -> bool:
        return self.kind == "punct" and self.text in CLAUSE_MARKS

    @property
    def is_sentence_end(self) -> bool:
        return self.kind == "punct" and self.text in SENTENCE_MARKS
