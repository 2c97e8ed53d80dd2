"""Finding a model's quotes and names in the story they claim to come from.

Text is compared after folding what a copy may change without changing the words:
case, accents, curly and straight quotes, dash variants, runs of whitespace and
full-width forms. A quote found in the story is replaced by the story's own
sentence(s) around it, so stored evidence is always the story's text.

>>> text = StoryText("Norvik Group said on Monday it would buy Tallis Ltd. Shares rose.")
>>> text.sentence_of("it would buy tallis ltd.")
'Norvik Group said on Monday it would buy Tallis Ltd.'
>>> text.mentions("Tallis"), text.mentions("Talli")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata

from sinograph.loaders.extract.sentences import split_sentences

__all__ = ["MAX_EVIDENCE_SENTENCES", "MIN_QUOTE_CHARS", "StoryText", "fold"]

# A quote shorter than this ("bought") identifies no sentence.
MIN_QUOTE_CHARS = 12
# Evidence is one sentence; a model may cut at an abbreviation the splitter did not.
MAX_EVIDENCE_SENTENCES = 2

_FOLD = {
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u300c\u300d\u300e\u300f"},
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    "\u2026": "...",
}
_SURROUNDING = " \t\r\n\"'"
_CJK_STOPS = ("\u3002", "\uff01", "\uff1f")


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        out.append(_FOLD.get(c, c))
    return "".join(out).lower()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the offset it came from."""
    chars: list[str] = []
    where: list[int] = []
    space = True  # drop leading whitespace
    for index, ch in enumerate(text):
        for c in _fold_char(ch):
            if c.isspace():
                if space:
                    continue
                c = " "
                space = True
            else:
                space = False
            chars.append(c)
            where.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def fold(text: str) -> str:
    """``text`` folded for comparison.

    >>> fold("  \u201cZijin\u2019s\u201d  S.\u00e0 r.l. \u2014 deal ")
    '"zijin\\'s" s.a r.l. - deal'
    """
    return _fold_with_map(text)[0]


def _is_word(ch: str) -> bool:
    # CJK characters are letters too, but Chinese names are written without spaces.
    return ch.isalnum() and not ("\u3400" <= ch <= "\u9fff")


class StoryText:
    """A story's text, folded once, with its sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self._where = _fold_with_map(text)
        self._sentences = [(s.start, s.end) for s in split_sentences(text)]

    def find(self, quote: str) -> tuple[int, int] | None:
        """The span of ``quote`` in the original text, or None."""
        wanted = fold(quote).strip(_SURROUNDING)
        if len(wanted) < MIN_QUOTE_CHARS:
            return None
        at = self.folded.find(wanted)
        if at == -1 and wanted.endswith("."):
            # A headline quoted with a full stop it does not have.
            wanted = wanted[:-1]
            at = self.folded.find(wanted)
        if at == -1:
            return None
        return self._where[at], self._where[at + len(wanted) - 1] + 1

    def sentence_of(self, quote: str) -> str | None:
        """The story's own sentence(s) holding ``quote``; None when the quote is not in
        the story, too short to place, or spans more than a sentence or two."""
        span = self.find(quote)
        if span is None:
            return None
        start, end = span
        covering = [(s, e) for s, e in self._sentences if s < end and e > start]
        if not covering:
            return self.text[start:end].strip()
        if len(covering) > MAX_EVIDENCE_SENTENCES:
            return None
        first, last = covering[0][0], covering[-1][1]
        # The splitter reads Latin punctuation; Chinese sentences end at 。！？ too.
        before = max(self.text.rfind(stop, first, start) for stop in _CJK_STOPS)
        if before != -1:
            first = before + 1
        after = [i for stop in _CJK_STOPS if (i := self.text.find(stop, end - 1, last)) != -1]
        if after:
            last = min(after) + 1
        return self.text[first:last].strip()

    def mentions(self, name: str) -> bool:
        """Whether ``name`` is written in the story as a whole word or phrase."""
        wanted = fold(name).strip(_SURROUNDING)
        if not wanted:
            return False
        at = self.folded.find(wanted)
        while at != -1:
            before = self.folded[at - 1] if at > 0 else " "
            end = at + len(wanted)
            after = self.folded[end] if end < len(self.folded) else " "
            left_ok = not (_is_word(before) and _is_word(wanted[0]))
            right_ok = not (_is_word(after) and _is_word(wanted[-1]))
            if left_ok and right_ok:
                return True
            at = self.folded.find(wanted, at + 1)
        return False


_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Whitespace collapsed, for messages."""
    return _SPACES.sub(" ", text).strip()
