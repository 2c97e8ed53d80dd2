"""Dates in files become partial ISO dates with the precision the file gave."""

from __future__ import annotations

import pytest

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.dates import normalise_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-06-29", "2025-06-29"),
        ("2025-06", "2025-06"),
        ("2025", "2025"),
        (2024, "2024"),
        ("2025-06-29T23:30:00+08:00", "2025-06-29"),
        ("Mon, 30 Jun 2025 08:15:00 GMT", "2025-06-30"),
        ("June 2025", "2025-06"),
        ("Feb 8, 2024", "2024-02-08"),
        ("8 February 2024", "2024-02-08"),
        ("2024/02/29", "2024-02-29"),
    ],
)
def test_dates_keep_the_precision_the_file_gave(raw: object, expected: str) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("sometime soon", "not a date"),
        ("May 22", "no year"),
        ("2025-13-01", "not a date"),
        ("2023-02-29", "not a date"),
        ("", "empty"),
        (3.5, "expected a string"),
        (True, "expected a string"),
    ],
)
def test_bad_dates_name_the_value_and_the_reason(raw: object, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_date(raw)
    assert reason in caught.value.message
    if isinstance(raw, str) and raw:
        assert repr(raw) in caught.value.message
