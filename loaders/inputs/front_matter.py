"""Front matter at the top of a text or Markdown article (``title:``, ``published:``...).

Two shapes are read: a YAML block between ``---`` lines, and a bare block of
``key: value`` lines whose keys are all known, ended by a blank line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.dates import normalise_date
from sinograph.loaders.inputs.problems import InputProblem

__all__ = ["FrontMatter", "split_front_matter"]

# Each accepted key and the field it fills.
_KEYS = {
    "title": "title", "headline": "title",
    "publisher": "publisher", "source": "publisher", "outlet": "publisher",
    "site": "publisher",
    "published": "published", "date": "published", "pubdate": "published",
    "url": "url", "link": "url",
}  # fmt: skip
_BARE_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")
# Front matter is looked for in the head only, so a huge file is not split into lines.
_HEAD_CHARS = 64 * 1024


class FrontMatter(BaseModel):
    """What the front matter says; ``body`` is the text after it."""

    model_config = ConfigDict(frozen=True)

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    body: str
    body_line: int = 1  # line number of the body's first line in the file


def split_front_matter(text: str, origin: str) -> FrontMatter | InputProblem:
    """Separate front matter from the article text.

    >>> fm = split_front_matter("---\\ntitle: CATL lists in Hong Kong\\n"
    ...                         "published: 2025-05-20\\n---\\nShares rose.", "a.md")
    >>> fm.title, fm.published, fm.body, fm.body_line
    ('CATL lists in Hong Kong', '2025-05-20', 'Shares rose.', 5)
    """
    lines = text[:_HEAD_CHARS].split("\n")
    if lines and lines[0].strip() == "---":
        return _yaml_block(text, lines, origin)
    return _bare_block(text, lines, origin)


def _rest(text: str, lines: list[str], skip: int) -> str:
    """``text`` after its first ``skip`` lines (``lines`` holds at least that many)."""
    return text[sum(len(line) + 1 for line in lines[:skip]) :]


def _yaml_block(text: str, lines: list[str], origin: str) -> FrontMatter | InputProblem:
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
    if end is None:
        return InputProblem(
            origin=f"{origin}:line 1",
            message="front matter opened with '---' is never closed by another '---' line",
        )
    try:
        # BaseLoader keeps every scalar a string: dates are parsed by us, not YAML.
        data: Any = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or "not valid YAML"
        return InputProblem(origin=f"{origin}:line {line}", message=f"front matter: {problem}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return InputProblem(
            origin=f"{origin}:line 2", message="front matter must be 'key: value' lines"
        )
    return _build(data, lines[1:end], _rest(text, lines, end + 1), origin, first_line=2)


def _bare_block(text: str, lines: list[str], origin: str) -> FrontMatter | InputProblem:
    data: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if data:
                body = _rest(text, lines, index + 1)
                return _build(data, lines[:index], body, origin, first_line=1)
            continue
        match = _BARE_LINE.match(line.strip())
        if match is None or match["key"].lower() not in _KEYS:
            break
        data[match["key"]] = match["value"].strip()
    return FrontMatter(body=text)


def _build(
    data: dict[Any, Any], header: list[str], body: str, origin: str, *, first_line: int
) -> FrontMatter | InputProblem:
    """``header`` holds the front-matter lines, the first being line ``first_line``."""

    def where(key: str) -> str:
        pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
        index = next((i for i, line in enumerate(header) if pattern.match(line)), 0)
        return f"{origin}:line {first_line + index}"

    fields: dict[str, str] = {}
    keys: dict[str, str] = {}
    for key, value in data.items():
        field = _KEYS.get(str(key).lower())
        if field is None or field in fields:
            continue
        if not isinstance(value, str):
            return InputProblem(
                origin=where(str(key)),
                message=f"front matter {key!r} must be a single value, not {type(value).__name__}",
            )
        if value.strip():
            fields[field] = value.strip().strip("'\"")
            keys[field] = str(key)
    if "published" in fields:
        try:
            fields["published"] = normalise_date(fields["published"])
        except InvalidInput as exc:
            key = keys["published"]
            return InputProblem(origin=where(key), message=f"front matter {key!r}: {exc}")
    # Both shapes end with one separator line (the closing "---" or a blank line).
    body_line = first_line + len(header) + 1
    return FrontMatter(body=body, body_line=body_line, **fields)
