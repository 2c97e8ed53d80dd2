"""Digests are split into stories, each with its own title and publisher."""

from __future__ import annotations

from pathlib import Path

from inputs_helpers import Read

from sinograph.loaders.inputs import detect_format
from sinograph.loaders.inputs.attribution import find_attribution

# A small digest in the shape of a daily newsletter, written for these tests.
DIGEST = "\n".join(
    [
        ("Pop Mart profit soars...Meituan takes Keeta to Brazil...Luckin opens in New York"),
        "Pop Mart profit soars",
        (
            "Pop Mart said its first-half profit rose nearly fourfold as its Labubu"
            " dolls sold out around the world, reports the Financial Times. Revenue"
            " more than doubled from a year earlier."
        ),
        "The company now earns close to 40% of its revenue outside mainland China.",
        "Meituan takes Keeta to Brazil",
        (
            "Meituan plans to invest about $1 billion over five years to launch its"
            " Keeta delivery app in Brazil, according to Reuters. The service "
            "competes with the local market leader iFood."
        ),
        "Luckin opens in New York",
        (
            "Luckin Coffee opened its first two stores in the United States in "
            "Manhattan, Bloomberg reported. The chain overtook Starbucks in China "
            "by store count several years ago."
        ),
        "Week in numbers",
        (
            "Shares in Hong Kong rose for a third week while mainland markets were "
            "flat, with turnover in Shanghai and Shenzhen close to its average for "
            "the year."
        ),
        (
            "Chart: Pop Mart's overseas revenue, by half year, has risen faster "
            "than its revenue at home."
        ),
        "",
    ]
)


def test_digest_is_split_with_titles_publishers_and_lines(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "daily.txt"
    path.write_text(DIGEST, encoding="utf-8")

    stories, problems = read(path, published="2025-08-20", publisher="Daily Brief")

    assert problems == []
    assert [(s.title, s.publisher, s.origin) for s in stories] == [
        ("Pop Mart profit soars", "Financial Times", f"{path}:line 2"),
        ("Meituan takes Keeta to Brazil", "Reuters", f"{path}:line 5"),
        ("Luckin opens in New York", "Bloomberg", f"{path}:line 7"),
        ("Week in numbers", "Daily Brief", f"{path}:line 9"),
        (None, "Daily Brief", f"{path}:line 11"),
    ]
    assert all(s.published == "2025-08-20" for s in stories)
    assert stories[0].text == (
        "Pop Mart said its first-half profit rose nearly fourfold as its Labubu dolls sold out "
        "around the world, reports the Financial Times. Revenue more than doubled from a year "
        "earlier.\nThe company now earns close to 40% of its revenue outside mainland China."
    )
    assert stories[4].text.startswith("Chart: Pop Mart's overseas revenue")
    assert detect_format(path) == "digest"


def test_digest_front_matter_gives_its_own_publisher_and_date(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "daily.txt"
    path.write_text("publisher: Morning Brief\npublished: 2025-08-21\n\n" + DIGEST)

    stories, _ = read(path, published="2030-01-01", publisher="Caller")

    assert [s.publisher for s in stories] == [
        "Financial Times",
        "Reuters",
        "Bloomberg",
        "Morning Brief",
        "Morning Brief",
    ]
    assert {s.published for s in stories} == {"2025-08-21"}


def test_digest_with_blank_lines_and_pipes_is_split(tmp_path: Path, read: Read) -> None:
    spaced = DIGEST.replace("...", " | ").replace("\n", "\n\n")
    path = tmp_path / "daily.txt"
    path.write_text(spaced)

    stories, _ = read(path)

    assert [s.title for s in stories][:3] == [
        "Pop Mart profit soars",
        "Meituan takes Keeta to Brazil",
        "Luckin opens in New York",
    ]
    assert "\n\nThe company now earns" in stories[0].text


def test_digest_without_a_subject_line_is_found_by_its_credits(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "daily.txt"
    path.write_text(DIGEST.split("\n", 1)[1])

    stories, _ = read(path)

    assert len(stories) == 5
    assert stories[1].publisher == "Reuters"


def test_markdown_digest_is_split(tmp_path: Path, read: Read) -> None:
    body = DIGEST.split("\n", 1)[1]
    markdown = "\n\n".join(
        f"## {line}" if len(line.split()) <= 5 and not line.startswith("Chart") else line
        for line in body.strip().split("\n")
    )
    path = tmp_path / "daily.md"
    path.write_text(markdown)

    stories, _ = read(path)

    assert [s.title for s in stories][:2] == [
        "Pop Mart profit soars",
        "Meituan takes Keeta to Brazil",
    ]
    assert stories[2].publisher == "Bloomberg"


ARTICLE_WITH_SUBHEADS = "\n".join(
    [
        "Pop Mart's Labubu craze lifts profit",
        "",
        (
            "Pop Mart said its first-half profit rose nearly fourfold, helped by "
            "its Labubu dolls, and the shares rose."
        ),
        "",
        "Overseas growth",
        (
            "The company opened stores in the United States and Europe and said "
            "overseas sales more than tripled in the half."
        ),
        "",
        "What comes next",
        (
            "Pop Mart plans more stores abroad and said it would keep releasing new"
            " series of the dolls next year."
        ),
        "",
    ]
)


def test_an_article_with_subheadings_is_not_split(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_WITH_SUBHEADS)

    [story], _ = read(path)

    assert story.title == "Pop Mart's Labubu craze lifts profit"
    assert "Overseas growth" in story.text and "What comes next" in story.text
    assert detect_format(path) == "text"


def test_a_title_with_dots_alone_does_not_make_a_digest(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "article.txt"
    dotted = ARTICLE_WITH_SUBHEADS.replace(
        "Pop Mart's Labubu craze lifts profit", "Pop Mart rises... and rises again"
    )
    path.write_text(dotted)

    [story], _ = read(path)

    assert story.title == "Pop Mart rises... and rises again"


def test_forcing_the_digest_format_splits_subheadings(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_WITH_SUBHEADS)

    stories, _ = read(path, fmt="digest")

    assert [s.title for s in stories] == [
        "Pop Mart's Labubu craze lifts profit",
        "Overseas growth",
        "What comes next",
    ]


def test_forcing_the_digest_format_on_plain_prose_is_a_problem(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Pop Mart rose.\nIt rose again.\n")

    stories, [problem] = read(path, fmt="digest")

    assert stories == []
    assert "no headline line" in problem.message


def test_hard_wrapped_paragraphs_are_not_taken_for_headlines(tmp_path: Path, read: Read) -> None:
    wrapped = (
        "Pop Mart profit soars\n\n"
        "Pop Mart said its first-half profit rose nearly fourfold as its\n"
        "Labubu dolls sold out around the world, reports the Financial\n"
        "Times. Revenue more than doubled from a year earlier.\n\n"
        "Meituan plans to invest about $1 billion over five years in\n"
        "Brazil, according to Reuters. The app competes with iFood.\n\n"
        "Luckin Coffee opened its first two stores in the United\n"
        "States, Bloomberg reported. It is a big chain in China.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped)

    [story], _ = read(path)

    assert story.title == "Pop Mart profit soars"
    assert story.text.endswith("It is a big chain in China.")


def test_credits_are_outlets_not_sources_of_figures() -> None:
    assert find_attribution("Sales fell, reports the South China Morning Post.") == (
        "South China Morning Post"
    )
    assert find_attribution("Output rose 5%, according to Caixin. Data also showed...") == "Caixin"
    assert find_attribution("It fell, Bloomberg reported on Monday, citing people.") == "Bloomberg"
    assert find_attribution("Prices fell, Nikkei Asia reported.") == "Nikkei Asia"
    assert find_attribution("It rose, according to data from the exchange and Bloomberg.") is None
    assert find_attribution("It rose 23%, according to Bloomberg calculations.") is None
    assert find_attribution("Output grew, according to the National Bureau of Statistics.") is None
    assert find_attribution("It was approved, according to the General Administration.") is None
    assert find_attribution("\u201cWe will grow,\u201d said Lei Jun.") is None
    assert find_attribution("Xiaomi reported a 30% rise in revenue.") is None


def test_an_items_dateline_beats_the_digests_own_date_and_publisher(
    tmp_path: Path, read: Read
) -> None:
    dated = DIGEST.replace(
        "Luckin Coffee opened its first two stores",
        "NEW YORK, June 30 (Wire Desk) -- Luckin Coffee opened its first two stores",
    ).replace(", Bloomberg reported.", ".")
    path = tmp_path / "daily.txt"
    path.write_text("publisher: Morning Brief\npublished: 2025-07-01\n\n" + dated)

    stories, _ = read(path)

    luckin = stories[2]
    assert luckin.title == "Luckin opens in New York"
    assert (luckin.publisher, luckin.published) == ("Wire Desk", "2025-06-30")
    assert (stories[3].publisher, stories[3].published) == ("Morning Brief", "2025-07-01")
