"""Newsletters that carry several stories: find the headlines, split, credit each item.

A text is a digest when either

* its first line joins two or more headlines with ``...``, ``…`` or `` | `` and at
  least two headline sections follow, one of them repeating a joined headline, or
* it has at least three headline sections and at least two of them credit an
  outlet ("reports Bloomberg", "according to Caixin").

A headline is a short line (at most 14 words) without a final period over a
longer paragraph. Paragraphs before the first headline, and captions that open
with ``Chart:`` or ``Graphic:``, become untitled items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sinograph.loaders.inputs.assemble import Fallbacks, assemble_story
from sinograph.loaders.inputs.attribution import find_attribution
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.inputs.units import Unit, is_headline, word_count
from sinograph.loaders.story_input import StoryInput

__all__ = ["digest_stories", "is_digest"]

_SUBJECT_SEPARATOR = re.compile(r"\s*(?:\.{3,}|\u2026|\s\|\s)\s*")
_CAPTION = re.compile(
    r"^(?:Chart|Graphic|Infographic|Graph|Table)(?:\s+of\s+the\s+\w+)?\s*[:\u2013\u2014-]\s",
    re.IGNORECASE,
)


def _subject_parts(text: str) -> list[str]:
    parts = [part.strip() for part in _SUBJECT_SEPARATOR.split(text) if part.strip()]
    if len(parts) >= 2 and all(word_count(part) >= 2 for part in parts):
        return parts
    return []


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _boundaries(units: list[Unit], start: int) -> list[int]:
    return [
        i
        for i in range(start, len(units))
        if is_headline(units, i) or _CAPTION.match(units[i].text)
    ]


def _layout(units: list[Unit], force: bool) -> tuple[int, list[int]] | None:
    """(index of the first unit after any subject line, section starts), if a digest."""
    subject = _subject_parts(units[0].text) if units else []
    start = 1 if subject else 0
    starts = _boundaries(units, start)
    headlines = [i for i in starts if not _CAPTION.match(units[i].text)]
    if force:
        return (start, starts) if starts else None
    if subject and len(headlines) >= 2:
        repeated = {_normal(p) for p in subject} & {_normal(units[i].text) for i in headlines}
        if repeated:
            return start, starts
    if len(headlines) >= 3:
        sections = _sections(units, start, starts)
        credited = sum(1 for _, body in sections if find_attribution(_join(body)) is not None)
        if credited >= 2:
            return start, starts
    return None


def is_digest(units: list[Unit]) -> bool:
    """Whether the paragraph units of a text look like a multi-story digest."""
    return _layout(units, force=False) is not None


def _sections(
    units: list[Unit], start: int, starts: list[int]
) -> list[tuple[Unit | None, list[Unit]]]:
    """(headline unit or None, body units) for the preface and every section."""
    sections: list[tuple[Unit | None, list[Unit]]] = []
    if starts and starts[0] > start:
        sections.append((None, units[start : starts[0]]))
    ends = [*starts[1:], len(units)]
    for begin, end in zip(starts, ends, strict=True):
        if _CAPTION.match(units[begin].text):
            sections.append((None, units[begin:end]))
        else:
            sections.append((units[begin], units[begin + 1 : end]))
    return sections


def _join(units: list[Unit]) -> str:
    """The units' text, with the blank lines the file had between them."""
    parts: list[str] = []
    for index, unit in enumerate(units):
        if index:
            previous = units[index - 1]
            adjacent = previous.line + previous.text.count("\n") + 1 == unit.line
            parts.append("\n" if adjacent else "\n\n")
        parts.append(unit.text)
    return "".join(parts)


def digest_stories(
    units: list[Unit],
    *,
    origin: str,
    fallbacks: Fallbacks,
    publisher: str | None = None,
    published: str | None = None,
    force: bool = False,
) -> Iterator[StoryInput | InputProblem]:
    """Split a digest's units into stories, or yield nothing if it is not a digest.

    Each item's publisher is the outlet it credits, else its dateline's wire,
    else ``publisher`` (the digest's own, from its front matter), else the
    caller's. Each item is dated by its dateline (the year taken from the
    digest's date), else ``published``, else the caller's date. Origins are
    ``path:line N`` of the item's headline.
    """
    layout = _layout(units, force)
    if layout is None:
        if force:
            yield InputProblem(
                origin=origin,
                message="read as a digest, but no headline line (a short line without a "
                "final period over a longer paragraph) was found",
            )
        return
    start, starts = layout
    # The digest's own publisher and date stand in for the caller's, below what an
    # item says itself (its credit, its dateline).
    own = Fallbacks(
        published=published or fallbacks.published,
        publisher=publisher or fallbacks.publisher,
        given=fallbacks.given,
    )
    for headline, body in _sections(units, start, starts):
        text = _join(body)
        first = headline or body[0]
        yield assemble_story(
            text,
            origin=f"{origin}:line {first.line}",
            fallbacks=own,
            title=headline.text.lstrip("#").strip() if headline else None,
            publisher=find_attribution(text),
        )
