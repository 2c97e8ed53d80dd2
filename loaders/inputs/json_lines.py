"""JSON Lines of stories, one object a line, streamed so big files use little memory.

Each line is ``{"title", "body", "published", "publisher", "url"}``; ``text`` (or
``content``) may stand for ``body``. A bad line gives a problem with its line
number and is skipped; the other lines still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.assemble import Fallbacks, assemble_story
from sinograph.loaders.inputs.dates import normalise_date
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.story_input import StoryInput

__all__ = ["parse_json_lines", "read_json_lines", "story_from_record"]

_BODY_KEYS = ("body", "text", "content")
_TEXT_FIELDS = ("title", "publisher", "url")


def read_json_lines(
    path: Path, *, origin: str, fallbacks: Fallbacks
) -> Iterator[StoryInput | InputProblem]:
    """Yield one story (or problem) per non-blank line of a JSON Lines file.

    The file is read line by line: memory follows the longest line, not the file.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(origin=origin, message=f"cannot read the file: {exc.strerror or exc}")
        return
    with handle:
        yield from parse_json_lines(handle, origin=origin, fallbacks=fallbacks)


def parse_json_lines(
    lines: Iterable[bytes], *, origin: str, fallbacks: Fallbacks
) -> Iterator[StoryInput | InputProblem]:
    """Yield one story (or problem) per non-blank line; origins are ``origin:line N``."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen_any = True
        yield _parse_line(raw, origin=f"{origin}:line {number}", fallbacks=fallbacks)
    if not seen_any:
        yield InputProblem(origin=origin, message="empty file")


def _parse_line(raw: bytes, *, origin: str, fallbacks: Fallbacks) -> StoryInput | InputProblem:
    if b"\x00" in raw:
        return InputProblem(origin=origin, message="binary data (NUL bytes), not JSON text")
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return InputProblem(
            origin=origin,
            message=f"not UTF-8 text (bad byte at column {exc.start + 1}); "
            "JSON Lines files must be UTF-8",
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputProblem(
            origin=origin, message=f"not valid JSON: {exc.msg} (column {exc.colno})"
        )
    return story_from_record(record, origin=origin, fallbacks=fallbacks)


def story_from_record(
    record: Any, *, origin: str, fallbacks: Fallbacks
) -> StoryInput | InputProblem:
    """The story one JSON object describes, or the problem with it.

    >>> story_from_record({"title": "PBOC gets a new governor",
    ...                    "text": "China named Pan Gongsheng governor of its central bank.",
    ...                    "published": "July 25, 2023"}, origin="x:line 1",
    ...                   fallbacks=Fallbacks()).published
    '2023-07-25'
    >>> print(story_from_record({"body": "x", "published": "someday"}, origin="x:line 2",
    ...                         fallbacks=Fallbacks()))
    x:line 2: bad 'published' value 'someday': not a date; the line is skipped
    """
    if not isinstance(record, dict):
        return InputProblem(
            origin=origin,
            message=f"expected a JSON object with 'title' and 'body', got {_json_type(record)}",
        )
    body_key = next((key for key in _BODY_KEYS if key in record), None)
    if body_key is None:
        return InputProblem(origin=origin, message="no 'body' or 'text' field: nothing to read")
    body = record[body_key]
    if not isinstance(body, str):
        return InputProblem(
            origin=origin, message=f"'{body_key}' must be a string, got {_json_type(body)}"
        )
    if not body.strip():
        return InputProblem(origin=origin, message=f"'{body_key}' is empty")
    fields: dict[str, str | None] = {}
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputProblem(
                origin=origin, message=f"'{key}' must be a string, got {_json_type(value)}"
            )
        fields[key] = value
    published = record.get("published", record.get("date"))
    if published is not None and published != "":
        try:
            published = normalise_date(published)
        except InvalidInput as exc:
            detail = exc.message.split(": ", 1)[-1]
            return InputProblem(
                origin=origin,
                message=f"bad 'published' value {published!r}: {detail}; the line is skipped",
            )
    return assemble_story(
        body,
        origin=origin,
        fallbacks=fallbacks,
        title=fields["title"],
        publisher=fields["publisher"],
        published=published or None,
        url=fields["url"],
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
