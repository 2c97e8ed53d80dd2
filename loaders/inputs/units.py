"""A text cut into paragraph units with their line numbers, and what a headline looks like.

Plain text comes in two shapes: one paragraph per line (no blank lines), or
paragraphs separated by blank lines, possibly hard-wrapped. Both become the same
list of units, so the article and digest readers need not care which it was.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, ConfigDict

__all__ = ["Unit", "is_headline", "markdown_units", "text_units", "word_count"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CLOSERS = "\"'\u201d\u2019)]\u300d\u300f"
_NOT_HEADLINE_END = ".,;:\u3002\uff0c\uff1b\uff1a"
_OPENERS = "\"'\u201c\u2018$\u20ac\u00a3\u00a5"
_SENTENCE_END = ".!?\u3002\uff01\uff1f"
_HEADLINE_MAX_WORDS = 14
_HEADLINE_MAX_CHARS = 140
# A hard-wrapped line that ends on one of these is mid-sentence, not a headline.
_DANGLING = frozenset(
    {
        "a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by",
        "from", "as", "its", "their", "his", "her", "that", "which", "who", "whose", "than",
        "into", "over", "under", "about",
    }
)  # fmt: skip


class Unit(BaseModel):
    """One paragraph (or headline line) and the file line it starts on."""

    model_config = ConfigDict(frozen=True)

    line: int
    text: str


def word_count(text: str) -> int:
    """Words in ``text``; two CJK characters count as one word."""
    return len(_CJK.sub("", text).split()) + (len(_CJK.findall(text)) + 1) // 2


def text_units(text: str, first_line: int = 1) -> list[Unit]:
    """Paragraph units of plain text whose first line is file line ``first_line``.

    >>> [u.line for u in text_units("Title\\nOne paragraph.\\nAnother one.")]
    [1, 2, 3]
    >>> [u.text for u in text_units("Title\\n\\nA wrapped\\nparagraph.", first_line=5)]
    ['Title', 'A wrapped\\nparagraph.']
    """
    lines = text.split("\n")
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(lines):
        if line.strip():
            if not current:
                start = index
            current.append(line.rstrip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))

    units: list[Unit] = []
    wrapped = any(len(block) > 1 for _, block in blocks) and len(blocks) > 1
    for start, block in blocks:
        if not wrapped:
            units.extend(Unit(line=first_line + start + i, text=b) for i, b in enumerate(block))
            continue
        if len(block) > 1 and _heads_block(block):
            units.append(Unit(line=first_line + start, text=block[0]))
            start, block = start + 1, block[1:]
        units.append(Unit(line=first_line + start, text="\n".join(block)))
    return units


def _heads_block(block: list[str]) -> bool:
    """Whether a block's first line is a headline over its paragraph, not a wrapped line."""
    first, second = block[0].strip(), block[1].lstrip()
    words = first.split()
    return (
        bool(words)
        and _looks_like_headline(first)
        and words[-1].lower() not in _DANGLING
        and (second[:1].isupper() or second[:1].isdigit() or second[:1] in "\"'\u201c(")
    )


def _looks_like_headline(text: str) -> bool:
    if "\n" in text or len(text) > _HEADLINE_MAX_CHARS:
        return False
    stripped = text.strip()
    if not stripped or not 1 <= word_count(stripped) <= _HEADLINE_MAX_WORDS:
        return False
    if stripped.rstrip(_CLOSERS)[-1:] in _NOT_HEADLINE_END:
        return False
    first = stripped[0]
    return first.isupper() or first.isdigit() or first in _OPENERS or bool(_CJK.match(first))


def is_headline(units: list[Unit], index: int) -> bool:
    """Whether ``units[index]`` is a headline: a short line, no final period, over a
    longer paragraph."""
    if index + 1 >= len(units) or not _looks_like_headline(units[index].text):
        return False
    following = units[index + 1].text.strip()
    if _looks_like_headline(following) and word_count(following) < 20:
        return False
    ends_sentence = following.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    longer = word_count(following) > word_count(units[index].text)
    return longer and (ends_sentence or word_count(following) >= 20)


_MARKDOWN = MarkdownIt("commonmark")
_BLOCKS_WITH_TEXT = {"paragraph_open", "heading_open"}


def markdown_units(text: str, first_line: int = 1) -> list[Unit]:
    """Paragraph units of Markdown: formatting, links and images turned into plain text.

    >>> [u.text for u in markdown_units("# CATL lists\\n\\nShares *rose* [16%](http://x).")]
    ['CATL lists', 'Shares rose 16%.']
    """
    tokens = _MARKDOWN.parse(text)
    units: list[Unit] = []
    for index, token in enumerate(tokens[:-1]):
        if token.type not in _BLOCKS_WITH_TEXT or token.map is None:
            continue
        inline = tokens[index + 1]
        plain = _inline_text(inline.children or [])
        if plain.strip():
            units.append(Unit(line=first_line + token.map[0], text=plain.strip()))
    return units


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
