"""Dates found in files, normalised to partial ISO dates that keep their precision."""

from __future__ import annotations

from datetime import datetime

from dateutil import parser as date_parser

from sinograph.graph.model.dates import parse_partial_date
from sinograph.graph.model.errors import InvalidInput

__all__ = ["normalise_date"]

# Two defaults that differ in every field tell which fields the text gave. Both
# years are leap years and both months have 31 days, so any day the text gives fits.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 3, 2)


def normalise_date(value: object) -> str:
    """Turn a date as files write it into ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    The precision is what the value states: a month and year stay a month. Times
    and time zones are dropped (the date is the one written, not converted).

    >>> normalise_date("Mon, 30 Jun 2025 08:15:00 +0800")
    '2025-06-30'
    >>> normalise_date("June 2025")
    '2025-06'
    >>> normalise_date(2024)
    '2024'
    >>> normalise_date("soon")
    Traceback (most recent call last):
    ...
    sinograph.graph.model.errors.InvalidInput: bad date 'soon': not a date
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidInput(f"bad date {value!r}: expected a string")
    text = str(value).strip()
    if not text:
        raise InvalidInput("bad date '': empty")
    try:
        return parse_partial_date(text)
    except InvalidInput:
        pass
    try:
        first = date_parser.parse(text, default=_DEFAULT_A)
        second = date_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        raise InvalidInput(f"bad date {text!r}: not a date") from None
    if first.year != second.year:
        raise InvalidInput(f"bad date {text!r}: no year")
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()
