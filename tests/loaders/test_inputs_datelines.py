"""Datelines set publisher and date; the text itself is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs_helpers import Read

from sinograph.loaders.inputs.datelines import Dateline, find_dateline, resolve_dateline_date

BODY = " Pop Mart opened its first store in the city, the company said."


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("(Reuters) -", Dateline(publisher="Reuters")),
        ("(Yicai) Feb. 8 --", Dateline(publisher="Yicai", month=2, day=8)),
        ("(Yicai Global) May 22 --", Dateline(publisher="Yicai Global", month=5, day=22)),
        (
            "BEIJING, May 3 (Xinhua) --",
            Dateline(place="BEIJING", publisher="Xinhua", month=5, day=3),
        ),
        ("SYDNEY --", Dateline(place="SYDNEY")),
        (
            "HONG KONG, March 3 (Reuters) -",
            Dateline(place="HONG KONG", publisher="Reuters", month=3, day=3),
        ),
        (
            "SHANGHAI/SINGAPORE, Sept. 30, 2024 (Reuters) \u2014",
            Dateline(place="SHANGHAI/SINGAPORE", publisher="Reuters", month=9, day=30, year=2024),
        ),
        ("SHENZHEN, China, June 3 --", Dateline(place="SHENZHEN", month=6, day=3)),
    ],
)
def test_every_dateline_shape_is_read(opening: str, expected: Dateline) -> None:
    assert find_dateline(opening + BODY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pop Mart opened a store - its first in the city.",
        "On December 10, Pop Mart opened a store.",
        "(This story has been corrected.) Pop Mart opened a store.",
        "BEIJING, Tuesday 3 -- not a month.",
        "A - B testing is common.",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_a_year_comes_from_the_known_date_and_december_rolls_back() -> None:
    assert resolve_dateline_date(Dateline(month=5, day=22), "2023-05-23") == "2023-05-22"
    assert resolve_dateline_date(Dateline(month=12, day=31), "2025-01-02") == "2024-12-31"
    assert resolve_dateline_date(Dateline(month=6, day=30), "2025-06") == "2025-06-30"
    assert resolve_dateline_date(Dateline(month=6, day=30), "2025") == "2025-06-30"
    assert resolve_dateline_date(Dateline(month=5, day=22), None) is None
    assert resolve_dateline_date(Dateline(month=2, day=30), "2025") is None


def _write(tmp_path: Path, first_paragraph: str) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        f"Pop Mart opens in the city\n\n{first_paragraph}\n\nSales were strong.\n",
        encoding="utf-8",
    )
    return path


def test_dateline_sets_publisher_and_date_but_keeps_the_text(tmp_path: Path, read: Read) -> None:
    path = _write(tmp_path, "BEIJING, May 3 (Xinhua) --" + BODY)

    [story], problems = read(path, published="2025-05-04", publisher="Caller Desk")

    assert problems == []
    assert story.publisher == "Xinhua"
    assert story.published == "2025-05-03"
    assert story.text.startswith("BEIJING, May 3 (Xinhua) -- Pop Mart opened")


def test_dateline_without_any_year_leaves_the_date_unset(tmp_path: Path, read: Read) -> None:
    path = _write(tmp_path, "(Yicai) Feb. 8 --" + BODY)

    [story], _ = read(path)

    assert (story.publisher, story.published) == ("Yicai", None)


def test_a_full_date_in_front_matter_beats_the_dateline(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "published: 2025-05-05\npublisher: Front Desk\n\nPop Mart opens\n\n"
        "BEIJING, May 3 (Xinhua) --" + BODY + "\n"
    )

    [story], _ = read(path, published="2025-05-04")

    assert (story.publisher, story.published) == ("Front Desk", "2025-05-05")


def test_a_year_only_front_matter_date_is_refined_by_the_dateline(
    tmp_path: Path, read: Read
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("published: 2025\n\nPop Mart opens\n\n(Reuters) March 3 --" + BODY + "\n")

    [story], _ = read(path)

    assert (story.publisher, story.published) == ("Reuters", "2025-03-03")


def test_place_only_dateline_keeps_the_callers_values(tmp_path: Path, read: Read) -> None:
    path = _write(tmp_path, "SYDNEY --" + BODY)

    [story], _ = read(path, published="2025-03-03", publisher="Caller Desk")

    assert (story.publisher, story.published) == ("Caller Desk", "2025-03-03")
