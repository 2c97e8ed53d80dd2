"""JSON Lines: bad lines are reported by number, the rest still load, memory stays small."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from inputs_helpers import Read

from sinograph.loaders.inputs import InputProblem, read_stories


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


GOOD = _line(
    title="Haier buys Carrier's commercial refrigeration unit",
    body="Haier Smart Home agreed to buy Carrier Global's commercial refrigeration business.",
    published="2023-06-01",
    publisher="Appliance Desk",
    url="https://example.org/haier",
)


def test_every_field_is_read(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(GOOD + "\n", encoding="utf-8")

    [story], problems = read(path)

    assert problems == []
    assert story.title == "Haier buys Carrier's commercial refrigeration unit"
    assert story.text.startswith("Haier Smart Home agreed")
    assert (story.published, story.publisher) == ("2023-06-01", "Appliance Desk")
    assert story.url == "https://example.org/haier"
    assert story.origin == f"{path}:line 1"


def test_text_stands_for_body_and_the_caller_fills_gaps(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(_line(text="Haier bought the unit.") + "\n")

    [story], _ = read(path, published="2023-06-01", publisher="Caller")

    assert story.text == "Haier bought the unit."
    assert (story.title, story.published, story.publisher) == (None, "2023-06-01", "Caller")


def test_bad_lines_are_reported_by_number_and_the_rest_load(tmp_path: Path, read: Read) -> None:
    lines = [
        GOOD,  # 1
        '{"title": "cut off", "body": "no end',  # 2
        "",  # 3: blank lines are not stories
        "[1, 2, 3]",  # 4
        _line(title="No body at all"),  # 5
        _line(body=42),  # 6
        _line(body="   "),  # 7
        _line(body="Dated badly.", published="the ides of March"),  # 8
        _line(body="A list title.", title=["a", "b"]),  # 9
        GOOD,  # 10
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    stories, problems = read(path)

    assert [s.origin for s in stories] == [f"{path}:line 1", f"{path}:line 10"]
    assert [p.origin for p in problems] == [f"{path}:line {n}" for n in (2, 4, 5, 6, 7, 8, 9)]
    messages = [p.message for p in problems]
    assert messages[0].startswith("not valid JSON: Unterminated string")
    assert messages[1] == "expected a JSON object with 'title' and 'body', got an array"
    assert messages[2] == "no 'body' or 'text' field: nothing to read"
    assert messages[3] == "'body' must be a string, got a number"
    assert messages[4] == "'body' is empty"
    assert messages[5].startswith("bad 'published' value 'the ides of March'")
    assert messages[6] == "'title' must be a string, got an array"


def test_a_line_that_is_not_utf8_is_reported(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + _line(body="\u6bd4\u4e9a\u8fea").encode("gbk") + b"\n")

    stories, [problem] = read(path)

    assert len(stories) == 1
    assert problem.origin == f"{path}:line 2"
    assert "not UTF-8" in problem.message


def test_a_bom_on_the_first_line_is_accepted(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n")

    stories, problems = read(path)

    assert (len(stories), problems) == (1, [])


def test_a_graph_export_is_routed_away(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"stories": [], "entities": [], "facts": [], "metrics": []}))

    stories, [problem] = read(path)

    assert stories == []
    assert "graph loader" in problem.message


@pytest.mark.slow
def test_a_50_mb_json_lines_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    body = "Haier Smart Home agreed to buy a refrigeration business from Carrier Global. " * 12
    row = (_line(title="Haier deal", body=body, published="2023-06-01") + "\n").encode()
    count = 50 * 1024 * 1024 // len(row)
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        for _ in range(count // 1000):
            handle.write(row * 1000)

    seen = 0
    tracemalloc.start()
    try:
        for item in read_stories(path):
            assert not isinstance(item, InputProblem)
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert seen == count // 1000 * 1000
    print(f"\n50 MB JSON Lines: {seen} stories, peak traced memory {peak / 1024:.0f} KiB")
    assert peak < 5 * 1024 * 1024
