"""``read_stories``: any supported file, or a folder of them, as a stream of stories."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.article import read_article
from sinograph.loaders.inputs.assemble import Fallbacks
from sinograph.loaders.inputs.dates import normalise_date
from sinograph.loaders.inputs.decoding import binary_kind, decode_text, read_limited
from sinograph.loaders.inputs.detect import FORMATS, STORY_EXTENSIONS, decode_head, sniff_format
from sinograph.loaders.inputs.feed import read_feed
from sinograph.loaders.inputs.html_page import read_html
from sinograph.loaders.inputs.json_lines import parse_json_lines, read_json_lines
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.inputs.walk import walk_files
from sinograph.loaders.story_input import StoryInput

__all__ = ["DEFAULT_MAX_BYTES", "read_stories", "read_text"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def read_stories(
    path: str | Path,
    *,
    published: str | None = None,
    publisher: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
) -> Iterator[StoryInput | InputProblem]:
    """Stream the stories in a file or folder, with a problem for everything unreadable.

    ``published`` and ``publisher`` fill in for stories that state none (the file's
    metadata and datelines come first). ``fmt`` forces one of :data:`FORMATS` for
    every file instead of detecting it. Folders are read recursively in sorted
    order, one file at a time; hidden files are skipped, and files whose extension
    is not one of :data:`STORY_EXTENSIONS` are reported and skipped (unless ``fmt``
    is given).

    Raises :class:`InvalidInput` at once (not while iterating) only for a path that
    does not exist or a bad argument: an unparseable ``published``, an unknown
    ``fmt``, a ``max_bytes`` below 1. Problems with the files themselves are
    yielded as :class:`InputProblem` and reading goes on.

    Example::

        for item in read_stories("samples/stories", published="2025-07-01"):
            print(item)  # a StoryInput, or an InputProblem: "path:line 3: not valid JSON..."
    """
    root = Path(path)
    if not root.exists():
        raise InvalidInput(f"no such file or folder: {root}", path=str(root))
    if max_bytes < 1:
        raise InvalidInput(f"max_bytes must be at least 1, got {max_bytes}")
    return _read(root, _fallbacks(published, publisher, fmt), max_bytes, fmt)


def read_text(
    text: str,
    *,
    origin: str = "<text>",
    published: str | None = None,
    publisher: str | None = None,
    fmt: str | None = None,
) -> Iterator[StoryInput | InputProblem]:
    """The stories in a string (an API body, a pasted article), read like a file's text.

    ``fmt`` is detected from the text when not given (an article, a digest, HTML,
    a feed or JSON Lines). Raises :class:`InvalidInput` at once for a bad
    ``published`` or ``fmt``.

    >>> [s.title for s in read_text("Pop Mart opens in Paris\\nIt opened a store.")]
    ['Pop Mart opens in Paris']
    """
    fallbacks = _fallbacks(published, publisher, fmt)
    return _guarded(origin, _read_string(text, origin, fallbacks, fmt))


def _fallbacks(published: str | None, publisher: str | None, fmt: str | None) -> Fallbacks:
    if fmt is not None and fmt not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    date = normalise_date(published) if published else None
    return Fallbacks(
        published=date,
        publisher=publisher.strip() or None if publisher else None,
        given=date,
    )


def _read_string(
    text: str, origin: str, fallbacks: Fallbacks, fmt: str | None
) -> Iterator[StoryInput | InputProblem]:
    found = fmt or sniff_format("", text[:65536])
    if found == "jsonl":
        # StringIO splits at "\n" only, as a file would (not at U+2028 inside a string).
        lines = (line.encode("utf-8") for line in io.StringIO(text, newline="\n"))
        yield from parse_json_lines(lines, origin=origin, fallbacks=fallbacks)
    elif found == "json-graph":
        yield _graph_export(origin)
    elif found == "html":
        yield from read_html(text.encode("utf-8"), origin=origin, fallbacks=fallbacks)
    elif found == "feed":
        yield from read_feed(text.encode("utf-8"), origin=origin, fallbacks=fallbacks)
    else:
        yield from read_article(
            text,
            origin=origin,
            fallbacks=fallbacks,
            markdown=found == "markdown",
            digest=True if found == "digest" and fmt else None,
        )


def _graph_export(origin: str) -> InputProblem:
    return InputProblem(
        origin=origin,
        message="JSON with entities and facts (a graph export), not stories: load graph "
        "exports with the graph loader instead",
    )


def _read(
    root: Path, fallbacks: Fallbacks, max_bytes: int, fmt: str | None
) -> Iterator[StoryInput | InputProblem]:
    if not root.is_dir():
        yield from _read_file(root, fallbacks, max_bytes, fmt)
        return
    for item in walk_files(root):
        if isinstance(item, InputProblem):
            yield item
        elif fmt is None and item.suffix and item.suffix.lower() not in STORY_EXTENSIONS:
            yield InputProblem(
                origin=str(item),
                message=f"skipped: {item.suffix!r} files are not stories (name the file on its "
                "own, or pass a format, to read it anyway)",
            )
        else:
            yield from _read_file(item, fallbacks, max_bytes, fmt)


def _read_file(
    path: Path, fallbacks: Fallbacks, max_bytes: int, fmt: str | None
) -> Iterator[StoryInput | InputProblem]:
    origin = str(path)
    yield from _guarded(origin, _dispatch(path, origin, fallbacks, max_bytes, fmt))


def _guarded(
    origin: str, items: Iterator[StoryInput | InputProblem]
) -> Iterator[StoryInput | InputProblem]:
    try:
        yield from items
    except Exception as exc:
        # Third-party parsers (trafilatura, feedparser, lxml, YAML) can fail in ways
        # of their own; one bad file must not stop a folder.
        yield InputProblem(origin=origin, message=f"could not be read: {type(exc).__name__}: {exc}")


def _dispatch(
    path: Path, origin: str, fallbacks: Fallbacks, max_bytes: int, fmt: str | None
) -> Iterator[StoryInput | InputProblem]:
    if (fmt or sniff_format(path.name, "")) == "jsonl":
        yield from _read_json_lines(path, origin, fallbacks, max_bytes)
        return
    data = read_limited(path, origin, max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    kind = binary_kind(data)
    if kind is not None:
        yield InputProblem(origin=origin, message=f"binary file, not text ({kind})")
        return
    found = fmt or sniff_format(path.name, decode_head(data[:65536]))
    if found == "jsonl":
        yield from _read_json_lines(path, origin, fallbacks, max_bytes)
    elif found == "json-graph":
        yield _graph_export(origin)
    elif found == "html":
        yield from read_html(data, origin=origin, fallbacks=fallbacks)
    elif found == "feed":
        yield from read_feed(data, origin=origin, fallbacks=fallbacks)
    else:
        text = decode_text(data, origin)
        del data  # the decoded text replaces the bytes: one copy less held while reading
        if isinstance(text, InputProblem):
            yield text
            return
        yield from read_article(
            text,
            origin=origin,
            fallbacks=fallbacks,
            markdown=found == "markdown",
            digest=True if found == "digest" and fmt else None,
        )


def _read_json_lines(
    path: Path, origin: str, fallbacks: Fallbacks, max_bytes: int
) -> Iterator[StoryInput | InputProblem]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputProblem(origin=origin, message=f"cannot read the file: {exc.strerror or exc}")
        return
    if size > max_bytes:
        # Same rule as every other file, though JSON Lines would stream.
        data = read_limited(path, origin, max_bytes)
        if isinstance(data, InputProblem):
            yield data
            return
    if size == 0:
        yield InputProblem(origin=origin, message="empty file")
        return
    yield from read_json_lines(path, origin=origin, fallbacks=fallbacks)
