"""The shipped samples load cleanly: one file per format, connected stories."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from inputs_helpers import Read

from sinograph.loaders.inputs import detect_format

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "stories"


def test_every_sample_loads_without_problems(read: Read) -> None:
    stories, problems = read(SAMPLES)

    assert problems == []
    assert 12 <= len(stories) <= 20
    assert all(s.text.strip() and s.publisher and s.published for s in stories)
    # Every story has its own identity in the graph.
    assert len({s.to_story().id for s in stories}) == len(stories)


def test_there_is_one_sample_of_each_story_format() -> None:
    formats = Counter(detect_format(path) for path in SAMPLES.iterdir())

    assert formats == Counter(
        {"text": 1, "markdown": 1, "digest": 1, "html": 1, "feed": 1, "jsonl": 1}
    )


def test_samples_share_companies_across_files(read: Read) -> None:
    stories, _ = read(SAMPLES)
    files_naming = {
        name: {Path(s.origin.split(":")[0].split("#")[0]).name for s in stories if name in s.text}
        for name in ("CATL", "Nvidia", "BYD", "Ministry of Commerce", "Hong Kong")
    }

    assert all(len(files) >= 2 for files in files_naming.values()), files_naming
