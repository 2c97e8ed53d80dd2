"""Dates in Chinese text, resolved against the story's publication date.

Absolute (``2025年6月29日``, ``2025年6月``, ``2025年``), partial (``6月29日``,
``7月份``, ``16日``), relative (``今年3月``, ``去年``, ``上周五``, ``本月1日``,
``昨日``, ``近日``) and periods (``上半年``, ``一季度``) each keep the precision
the text gave: a day, a month or a year.

>>> [(d.text, d.value) for d in find_dates("2025年6月29日签约，今年3月曾谈判", "2025-07-01")]
[('2025年6月29日', '2025-06-29'), ('今年3月', '2025-03')]
>>> [d.value for d in find_dates("上周五（10月4日）宣布", "2024-10-08")]
['2024-10-04', '2024-10-04']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates", "published_day", "story_year"]

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_DAY_WORD = r"(?:日|号)"
_PATTERN = re.compile(
    r"(?P<ymd>(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*" + _DAY_WORD + r")"
    r"|(?P<iso>(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))"
    r"|(?P<ym>(?P<y3>\d{4})\s*年\s*(?P<m3>\d{1,2})\s*月份?)"
    r"|(?P<rel_ymd>(?P<ry>今年|去年|前年|明年)(?:(?P<rm>\d{1,2})月份?(?:(?P<rd>\d{1,2})"
    + _DAY_WORD
    + r")?)?)"
    r"|(?P<year>(?P<y4>(?:19|20)\d{2})\s*年(?![\u4e00-\u9fff])|(?P<y4b>(?:19|20)\d{2})\s*年"
    r"(?=起|以来|底|初|末|前|后|内|中|间|至|到|开始|全年|年底|年初|年中|期间))"
    r"|(?P<md>(?P<m5>\d{1,2})\s*月\s*(?P<d5>\d{1,2})\s*" + _DAY_WORD + r")"
    r"|(?P<month>(?<![\d.])(?P<m6>\d{1,2})\s*月份?(?![\d底末初中]))"
    r"|(?P<week>(?P<wk>上|本|这|下)?(?:个)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天]))"
    r"|(?P<mon_rel>(?P<mr>本月|上月|上个月|下月|当月)(?:(?P<mrd>\d{1,2})" + _DAY_WORD + r")?)"
    r"|(?P<dayonly>(?<![\d月年.第])(?P<d7>\d{1,2})" + _DAY_WORD + r"(?![\d]|公告|文|令))"
    r"|(?P<word>昨天|昨日|前天|前日|今天|今日|当天|当日|明天|明日|近日|日前|近期)"
    r"|(?P<half>(?P<hy>\d{4}年|今年|去年)?(?P<h>上半年|下半年|前三季度|"
    r"[一二三四1-4]季度|第[一二三四1-4]季度))"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found at ``[start, end)`` of a text: its value and whether it is a period."""

    start: int
    end: int
    text: str
    value: str
    period: str | None = None


def published_day(published: str | None) -> date | None:
    """The publication date as a day (a partial date counts from its first day)."""
    if not published:
        return None
    parts = published.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def _valid(y: int, m: int, d: int | None = None) -> str | None:
    try:
        if d is None:
            if not 1 <= m <= 12:
                return None
            return f"{y:04d}-{m:02d}"
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _year_for_month(month: int, pub: date | None) -> int | None:
    """A month without a year is the latest such month not far after publication."""
    if pub is None:
        return None
    return pub.year if month <= pub.month + 1 else pub.year - 1


def _resolve(m: re.Match[str], pub: date | None) -> tuple[str | None, str | None]:
    g = m.groupdict()
    if g["ymd"]:
        return _valid(int(g["y1"]), int(g["m1"]), int(g["d1"])), None
    if g["iso"]:
        return _valid(int(g["y2"]), int(g["m2"]), int(g["d2"])), None
    if g["ym"]:
        return _valid(int(g["y3"]), int(g["m3"])), None
    if g["rel_ymd"]:
        if pub is None:
            return None, None
        year = pub.year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[g["ry"]]
        if g["rm"] is None:
            return f"{year:04d}", None
        if g["rd"] is None:
            return _valid(year, int(g["rm"])), None
        return _valid(year, int(g["rm"]), int(g["rd"])), None
    if g["year"]:
        return g["y4"] or g["y4b"], None
    if g["md"]:
        month = int(g["m5"])
        guess = _year_for_month(month, pub)
        return (_valid(guess, month, int(g["d5"])) if guess else None), None
    if g["month"]:
        month = int(g["m6"])
        guess = _year_for_month(month, pub)
        return (_valid(guess, month) if guess else None), None
    if g["week"]:
        return _weekday(g["wk"], g["wd"], pub), None
    if g["mon_rel"]:
        return _month_relative(g["mr"], g["mrd"], pub), None
    if g["dayonly"]:
        if pub is None:
            return None, None
        day = int(g["d7"])
        year, month = pub.year, pub.month
        if day > pub.day:  # "28日" in a story of the 3rd: last month
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return _valid(year, month, day), None
    if g["word"]:
        return _word(g["word"], pub), None
    if g["half"]:
        return _period(g["hy"], g["h"], pub)
    return None, None


def _weekday(which: str | None, name: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    target = _WEEKDAYS[name]
    monday = pub - timedelta(days=pub.weekday())
    if which == "上":
        return (monday - timedelta(days=7 - target)).isoformat()
    if which == "下":
        return (monday + timedelta(days=7 + target)).isoformat()
    if which in ("本", "这"):
        return (monday + timedelta(days=target)).isoformat()
    # A bare "周二" in news is the latest such day on or before publication.
    back = (pub.weekday() - target) % 7
    return (pub - timedelta(days=back)).isoformat()


def _month_relative(word: str, day: str | None, pub: date | None) -> str | None:
    if pub is None:
        return None
    year, month = pub.year, pub.month
    if word in ("上月", "上个月"):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif word == "下月":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _valid(year, month, int(day)) if day else _valid(year, month)


def _word(word: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    shift = {"昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
    if word in shift:
        return (pub + timedelta(days=shift[word])).isoformat()
    if word in ("近日", "日前", "近期"):
        return f"{pub.year:04d}-{pub.month:02d}"  # recent days: the month is all we know
    return pub.isoformat()


def _period(year_text: str | None, half: str, pub: date | None) -> tuple[str | None, str | None]:
    if year_text and year_text[0].isdigit():
        year: int | None = int(year_text[:4])
    elif pub is not None:
        year = pub.year - (1 if year_text == "去年" else 0)
    else:
        year = None
    if year is None:
        return None, None
    if half == "上半年":
        return f"{year:04d}", f"{year}-H1"
    if half == "下半年":
        return f"{year:04d}", f"{year}-H2"
    if half == "前三季度":
        return f"{year:04d}", f"{year}-Q1-Q3"
    quarter = _CN_DIGITS.get(half.lstrip("第")[0])
    return f"{year:04d}", f"{year}-Q{quarter}"


def story_year(text: str) -> str | None:
    """The year a story without a publication date is written in: the latest year it
    states in a full date (``2024年4月10日``, ``2024年4月``) — a story tells its news
    in the year of its latest dated background. None when it states none.

    >>> story_year("2023年5月曾公告；2024年4月10日披露，9月6日收到告知书")
    '2024'
    """
    years = [
        int(m.group("y1") or m.group("y2") or m.group("y3"))
        for m in _PATTERN.finditer(text)
        if m.group("ymd") or m.group("iso") or m.group("ym")
    ]
    return f"{max(years):04d}" if years else None


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date in ``text``, left to right, resolved against ``published``.

    A ``published`` of a year alone (``"2024"``) is a story year: a month or a day
    of a month without a year falls in it, while dates that need the day of
    publication (``16日``, ``上周五``, ``近日``) stay unresolved."""
    pub = published_day(published)
    if pub is not None and published is not None and len(published) == 4:
        return _find_in_year(text, pub.year)
    found: list[DateMention] = []
    for m in _PATTERN.finditer(text):
        value, period = _resolve(m, pub)
        if value is None:
            continue
        if pub is not None and text[max(0, m.start() - 3) : m.start()].endswith(_FUTURE):
            value = _forward(m, value, pub)
        found.append(DateMention(m.start(), m.end(), m.group(0), value, period))
    return found


def _find_in_year(text: str, year: int) -> list[DateMention]:
    end_of_year = date(year, 12, 31)
    found: list[DateMention] = []
    for m in _PATTERN.finditer(text):
        g = m.groupdict()
        if g["week"] or g["mon_rel"] or g["dayonly"] or g["word"]:
            continue
        value, period = _resolve(m, end_of_year)
        if value is not None:
            found.append(DateMention(m.start(), m.end(), m.group(0), value, period))
    return found


# Words before a date that put it ahead of publication: "将于9月上市".
_FUTURE = ("将于", "将在", "预计", "计划于", "拟于", "有望在", "有望于", "定于", "将")


def _forward(m: re.Match[str], value: str, pub: date) -> str:
    """A month or day without a year that the text puts ahead: the next one."""
    if not (m.group("md") or m.group("month")) or value >= pub.isoformat()[: len(value)]:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"
