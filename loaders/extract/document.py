"""A story prepared for relation extraction: sentences, tokens, mentions, and the
money, percentages and dates of each sentence mapped onto its tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sinograph.loaders.budget import checkpoint, note
from sinograph.loaders.extract.amounts import (
    MoneyMention,
    PercentMention,
    find_money,
    find_percentages,
)
from sinograph.loaders.extract.cues import (
    COMPANY_SUFFIXES,
    GOVERNMENT_HEADS,
    OPENING_DESCRIPTORS,
    SENTENCE_ADVERBS,
    word_set,
)
from sinograph.loaders.extract.mention import Mention
from sinograph.loaders.extract.mentions import find_mentions
from sinograph.loaders.extract.registry import Registry
from sinograph.loaders.extract.sentences import Sentence, split_sentences
from sinograph.loaders.extract.temporal import DateMention, find_dates
from sinograph.loaders.extract.tokens import Token, blank_tickers, tokenize

# Cheap tests that let sentences without numbers or date words skip the slower readers.
_DIGIT = re.compile(r"\d")
_DATE_WORD = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|"
    r"sun|yesterday|today|tomorrow|tonight|week|month|year|quarter|half|ago|decade|annual|"
    r"spring|summer|autumn|fall|winter|earlier|later|recent)"
)

__all__ = [
    "MAX_MENTIONS_PER_SENTENCE",
    "MAX_SENTENCES",
    "MAX_TOKENS_PER_SENTENCE",
    "ParsedSentence",
    "Span",
    "parse_document",
]

# Bounded work per sentence: tokens past this are not read. News sentences run to
# 20-60 words; 400 is a list or a table that lost its line breaks.
MAX_TOKENS_PER_SENTENCE = 400
# Names read in one sentence; the relation rules compare the names of a sentence with
# each other, so this bounds their work. A real sentence names a handful.
MAX_MENTIONS_PER_SENTENCE = 60
# Bounded work per story: sentences past this are not read.
MAX_SENTENCES = 2_000


@dataclass(frozen=True, slots=True)
class Span:
    """A money amount, percentage or date at tokens ``[start, end)``."""

    start: int
    end: int
    money: MoneyMention | None = None
    percent: PercentMention | None = None
    date: DateMention | None = None


@dataclass(slots=True)
class ParsedSentence:
    """One sentence with everything the relation stage reads."""

    sentence: Sentence
    tokens: list[Token]
    begin: int
    mentions: list[Mention] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)
    money: list[Span] = field(default_factory=list)
    percents: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    subject: int = -1  # index of the mention in subject position, or -1

    @property
    def text(self) -> str:
        return self.sentence.text

    def reindex(self) -> None:
        """Recompute ``owner`` after mentions changed."""
        self.mentions.sort(key=lambda m: m.start)
        self.owner = [-1] * len(self.tokens)
        for index, m in enumerate(self.mentions):
            for k in range(m.start, m.end):
                self.owner[k] = index

    def mention_at(self, token: int) -> Mention | None:
        if 0 <= token < len(self.owner) and self.owner[token] >= 0:
            return self.mentions[self.owner[token]]
        return None

    def money_at(self, token: int) -> Span | None:
        for span in self.money:
            if span.start <= token < span.end:
                return span
        return None



def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    first = last = -1
    for k, tok in enumerate(tokens):
        if tok.end > start and tok.start < end:
            if first < 0:
                first = k
            last = k
        elif tok.start >= end:
            break
    if first < 0:
        return None
    return first, last + 1


def parse_document(text: str, published: str | None, registry: Registry) -> list[ParsedSentence]:
    """Split, tokenise and find the mentions of every sentence of a story."""
    sentences = split_sentences(text)
    if len(sentences) > MAX_SENTENCES:
        note(
            f"the story has {len(sentences):,} sentences; only the first {MAX_SENTENCES:,} "
            "were read"
        )
        sentences = sentences[:MAX_SENTENCES]
    tokenized = []
    for s in sentences:
        checkpoint()
        # a story's quote tickers are no words of it ("Norvik NV NRVK.MI said"); the
        # registry's own ticker aliases are tokenised as they are
        tokens = tokenize(blank_tickers(s.text))
        if len(tokens) > MAX_TOKENS_PER_SENTENCE:
            note(
                f"a sentence of {len(tokens):,} words was read up to its "
                f"{MAX_TOKENS_PER_SENTENCE}th word (sentences are capped at that length)"
            )
            tokens = tokens[:MAX_TOKENS_PER_SENTENCE]
        tokenized.append(tokens)
    known = _known_names(sentences, tokenized)
    tails = _repeated_tails(sentences, tokenized)
    prefixes = _firm_name_prefixes(tokenized)
    parsed: list[ParsedSentence] = []
    for sentence, tokens in zip(sentences, tokenized, strict=True):
        checkpoint()
        begin = 0
        if sentence.body_start:
            begin = next(
                (k for k, t in enumerate(tokens) if t.start >= sentence.body_start), len(tokens)
            )
        limit = tokens[-1].end if tokens else 0
        body = sentence.text[:limit]
        item = ParsedSentence(sentence, tokens, begin)
        blocked = [False] * len(tokens)
        has_digit = _DIGIT.search(body) is not None
        for money in find_money(body) if has_digit else ():
            span = _token_span(tokens, money.start, money.end)
            if span is not None:
                item.money.append(Span(span[0], span[1], money=money))
                for k in range(*span):
                    blocked[k] = True
        for percent in find_percentages(body) if has_digit else ():
            span = _token_span(tokens, percent.start, percent.end)
            if span is not None:
                item.percents.append(Span(span[0], span[1], percent=percent))
                for k in range(*span):
                    blocked[k] = True
        maybe_date = has_digit or _DATE_WORD.search(body) is not None
        for found in find_dates(body, published) if maybe_date else ():
            span = _token_span(tokens, found.start, found.end)
            if span is not None:
                item.dates.append(Span(span[0], span[1], date=found))
                for k in range(*span):
                    blocked[k] = True
        item.mentions = find_mentions(
            tokens,
            begin,
            registry,
            known,
            headline=sentence.headline,
            blocked=blocked,
            repeated_tails=tails,
            firm_prefixes=prefixes,
        )
        if len(item.mentions) > MAX_MENTIONS_PER_SENTENCE:
            note(
                f"a sentence naming {len(item.mentions):,} names was read for its first "
                f"{MAX_MENTIONS_PER_SENTENCE} only (names per sentence are capped)"
            )
            item.mentions = sorted(item.mentions, key=lambda m: m.start)[
                :MAX_MENTIONS_PER_SENTENCE
            ]
        for m in item.mentions:
            m.text = sentence.text[tokens[m.start].start : tokens[m.end - 1].end]
        item.reindex()
        parsed.append(item)
    return parsed


def _firm_name_prefixes(tokenized: list[list[Token]]) -> frozenset[tuple[str, ...]]:
    """The opening words (two or more) of the story's long firm names: "Aramco Huajin"
    is the short form of "Aramco Huajin Petrochemical Company", not Aramco and Huajin."""
    out: set[tuple[str, ...]] = set()
    for tokens in tokenized:
        for k, j in _capitalised_runs(tokens):
            if j - k >= 3 and tokens[j - 1].text in COMPANY_SUFFIXES:
                words = tuple(t.text for t in tokens[k:j])
                out.update(words[:size] for size in range(2, len(words)))
    return frozenset(out)


def _capitalised_runs(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Spans ``[k, j)`` of consecutive capitalised words (the shape of a name)."""
    k = 0
    while k < len(tokens):
        j = k
        while j < len(tokens) and tokens[j].is_cap and tokens[j].text[:1].isalpha():
            j += 1
        if j > k:
            yield k, j
        k = max(j, k + 1)


def _repeated_tails(
    sentences: list[Sentence], tokenized: list[list[Token]]
) -> frozenset[tuple[str, ...]]:
    """Up to three capitalised words closing a longer capitalised run, seen twice or more.

    A firm's full name repeated after different short forms ("PwC Zhong Tian",
    "PricewaterhouseCoopers Zhong Tian") marks the tail as part of one name.
    """
    counts: dict[tuple[str, ...], int] = {}
    for sentence, tokens in zip(sentences, tokenized, strict=True):
        if sentence.headline:
            continue
        for k, j in _capitalised_runs(tokens):
            for size in range(1, min(3, j - k - 1) + 1):
                tail = tuple(t.text for t in tokens[j - size : j])
                counts[tail] = counts.get(tail, 0) + 1
    return frozenset(tail for tail, n in counts.items() if n >= 2)


# words that open "Former Norvik Motors chairman ..." and never begin a firm's name
_TENURE_OPENERS = word_set("Former Then Outgoing Incoming Interim Acting Late Ex Erstwhile")


def _known_names(sentences: list[Sentence], tokenized: list[list[Token]]) -> set[str]:
    """Words written capitalised inside body sentences: names, not sentence openers."""
    known: set[str] = set()
    for sentence, tokens in zip(sentences, tokenized, strict=True):
        if sentence.headline:
            continue
        # "Norvik Mining Group bought ...": a name that opens a sentence is known by
        # its suffix, and its first word then names it alone elsewhere.
        k = 0
        while k < len(tokens) and tokens[k].is_cap and tokens[k].text[0].isalpha():
            k += 1
        # ("Former Norvik Motors chairman ...": an opener such as "Former" stays one)
        if (
            k >= 2
            and tokens[k - 1].text in COMPANY_SUFFIXES | GOVERNMENT_HEADS
            and tokens[0].text not in _TENURE_OPENERS
            and tokens[0].text not in OPENING_DESCRIPTORS
            and tokens[0].text not in SENTENCE_ADVERBS  # "Now DZ Bank analyst ..."
        ):
            known.add(tokens[0].text)
        for k in range(1, len(tokens)):
            tok = tokens[k]
            prev = tokens[k - 1].text
            if tok.is_cap and prev not in '.!?"\u201c\u2018(-\u2014:' and tok.text[0].isalpha():
                known.add(tok.text)
    return known
