"""find_dates and resolve_relative_date: absolute, partial and relative dates."""

from __future__ import annotations

import pytest

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.extract.temporal import DateMention, find_dates, resolve_relative_date

# A Tuesday.
PUBLISHED = "2025-07-01"


def _one(text: str, published: str | None = PUBLISHED) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


@pytest.mark.parametrize(
    ("text", "span", "date", "period"),
    [
        ("The deal closed on June 29, 2025, in Beijing.", "June 29, 2025", "2025-06-29", None),
        ("It was signed on 29 June 2025.", "29 June 2025", "2025-06-29", None),
        ("It was signed on the 3rd of March 2024.", "the 3rd of March 2024", "2024-03-03", None),
        ("Filed Sept. 30, 2024.", "Sept. 30, 2024", "2024-09-30", None),
        ("Data as of 2025-06-29.", "2025-06-29", "2025-06-29", None),
        ("Data as of 2025/06/29.", "2025/06/29", "2025-06-29", None),
        ("公告日期2025年6月29日", "2025年6月29日", "2025-06-29", None),
        ("It listed in August 2023.", "August 2023", "2023-08", "2023-08"),
        ("It listed in Aug 2023.", "Aug 2023", "2023-08", "2023-08"),
        ("It listed in 2023.", "2023", "2023", "2023"),
        ("Output will peak in late 2026.", "late 2026", "2026", None),
        ("Output will peak by mid-2027.", "mid-2027", "2027", None),
        ("The plant opens by the end of 2025.", "the end of 2025", "2025", None),
        ("The plant opens at the end of June 2026.", "the end of June 2026", "2026-06", None),
        ("Revenue for the first half of 2025 rose.", "the first half of 2025", "2025", "2025-H1"),
        ("H1 2025 revenue rose.", "H1 2025", "2025", "2025-H1"),
        ("Profit in Q4 2024 fell.", "Q4 2024", "2024", "2024-Q4"),
        ("Profit in 2024 Q4 fell.", "2024 Q4", "2024", "2024-Q4"),
        ("The third quarter of 2024 was weak.", "The third quarter of 2024", "2024", "2024-Q3"),
        ("2Q25 margins widened.", "2Q25", "2025", "2025-Q2"),
        ("Its FY2024 sales rose.", "FY2024", "2024", "FY2024"),
        ("Sales in fiscal 2025 rose.", "fiscal 2025", "2025", "FY2025"),
        (
            "In the first six months of 2024, it lost money.",
            "the first six months of 2024",
            "2024",
            "2024-H1",
        ),
    ],
)
def test_absolute(text: str, span: str, date: str, period: str | None) -> None:
    mention = _one(text)
    assert (mention.text, mention.date, mention.period) == (span, date, period)
    assert mention.relative is False


def test_range_gives_two_mentions() -> None:
    found = find_dates("He ran it from May 2016 to December 2017.", None)
    assert [(d.text, d.date) for d in found] == [
        ("May 2016", "2016-05"),
        ("December 2017", "2017-12"),
    ]


def test_absolute_dates_need_no_publication_date() -> None:
    assert _one("on June 29, 2025", None).date == "2025-06-29"


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("It opened Feb. 8.", "2025-07-01", "2025-02-08"),
        ("It opened Jun. 29.", "2025-07-01", "2025-06-29"),
        ("It opened on Dec. 28.", "2025-01-10", "2024-12-28"),
        ("It opens on Feb. 8.", "2025-01-10", "2025-02-08"),
        ("It opened on 6月29日.", "2025-07-01", "2025-06-29"),
    ],
)
def test_day_without_year_takes_a_nearby_year(text: str, published: str, date: str) -> None:
    mention = _one(text, published)
    assert (mention.date, mention.relative) == (date, True)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Shares jumped on Monday.", "2025-06-30"),
        ("Shares jumped Sunday.", "2025-06-29"),
        ("Shares jumped on Tuesday.", "2025-07-01"),  # the publication day itself
        ("Shares jumped on Wednesday.", "2025-06-25"),
        ("Shares jumped on Thursday night.", "2025-06-26"),
        ("Shares jumped late on Thursday.", "2025-06-26"),
        ("Shares jumped last Tuesday.", "2025-06-24"),
        ("Talks resume next Monday.", "2025-07-07"),
        ("Talks resume this coming Friday.", "2025-07-04"),
        ("Talks resume this Friday.", "2025-07-04"),
        ("A decision is due by Friday.", "2025-07-04"),
        ("Monday's session was calm.", "2025-06-30"),
        ("It said so yesterday.", "2025-06-30"),
        ("It said so yesterday afternoon.", "2025-06-30"),
        ("It says so today.", "2025-07-01"),
        ("It reports tomorrow.", "2025-07-02"),
        ("It happened two days ago.", "2025-06-29"),
        ("It happened 10 days ago.", "2025-06-21"),
    ],
)
def test_relative_days(text: str, date: str) -> None:
    mention = _one(text)
    assert (mention.date, mention.relative) == (date, True)


@pytest.mark.parametrize(
    ("text", "date", "period"),
    [
        ("Prices rose last week.", "2025-06", None),
        ("Prices rose this week.", "2025-07", None),
        ("Prices rose three weeks ago.", "2025-06", None),
        ("Prices rose this month.", "2025-07", "2025-07"),
        ("Prices rose last month.", "2025-06", "2025-06"),
        ("Prices rose earlier this month.", "2025-07", None),
        ("Prices rose two months ago.", "2025-05", None),
        ("Prices rose last September.", "2024-09", "2024-09"),
        ("Prices will rise this September.", "2025-09", "2025-09"),
        ("Prices will rise next March.", "2026-03", "2026-03"),
        ("Prices rose in June.", "2025-06", "2025-06"),
        ("Prices rose in May.", "2025-05", "2025-05"),
        ("June sales rose.", "2025-06", "2025-06"),
        ("Prices rose in early June.", "2025-06", None),
        ("Prices rose in June last year.", "2024-06", "2024-06"),
        ("Prices rose this year.", "2025", "2025"),
        ("Prices rose earlier this year.", "2025", None),
        ("Prices rose last year.", "2024", "2024"),
        ("Prices rose late last year.", "2024", None),
        ("Prices will rise next year.", "2026", "2026"),
        ("Prices rose two years ago.", "2023", None),
        ("Prices rose a year ago.", "2024-07", None),
        ("Sales in the first half of the year rose.", "2025", "2025-H1"),
        ("Sales in the first half of last year rose.", "2024", "2024-H1"),
        ("Sales in the second quarter rose.", "2025", "2025-Q2"),
        ("Sales in Q2 rose.", "2025", "2025-Q2"),
        ("Sales last quarter rose.", "2025", "2025-Q2"),
        ("Sales this quarter rose.", "2025", "2025-Q3"),
        ("First-half sales rose.", "2025", "2025-H1"),
        ("Sales year to date rose.", "2025", "2025-YTD"),
        ("Sales so far this year rose.", "2025", "2025-YTD"),
        ("It will finish by the end of the year.", "2025", None),
        ("It will finish by year-end.", "2025", None),
    ],
)
def test_relative_periods(text: str, date: str, period: str | None) -> None:
    mention = _one(text)
    assert (mention.date, mention.period, mention.relative) == (date, period, True)


@pytest.mark.parametrize(
    ("text", "published", "date", "period"),
    [
        ("Sales in the fourth quarter fell.", "2025-02-10", "2024", "2024-Q4"),
        ("Sales in the fourth quarter will rise.", "2025-08-10", "2025", "2025-Q4"),
        ("Sales in December fell.", "2025-01-15", "2024-12", "2024-12"),
        ("Sales in March will rise.", "2025-01-15", "2025-03", "2025-03"),
        ("It fell last January.", "2025-01-15", "2024-01", "2024-01"),
        ("It rose last month.", "2025-01-15", "2024-12", "2024-12"),
        ("It rose last quarter.", "2025-01-15", "2024", "2024-Q4"),
    ],
)
def test_year_boundaries(text: str, published: str, date: str, period: str | None) -> None:
    mention = _one(text, published)
    assert (mention.date, mention.period) == (date, period)


@pytest.mark.parametrize(
    "text",
    [
        "It rose two days before.",
        "It rose three weeks later.",
        "It rose the previous day.",
        "It rose from a year earlier.",
        "It fell several days ago.",
    ],
)
def test_anaphoric_expressions_are_reported_unresolved(text: str) -> None:
    mention = _one(text)
    assert (mention.date, mention.relative) == (None, True)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("on Monday", None),
        ("on Monday", "2025-07"),
        ("last month", "2025"),
        ("in June", None),
        ("Feb. 8", None),
    ],
)
def test_relative_without_a_fine_enough_publication_date(text: str, published: str | None) -> None:
    mention = _one(text, published)
    assert (mention.date, mention.relative) == (None, True)


def test_month_precision_publication_still_resolves_months() -> None:
    assert _one("last month", "2025-07").date == "2025-06"
    assert _one("last year", "2025").date == "2024"


@pytest.mark.parametrize(
    "text",
    [
        "May said it would.",
        "Investors may sell.",
        "April Wong said so.",
        "It sold 2025 cars.",
        "It paid $2025 for it.",
        "Margins were 2025% higher.",
        "It employs 2,025 people.",
        "Black Friday sales were strong.",
        "It trades on Mondays.",
        "The A2025 model and the H20 chip.",
        "in the 1990s",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Its January IPO raised money.", "2025-01"),
        ("A June IPO is planned.", "2025-06"),
        ("The board met in April.", "2025-04"),
    ],
)
def test_months_before_capitalised_words(text: str, date: str) -> None:
    assert _one(text).date == date


def test_longest_expression_wins() -> None:
    mention = _one("On Monday, June 30, 2025, the board met.")
    assert (mention.text, mention.date, mention.relative) == (
        "Monday, June 30, 2025",
        "2025-06-30",
        False,
    )


def test_mentions_in_text_order() -> None:
    text = "In 2023 it listed; last month it sold a unit; on Friday it bought one."
    found = find_dates(text, PUBLISHED)
    assert [d.date for d in found] == ["2023", "2025-06", "2025-06-27"]


def test_bad_publication_date_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="publication date"):
        find_dates("on Monday", "2025-13-01")


@pytest.mark.parametrize(
    ("expression", "published", "date"),
    [
        ("on Monday", "2025-07-01", "2025-06-30"),
        ("last September", "2025-07-01", "2024-09"),
        ("this month", "2025-07-01", "2025-07"),
        ("yesterday", "2025-01-01", "2024-12-31"),
        ("last year", "2025-07-01", "2024"),
        ("June 29, 2025", "2025-07-01", "2025-06-29"),
        ("the first half of the year", "2025-07-01", "2025"),
        ("two days before", "2025-07-01", None),
        ("no date at all", "2025-07-01", None),
    ],
)
def test_resolve_relative_date(expression: str, published: str, date: str | None) -> None:
    assert resolve_relative_date(expression, published) == date


@pytest.mark.timeout(300)
def test_long_single_line_input_finishes() -> None:
    # Every pattern must stay linear; the timeout only catches a hang.
    unit = "in May 2016 on Monday 2025-06-29 Q2 ,, $ 12 last week June "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    found = find_dates(text, PUBLISHED)
    assert len(found) > 10_000
    assert all(text[d.start : d.end] == d.text for d in found)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "text", ["9" * 200_000, " " * 200_000, "May " * 50_000, "June" + " " * 199_000 + "5"]
)
def test_degenerate_long_inputs_finish(text: str) -> None:
    assert isinstance(find_dates(text, PUBLISHED), list)
