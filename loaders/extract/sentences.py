"""Sentence splitting that survives abbreviations, initials and legal forms.

A line break always ends a sentence; a short line without final punctuation is a
headline. Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or ``...``
(with any closing quotes or brackets) followed by a capital, digit or opening
quote, unless the word before the stop is an abbreviation that does not end
sentences (``Mr.``, ``Feb. 8``, ``No. 1``) or a legal form / initialism
(``Corp.``, ``U.S.``, ``S.à r.l.``) followed by something other than a usual
sentence opener.

>>> [s.text for s in split_sentences("Tallis S.à r.l. sold it. Mr. Zhou spoke.")]
['Tallis S.à r.l. sold it.', 'Mr. Zhou spoke.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sinograph.loaders.extract.cues import word_set
from sinograph.loaders.extract.tokens import EXCHANGE_TICKER

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "split_sentences"]

# Work per sentence is bounded: longer "sentences" (tables, run-on text) are cut.
MAX_SENTENCE_CHARS = 2_000

_BOUNDARY = re.compile(r"(?:[.!?]|\.\.\.|\u2026)[\"'\u201d\u2019)\]]*(?:\s+|(?=[\"\u201c(A-Z]))")
_NEVER_ENDS = word_set(
    """mr mrs ms dr prof st no nos gen sen rep gov lt col capt sgt mt ft jan feb mar apr jun jul
    aug sep sept oct nov dec vs approx fig vol rev hon messrs e.g i.e"""
)
_MAY_END = word_set(
    """co corp inc ltd bhd jr sr etc plc pte u.s u.k s.a n.v b.v r.l l.p l.l.c k.k s.p.a u.s.a e.u
    p.r.c"""
)
_OPENERS = word_set(
    """the a an it its in on at for from by with but and or however this that these those he she
    they we his her their our there here shares meanwhile analysts investors according last next
    after before since while as if when other some many most both earlier later separately also"""
)
_DATELINE = re.compile(
    r"^\s*(?:\([A-Z][^()\n]{0,40}\)\s*)?"
    r"(?:[A-Z][A-Z.'\u2019-]*(?:[ /][A-Z][A-Z.'\u2019-]*){0,3}\s*,?\s*)?"
    # "WUHU, China, May 15": a country after the city
    r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*)?"
    r"(?:\([A-Z][^()\n]{0,40}\)\s*)?"
    r"(?:--|\u2014|\u2013|-)\s+(?=\S)"
)
# "Market reaction: Shares of ...": a newsletter's section label opening a paragraph is
# read like a dateline, so its words are no name and the word after it opens the sentence.
_SPEECH = word_set("said says told added wrote writes noted stated explained announced asked")
_SECTION_LABEL = re.compile(
    r"^(?:[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,2}|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})"
    r":\s+(?=[A-Z\"\u201c])"
)  # ... and "HONG KONG: Nio has raised ...", a dateline with a colon


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text, offsets in the story, paragraph number, and whether it is a
    headline. ``body_start`` skips a dateline such as ``SYDNEY --`` or ``HONG KONG:``, or a
    section label such as ``Market reaction:``, when parsing."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    headline: bool = False
    body_start: int = 0


def split_sentences(text: str) -> list[Sentence]:
    """Split a story into sentences (see the module doc for the rules)."""
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.splitlines(keepends=True):
        start = offset
        offset += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        for piece_start, piece_end in _split_line(body):
            raw = body[piece_start:piece_end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            s_start = start + piece_start + lead
            for chunk_start in range(0, len(stripped), MAX_SENTENCE_CHARS):
                chunk = stripped[chunk_start : chunk_start + MAX_SENTENCE_CHARS]
                headline = _is_headline(chunk) and piece_start == 0 and piece_end == len(body)
                dateline = _DATELINE.match(chunk) if not sentences or paragraph <= 2 else None
                if dateline is None and piece_start == 0 and chunk_start == 0:
                    dateline = _section_label(chunk)
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=chunk,
                        start=s_start + chunk_start,
                        end=s_start + chunk_start + len(chunk),
                        paragraph=paragraph,
                        headline=headline,
                        body_start=dateline.end() if dateline and dateline.end() < 80 else 0,
                    )
                )
        paragraph += 1
    return sentences


def _section_label(text: str) -> re.Match[str] | None:
    label = _SECTION_LABEL.match(text)
    # "The minister said: ..." introduces a quote; its speaker may be a name
    if label is None or any(w in _SPEECH for w in label.group().rstrip(": ").lower().split()):
        return None
    return label


def _split_line(line: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        stop = match.start()
        end = match.end()
        if end >= len(line.rstrip()):
            break
        if not _is_boundary(line, stop, end):
            continue
        pieces.append((start, end))
        start = end
    pieces.append((start, len(line)))
    return [part for piece in pieces for part in _roster_items(line, *piece)]


_ROSTER_MARK = re.compile(r";\s+(?=[A-Z])")


def _roster_items(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "A, Vice President, X; B, Director, Y; C, ...": a run of two or more semicolons
    lists items that are read one by one (a parser reads a whole roster as one noun
    phrase and pairs every person with its last firm)."""
    marks = list(_ROSTER_MARK.finditer(line, start, end))
    if len(marks) < 2:
        return [(start, end)]
    items: list[tuple[int, int]] = []
    begin = start
    for m in marks:
        items.append((begin, m.start() + 1))
        begin = m.end()
    items.append((begin, end))
    if any(line.count(",", a, b) < 2 for a, b in items[1:]):
        # "include: A and two aliases; B ...": a list of names that shares the verb
        # before it, no roster of people with titles
        return [(start, end)]
    return items


_TICKER_TAIL = re.compile(r"[A-Z]{1,3}[)\]]")


def _is_boundary(line: str, stop: int, end: int) -> bool:
    following = line[end : end + 40].lstrip("\"'\u201c\u2018([ ")
    if not following:
        return False
    if end == stop + 1 and stop > 0 and line[stop - 1].isdigit():
        return False  # "(0700.HK)": a ticker, not the end of a sentence
    if end == stop + 1 and _TICKER_TAIL.match(line, end) and line[stop - 1].isupper():
        return False  # "(NVDA.O)", "(BABA.N)": an exchange suffix
    near = EXCHANGE_TICKER.finditer(line, max(0, stop - 7), stop + 5)
    if any(m.start() < stop < m.end() - 1 for m in near):
        return False  # "Norvik NV NRVK.MI said": a bare ticker
    first = following[0]
    if line[stop] != ".":
        return first.isupper() or first.isdigit() or line[stop] in "!?\u2026"
    if line.startswith("...", stop):
        return first.isupper()
    if not (first.isupper() or first.isdigit()):
        return False
    word = _word_before(line, stop).lower()
    if word in _NEVER_ENDS:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "Robert F. Kennedy"
    if word in _MAY_END:
        next_word = re.match(r"[\w']+", following)
        return next_word is not None and next_word.group().lower() in _OPENERS
    # "under E.O. 14032": a dotted initialism before its number ends no sentence
    return not (
        first.isdigit() and "." in word and all(len(part) == 1 for part in word.split("."))
    )


def _word_before(line: str, stop: int) -> str:
    begin = stop
    while begin > 0 and (line[begin - 1].isalnum() or line[begin - 1] in ".\u00e0"):
        begin -= 1
    return line[begin:stop].strip(".")


def _is_headline(text: str) -> bool:
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".!?:;\u201d\"'\u2019)":
        return False
    return len(stripped.split()) <= 25
