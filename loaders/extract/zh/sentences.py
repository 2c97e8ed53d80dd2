"""Chinese text into paragraphs and sentences.

A sentence ends at ``。！？；`` (or ``!?;``) outside quotation marks, or at a line
break; a line is a paragraph. The first paragraph of a story that ends without
sentence punctuation is its headline.

>>> [s.text for s in split_sentences("标题\\n紫金矿业宣布收购。董事长说：“很好。”\\n")]
['标题', '紫金矿业宣布收购。', '董事长说：“很好。”']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_ENDS = frozenset("。！？；!?;")
_OPEN = frozenset("“「『‘")
_CLOSE = frozenset("”」』’")
_MAX_SENTENCE = 2000


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text, where it starts in the story, and its paragraph."""

    text: str
    start: int
    paragraph: int
    index: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order (blank ones dropped)."""
    out: list[Sentence] = []
    paragraph = -1
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            paragraph += 1
            for start, end in _pieces(body):
                piece = body[start:end]
                lead = len(piece) - len(piece.lstrip())
                piece = piece.strip()
                if piece:
                    out.append(Sentence(piece, offset + start + lead, paragraph, len(out)))
        offset += len(line)
    return out


def _pieces(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        if (ch in _ENDS and depth == 0) or i - start >= _MAX_SENTENCE:
            end = i + 1
            while end < n and line[end] in _CLOSE:
                end += 1
            spans.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    return spans
