"""Plain-text and Markdown articles: front matter, a title line, then the text.

A text or Markdown file that turns out to be a digest is split by
:mod:`loaders.inputs.digest` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sinograph.loaders.inputs.assemble import Fallbacks, assemble_story
from sinograph.loaders.inputs.digest import digest_stories, is_digest
from sinograph.loaders.inputs.front_matter import split_front_matter
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.inputs.units import Unit, markdown_units, text_units, word_count
from sinograph.loaders.story_input import StoryInput

__all__ = ["read_article"]

_TITLE_MAX_WORDS = 40
# Plain text is cut into paragraphs only this far to find a title and to tell an
# article from a digest; a big article is never split into a list of lines.
_HEAD_CHARS = 64 * 1024
_BLANKS_AND_FIRST_LINE = re.compile(r"(?:[ \t\r\f\v]*\n)*[^\n]*\n?")


def read_article(
    text: str,
    *,
    origin: str,
    fallbacks: Fallbacks,
    markdown: bool = False,
    digest: bool | None = None,
) -> Iterator[StoryInput | InputProblem]:
    """Yield the story (or a digest's stories) of a text or Markdown file.

    ``digest``: ``None`` detects digests, ``True`` insists on one, ``False`` never
    splits. The title is the front matter's ``title``, else the first non-empty
    line (Markdown ``#`` removed); a file of one line is text without a title.

    >>> story, = read_article("# CATL lists in Hong Kong\\n\\nShares rose 16%.",
    ...                       origin="a.md", fallbacks=Fallbacks(), markdown=True)
    >>> story.title, story.text
    ('CATL lists in Hong Kong', 'Shares rose 16%.')
    """
    if not text.strip():
        yield InputProblem(origin=origin, message="empty file")
        return
    front = split_front_matter(text, origin)
    if isinstance(front, InputProblem):
        yield front
        return
    if markdown:
        units = markdown_units(front.body, front.body_line)
    else:
        units = text_units(front.body[:_HEAD_CHARS], front.body_line)
    if not units:
        yield InputProblem(origin=origin, message="no text after the front matter")
        return
    if digest is not False and (digest or is_digest(units)):
        if not markdown and len(front.body) > _HEAD_CHARS:
            units = text_units(front.body, front.body_line)
        found = list(
            digest_stories(
                units,
                origin=origin,
                fallbacks=fallbacks,
                publisher=front.publisher,
                published=front.published,
                force=bool(digest),
            )
        )
        if found:
            yield from found
            return

    title: str | None
    if front.title is not None:
        # The title often opens the body as well: it is not text twice.
        repeated = _normal(units[0].text.lstrip("#")) == _normal(front.title)
        title = front.title
        body = _body_text(front.body, units, skip=int(repeated), markdown=markdown)
    else:
        title, body = _title_and_body(front.body, units, markdown=markdown)
    yield assemble_story(
        body,
        origin=origin,
        fallbacks=fallbacks,
        title=title,
        publisher=front.publisher,
        published=front.published,
        url=front.url,
    )


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_and_body(raw: str, units: list[Unit], *, markdown: bool) -> tuple[str | None, str]:
    first = units[0]
    one_line = "\n" not in first.text.strip()
    if len(units) == 1 or not one_line or word_count(first.text) > _TITLE_MAX_WORDS:
        return None, _body_text(raw, units, skip=0, markdown=markdown)
    return first.text.lstrip("#").strip(), _body_text(raw, units, skip=1, markdown=markdown)


def _body_text(raw: str, units: list[Unit], *, skip: int, markdown: bool) -> str:
    if markdown:
        return "\n\n".join(unit.text for unit in units[skip:])
    if skip == 0:
        return raw.strip("\n")
    # Plain text is kept exactly as written after the title line.
    match = _BLANKS_AND_FIRST_LINE.match(raw)
    return raw[match.end() if match else 0 :].strip("\n")
