"""Money amounts and percentages found in running text, with their character spans.

>>> [(m.value, m.currency, m.alternatives) for m in find_money("HK$7.8bn (US$1bn) in fees")]
[(7800000000.0, 'HKD', ((1000000000.0, 'USD'),))]
>>> [(p.value, p.points) for p in find_percentages("up 23% and 50 basis points")]
[(23.0, False), (0.5, True)]

Why not a library: ``price-parser`` reads one price string (``"HK$731.2"`` gives
``731.2`` and ``"HK$"``) but has no magnitudes, no spans in running text, no ISO
codes and no bracketed second currency; ``babel`` parses locale numbers only. The
parser here is table-driven: the currency and magnitude words live in the tables
below, and every regular expression is a flat alternation of literals or a single
character-class loop, so matching stays linear in the length of the text.

Rules worth knowing:

* A money mention needs a currency (a sign or code before the number, or a word or
  code after it); a bare ``3.6 billion`` is not money.
* ``$`` and the word ``dollars`` mean ``dollar_sign`` (USD unless told otherwise);
  ``¥`` means ``yen_sign`` (CNY unless told otherwise) except when ``yen`` follows;
  ``JP¥`` is always JPY and ``CN¥`` always CNY.
* The first amount is primary; amounts in brackets right after it
  (``HK$731.2 billion ($93 billion)``) become its ``alternatives`` and are not
  reported again. The span covers the primary amount and its brackets.
* ``$1-2 billion`` and ``1 to 2 billion yuan`` give two mentions; the first borrows
  the magnitude and currency of the second.
* ``per`` holds what a price is per (``HK$202.5 each`` -> ``"each"``, ``$80 a barrel``
  -> ``"barrel"``); ``per_unit`` says whether there is one.
* Percentages: ``%``, ``percent``, ``per cent``, ``pct``; percentage points and basis
  points set ``points=True`` and basis points are divided by 100 (``25 bps`` -> 0.25).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.errors import InvalidInput

__all__ = [
    "CURRENCY_CODES",
    "MoneyMention",
    "PercentMention",
    "find_money",
    "find_percentages",
]


class MoneyMention(BaseModel):
    """An amount of money in the text: ``value`` in units of the ISO 4217 ``currency``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    approximate: bool = False
    alternatives: tuple[tuple[float, str], ...] = ()
    per: str | None = None

    @property
    def per_unit(self) -> bool:
        """True for a price or rate (``HK$202.5 each``, ``$80 a barrel``), not a total."""
        return self.per is not None


class PercentMention(BaseModel):
    """A percentage (``23%``) or, with ``points=True``, a change in percentage points."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float
    points: bool = False
    approximate: bool = False


# ---------------------------------------------------------------------------
# Tables

# ISO 4217 codes accepted before or after a number ("USD 30.7bn", "5bn EUR").
# fmt: off
CURRENCY_CODES: frozenset[str] = frozenset({
    "USD", "HKD", "CNY", "CNH", "EUR", "JPY", "GBP", "SGD", "TWD", "KRW", "AUD", "CAD",
    "NZD", "CHF", "INR", "IDR", "MYR", "THB", "VND", "PHP", "RUB", "BRL", "MXN", "ZAR",
    "TRY", "SAR", "AED", "QAR", "KWD", "MOP", "KZT", "SEK", "NOK", "DKK", "PLN", "ILS",
    "NGN", "EGP", "PKR", "BDT", "LKR", "ARS", "CLP", "COP", "PEN", "UAH", "CZK", "HUF",
    "RON", "MNT", "UZS",
})
# fmt: on

# Signs and codes written before the number. "$" and "¥" are resolved by the caller's
# defaults, so they map to placeholders here.
_DOLLAR = "$"
_YEN_SIGN = "¥"
_PREFIXES: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "$US": "USD",
    "HK$": "HKD",
    "$HK": "HKD",
    "NT$": "TWD",
    "S$": "SGD",
    "SG$": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "$A": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "NZ$": "NZD",
    "R$": "BRL",
    "MOP$": "MOP",
    "MX$": "MXN",
    "$": _DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "¥": _YEN_SIGN,
    "￥": _YEN_SIGN,
    "JP¥": "JPY",
    "CN¥": "CNY",
    "RMB¥": "CNY",
    "₩": "KRW",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₫": "VND",
    "฿": "THB",
    "₱": "PHP",
    "₪": "ILS",
    "₦": "NGN",
    "Rp": "IDR",
    "RM": "MYR",
    "SFr.": "CHF",
    "Rmb": "CNY",
    "RMB": "CNY",
    "人民币": "CNY",
    **{code: code for code in CURRENCY_CODES},
}

# Words and codes written after the number (compared in lower case).
_SUFFIXES: dict[str, str] = {
    "dollars": _DOLLAR,
    "dollar": _DOLLAR,
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "american dollars": "USD",
    "hong kong dollars": "HKD",
    "hong kong dollar": "HKD",
    "hk dollars": "HKD",
    "singapore dollars": "SGD",
    "singapore dollar": "SGD",
    "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD",
    "taiwanese dollars": "TWD",
    "australian dollars": "AUD",
    "australian dollar": "AUD",
    "canadian dollars": "CAD",
    "canadian dollar": "CAD",
    "new zealand dollars": "NZD",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "japanese yen": "JPY",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "british pounds": "GBP",
    "sterling": "GBP",
    "won": "KRW",
    "korean won": "KRW",
    "south korean won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "indian rupees": "INR",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "philippine pesos": "PHP",
    "mexican pesos": "MXN",
    "roubles": "RUB",
    "rubles": "RUB",
    "swiss francs": "CHF",
    "tenge": "KZT",
    "riyals": "SAR",
    "saudi riyals": "SAR",
    "dirhams": "AED",
    "rand": "ZAR",
    "reais": "BRL",
    "brazilian reais": "BRL",
    "lira": "TRY",
    "turkish lira": "TRY",
    "patacas": "MOP",
    "pataca": "MOP",
    "kronor": "SEK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "shekels": "ILS",
    "naira": "NGN",
    "tugrik": "MNT",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "日元": "JPY",
    "欧元": "EUR",
    "英镑": "GBP",
    **{code.lower(): code for code in CURRENCY_CODES},
    "rmb": "CNY",
}

_THOUSAND, _MILLION, _BILLION = Decimal(10) ** 3, Decimal(10) ** 6, Decimal(10) ** 9
_TRILLION = Decimal(10) ** 12
_PREFIX_LAST_CHARS = frozenset(key[-1] for key in _PREFIXES)

# Magnitude words; those of one letter must touch the number ("$5m", not "$5 m").
_MAGNITUDES: dict[str, Decimal] = {
    "trillion": _TRILLION,
    "tn": _TRILLION,
    "trn": _TRILLION,
    "billion": _BILLION,
    "bn": _BILLION,
    "bln": _BILLION,
    "million": _MILLION,
    "mn": _MILLION,
    "mln": _MILLION,
    "mil": _MILLION,
    "thousand": _THOUSAND,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "万亿": _TRILLION,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
}
_LETTER_MAGNITUDES: dict[str, Decimal] = {
    "k": _THOUSAND,
    "m": _MILLION,
    "b": _BILLION,
}

# Number words that can stand before a magnitude ("two billion yuan", "a trillion").
_NUMBER_WORDS: dict[str, Decimal] = {
    "a": Decimal(1),
    "one": Decimal(1),
    "two": Decimal(2),
    "three": Decimal(3),
    "four": Decimal(4),
    "five": Decimal(5),
    "six": Decimal(6),
    "seven": Decimal(7),
    "eight": Decimal(8),
    "nine": Decimal(9),
    "ten": Decimal(10),
    "eleven": Decimal(11),
    "twelve": Decimal(12),
    "fifteen": Decimal(15),
    "twenty": Decimal(20),
    "fifty": Decimal(50),
    "half a": Decimal("0.5"),
}

# What a price can be per: "each", "a share", "per tonne", "/oz".
_PER_UNITS = (
    "share|unit|tonne|ton|metric ton|ounce|troy ounce|barrel|kilogram|kg|gram|pound|lb|"
    "square metre|square meter|sq m|sqm|square foot|square feet|sq ft|month|year|day|hour|"
    "week|person|head|capita|car|vehicle|piece|litre|liter|gallon|bushel|mwh|kwh|mmbtu|"
    "copy|ticket|night|seat|user|subscriber|employee|household|chip|unit"
)

_APPROX_BEFORE = (
    "about|around|approximately|approx\\.|roughly|nearly|almost|some|more than|over|"
    "up to|less than|under|at least|at most|close to|an estimated|estimated|as much as|"
    "as little as|in excess of|upwards of|just over|just under|circa|c\\.|"
    "no more than|no less than|north of|an approximate"
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


# Numbers: one character-class loop, split into thousands groups in Python.
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD_NUMBER = re.compile(
    r"(?<![A-Za-z])("
    + _alternation(_NUMBER_WORDS)
    + r")[ \u00a0](?=(?:"
    + _alternation(["trillion", "billion", "million", "thousand"])
    + r")(?![A-Za-z]))",
    re.IGNORECASE,
)
# Codes are matched in capitals only: "try 5 times" is not 5 Turkish lira.
_PREFIX_AT_END = re.compile(r"(?<![A-Za-z])(" + _alternation(_PREFIXES) + r")[ \u00a0]?\Z")
_MAGNITUDE_AFTER = re.compile(
    r"(?:[ \u00a0]{1,2}|-)?(" + _alternation(_MAGNITUDES) + r")(?![A-Za-z])"
    r"|(" + _alternation(_LETTER_MAGNITUDES) + r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_SUFFIX_AFTER = re.compile(
    r"(?:[ \u00a0]{1,2}|-)?((?i:"
    + _alternation(w for w in _SUFFIXES if w.upper() not in CURRENCY_CODES)
    + r")|"
    + _alternation(CURRENCY_CODES)
    + r")(?![A-Za-z])"
)
# "10 million pounds of pork" is a weight.
_WEIGHT_OF = re.compile(r"[ \u00a0]{1,2}of\b")
_PER_AFTER = re.compile(
    r"(?:[ \u00a0]{1,2}|-)?(?:(each|apiece)|(?:a|an|per|per-)[ \u00a0]{1,2}(" + _PER_UNITS + r")"
    r"|/[ \u00a0]?(" + _PER_UNITS + r"|t|oz|bbl))(?![A-Za-z])",
    re.IGNORECASE,
)
_APPROX_AT_END = re.compile(
    r"(?:(?<![A-Za-z])(?:" + _APPROX_BEFORE + r")[ \u00a0]{1,2}|~[ \u00a0]?)\Z", re.IGNORECASE
)
_APPROX_AFTER = re.compile(r"(?:-plus|[ \u00a0]or so)(?![A-Za-z])", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"[ \u00a0]{0,2}(?:-|–|—|to|and)[ \u00a0]{0,2}\Z", re.IGNORECASE)
_BRACKET_OPEN = re.compile(
    r"[ \u00a0]{0,2}[(（][ \u00a0]?(?:(?:or|about|around|approximately|roughly|nearly|some|"
    r"approx\.|equivalent to|equal to|worth|c\.|~)[ \u00a0]{1,2})*\Z",
    re.IGNORECASE,
)
_BRACKET_SEPARATOR = re.compile(
    r"[ \u00a0]{0,2}(?:;|,|/|or)[ \u00a0]{0,2}(?:(?:about|around|roughly|some)[ \u00a0]{1,2})?\Z",
    re.IGNORECASE,
)
_BETWEEN_AT_END = re.compile(r"(?<![A-Za-z])between[ \u00a0]{1,2}\Z", re.IGNORECASE)
_BRACKET_CLOSE = re.compile(r"[ \u00a0]?[)）]")

_PERCENT_AFTER = re.compile(
    r"[ \u00a0]?(?:(%|％|percent|per[ \u00a0]cent|pct)(?![ \u00a0]?points?\b)"
    r"|(percentage[ \u00a0-]points?|pct[ \u00a0]points?|ppts?|pp)"
    r"|(basis[ \u00a0-]points?|bps|bp))(?![A-Za-z])",
    re.IGNORECASE,
)
_PERCENT_WORD_NUMBER = re.compile(
    r"(?<![A-Za-z])(" + _alternation(list(_NUMBER_WORDS) + ["quarter of a", "zero"]) + r")"
    r"(?=[ \u00a0](?:percentage[ \u00a0-]points?|basis[ \u00a0-]points?|percent|per[ \u00a0]cent)"
    r"(?![A-Za-z]))",
    re.IGNORECASE,
)
_MINUS_SIGNS = "-−–"

# A window before a number is enough to see a currency sign or an "about".
_PREFIX_WINDOW = 12
_APPROX_WINDOW = 24
_BRACKET_WINDOW = 40


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: Decimal
    is_word: bool = False


@dataclass
class _Core:
    """A number with whatever currency and magnitude surround it (not yet money)."""

    start: int
    end: int
    number: _Number
    magnitude: Decimal | None
    currency: str | None
    prefixed: bool
    approximate: bool
    per: str | None = None


# ---------------------------------------------------------------------------
# Numbers


def _numbers(text: str) -> list[_Number]:
    """Every number in ``text`` with its span, digits first then number words."""
    found: list[_Number] = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        if start > 0 and text[start - 1] in ".,":
            continue  # ".5" or the tail of "1.2.3": not a number we can read safely
        found.extend(_split_groups(match.group(), start))
    for match in _WORD_NUMBER.finditer(text):
        word = match.group(1).lower().replace("\u00a0", " ")
        found.append(_Number(match.start(1), match.end(1), _NUMBER_WORDS[word], is_word=True))
    found.sort(key=lambda n: n.start)
    return found


def _split_groups(token: str, start: int) -> list[_Number]:
    """Read ``1,234.5``; a token whose commas are not thousands separators is a list."""
    body = token.rstrip(",")
    integer, _, fraction = body.partition(".")
    groups = integer.split(",")
    valid = len(groups) == 1 or (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))
    if valid:
        return [_Number(start, start + len(body), _decimal(integer.replace(",", ""), fraction))]
    numbers: list[_Number] = []
    offset = start
    for index, group in enumerate(groups):
        if group:
            last = index == len(groups) - 1
            text = group + ("." + fraction if last and fraction else "")
            value = _decimal(group, fraction if last else "")
            numbers.append(_Number(offset, offset + len(text), value))
        offset += len(group) + 1
    return numbers


def _decimal(integer: str, fraction: str) -> Decimal:
    try:
        return Decimal(f"{integer}.{fraction}" if fraction else integer)
    except InvalidOperation as exc:  # the regex only lets digits through
        raise InvalidInput(f"cannot read number {integer!r}.{fraction!r}") from exc


# ---------------------------------------------------------------------------
# Money


def find_money(text: str, *, dollar_sign: str = "USD", yen_sign: str = "CNY") -> list[MoneyMention]:
    """Every amount of money in ``text``, in order, with spans and ISO 4217 currencies.

    ``dollar_sign`` is the currency of a bare ``$`` or ``dollars`` and ``yen_sign``
    that of a bare ``¥`` (set it to ``"JPY"`` for a story about Japan).

    >>> m = find_money("Sales were RMB 339 billion, about $47bn.")
    >>> [(x.text, x.value, x.currency, x.approximate) for x in m]
    [('RMB 339 billion', 339000000000.0, 'CNY', False), ('$47bn', 47000000000.0, 'USD', True)]
    """
    for name, code in (("dollar_sign", dollar_sign), ("yen_sign", yen_sign)):
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise InvalidInput(f"{name} must be an ISO 4217 code such as USD, got {code!r}")
    defaults = {_DOLLAR: dollar_sign, _YEN_SIGN: yen_sign}
    cores = [_money_core(text, number, defaults) for number in _numbers(text)]
    present = [core for core in cores if core is not None]
    _share_range_parts(text, present)

    mentions: list[MoneyMention] = []
    index = 0
    while index < len(present):
        core = present[index]
        index += 1
        if core.currency is None:
            continue
        end = core.end
        alternatives: list[tuple[float, str]] = []
        if index < len(present) and _joined(_BRACKET_OPEN, text, end, present[index]):
            while True:
                alternative = present[index]
                assert alternative.currency is not None  # checked by _joined
                alternatives.append((_units(alternative), alternative.currency))
                end = alternative.end
                index += 1
                if close := _BRACKET_CLOSE.match(text, end):
                    end = close.end()
                    break
                if not (
                    index < len(present) and _joined(_BRACKET_SEPARATOR, text, end, present[index])
                ):
                    break
        per = core.per
        if per is None and alternatives and (per_match := _PER_AFTER.match(text, end)):
            per = _per_name(per_match)
            end = per_match.end()
        mentions.append(
            MoneyMention(
                start=core.start,
                end=end,
                text=text[core.start : end],
                value=_units(core),
                currency=core.currency,
                approximate=core.approximate or _approximate_before(text, core.start),
                alternatives=tuple(alternatives),
                per=per,
            )
        )
    return mentions


def _joined(gap_pattern: re.Pattern[str], text: str, end: int, nxt: _Core) -> bool:
    """Whether ``nxt`` is money that follows ``end`` across a gap such as `` (`` or ``; ``."""
    gap = text[end : nxt.start]
    return (
        nxt.currency is not None
        and len(gap) <= _BRACKET_WINDOW
        and gap_pattern.match(gap) is not None
    )


def _units(core: _Core) -> float:
    value = core.number.value * (core.magnitude or 1)
    return float(value)


def _money_core(text: str, number: _Number, defaults: dict[str, str]) -> _Core | None:
    start = number.start
    currency: str | None = None
    prefixed = False
    window_start = max(0, start - _PREFIX_WINDOW)
    prefix = None
    if _may_end_prefix(text, start):
        prefix = _PREFIX_AT_END.search(text[window_start:start])
    if prefix:
        currency = _lookup(_PREFIXES, prefix.group(1), defaults)
        start = window_start + prefix.start()
        prefixed = True
    elif start > 0 and text[start - 1].isalpha() and not number.is_word:
        return None  # "A380", "H20", "Q2": a name, not an amount
    end = number.end
    magnitude: Decimal | None = None
    if mag := _MAGNITUDE_AFTER.match(text, end):
        word = (mag.group(1) or mag.group(2)).lower()
        magnitude = _MAGNITUDES.get(word) or _LETTER_MAGNITUDES[word]
        end = mag.end()
    elif number.is_word:
        return None
    elif end < len(text) and text[end].isalpha() and not _SUFFIX_AFTER.match(text, end):
        return None  # "$5G", "3D": letters glued to the number
    suffix = _SUFFIX_AFTER.match(text, end)
    if suffix and suffix.group(1).lower().startswith("pound"):
        suffix = None if _WEIGHT_OF.match(text, suffix.end()) else suffix
    if suffix:
        word = suffix.group(1).lower()
        named = _lookup(_SUFFIXES, word, defaults)
        # "¥500 billion yen" is yen whatever the default for "¥" says.
        if currency is None or (prefix and prefix.group(1) in ("¥", "￥") and named == "JPY"):
            currency = named
        end = suffix.end()
    approximate = False  # words before the amount are read once it is known to be money
    if plus := _APPROX_AFTER.match(text, end):
        approximate = True
        end = plus.end()
    per: str | None = None
    if currency is not None and (per_match := _PER_AFTER.match(text, end)):
        per = _per_name(per_match)
        end = per_match.end()
    return _Core(start, end, number, magnitude, currency, prefixed, approximate, per)


def _may_end_prefix(text: str, position: int) -> bool:
    """Cheap test before the regex: can a currency sign or code end just before here?"""
    if position == 0:
        return False
    last = text[position - 1]
    if last in " \u00a0" and position > 1:
        last = text[position - 2]
    return last in _PREFIX_LAST_CHARS


def _approximate_before(text: str, start: int) -> bool:
    if start == 0 or text[start - 1] not in " \u00a0~":
        return False
    return _APPROX_AT_END.search(text[max(0, start - _APPROX_WINDOW) : start]) is not None


def _lookup(table: dict[str, str], key: str, defaults: dict[str, str]) -> str:
    code = table.get(key) or table.get(key.lower()) or table[key.upper()]
    return defaults.get(code, code)


def _per_name(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2) or match.group(3)
    return name.lower().replace("\u00a0", " ")


def _share_range_parts(text: str, cores: list[_Core]) -> None:
    """Let the first half of "$1-2 billion" / "1 to 2 billion yuan" borrow from the second."""
    for first, second in zip(cores, cores[1:], strict=False):
        gap = text[first.end : second.start]
        if len(gap) > 8 or not _RANGE_JOIN.match(gap):
            continue
        joined_by_and = gap.strip().lower() == "and"
        before = text[max(0, first.start - 12) : first.start]
        if joined_by_and and not _BETWEEN_AT_END.search(before):
            continue
        # "in 2024 to $5 billion": the first number is not part of a range of money.
        if first.currency is None and second.prefixed and not first.prefixed:
            continue
        if first.magnitude is None and second.magnitude is not None:
            if first.number.value > second.number.value:
                continue
            first.magnitude = second.magnitude
        if first.currency is None and second.currency is not None:
            first.currency = second.currency
        # "$100-200" and "$1-2 billion": the second half has no sign of its own.
        if second.currency is None and (second.magnitude is not None or gap.strip() in "-–—"):
            second.currency = first.currency


# ---------------------------------------------------------------------------
# Percentages


def find_percentages(text: str) -> list[PercentMention]:
    """Every percentage or percentage-point figure in ``text``, in order.

    A sign written against the number is kept (``-0.5%`` -> -0.5); words such as
    "down" are left to the caller.

    >>> [(p.text, p.value) for p in find_percentages("margins of 20-25 per cent")]
    [('20', 20.0), ('25 per cent', 25.0)]
    """
    found: list[tuple[int, int, Decimal, bool, bool]] = []
    bare: list[tuple[int, int, Decimal]] = []
    numbers = _numbers(text)
    for match in _PERCENT_WORD_NUMBER.finditer(text):
        word = match.group(1).lower().replace("\u00a0", " ")
        value = {"quarter of a": Decimal("0.25"), "zero": Decimal(0)}.get(word)
        number_value = _NUMBER_WORDS[word] if value is None else value
        numbers.append(_Number(match.start(1), match.end(1), number_value, is_word=True))
    numbers.sort(key=lambda n: n.start)
    for number in numbers:
        start, value = number.start, number.value
        if start > 0 and text[start - 1].isalpha() and not number.is_word:
            continue
        unit = _PERCENT_AFTER.match(text, number.end)
        if unit is None:
            bare.append((start, number.end, value))
            continue
        if (
            start > 0
            and text[start - 1] in _MINUS_SIGNS
            and (start < 2 or not text[start - 2].isalnum())
        ):
            start, value = start - 1, -value
        elif start > 0 and text[start - 1] == "+" and (start < 2 or not text[start - 2].isalnum()):
            start -= 1
        points = unit.group(1) is None
        if unit.group(3) is not None:
            value = value / 100
        found.append((start, unit.end(), value, points, False))
    found.extend(_percent_range_parts(text, bare, found))
    found.sort()
    return [
        PercentMention(
            start=start,
            end=end,
            text=text[start:end],
            value=float(value),
            points=points,
            approximate=_approximate_before(text, start),
        )
        for start, end, value, points, _ in found
    ]


def _percent_range_parts(
    text: str,
    bare: list[tuple[int, int, Decimal]],
    found: list[tuple[int, int, Decimal, bool, bool]],
) -> list[tuple[int, int, Decimal, bool, bool]]:
    """The "20" of "20-25%" or "between 20 and 25 percent" takes the unit of its partner."""
    starts = {item[0]: item for item in found}
    extra: list[tuple[int, int, Decimal, bool, bool]] = []
    for start, end, value in bare:
        window = text[end : end + 8]
        join = re.match(r"[ \u00a0]{0,2}(-|–|—|to|and)[ \u00a0]{0,2}", window, re.IGNORECASE)
        if join is None:
            continue
        partner = starts.get(end + join.end())
        if partner is None:
            continue
        if join.group(1).lower() == "and" and not _BETWEEN_AT_END.search(
            text[max(0, start - 12) : start]
        ):
            continue
        points = partner[3]
        is_bps = (
            "bp" in text[partner[0] : partner[1]].lower()
            or "basis" in text[partner[0] : partner[1]].lower()
        )
        extra.append((start, end, value / 100 if is_bps else value, points, False))
    return extra
