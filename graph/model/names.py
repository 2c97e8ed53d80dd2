"""The names a user may type for an entity, and how close a typed name is to one.

Every store indexes the same *lookup keys* for an entity (:func:`lookup_keys`):
its name and aliases, its Chinese name, its tickers and identifiers, and the
short form of each name without its legal suffix ("Zijin Mining" for "Zijin
Mining Group Co., Ltd.", 紫金矿业 for 紫金矿业集团股份有限公司). Fuzzy matching
(:func:`fuzzy_score`) compares short forms only, so a legal suffix or a generic
word ("Group", "Holdings", "Ltd", 集团, 有限公司) never carries a match, and
scores the whole of both names, so a long name does not win on one shared
syllable.

>>> short_form("zijin mining group co ltd")
'zijin mining'
>>> short_form("紫金矿业集团股份有限公司")
'紫金矿业'
>>> fuzzy_score("acme widgets ltd", "contemporary amperex technology co ltd") < WEAK_SCORE
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.identifiers import ticker_variants
from sinograph.graph.model.ids import normalize_name

__all__ = [
    "CONFIDENT_SCORE",
    "FUZZY_KINDS",
    "IDENTIFIER_ATTRIBUTES",
    "KeyKind",
    "WEAK_SCORE",
    "fuzzy_score",
    "fuzzy_scores",
    "lookup_keys",
    "short_form",
]

# A fuzzy match at or above this is confident: a name resolves to it on its own.
CONFIDENT_SCORE = 85.0
# Below this a candidate is no match at all; in between it is shown as a weak match.
WEAK_SCORE = 70.0

KeyKind = Literal["alias", "name_zh", "ticker", "identifier", "short_name"]
# Keys that are names, so a misspelling of one means something; codes must match exactly.
FUZZY_KINDS: frozenset[str] = frozenset({"alias", "name_zh", "short_name"})

# Attributes that identify an entity (when the data has them), looked up exactly.
IDENTIFIER_ATTRIBUTES = frozenset(
    {"identifier", "lei", "isin", "cik", "uscc", "unified_social_credit_code",
     "registration_number", "company_number", "perm_id", "figi"}
)

# Words that say what kind of firm something is, not which one (normalised, lower case).
_GENERIC_WORDS = frozenset(
    (
        "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc",
        "lp", "llp", "sa", "ag", "se", "nv", "bv", "gmbh", "kg", "pte", "bhd", "spa", "srl",
        "sarl", "oyj", "ab", "asa", "as", "group", "groups", "holding", "holdings", "company",
        "companies", "international", "intl", "global",
    )
)
# "S.à r.l." and "S.p.A." normalise to letters apart.
_GENERIC_TAILS = (("s", "a", "r", "l"), ("s", "p", "a"), ("s", "a"), ("co", "ltd"))
# Chinese legal forms and holding words, longest first.
_ZH_SUFFIXES = (
    "股份有限公司", "有限责任公司", "集团有限公司", "控股有限公司", "有限公司", "集团公司",
    "控股集团", "集团股份", "股份公司", "集团", "控股", "股份", "公司",
)
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=262_144)
def short_form(norm: str) -> str:
    """A normalised name without its trailing legal form and generic words ('' if nothing else).

    >>> short_form("cantech s a r l"), short_form("alibaba group holding")
    ('cantech', 'alibaba')
    >>> short_form("holdings")
    ''
    """
    words = norm.split()
    if not words:
        return ""
    changed = True
    while words and changed:
        changed = False
        for tail in _GENERIC_TAILS:
            if len(words) > len(tail) and tuple(words[-len(tail):]) == tail:
                del words[-len(tail):]
                changed = True
        if words and words[-1] in _GENERIC_WORDS:
            words.pop()
            changed = True
        if words and _CJK.search(words[-1]):
            last = words[-1]
            for suffix in _ZH_SUFFIXES:
                if last.endswith(suffix) and len(last) > len(suffix):
                    words[-1] = last[: -len(suffix)]
                    changed = True
                    break
                if last == suffix:
                    words.pop()
                    changed = True
                    break
    short = " ".join(words)
    return norm if short == norm else short  # one string in memory when nothing changes


@lru_cache(maxsize=262_144)
def _normalized(surface: str) -> str:
    return normalize_name(surface)


def lookup_keys(entity: Entity) -> list[tuple[str, str, KeyKind]]:
    """``(normalised key, surface form, kind)`` for every name that finds ``entity`` exactly.

    >>> e = Entity(name="Zijin Mining Group", type="Company", name_zh="紫金矿业集团股份有限公司",
    ...            tickers=("2899.HK",))
    >>> for key, _surface, kind in lookup_keys(e):
    ...     print(key, kind)
    zijin mining group alias
    紫金矿业集团股份有限公司 name_zh
    2899 hk ticker
    zijin mining short_name
    紫金矿业 short_name
    """
    keys: dict[tuple[str, str], tuple[str, str, KeyKind]] = {}

    def add(surface: str, kind: KeyKind) -> None:
        norm = _normalized(surface)
        if norm and (norm, surface) not in keys:
            keys[(norm, surface)] = (norm, surface, kind)

    for alias in entity.aliases:
        add(alias, "alias")
    if entity.name_zh:
        add(entity.name_zh, "name_zh")
    for ticker in entity.tickers:
        add(ticker, "ticker")
    for ticker in entity.tickers:
        for variant in ticker_variants(ticker):
            add(variant, "ticker")
    for code in entity.identifiers.values():
        add(code, "identifier")
    for name, value in sorted(entity.attributes.items()):
        if name.lower() in IDENTIFIER_ATTRIBUTES and isinstance(value, str):
            add(value, "identifier")
    full = {norm for norm, _s, kind in keys.values() if kind in ("alias", "name_zh")}
    for norm, surface, kind in list(keys.values()):
        if kind not in ("alias", "name_zh"):
            continue
        short = short_form(norm)
        if short and short not in full and (short, surface) not in keys:
            keys[(short, surface)] = (short, surface, "short_name")
    return list(keys.values())


def _containment(query: str, candidate: str) -> float:
    """A score for a query that is one or more whole words of the candidate ("zhang" in
    "daniel zhang"): weak unless the words are most of the name."""
    q_words, c_words = query.split(), candidate.split()
    if not q_words or len(q_words) >= len(c_words):
        return 0.0
    n = len(q_words)
    for start in range(len(c_words) - n + 1):
        if c_words[start : start + n] == q_words:
            return 60.0 + 40.0 * len(query) / len(candidate)
    return 0.0


def fuzzy_score(query_norm: str, candidate_norm: str) -> float:
    """How close a typed name is to a stored one, 0-100, on their short forms.

    The scorers compare the whole of both strings (edit similarity, word order
    ignored), so scores mean the same for short and long names; a query that is a
    whole word of a longer name scores at most in the weak band.

    >>> round(fuzzy_score("zijn", "zijin"), 1), round(fuzzy_score("zhang", "hangzhou"), 1)
    (88.9, 61.5)
    >>> fuzzy_score("alibaba group", "china evergrande group") < WEAK_SCORE
    True
    """
    query = short_form(query_norm)
    candidate = short_form(candidate_norm)
    if not query or not candidate:
        return 0.0
    score = max(fuzz.ratio(query, candidate), fuzz.token_sort_ratio(query, candidate))
    return round(max(score, _containment(query, candidate)), 2)


def fuzzy_scores(query_norm: str, candidate_norms: Sequence[str]) -> list[float]:
    """:func:`fuzzy_score` of one query against many candidates, the string work in C.

    >>> fuzzy_scores("zijn", ["zijin", "zijin mining group", "hangzhou"])
    [88.89, 50.0, 16.67]
    """
    query = short_form(query_norm)
    if not query or not candidate_norms:
        return [0.0] * len(candidate_norms)
    shorts = [short_form(c) for c in candidate_norms]
    ratio = process.cdist([query], shorts, scorer=fuzz.ratio, workers=1)[0]
    ordered = process.cdist([query], shorts, scorer=fuzz.token_sort_ratio, workers=1)[0]
    best = np.maximum(ratio, ordered).astype(np.float64)
    for i, short in enumerate(shorts):
        if not short:
            best[i] = 0.0
        elif query in short:
            best[i] = max(best[i], _containment(query, short))
    return [float(v) for v in np.round(best, 2)]
