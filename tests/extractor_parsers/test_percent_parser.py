"""find_percentages: percent signs and words, points, basis points, signs and ranges."""

from __future__ import annotations

import pytest

from sinograph.loaders.extract.amounts import find_percentages


@pytest.mark.parametrize(
    ("text", "value", "points", "span"),
    [
        ("sales fell 23% in June", 23.0, False, "23%"),
        ("a stake of 5.5 percent", 5.5, False, "5.5 percent"),
        ("up 3 per cent", 3.0, False, "3 per cent"),
        ("rose 4.2 pct", 4.2, False, "4.2 pct"),
        ("growth of 12 ％", 12.0, False, "12 ％"),
        ("widened by 1.5 percentage points", 1.5, True, "1.5 percentage points"),
        ("up 2 pct points", 2.0, True, "2 pct points"),
        ("a 0.3 ppt drop", 0.3, True, "0.3 ppt"),
        ("cut by 25 basis points", 0.25, True, "25 basis points"),
        ("a 10bps cut", 0.1, True, "10bps"),
        ("a change of -0.5%", -0.5, False, "-0.5%"),
        ("a change of +3%", 3.0, False, "+3%"),
        ("cut by half a percentage point", 0.5, True, "half a percentage point"),
        ("one percent of shares", 1.0, False, "one percent"),
    ],
)
def test_single(text: str, value: float, points: bool, span: str) -> None:
    found = find_percentages(text)
    assert len(found) == 1, found
    mention = found[0]
    assert mention.value == pytest.approx(value)
    assert mention.points is points
    assert mention.text == span
    assert text[mention.start : mention.end] == span


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("margins of 20-25%", [20.0, 25.0]),
        ("between 5 and 6 per cent", [5.0, 6.0]),
        ("from 3 to 4 percent", [3.0, 4.0]),
        ("a 30% stake and a 2.5% fee", [30.0, 2.5]),
        ("cuts of 10 to 20 basis points", [0.1, 0.2]),
    ],
)
def test_several(text: str, values: list[float]) -> None:
    assert [m.value for m in find_percentages(text)] == [pytest.approx(v) for v in values]


def test_hyphen_between_numbers_is_not_a_minus_sign() -> None:
    assert [m.value for m in find_percentages("20-25%")] == [20.0, 25.0]


def test_approximate() -> None:
    found = find_percentages("nearly 40% of output and 12% of sales")
    assert [m.approximate for m in found] == [True, False]


@pytest.mark.parametrize(
    "text", ["no figures here", "Q2 results", "the 2025 plan", "H20 chips", "5 points"]
)
def test_none(text: str) -> None:
    assert find_percentages(text) == []


@pytest.mark.timeout(300)
def test_long_input_finishes() -> None:
    text = ("5% -3 % 10 per 7 pct ,,$ " * 10_000)[:250_000]
    found = find_percentages(text)
    assert len(found) > 1000
    assert all(text[m.start : m.end] == m.text for m in found)
