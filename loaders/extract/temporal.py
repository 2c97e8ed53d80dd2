"""Dates in running text, resolved to partial ISO dates that keep their precision.

>>> [(d.text, d.date, d.relative) for d in find_dates("On Monday, it bought X.", "2025-07-02")]
[('Monday', '2025-06-30', True)]
>>> [(d.text, d.date, d.period) for d in find_dates("the first half of 2025", None)]
[('the first half of 2025', '2025', '2025-H1')]

Each mention has ``date`` (``2025-06-29``, ``2025-06`` or ``2025``, as precise as
the text; ``None`` when it cannot be resolved), ``period`` for reported figures
(``2025-06``, ``2025-Q2``, ``2025-H1``, ``2024``, ``FY2024``, ``2025-YTD``) and
``relative`` (whether the publication date was needed). The resolution rules:

* Weekdays: "Monday", "on Monday", "late on Thursday", "Thursday night" are the
  latest such day on or before publication (the publication day itself if it is
  that weekday); "last Monday" is strictly before; "next Monday" / "this coming
  Monday" strictly after; "this Monday" the one in the publication week; "by" /
  "until Friday" on or after publication.
* "yesterday" / "today" / "tomorrow" move a day; "N days ago" gives a day, "N weeks
  ago" / "N months ago" a month, "N years ago" a year. "N days earlier / before /
  later" with nothing after them count from an event in the text, not from the
  publication, so they are reported with ``date=None``.
* "last week" / "this week" / "next week": the month (not the day) of the day seven
  days before / of / seven days after publication, since a week says no day.
* "this month" / "last month" / "next month": that month; "last year" the previous
  year; "a year ago" the month twelve months back.
* A month or day with no year ("Feb. 8", "in June", "the fourth quarter") takes the
  publication year, or the year before when that would put it more than about six
  months (183 days) after publication. "last September" is the latest September
  strictly before the publication month, "next September" the first one after it.
* "the first half of the year" is the publication year; "year to date" /
  "so far this year" is the publication year with period ``YYYY-YTD``.
* Modifiers keep the precision of what they modify: "late 2026" -> ``2026``,
  "by the end of June 2025" -> ``2025-06``; ``period`` is left empty when a
  modifier narrows it ("early this year").
* Numeric day-month forms such as ``6/7/2025`` are ambiguous between US and other
  orders and are not read; ISO ``2025-06-07`` and ``2025/06/07`` are.

Every regular expression is a sequence of literal alternations and bounded
repeats, so matching is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.extract.cues import COUNT_WORDS

__all__ = ["DateMention", "find_dates", "resolve_relative_date"]


class DateMention(BaseModel):
    """A date expression in the text and what it resolves to."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    date: str | None
    period: str | None = None
    relative: bool


# ---------------------------------------------------------------------------
# Vocabulary

_MONTHS: dict[str, int] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_FULL_MONTHS = list(_MONTHS)[:12]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}
# Months that are also given names: "April Wong" is a person, "April sales" a month.
_NAME_MONTHS = frozenset({"April", "June", "August"})
_NAME_AFTER = re.compile(r"\s{1,3}[A-Z][a-z]")
# Holidays named after a weekday are not that weekday of the current week.
_WEEKDAY_HOLIDAYS = ("Black", "Cyber", "Good", "Super", "Ash", "Easter", "Giving", "Blue")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in items)


_S = r"\s{1,3}"
_MONTH = r"(?P<month>" + _alt(list(_MONTHS)) + r")(?:\.(?!\d))?"
_FULL_MONTH = r"(?P<month>" + _alt(_FULL_MONTHS) + r")"
_WEEKDAY = r"(?P<weekday>" + _alt(_WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d:])"
# Words that only introduce a date; they are left out of the mention's span.
_PREPOSITIONS = (
    "on", "in", "since", "by", "until", "till", "through", "throughout", "from", "to",
    "during", "before", "after", "of", "for", "between", "and", "at", "as of", "starting",
    "beginning", "ending", "around", "over", "within", "into", "as early as", "as late as",
    "ahead of", "prior to", "effective", "dated",
)  # fmt: skip
_PREP = r"(?P<prep>(?i:" + _alt(_PREPOSITIONS) + r"))" + _S
# Words that narrow a period without changing its precision ("late 2026", "mid-June").
_MODIFIERS = (
    "early", "mid", "late", "end", "the end of", "end of", "the start of", "start of",
    "the beginning of", "beginning of", "the middle of", "middle of", "the close of",
    "the turn of", "the rest of", "the remainder of", "the latter part of",
    "the early part of", "the first days of", "the last days of", "the spring of",
    "the summer of", "the autumn of", "the fall of", "the winter of", "spring",
    "summer", "autumn", "fall", "winter", "earlier in", "later in", "earlier", "later",
)  # fmt: skip
_MOD = r"(?P<mod>(?i:" + _alt(_MODIFIERS) + r"))(?:" + _S + r"|-)"
_YEAR_UNITS = (
    "%", "percent", "per cent", "pct", "bn", "billion", "million", "mn", "yuan", "dollars",
    "units", "people", "workers", "employees", "staff", "jobs", "shares", "tonnes", "tons",
    "cars", "vehicles", "stores", "shops", "outlets", "points", "times", "km", "kilometres",
    "kilometers", "miles", "mw", "gw", "metres", "meters", "feet", "yen", "euros", "won",
    "companies", "firms", "cases", "homes", "flats", "apartments", "rooms", "hectares",
)  # fmt: skip
_NOT_A_YEAR_AFTER = r"(?!s\b|\s{0,2}(?i:" + _alt(_YEAR_UNITS) + r")(?![a-z]))"
_YEAR_REF = (
    r"(?P<yrel>(?i:this|last|next|the|the\s{1,3}previous|the\s{1,3}following|"
    r"the\s{1,3}current|the\s{1,3}same))"
)


@dataclass(frozen=True)
class _Anchor:
    """The publication date, of whatever precision it was given in."""

    year: int
    month: int | None
    day: int | None

    @property
    def full(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class _Resolved:
    date: str | None
    period: str | None
    relative: bool


@dataclass(frozen=True)
class _Found:
    """What a rule matched: its named groups (those of the look-back window included)."""

    groups: dict[str, str | None]
    start: int  # where the rule's own pattern starts, after any look-back words
    end: int

    def __getitem__(self, name: str) -> str:
        return self.groups.get(name) or ""


_Handler = Callable[[_Found, str, "_Anchor | None"], "_Resolved | None"]


@dataclass(frozen=True)
class _Rule:
    """A pattern that starts on a distinctive token, and optionally an end-anchored
    pattern for the words just before it ("in", "late", "last"). Keeping those words
    out of the main pattern lets the regex engine skip ahead to the token quickly."""

    pattern: re.Pattern[str]
    handler: _Handler
    before: re.Pattern[str] | None = None


# ---------------------------------------------------------------------------
# Formatting and arithmetic


def _group(m: re.Match[str], name: str) -> str:
    """A named group's text, or "" when the group is absent or did not take part."""
    return m.groupdict().get(name) or ""


def _ymd(day: date) -> str:
    return day.isoformat()


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _y(year: int) -> str:
    return f"{year:04d}"


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, anchor: _Anchor | None) -> int | None:
    """The year of a month (and day) written without one: the publication year, or the
    year before when that would fall more than ~six months after publication."""
    if anchor is None:
        return None
    if anchor.month is None:
        return anchor.year
    candidate = _valid_day(anchor.year, month, day or 1) or date(anchor.year, month, 28)
    if (candidate - anchor.first_day).days > 183:
        return anchor.year - 1
    return anchor.year


def _month_offset(anchor: _Anchor, months: int) -> tuple[int, int] | None:
    if anchor.month is None:
        return None
    shifted = date(anchor.year, anchor.month, 1) + relativedelta(months=months)
    return shifted.year, shifted.month


def _quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


# ---------------------------------------------------------------------------
# Handlers: each turns a match into a resolution, or None when it is not a date


def _iso_day(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    year, month, day = int(m["year"]), int(m["nmonth"]), int(m["day"])
    found = _valid_day(year, month, day)
    return _Resolved(_ymd(found), None, False) if found else None


def _chinese_date(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    month = int(m["nmonth"]) if m["nmonth"] else None
    day = int(m["day"]) if m["day"] else None
    if month is not None and not 1 <= month <= 12:
        return None
    year = int(m["year"]) if m["year"] else None
    relative = year is None
    if year is None:
        year = _infer_year(month or 1, day, anchor)
        if year is None:
            return _Resolved(None, None, True)
    if month is None:
        return _Resolved(_y(year), _y(year), False)
    if day is None:
        return _Resolved(_ym(year, month), _ym(year, month), relative)
    found = _valid_day(year, month, day)
    return _Resolved(_ymd(found) if found else None, None, relative)


def _month_day(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    month, day = _MONTHS[m["month"]], int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        found = _valid_day(int(m["year"]), month, day)
        return _Resolved(_ymd(found) if found else None, None, False)
    year = _infer_year(month, day, anchor)
    if year is None:
        return _Resolved(None, None, True)
    found = _valid_day(year, month, day)
    return _Resolved(_ymd(found) if found else None, None, True)


def _month_year(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    value = _ym(int(m["year"]), _MONTHS[m["month"]])
    return _Resolved(value, None if m["mod"] else value, False)


def _bare_month(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    name = m["month"]
    month = _MONTHS[name]
    rel = m["rel"].lower().split()
    yrel = m["yrel"].lower()
    if not (m["prep"] or m["mod"] or rel or yrel):
        if name in ("May", "March"):
            return None  # the verb or modal, not the month
        if name in _NAME_MONTHS and _NAME_AFTER.match(text, m.end):
            return None  # "April Wong": a person
    if anchor is None:
        return _Resolved(None, None, True)
    period_ok = not m["mod"]
    if yrel:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
    elif rel and rel[-1] in ("last", "previous"):
        if anchor.month is None:
            return _Resolved(None, None, True)
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        if anchor.month is None:
            return _Resolved(None, None, True)
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel and rel[-1] == "following":
        return _Resolved(None, None, True)
    elif rel:  # "this September"
        year = anchor.year
    else:
        inferred = _infer_year(month, None, anchor)
        assert inferred is not None  # anchor is set
        year = inferred
    value = _ym(year, month)
    return _Resolved(value, value if period_ok else None, True)


def _year(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    start = m.start
    if not (m["prep"] or m["mod"]) and start > 0:
        before = text[start - 1]
        if before.isalnum() or before in "$€£¥#.,/-_":
            return None  # part of a name, a number or an amount
    value = m["year"]
    return _Resolved(value, None if m["mod"] else value, False)


def _fiscal_year(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    digits = m["fy"].lstrip("'")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return _Resolved(_y(year), f"FY{year:04d}", False)


def _stated_year(m: _Found, anchor: _Anchor | None) -> tuple[int | None, bool] | None:
    """The year of "... 2025" / "... of last year" / "... of the year"; None if none is said.

    The second item says whether the publication date was needed.
    """
    if m["year"]:
        return int(m["year"]), False
    if m["yy"]:
        return 2000 + int(m["yy"]), False
    yrel = m["yrel"].lower().split()
    if not yrel:
        return None
    if anchor is None or yrel[-1] == "following":
        return None, True
    return anchor.year + {"last": -1, "previous": -1, "next": 1}.get(yrel[-1], 0), True


def _period_year(m: _Found, anchor: _Anchor | None, first_month: int) -> tuple[int | None, bool]:
    """The year a half or quarter belongs to, inferred from publication when unsaid."""
    stated = _stated_year(m, anchor)
    if stated is not None:
        return stated
    return _infer_year(first_month, None, anchor), True


def _half(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    half = 1 if m["ord"].lower() in ("first", "1st") or m["h"] == "1" else 2
    year, relative = _period_year(m, anchor, 1 if half == 1 else 7)
    if year is None:
        return _Resolved(None, None, True)
    return _Resolved(_y(year), f"{year:04d}-H{half}", relative)


def _first_months(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    stated = _stated_year(m, anchor)
    if stated is None:
        stated = (anchor.year if anchor else None), True
    year, relative = stated
    if year is None:
        return _Resolved(None, None, True)
    count = m["count"].lower()
    period = {"six": f"{year:04d}-H1", "three": f"{year:04d}-Q1"}.get(count)
    return _Resolved(_y(year), period, relative)


def _quarter(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    ordinal = m["ord"].lower()
    quarter = _ORDINALS[ordinal] if ordinal else int(m["q"])
    year, relative = _period_year(m, anchor, 3 * quarter - 2)
    if year is None:
        return _Resolved(None, None, True)
    return _Resolved(_y(year), f"{year:04d}-Q{quarter}", relative)


def _relative_quarter(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    rel = m["rel"].lower().split()[-1]
    if anchor is None or anchor.month is None or rel == "following":
        return _Resolved(None, None, True)
    offset = {"this": 0, "current": 0, "next": 1}.get(rel, -1)
    index = anchor.year * 4 + _quarter_of(anchor.month) - 1 + offset
    year, quarter = divmod(index, 4)
    return _Resolved(_y(year), f"{year:04d}-Q{quarter + 1}", True)


def _relative_year(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    rel = m["rel"].lower().split()[-1]
    if anchor is None or rel == "following":
        return _Resolved(None, None, True)
    year = anchor.year + {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
    return _Resolved(_y(year), None if m["mod"] else _y(year), True)


def _end_of_the_year(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    if anchor is None:
        return _Resolved(None, None, True)
    return _Resolved(_y(anchor.year), None, True)


def _year_to_date(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    if anchor is None:
        return _Resolved(None, None, True)
    return _Resolved(_y(anchor.year), f"{anchor.year:04d}-YTD", True)


def _relative_month(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    rel = m["rel"].lower().split()[-1]
    if anchor is None or rel == "following":
        return _Resolved(None, None, True)
    shifted = _month_offset(anchor, {"last": -1, "previous": -1, "next": 1}.get(rel, 0))
    if shifted is None:
        return _Resolved(None, None, True)
    value = _ym(*shifted)
    return _Resolved(value, None if m["mod"] else value, True)


def _relative_week(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    rel = m["rel"].lower().split()[-1]
    if anchor is None or anchor.full is None or rel == "following":
        return _Resolved(None, None, True)
    days = {"last": -7, "previous": -7, "next": 7}.get(rel, 0)
    day = anchor.full + timedelta(days=days)
    return _Resolved(_ym(day.year, day.month), None, True)


def _named_day(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    word = " ".join(m["named"].lower().split())
    if anchor is None or anchor.full is None:
        return _Resolved(None, None, True)
    offset = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }[word]
    return _Resolved(_ymd(anchor.full + timedelta(days=offset)), None, True)


def _weekday(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    start = m.start
    if text[max(0, start - 8) : start].rstrip().endswith(_WEEKDAY_HOLIDAYS):
        return None
    if anchor is None or anchor.full is None:
        return _Resolved(None, None, True)
    target = _WEEKDAYS.index(m["weekday"])
    pub = anchor.full
    rel = " ".join(m["rel"].lower().split())
    prep = m["prep"].lower()
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if rel == "last":
        day = pub - timedelta(days=back or 7)
    elif rel in ("next", "this coming", "coming"):
        day = pub + timedelta(days=ahead or 7)
    elif rel == "this":
        day = pub + timedelta(days=target - pub.weekday())
    elif prep in ("by", "until", "till"):
        day = pub + timedelta(days=ahead)
    else:
        day = pub - timedelta(days=back)
    return _Resolved(_ymd(day), None, True)


def _day_of_month(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    """ "On the 31st, the commission ...": a day of the publication's month, or of the month
    before when that day has not come yet."""
    if anchor is None or anchor.full is None:
        return _Resolved(None, None, True)
    day = int(m["day"])
    month = _month_offset(anchor, -1 if day > anchor.full.day else 0)
    found = _valid_day(month[0], month[1], day) if month is not None else None
    return _Resolved(_ymd(found), None, True) if found is not None else None


def _ago(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    count_word = " ".join(m["count"].lower().split())
    unit = m["unit"].lower()
    direction = " ".join(m["dir"].lower().split())
    count = int(count_word) if count_word.isdigit() else COUNT_WORDS.get(count_word)
    if direction not in ("ago", "from now") or count is None or anchor is None:
        return _Resolved(None, None, True)
    sign = -1 if direction == "ago" else 1
    if unit in ("year", "decade"):
        years = count * (10 if unit == "decade" else 1)
        if unit == "year" and count == 1 and anchor.month is not None:
            shifted = _month_offset(anchor, 12 * sign)
            assert shifted is not None
            return _Resolved(_ym(*shifted), None, True)
        return _Resolved(_y(anchor.year + sign * years), None, True)
    if unit == "month":
        shifted = _month_offset(anchor, sign * count)
        return _Resolved(_ym(*shifted) if shifted else None, None, True)
    if anchor.full is None:
        return _Resolved(None, None, True)
    if unit == "week":
        day = anchor.full + timedelta(weeks=sign * count)
        return _Resolved(_ym(day.year, day.month), None, True)
    return _Resolved(_ymd(anchor.full + timedelta(days=sign * count)), None, True)


def _anaphoric(m: _Found, text: str, anchor: _Anchor | None) -> _Resolved | None:
    return _Resolved(None, None, True)


# ---------------------------------------------------------------------------
# Rules


def _rule(pattern: str, handler: _Handler, before: str | None = None) -> _Rule:
    # The look-back pattern starts at a word start, so the search skips mid-word positions.
    look_back = re.compile(r"(?<![A-Za-z])" + before + r"\Z") if before else None
    return _Rule(re.compile(pattern), handler, look_back)


# fmt: off
_YEAR_TAIL = (
    r"(?:(?:" + _S + r"of)?" + _S + r"(?:" + _YEAR + r"|" + _YEAR_REF + _S + r"(?i:fiscal"
    + _S + r")?(?i:year)\b))?"
)
_REL = (
    r"(?P<rel>(?i:this|last|next|the\s{1,3}previous|the\s{1,3}past|the\s{1,3}current|"
    r"the\s{1,3}following|the\s{1,3}prior))"
)
_EDGE = r"(?![A-Za-z\d])"
_NO_WORD_BEFORE = r"(?<![A-Za-z\d])"
_BEFORE_PREP = r"(?:(?<![A-Za-z])" + _PREP + r")?"
_BEFORE_MOD = r"(?:(?<![A-Za-z])" + _MOD + r")?"
_BEFORE_WEEKDAY = r"(?:(?<![A-Za-z])" + _WEEKDAY + r",?" + _S + r")?"
_BEFORE_WINDOW = 40  # "as early as the latter part of " and the like

_RULES: tuple[_Rule, ...] = (
    # 2025-06-29, 2025/06/29, 2025.06.29
    _rule(
        r"(?<![\d.])" + _YEAR + r"(?P<sep>[-/.])(?P<nmonth>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
        r"(?!\d)",
        _iso_day,
    ),
    # 2025年6月29日, 2025年6月, 2025年
    _rule(
        r"(?<!\d)" + _YEAR + r"\s?年(?:(?P<nmonth>[01]?\d)\s?月(?:(?P<day>[0-3]?\d)\s?[日号])?)?",
        _chinese_date,
    ),
    # 6月29日
    _rule(r"(?<!\d)(?P<nmonth>[01]?\d)\s?月(?P<day>[0-3]?\d)\s?[日号]", _chinese_date),
    # June 29, 2025 / Monday, June 30 / Jun. 29
    _rule(
        r"(?<![A-Za-z])" + _MONTH + r"\s{0,2}" + _DAY + r"(?:,?" + _S + _YEAR + r")?",
        _month_day,
        _BEFORE_PREP + _BEFORE_WEEKDAY,
    ),
    # 29 June 2025 / Monday, 30 June / the 5th of May
    _rule(
        r"(?<![\d.])" + _DAY + _S + r"(?:of" + _S + r")?" + _MONTH + r"(?:,?" + _S + _YEAR + r")?",
        _month_day,
        _BEFORE_PREP + _BEFORE_WEEKDAY + r"(?:(?<![A-Za-z])(?i:the)" + _S + r")?",
    ),
    # August 2023 / late June 2025
    _rule(
        r"(?<![A-Za-z])" + _MONTH + r",?(?:" + _S + r"of)?" + _S + _YEAR,
        _month_year,
        _BEFORE_PREP + _BEFORE_MOD,
    ),
    # in June / last September / June last year
    _rule(
        r"(?<![A-Za-z])" + _FULL_MONTH + r"(?![A-Za-z])(?:" + _S + r"(?:of" + _S
        + r")?(?P<yrel>(?i:last|this|next))" + _S + r"(?i:year))?(?!\s{0,2}\d)",
        _bare_month,
        _BEFORE_PREP
        + r"(?:(?<![A-Za-z])(?P<rel>(?i:last|this|next|this\s{1,3}coming|the\s{1,3}following|"
        r"the\s{1,3}previous))" + _S + r")?" + _BEFORE_MOD,
    ),
    # in 2023 / late 2026 / mid-2025
    _rule(r"(?<!\d)" + _YEAR + _NOT_A_YEAR_AFTER, _year, _BEFORE_PREP + _BEFORE_MOD),
    # FY2024 / fiscal 2024 / fiscal year 2024 / FY24
    _rule(
        r"(?<![A-Za-z])(?:FY|(?i:fiscal)" + _S + r"(?:(?i:year)" + _S + r")?)"
        r"(?P<fy>\d{4}|'?\d{2})(?!\d)",
        _fiscal_year,
    ),
    # the first half of 2025 / first-half / the second half of the year / H1 2025 / 1H25
    _rule(
        r"(?i:(?:the" + _S + r")?(?P<ord>first|second|1st|2nd)[\s-]{1,3}half)" + _YEAR_TAIL,
        _half,
    ),
    _rule(_NO_WORD_BEFORE + r"H(?P<h>[12])(?:\s{0,2}" + _YEAR + r")?" + _EDGE, _half),
    _rule(_NO_WORD_BEFORE + _YEAR + r"\s{0,2}H(?P<h>[12])" + _EDGE, _half),
    _rule(_NO_WORD_BEFORE + r"(?P<h>[12])H\s?(?P<yy>\d{2})" + _EDGE, _half),
    # the first six months of 2025
    _rule(
        r"(?i:(?:the" + _S + r")?first" + _S + r"(?P<count>six|three|nine)" + _S + r"months)"
        + _YEAR_TAIL,
        _first_months,
    ),
    # the second quarter / fourth-quarter 2024 / Q2 2025 / Q2'25 / 2025Q2 / 2Q25
    _rule(
        r"(?i:(?:the" + _S + r")?(?P<ord>" + _alt(list(_ORDINALS)) + r")[\s-]{1,3}quarter)"
        + _YEAR_TAIL,
        _quarter,
    ),
    _rule(
        _NO_WORD_BEFORE + r"Q(?P<q>[1-4])(?:\s{0,2}" + _YEAR + r"|\s{0,2}'(?P<yy>\d{2}))?"
        + _EDGE,
        _quarter,
    ),
    _rule(_NO_WORD_BEFORE + _YEAR + r"\s{0,2}Q(?P<q>[1-4])" + _EDGE, _quarter),
    _rule(_NO_WORD_BEFORE + r"(?P<q>[1-4])Q\s?(?P<yy>\d{2})" + _EDGE, _quarter),
    # last quarter / this quarter
    _rule(
        r"(?i:(?P<rel>this|last|next|the\s{1,3}previous|the\s{1,3}current|the\s{1,3}past|"
        r"the\s{1,3}latest|the\s{1,3}following|the\s{1,3}prior|the\s{1,3}most\s{1,3}recent)"
        + _S + r"quarter)\b",
        _relative_quarter,
    ),
    # this year / late last year / earlier this year
    _rule(_REL + _S + r"(?i:year)\b(?!-)", _relative_year, _BEFORE_MOD),
    # the end of the year / year-end
    _rule(
        r"(?i:(?:the" + _S + r"(?:end|close|turn|rest|remainder|second\s{1,3}half|start|"
        r"beginning|middle)" + _S + r"of" + _S + r"the" + _S + r"year|(?<![A-Za-z])year[-\s]end|"
        r"end[-\s]of[-\s]year))\b",
        _end_of_the_year,
    ),
    # year to date / so far this year
    _rule(
        r"(?i:year[-\s]to[-\s]date|so\s{1,3}far\s{1,3}this\s{1,3}year|this\s{1,3}year\s{1,3}so"
        r"\s{1,3}far|(?<![A-Za-z])YTD)\b",
        _year_to_date,
    ),
    # this month / last month / earlier this month
    _rule(_REL + _S + r"(?i:month)\b", _relative_month, _BEFORE_MOD),
    # last week / this week / the past week / last weekend
    _rule(_REL + _S + r"(?i:week(?:end)?)\b", _relative_week, _BEFORE_MOD),
    # yesterday / today / tomorrow
    _rule(
        r"(?i:(?<![A-Za-z])(?P<named>the\s{1,3}day\s{1,3}before\s{1,3}yesterday|"
        r"the\s{1,3}day\s{1,3}after\s{1,3}tomorrow|yesterday|today|tonight|tomorrow))\b"
        r"(?:" + _S + r"(?i:morning|afternoon|evening|night))?",
        _named_day,
    ),
    # on Monday / late on Thursday / Thursday night / last Friday
    _rule(
        r"(?<![A-Za-z])" + _WEEKDAY + r"(?![A-Za-z])(?:" + _S
        + r"(?i:morning|afternoon|evening|night))?",
        _weekday,
        r"(?:(?<![A-Za-z])(?i:early|late)" + _S + r")?" + _BEFORE_PREP
        + r"(?:(?<![A-Za-z])(?P<rel>(?i:last|this|next|this\s{1,3}coming|coming))" + _S + r")?",
    ),
    # on the 31st, (a day of this month, as Korean and Japanese wire copy writes it)
    _rule(
        r"(?<![A-Za-z])(?i:on)" + _S + r"(?i:the)" + _S + r"(?P<day>[0-3]?\d)(?i:st|nd|rd|th)"
        r"(?=\s{0,2}[,.;]|\s*$)",
        _day_of_month,
    ),
    # two days ago / three weeks ago / two days earlier (anaphoric)
    _rule(
        r"(?i:(?<![\w-])(?P<count>\d{1,3}|" + _alt(list(COUNT_WORDS)) + r"|a\s{1,3}couple\s{1,3}of|"
        r"a\s{1,3}few|several)" + _S + r"(?P<unit>day|week|month|year|decade)s?" + _S
        + r"(?P<dir>ago|earlier|before|later|after|previously|from\s{1,3}now)\b)",
        _ago,
    ),
    # the previous day / a year earlier: relative to an event in the text
    _rule(
        r"(?i:(?<![A-Za-z])(?:the\s{1,3}(?:previous|next|following|same)\s{1,3}day|"
        r"the\s{1,3}day\s{1,3}before|the\s{1,3}day\s{1,3}after|a\s{1,3}year\s{1,3}earlier|"
        r"a\s{1,3}year\s{1,3}before))\b",
        _anaphoric,
    ),
)
# fmt: on


# ---------------------------------------------------------------------------
# Public functions


def _found(rule: _Rule, match: re.Match[str], text: str) -> tuple[_Found, int]:
    """The groups of ``match`` and of the words just before it, and where the reported
    span starts (an introducing preposition is left out)."""
    groups = match.groupdict()
    outer_start = span_start = match.start()
    if rule.before is not None:
        window_start = max(0, outer_start - _BEFORE_WINDOW)
        before = rule.before.search(text, window_start, outer_start)
        if before is not None and before.start() < outer_start:
            groups = {**before.groupdict(), **groups}
            outer_start = span_start = before.start()
            if _group(before, "prep"):
                span_start = before.end("prep")
                while span_start < match.start() and text[span_start].isspace():
                    span_start += 1
    return _Found(groups, match.start(), match.end()), span_start


def _anchor(published: str | None) -> _Anchor | None:
    if published is None:
        return None
    try:
        value = parse_partial_date(published)
    except InvalidInput as exc:
        raise InvalidInput(f"publication date: {exc.message}", published=published) from None
    parts = [int(p) for p in value.split("-")]
    return _Anchor(
        parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None
    )


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    ``published`` is the story's publication date as a partial ISO date (``2025-07-01``,
    ``2025-07`` or ``2025``) or None; expressions that need a finer publication date
    than given come back with ``date=None``. Where expressions overlap the longest
    wins. A bad ``published`` raises :class:`InvalidInput`.

    >>> [(d.text, d.date) for d in find_dates("from May 2016 to December 2017", None)]
    [('May 2016', '2016-05'), ('December 2017', '2017-12')]
    >>> [(d.text, d.date) for d in find_dates("It fell last September.", "2025-07-01")]
    [('last September', '2024-09')]
    """
    anchor = _anchor(published)
    candidates: list[tuple[int, int, _Resolved]] = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            found, span_start = _found(rule, match, text)
            resolved = rule.handler(found, text, anchor)
            if resolved is not None:
                candidates.append((span_start, match.end(), resolved))
    # Longest first, then leftmost: "Monday, June 30" beats "Monday" inside it. The
    # introducing preposition is not counted, so "2024 Q4" beats "in 2024".
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, _Resolved]] = []
    for start, end, resolved in candidates:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, resolved))
    chosen.sort(key=lambda c: c[0])
    return [
        DateMention(
            start=start,
            end=end,
            text=text[start:end],
            date=resolved.date,
            period=resolved.period,
            relative=resolved.relative,
        )
        for start, end, resolved in chosen
    ]


def resolve_relative_date(expression: str, published: str) -> str | None:
    """Resolve one date expression against the publication date; None if it cannot be.

    >>> resolve_relative_date("last month", "2025-07-01")
    '2025-06'
    >>> resolve_relative_date("on Thursday night", "2025-07-01")
    '2025-06-26'
    """
    mentions = find_dates(expression, published)
    if not mentions:
        return None
    longest = max(mentions, key=lambda d: (d.end - d.start, -d.start))
    return longest.date
