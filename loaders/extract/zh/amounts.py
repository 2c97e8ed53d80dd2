"""Money and percentages in Chinese text.

Money is a number (Arabic, or Chinese numerals as in ``十二亿``), a multiplier
(``万``, ``亿``, ``千亿``, ``万亿``, ``百万``, ``千万``) and a currency (``元``,
``美元``, ``港元``, ``欧元``, ``日元``…, with ``人民币`` before or after); values are
in units, currencies ISO 4217. A percentage is ``10.3%`` or ``百分之十``.

>>> [(m.value, m.currency) for m in find_money("以12亿美元收购，另付3.5亿元人民币")]
[(1200000000.0, 'USD'), (350000000.0, 'CNY')]
>>> [p.value for p in find_percents("同比增长10.3%，持股百分之五十一")]
[10.3, 51.0]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MoneyMention", "PercentMention", "find_money", "find_percents", "parse_number"]

_MULTIPLIERS = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "千": 1e3,
}
_CURRENCIES = {
    "美元": "USD",
    "美金": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "韩元": "KRW",
    "澳元": "AUD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "新台币": "TWD",
    "卢布": "RUB",
    "瑞士法郎": "CHF",
    "人民币": "CNY",
    "元人民币": "CNY",
    "元": "CNY",
}
_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
_NUMBER = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_NUMERAL}]+)"
_MULT = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_CUR = "|".join(sorted(_CURRENCIES, key=len, reverse=True))
_MONEY = re.compile(
    rf"(?P<pre>人民币|美元|港元|港币|欧元)?\s*(?P<num>{_NUMBER})\s*(?P<approx>多|余)?"
    rf"(?P<mult>{_MULT})?(?P<approx2>多|余)?\s*(?P<cur>{_CUR})(?P<post>人民币)?"
)
_PERCENT = re.compile(
    r"(?P<num>-?\d+(?:\.\d+)?)\s*(?:%|％|个百分点)|百分之(?P<cn>[零〇一二两三四五六七八九十百点\d.]+)"
)
_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount of money at ``[start, end)``: value in units and an ISO 4217 currency."""

    start: int
    end: int
    text: str
    value: float
    currency: str


@dataclass(frozen=True, slots=True)
class PercentMention:
    """A percentage at ``[start, end)``."""

    start: int
    end: int
    text: str
    value: float


def parse_number(text: str) -> float | None:
    """``"1,234.5"`` -> 1234.5; ``"十二"`` -> 12.0; ``"三千五百"`` -> 3500.0.

    >>> parse_number("两百")
    200.0
    """
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    if "点" in cleaned:
        whole, _, frac = cleaned.partition("点")
        head = parse_number(whole) if whole else 0.0
        digits = "".join(str(_CN_DIGIT.get(c, "")) for c in frac)
        return None if head is None or not digits else float(f"{int(head)}.{digits}")
    total = 0
    current = 0
    for ch in cleaned:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        else:
            return None
    total += current
    return float(total) if total or cleaned in ("零", "〇") else None


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money in ``text``, left to right."""
    found: list[MoneyMention] = []
    for m in _MONEY.finditer(text):
        number = parse_number(m.group("num"))
        if number is None:
            continue
        currency_word = m.group("cur")
        pre = m.group("pre")
        if pre and currency_word == "元":
            currency_word = pre  # "人民币12亿元", "港币3亿元"
        currency = _CURRENCIES[currency_word]
        multiplier = _MULTIPLIERS.get(m.group("mult") or "", 1.0)
        if multiplier == 1.0 and currency_word == "元" and "." in m.group("num"):
            # "87.98元/股" is a price, still money; kept as stated.
            pass
        found.append(
            MoneyMention(m.start(), m.end(), m.group(0), round(number * multiplier, 2), currency)
        )
    return found


def find_percents(text: str) -> list[PercentMention]:
    """Every percentage in ``text``, left to right."""
    found: list[PercentMention] = []
    for m in _PERCENT.finditer(text):
        if m.group("num") is not None:
            value: float | None = float(m.group("num"))
        else:
            value = parse_number(m.group("cn"))
        if value is None:
            continue
        found.append(PercentMention(m.start(), m.end(), m.group(0), value))
    return found
