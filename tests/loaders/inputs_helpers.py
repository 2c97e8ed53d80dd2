"""Shared helpers of the input-reader tests (a uniquely named module, importable
from every test file here because pytest puts this folder on ``sys.path``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sinograph.loaders.inputs import InputProblem, read_stories
from sinograph.loaders.story_input import StoryInput

Read = Callable[..., tuple[list[StoryInput], list[InputProblem]]]


def split_results(
    items: Iterable[StoryInput | InputProblem],
) -> tuple[list[StoryInput], list[InputProblem]]:
    """(stories, problems) from what a reader yielded."""
    stories: list[StoryInput] = []
    problems: list[InputProblem] = []
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            stories.append(item)
    return stories, problems


def read_all(path: str | Path, **options: object) -> tuple[list[StoryInput], list[InputProblem]]:
    """Read ``path`` with ``read_stories`` and split the results."""
    return split_results(read_stories(path, **options))  # type: ignore[arg-type]
