"""Folders: recursive, sorted, hidden files skipped, problems for what cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inputs_helpers import Read

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs import InputProblem, detect_format, read_stories


def _tree(root: Path) -> None:
    (root / "b-folder" / "deeper").mkdir(parents=True)
    (root / ".hidden-folder").mkdir()
    (root / "a.txt").write_text("Anta buys Amer\nAnta led a group that bought Amer Sports.\n")
    (root / "b-folder" / "c.md").write_text("# Li Ning\n\nLi Ning opened a store in Paris.\n")
    (root / "b-folder" / "deeper" / "d.jsonl").write_text(
        '{"title": "Xtep", "body": "Xtep sold K-Swiss."}\n{"broken\n'
    )
    (root / "b-folder" / "empty.txt").write_text("")
    (root / "b-folder" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / ".hidden.txt").write_text("Hidden\nNot read.\n")
    (root / ".hidden-folder" / "e.txt").write_text("Hidden\nNot read either.\n")
    (root / "z.bin").write_bytes(b"%PDF-1.4 binary")
    (root / "notes").write_text("No extension\nThis file is sniffed as text.\n")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)

    items = list(read_stories(tmp_path))

    assert [(type(i).__name__, i.origin) for i in items] == [
        ("StoryInput", str(tmp_path / "a.txt")),
        ("StoryInput", str(tmp_path / "b-folder" / "c.md")),
        ("StoryInput", str(tmp_path / "b-folder" / "deeper" / "d.jsonl") + ":line 1"),
        ("InputProblem", str(tmp_path / "b-folder" / "deeper" / "d.jsonl") + ":line 2"),
        ("InputProblem", str(tmp_path / "b-folder" / "empty.txt")),
        ("InputProblem", str(tmp_path / "b-folder" / "photo.png")),
        ("StoryInput", str(tmp_path / "notes")),
        ("InputProblem", str(tmp_path / "z.bin")),
    ]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert problems[1].message == "empty file"
    assert "'.png' files are not stories" in problems[2].message
    assert "'.bin' files are not stories" in problems[3].message


def test_reading_twice_gives_the_same_stream(tmp_path: Path) -> None:
    _tree(tmp_path)

    assert list(read_stories(tmp_path)) == list(read_stories(tmp_path))


def test_a_binary_file_named_on_its_own_is_sniffed_and_refused(tmp_path: Path, read: Read) -> None:
    _tree(tmp_path)

    _, [problem] = read(tmp_path / "z.bin")

    assert problem.message == "binary file, not text (PDF)"


def test_reading_is_lazy(tmp_path: Path) -> None:
    _tree(tmp_path)
    stream = read_stories(tmp_path)

    first = next(iter(stream))
    (tmp_path / "b-folder" / "c.md").unlink()  # not yet read: the stream must notice
    rest = list(stream)

    assert first.origin == str(tmp_path / "a.txt")
    assert all("c.md" not in item.origin for item in rest)


def test_links_that_are_broken_or_loop_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("Title\nText of the story.\n")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")

    items = list(read_stories(tmp_path))

    messages = {Path(i.origin).name: getattr(i, "message", None) for i in items}
    assert messages == {
        "broken.txt": "broken symbolic link",
        "loop": "a link to a folder that is already read; skipped",
        "story.txt": None,
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_files_and_folders_are_reported(tmp_path: Path) -> None:
    locked_file = tmp_path / "a.txt"
    locked_file.write_text("Title\nText.\n")
    locked_folder = tmp_path / "b"
    locked_folder.mkdir()
    locked_file.chmod(0)
    locked_folder.chmod(0)
    try:
        items = list(read_stories(tmp_path))
    finally:
        locked_file.chmod(0o644)
        locked_folder.chmod(0o755)

    assert [(i.origin, "denied" in getattr(i, "message", "")) for i in items] == [
        (str(locked_file), True),
        (str(locked_folder), True),
    ]


def test_a_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")

    [problem] = list(read_stories(tmp_path))

    assert isinstance(problem, InputProblem)
    assert problem.message == "not a regular file (device, socket or pipe)"


def test_bad_arguments_raise_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file or folder"):
        read_stories(tmp_path / "nope")
    with pytest.raises(InvalidInput, match="bad date 'yesterday-ish'"):
        read_stories(tmp_path, published="yesterday-ish")
    with pytest.raises(InvalidInput, match="unknown format 'pdf'"):
        read_stories(tmp_path, fmt="pdf")
    with pytest.raises(InvalidInput, match="max_bytes"):
        read_stories(tmp_path, max_bytes=0)
    with pytest.raises(InvalidInput, match="no such file"):
        detect_format(tmp_path / "nope")
    with pytest.raises(InvalidInput, match="is a directory"):
        detect_format(tmp_path)


def test_the_callers_published_is_normalised(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a.txt").write_text("Anta buys Amer\nAnta led the deal.\n")

    [story], _ = read(tmp_path, published="July 2019")

    assert story.published == "2019-07"


def test_a_forced_format_applies_to_every_file(tmp_path: Path, read: Read) -> None:
    (tmp_path / "feed.data").write_text('{"title": "Anta", "body": "Anta bought Amer."}\n')

    stories, problems = read(tmp_path, fmt="jsonl")

    assert problems == []
    assert [s.title for s in stories] == ["Anta"]
