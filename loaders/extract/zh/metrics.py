"""Reported figures in Chinese: ``营业收入182.28亿元，同比增长10.3%``.

A metric needs a measure word, an amount of money after it in the same clause, and
a firm it belongs to (named before it in the sentence, else the story's firm).
"""

from __future__ import annotations

from dataclasses import dataclass

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["MEASURES", "MetricReading", "read_metrics"]

# Chinese measure -> the metric name shared with English stories.
MEASURES: dict[str, str] = {
    "营业收入": "revenue",
    "营业总收入": "revenue",
    "营收": "revenue",
    "总收入": "revenue",
    "收入": "revenue",
    "销售额": "sales",
    "销售收入": "sales",
    "净利润": "net profit",
    "归母净利润": "net profit",
    "归属于上市公司股东的净利润": "net profit",
    "扣非净利润": "net profit excluding one-offs",
    "营业利润": "operating profit",
    "利润总额": "total profit",
    "净亏损": "net loss",
    "亏损": "net loss",
}
_UP = ("增长", "上升", "上涨", "增加", "提升", "提高")
_DOWN = ("下降", "下滑", "减少", "下跌", "降低")


@dataclass(frozen=True, slots=True)
class MetricReading:
    """One figure read from a sentence."""

    subject: int
    name: str
    value: float
    currency: str
    change_pct: float | None
    period: str | None


def read_metrics(units: list[Unit], table: EntityTable, fallback: int) -> list[MetricReading]:
    """Figures stated in one sentence (``fallback`` is the story's firm, or -1)."""
    out: list[MetricReading] = []
    for k, unit in enumerate(units):
        if unit.kind != "word":
            continue
        name = _measure(unit.text, units, k)
        if name is None:
            continue
        money_at = None
        for j in range(k + 1, min(len(units), k + 6)):
            if units[j].is_clause_end or units[j].is_sentence_end:
                break
            if units[j].kind == "money":
                money_at = j
                break
        if money_at is None:
            continue
        money = units[money_at].money
        assert money is not None
        subject = _owner(units, k, table, fallback)
        if subject < 0:
            continue
        out.append(
            MetricReading(
                subject,
                name,
                money.value,
                money.currency,
                _change(units, money_at),
                _period(units, k),
            )
        )
    return out


def _measure(word: str, units: list[Unit], k: int) -> str | None:
    if word in MEASURES:
        return MEASURES[word]
    joined = word + (units[k + 1].text if k + 1 < len(units) else "")
    return MEASURES.get(joined) if joined in MEASURES else None


def _owner(units: list[Unit], k: int, table: EntityTable, fallback: int) -> int:
    for j in range(k - 1, -1, -1):
        if units[j].kind == "entity" and table.get(units[j].entity).type is EntityType.COMPANY:
            return units[j].entity
    return fallback


def _change(units: list[Unit], start: int) -> float | None:
    for j in range(start + 1, min(len(units), start + 8)):
        unit = units[j]
        if unit.is_sentence_end:
            break
        if unit.kind == "percent" and unit.percent is not None:
            words = "".join(u.text for u in units[start + 1 : j])
            if (
                "同比" not in words
                and "较上年" not in words
                and "增" not in words
                and ("降" not in words)
            ):
                return None
            sign = -1.0 if any(w in words for w in _DOWN) else 1.0
            return sign * unit.percent.value
    return None


def _period(units: list[Unit], k: int) -> str | None:
    for j in range(k - 1, -1, -1):
        unit = units[j]
        if unit.kind == "date" and unit.date is not None:
            return unit.date.period or unit.date.value
    return None
