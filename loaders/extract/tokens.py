"""Word tokens with character offsets, tuned for business news.

Names keep their inner punctuation ("S.à", "U.S.", "Co.", "Orion3.5-Max",
"X2-0915", "e-commerce"); possessive ``'s`` is its own token; hyphenated
attributive suffixes ("Beijing-based", "Hong Kong-listed") are split so the place
is a token of its own.

>>> [t.text for t in tokenize("Hangzhou-based Kivra's Orion 3.5, from U.S. Corp. rivals")]
['Hangzhou', '-based', 'Kivra', "'s", 'Orion', '3.5', ',', 'from', 'U.S.', 'Corp.', 'rivals']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sinograph.loaders.extract.cues import word_set

__all__ = ["ABBREVIATIONS", "Token", "surface_text", "tokenize"]

# Words written with a final period that is not a full stop.
ABBREVIATIONS = word_set(
    """Mr Mrs Ms Dr Prof St No Nos Co Corp Inc Ltd Bhd Jr Sr vs etc Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Gen Sen Rep Gov Lt Col Capt Sgt Mt Ft approx est Dept Univ Assn Bros Pte
    Plc fig Vol Rev Hon Mssrs Messrs e.g i.e a.m p.m U.S U.K S.A N.V B.V r.l S.à L.P L.L.C K.K
    S.p.A U.S.A E.U P.R.C"""
)

# "Beijing-based" -> "Beijing" + "-based", "TikTok-owner" -> "TikTok" + "-owner": the
# name must be matchable on its own.
_ATTRIBUTIVE = re.compile(
    r"-(based|listed|owned|backed|controlled|headquartered|registered|funded|led|run|made|"
    r"born|linked|affiliated|focused|traded|owner|operator|parent|maker)$",
    re.IGNORECASE,
)

_SUFFIX_AFTER = re.compile(
    r"-(?:based|listed|owned|backed|controlled|headquartered|registered|funded|led|run)\b",
    re.IGNORECASE,
)

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 5,258 and 1,000.5
    r"|[^\W_](?:[^\W_]|[-.&/:+](?=[^\W_])|['\u2019](?![sS]\b)(?=[^\W_]))*"  # words, 4.5, S.à
    r"|['\u2019][sS]\b"  # possessive
    r"|\S",
)


# A bare quote ticker with its exchange suffix, as wire copy writes it after a name
# ("Norvik NV NRVK.MI said", "Tallis Auto 9863.HK"): no word of the sentence, read as a
# blank. One in brackets ("(0700.HK)") stays: the registry knows tickers.
EXCHANGE_TICKER = re.compile(
    r"(?<![\w.(\[])(?:[A-Z][A-Z0-9]{0,5}|\d{3,6})\.(?:HK|SS|SZ|SH|MI|N|O|OQ|PA|DE|L|T|KS|KQ"
    r"|UL|TW|AX|TO|SI|BO|NS|AS|MC|SW|ST|HE|CO|OL|F|BR|LS|VI|JK|BK|KL)(?!\w|\.\w|\.\s+\d)"
)


# "(Nasdaq: BIDU)", "(HKEX: 9988)": a quote in brackets after a firm's name names no
# exchange the firm acts on
EXCHANGE_QUOTE = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|HKEX|HKSE|SEHK|SSE|SZSE|LSE|TSX|ASX|SGX|TSE|KRX|NYSE American)"
    r"\s*:\s*[A-Z0-9.]{1,10}\)"
)


def blank_tickers(text: str) -> str:
    """``text`` with every bare exchange ticker and bracketed exchange quote blanked (same
    length, so offsets hold).

    >>> blank_tickers("Tallis Auto 9863.HK rose")
    'Tallis Auto         rose'
    >>> blank_tickers("a stake in Tallis Auto 9863.HK.")
    'a stake in Tallis Auto        .'
    >>> blank_tickers("Tallis Auto (9863.HK) rose")
    'Tallis Auto (9863.HK) rose'
    >>> blank_tickers("Norvik (Nasdaq: NRVK) rose")
    'Norvik                rose'
    """
    text = EXCHANGE_QUOTE.sub(lambda m: " " * len(m.group()), text)
    return EXCHANGE_TICKER.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, lower-cased text and character span in the sentence."""

    text: str
    lower: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter (or is a CJK word)."""
        first = self.text[0]
        return first.isupper() or "\u4e00" <= first <= "\u9fff"

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (see the module doc for the rules)."""
    tokens: list[Token] = []
    length = len(text)
    position = 0
    while True:
        match = _TOKEN.search(text, position)
        if match is None:
            break
        start, end = match.span()
        word = match.group()
        if end < length and text[end] == "." and _takes_period(word):
            end += 1
            word += "."
        position = end
        attributive = _ATTRIBUTIVE.search(word) if "-" in word else None
        if attributive is not None and attributive.start() > 0:
            cut = start + attributive.start()
            head = text[start:cut]
            tokens.append(Token(head, head.lower(), start, cut))
            tail = text[cut:end]
            tokens.append(Token(tail, tail.lower(), cut, end))
            continue
        tokens.append(Token(word, _fold(word), start, end))
        if end < length and text[end] == "-":
            suffix = _SUFFIX_AFTER.match(text, end)
            if suffix is not None:
                tokens.append(Token(suffix.group(), suffix.group().lower(), end, suffix.end()))
                position = suffix.end()
    return tokens


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _takes_period(word: str) -> bool:
    if word in ABBREVIATIONS:
        return True
    # Single letters are initials ("Robert F. Kennedy"), dotted words are initialisms.
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    return "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split("."))


def surface_text(tokens: Sequence[Token], start: int, end: int) -> str:
    """The words of ``tokens[start:end]`` as written: joined tokens stay joined
    ("Hong Kong-listed"), others are separated by one space."""
    parts: list[str] = []
    for k in range(start, end):
        if parts and tokens[k - 1].end == tokens[k].start:
            parts[-1] += tokens[k].text
        else:
            parts.append(tokens[k].text)
    return " ".join(parts)
