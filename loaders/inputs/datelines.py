"""Datelines at the start of a story: ``BEIJING, May 3 (Xinhua) --``, ``(Reuters) -``.

A dateline names the publisher (the wire in brackets) and often a month and day
without a year. The text is left as it is: only the metadata is read from it.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

__all__ = ["Dateline", "find_dateline", "resolve_dateline_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_DATE = r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?"
_PUBLISHER = r"\((?P<publisher>[A-Z][^()\n]{0,40})\)"
_DASH = r"\s*(?:-{1,2}|[\u2013\u2014\u2015])(?=\s)"
_PLACE = r"(?P<place>[A-Z][A-Z.'\u2019-]*(?:[ /][A-Z][A-Z.'\u2019-]*)*)(?:,\s+[A-Z][a-z]+)?"

# "(Yicai Global) May 22 --", "(Reuters) -"
_WIRE_FIRST = re.compile(rf"^\s*{_PUBLISHER}(?:\s+{_DATE})?{_DASH}")
# "HONG KONG, March 3 (Reuters) -", "BEIJING, May 3 (Xinhua) --", "SYDNEY --"
_PLACE_FIRST = re.compile(rf"^\s*{_PLACE}(?:,\s+{_DATE})?(?:\s+{_PUBLISHER})?{_DASH}")


class Dateline(BaseModel):
    """What a dateline says; any part may be missing."""

    model_config = ConfigDict(frozen=True)

    place: str | None = None
    publisher: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (after a title line, if any), or ``None``.

    >>> find_dateline("HONG KONG, March 3 (Reuters) - Shares rose.")
    Dateline(place='HONG KONG', publisher='Reuters', month=3, day=3, year=None)
    >>> find_dateline("(Yicai) Feb. 8 -- China named a new regulator.").publisher
    'Yicai'
    >>> find_dateline("China named a new regulator.") is None
    True
    """
    head = text.lstrip()[:200]
    match = _WIRE_FIRST.match(head) or _PLACE_FIRST.match(head)
    if match is None:
        return None
    groups = match.groupdict()
    month = _MONTHS.get((groups.get("month") or "").lower())
    if groups.get("month") and month is None:
        # "SYDNEY, Tuesday 3 --" or a capitalised word that is not a month: not a date.
        return None
    place = groups.get("place")
    if place is not None and len(place.replace(" ", "")) < 3:
        # A lone capital ("A - B") is not a place.
        return None
    publisher = groups.get("publisher")
    return Dateline(
        place=place.strip() if place else None,
        publisher=publisher.strip() if publisher else None,
        month=month,
        day=int(groups["day"]) if month and groups.get("day") else None,
        year=int(groups["year"]) if groups.get("year") else None,
    )


def resolve_dateline_date(dateline: Dateline, known: str | None) -> str | None:
    """The dateline's day as ``YYYY-MM-DD``, taking a missing year from ``known``.

    ``known`` is the publication date known otherwise (file metadata or the
    caller's). A month/day later in the year than ``known`` belongs to the year
    before (a story dated Dec 31 published on Jan 2). Without any year the day
    stays unresolved (``None``).

    >>> resolve_dateline_date(Dateline(month=5, day=22), "2023-05-23")
    '2023-05-22'
    >>> resolve_dateline_date(Dateline(month=12, day=31), "2025-01-02")
    '2024-12-31'
    >>> resolve_dateline_date(Dateline(month=5, day=22), None) is None
    True
    """
    if dateline.month is None or dateline.day is None:
        return None
    year = dateline.year
    if year is None:
        if known is None:
            return None
        year = int(known[:4])
        if len(known) >= 7 and (dateline.month, dateline.day) > _month_day(known):
            year -= 1
    try:
        return date(year, dateline.month, dateline.day).isoformat()
    except ValueError:
        return None


def _month_day(known: str) -> tuple[int, int]:
    month = int(known[5:7])
    # A month-precision date: any day of that month is not "later".
    day = int(known[8:10]) if len(known) == 10 else 31
    return month, day
