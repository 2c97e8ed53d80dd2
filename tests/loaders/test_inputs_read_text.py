"""``read_text`` reads a string like a file; docstring examples stay true."""

from __future__ import annotations

import doctest
import importlib
import json
from pathlib import Path

import pytest
from inputs_helpers import split_results

from sinograph.loaders.inputs import read_stories, read_text

MODULES = [
    "sinograph.loaders.inputs.problems",
    "sinograph.loaders.inputs.dates",
    "sinograph.loaders.inputs.decoding",
    "sinograph.loaders.inputs.datelines",
    "sinograph.loaders.inputs.assemble",
    "sinograph.loaders.inputs.front_matter",
    "sinograph.loaders.inputs.units",
    "sinograph.loaders.inputs.attribution",
    "sinograph.loaders.inputs.article",
    "sinograph.loaders.inputs.json_lines",
    "sinograph.loaders.inputs.detect",
    "sinograph.loaders.inputs.reader",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_read_text_reads_an_article_with_a_dateline() -> None:
    text = "Anta buys Amer\n\nHONG KONG, Dec 7 (Reuters) - Anta led a group that bought Amer."

    [story], problems = split_results(read_text(text, published="2018-12-08"))

    assert problems == []
    assert (story.title, story.publisher, story.published, story.origin) == (
        "Anta buys Amer",
        "Reuters",
        "2018-12-07",
        "<text>",
    )


def test_read_text_detects_json_lines_and_keeps_separators_inside_strings() -> None:
    body = "Anta bought Amer.\u2028Its brands include Salomon."
    text = json.dumps({"title": "Anta", "body": body}, ensure_ascii=False) + "\n{oops\n"

    [story], [problem] = split_results(read_text(text, origin="request"))

    assert story.text == body
    assert problem.origin == "request:line 2"


def test_read_text_refuses_bad_arguments_at_once() -> None:
    from sinograph.graph.model.errors import InvalidInput

    with pytest.raises(InvalidInput):
        read_text("x", published="whenever")
    with pytest.raises(InvalidInput):
        read_text("x", fmt="docx")


def test_a_parser_crash_is_one_problem_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def crash(*_: object, **__: object) -> None:
        raise RuntimeError("parser exploded")

    # A fault no real page reliably triggers: the parser itself failing.
    monkeypatch.setattr(trafilatura, "bare_extraction", crash)
    (tmp_path / "a.html").write_text("<html><body><p>Text.</p></body></html>")
    (tmp_path / "b.txt").write_text("Anta buys Amer\nAnta led the deal.\n")

    stories, [problem] = split_results(read_stories(tmp_path))

    assert problem.origin == str(tmp_path / "a.html")
    assert problem.message == "could not be read: RuntimeError: parser exploded"
    assert [s.title for s in stories] == ["Anta buys Amer"]
