"""A list of sanctioned names written one per line after the act.

Chinese copy often reports a listing in one sentence and names the listed firms below
it, a line each: "美国商务部宣布将11家中国企业列入实体清单。这11家公司包括：" followed by
"Norvik Textile Co. Ltd.(某某纺织)" lines. The sentence rules see a count, not names; this
step reads the lines (the Chinese name in brackets, else the line) and gives each the
sanction of the state that acted in the sentences just before.

>>> _item("Norvik Textile Co. Ltd.(诺维克纺织)")
('诺维克纺织', 'Norvik Textile Co. Ltd.')
>>> _item("凯斯特雷尔集团"), _item("其中包括：")
(('凯斯特雷尔集团', None), None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.engine import Candidate
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.rules.trade import SANCTION_LISTS
from sinograph.loaders.extract.zh.sentences import Sentence
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["roster_sanctions"]

# "这11家公司包括：", "名单如下："; the list follows on its own lines
_OPENS = re.compile(r"(?:包括|如下|分别为|分别是|名单为)\s*[:：]\s*$")
_LATIN_THEN_HAN = re.compile(r"^\s*([A-Za-z][^()（）]{1,80}?)\s*[(（]([^()（）]{2,30})[)）]\s*$")
_HAN_ONLY = re.compile(r"^\s*([\u4e00-\u9fff][^，。；、,;:：\s]{1,29})\s*$")
_ACTS = (*SANCTION_LISTS, "制裁", "出口管制")
_STATES = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COUNTRY})
_LOOK_BACK = 2  # sentences before the opening one that may hold the act


def roster_sanctions(
    sentences: Sequence[Sentence],
    units: Sequence[Sequence[Unit]],
    table: EntityTable,
) -> list[Candidate]:
    """SANCTIONS facts for the names listed line by line after a sanction's roster."""
    out: list[Candidate] = []
    for i, sentence in enumerate(sentences):
        if not _OPENS.search(sentence.text):
            continue
        act = _act_before(sentences, units, table, i)
        if act is None:
            continue
        actor, where = act
        j = i + 1
        while j < len(sentences) and (item := _item(sentences[j].text)) is not None:
            name, latin = item
            # the whole Latin name is the firm (the reader may have cut "Co. Ltd." off it),
            # the Chinese one in brackets its other name
            listed = table.whole(latin or name, EntityType.COMPANY)
            if latin:
                table.alias(name, listed)
            if listed != actor:
                out.append(
                    Candidate(
                        actor, Predicate.SANCTIONS, listed, where, "zh.sanction.roster_lines", 0.7
                    )
                )
            j += 1
    return out


def _item(line: str) -> tuple[str, str | None] | None:
    """(Chinese name, Latin name or None) a roster line gives, or None for no item."""
    if _OPENS.search(line):
        return None
    match = _LATIN_THEN_HAN.match(line)
    if match is not None:
        return match.group(2).strip(), match.group(1).strip()
    match = _HAN_ONLY.match(line)
    return (match.group(1).strip(), None) if match is not None else None


def _act_before(
    sentences: Sequence[Sentence],
    units: Sequence[Sequence[Unit]],
    table: EntityTable,
    opening: int,
) -> tuple[int, int] | None:
    """(the acting state, its sentence) of the sanction told just before the roster."""
    for k in range(opening, max(-1, opening - _LOOK_BACK - 1), -1):
        text = sentences[k].text
        at = min((text.find(w) for w in _ACTS if w in text), default=-1)
        if at < 0:
            continue
        states = [
            u.entity
            for u in units[k]
            if u.kind == "entity" and u.start < at and table.get(u.entity).type in _STATES
        ]
        # the body that acts, not the country of the firms it lists ("将11家中国企业")
        bodies = [e for e in states if table.get(e).type is EntityType.GOVERNMENT_BODY]
        if bodies or states:
            return (bodies or states)[0], sentences[k].index
    return None
