"""Plain-text and Markdown articles: title line, front matter, text kept as written."""

from __future__ import annotations

from pathlib import Path

from inputs_helpers import Read

from sinograph.loaders.inputs import detect_format

ARTICLE = """Geely completes its purchase of a stake in Renault's engine business

Geely and Renault set up Horse Powertrain, a company that makes engines and gearboxes.
Each of the two carmakers holds 45% and Saudi Aramco holds the rest.
"""


def test_first_line_is_the_title_and_the_rest_is_kept_exactly(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "horse.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    stories, problems = read(path)

    assert problems == []
    [story] = stories
    assert story.title == "Geely completes its purchase of a stake in Renault's engine business"
    assert story.text == ARTICLE.split("\n", 2)[2].strip("\n")
    assert story.origin == str(path)
    assert story.publisher is None and story.published is None


def test_caller_values_fill_in_what_the_file_does_not_say(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "horse.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    [story], _ = read(path, published="2024-05-31", publisher="Desk")

    assert (story.published, story.publisher) == ("2024-05-31", "Desk")


def test_yaml_front_matter_wins_over_the_caller(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "horse.md"
    path.write_text(
        "---\ntitle: Horse Powertrain starts work\npublisher: Motor Desk\n"
        "published: 31 May 2024\nurl: https://example.org/horse\n---\n" + ARTICLE,
        encoding="utf-8",
    )

    [story], problems = read(path, published="2030-01-01", publisher="Caller")

    assert problems == []
    assert story.title == "Horse Powertrain starts work"
    assert story.publisher == "Motor Desk"
    assert story.published == "2024-05-31"
    assert story.url == "https://example.org/horse"
    # The body's own first line is text when the front matter gives another title.
    assert story.text.startswith("Geely completes its purchase")


def test_bare_key_value_front_matter_in_a_text_file(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "horse.txt"
    path.write_text("Publisher: Motor Desk\nDate: May 2024\n\n" + ARTICLE, encoding="utf-8")

    [story], problems = read(path)

    assert problems == []
    assert (story.publisher, story.published) == ("Motor Desk", "2024-05")
    assert story.title is not None and story.title.startswith("Geely completes")


def test_a_line_that_only_looks_like_a_key_is_not_front_matter(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "update.txt"
    path.write_text("Update: Geely buys into engines\n\nThe deal closed in May.\n")

    [story], _ = read(path)

    assert story.title == "Update: Geely buys into engines"


def test_front_matter_with_a_bad_date_is_reported_at_its_line(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: X\npublished: the week after next\n---\nText here.\n")

    stories, [problem] = read(path)

    assert stories == []
    assert problem.origin == f"{path}:line 3"
    assert "'the week after next'" in problem.message and "published" in problem.message


def test_unclosed_or_broken_front_matter_is_a_problem(tmp_path: Path, read: Read) -> None:
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: X\nText without an end.\n")
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed list\n---\nText.\n")

    _, [first] = read(unclosed)
    _, [second] = read(broken)

    assert "never closed" in first.message and first.origin == f"{unclosed}:line 1"
    assert second.message.startswith("front matter:") and second.origin.startswith(str(broken))


def test_markdown_formatting_becomes_plain_text(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "horse.md"
    path.write_text(
        "# Horse Powertrain opens\n\n"
        "**Geely** and [Renault](https://example.org) own 45% *each*.\n"
        "The rest belongs to `Saudi Aramco`.\n\n"
        "- engines\n- gearboxes\n\n> A quoted line.\n",
        encoding="utf-8",
    )

    [story], problems = read(path)

    assert problems == []
    assert story.title == "Horse Powertrain opens"
    assert story.text == (
        "Geely and Renault own 45% each. The rest belongs to Saudi Aramco.\n\n"
        "engines\n\ngearboxes\n\nA quoted line."
    )
    assert detect_format(path) == "markdown"


def test_hash_title_in_a_text_file_loses_its_hashes(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "a.txt"
    path.write_text("## Geely buys into engines\nThe deal closed in May.\n")

    [story], _ = read(path)

    assert story.title == "Geely buys into engines"


def test_a_single_line_is_text_without_a_title(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Geely and Renault each own 45% of Horse Powertrain.\n")

    [story], _ = read(path)

    assert story.title is None
    assert story.text == "Geely and Renault each own 45% of Horse Powertrain."


def test_front_matter_alone_is_a_problem(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "only.md"
    path.write_text("---\ntitle: Nothing else\n---\n\n")

    stories, [problem] = read(path)

    assert stories == []
    assert problem.message == "no text after the front matter"


def test_windows_line_ends_are_read_like_unix_ones(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"published: 2024-05-31\r\n\r\nHorse starts\r\nGeely and Renault own it.\r\n")

    [story], problems = read(path)

    assert problems == []
    assert (story.title, story.text, story.published) == (
        "Horse starts",
        "Geely and Renault own it.",
        "2024-05-31",
    )
