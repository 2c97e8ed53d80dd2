"""Dates that keep their precision: ``2025-06-29``, ``2025-06`` or ``2025``.

A partial date sorts at the start of its period; these helpers turn one into a
day ordinal for ordering and windowing without losing what the text said.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator

from sinograph.graph.model.errors import InvalidInput

__all__ = [
    "PartialDate",
    "Precision",
    "date_precision",
    "parse_partial_date",
    "partial_date_end_ordinal",
    "partial_date_ordinal",
]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: str) -> str:
    """Validate an ISO date of day, month or year precision and return it unchanged.

    >>> parse_partial_date("2025-06")
    '2025-06'
    >>> parse_partial_date("2025-13")
    Traceback (most recent call last):
    ...
    sinograph.graph.model.errors.InvalidInput: bad date '2025-13': month must be 01..12
    """
    text = value.strip()
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise InvalidInput(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if not 1 <= int(year) <= 9999:
        raise InvalidInput(f"bad date {value!r}: year out of range")
    if month is not None and not 1 <= int(month) <= 12:
        raise InvalidInput(f"bad date {value!r}: month must be 01..12")
    if day is not None:
        try:
            date(int(year), int(month or 1), int(day))
        except ValueError as exc:
            raise InvalidInput(f"bad date {value!r}: {exc}") from None
    return text


def _validate(value: str) -> str:
    try:
        return parse_partial_date(value)
    except InvalidInput as exc:
        # pydantic reports ValueError as a validation error with the location.
        raise ValueError(exc.message) from None


PartialDate = Annotated[str, AfterValidator(_validate)]
Precision = Literal["day", "month", "year"]


def date_precision(value: str) -> Precision:
    """Return ``day``, ``month`` or ``year`` for a valid partial date."""
    if len(value) == 10:
        return "day"
    return "month" if len(value) == 7 else "year"


def partial_date_ordinal(value: str) -> int:
    """Day ordinal of the first day of the period ``value`` names.

    >>> partial_date_ordinal("2025") == partial_date_ordinal("2025-01-01")
    True
    """
    year = int(value[0:4])
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) == 10 else 1
    return date(year, month, day).toordinal()


def partial_date_end_ordinal(value: str) -> int:
    """Day ordinal of the last day of the period ``value`` names.

    >>> partial_date_end_ordinal("9999-12") == date(9999, 12, 31).toordinal()
    True
    """
    year = int(value[0:4])
    if len(value) == 10:
        return partial_date_ordinal(value)
    if len(value) == 7:
        month = int(value[5:7])
        return date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    return date(year, 12, 31).toordinal()
