"""Capitalised names the registry may not know, and their types.

A name is a run of capitalised tokens, which may hold connectors inside an
institutional name ("Bank of China", "State Administration for Market
Regulation"), a legal form ("Tallis S.à r.l.", "Co., Limited") or a version
number before a product noun ("Orion 3.5 models"). Its type comes from, in this
order: a suffix or head word (Group, Securities: Company; Ministry: GovernmentBody;
Institute: Organization; Index: Market), the shape of a person's name (a known
given name or Chinese surname), a descriptive noun before it ("chipmaker
Vantrix", "analyst Li") or an apposition after it ("Li Wenjie, an analyst at").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import (
    CAMEL_CASE_COMMON,
    CHINESE_SURNAMES,
    COMMON_CAPITALISED,
    COMPANY_SUFFIXES,
    DESCRIPTOR_TYPES,
    FIRST_NAMES,
    GOVERNMENT_HEADS,
    INTERNATIONAL_PREFIXES,
    KOREAN_SURNAMES,
    LAUNCH_VERBS,
    LEGAL_SUFFIXES,
    MARKET_HEADS,
    MONTHS,
    OPENING_DESCRIPTORS,
    ORGANIZATION_HEADS,
    PERSON_TITLES,
    PRODUCT_NOUNS,
    REGION_HEADS,
    WEEKDAYS,
    word_set,
)
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM, PLACES
from sinograph.loaders.extract.tokens import Token

__all__ = ["find_name_runs", "is_model_token", "looks_like_person", "type_name"]

_INNER_CONNECTORS = word_set("of for on de du des la le van von der da di del")
_INSTITUTION_HEADS = (
    GOVERNMENT_HEADS
    | ORGANIZATION_HEADS
    | word_set(
        """Bank Exchange Exchanges Ministry Bureau Department Corporation Fund Court Museum Republic
        Commission Administration Agency Authority Office Council Institute University Academy
        Association Federation Chamber Society League Union Organization Organisation Centre
        Center Board School College Stock Party Committee"""
    )
)
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|"
    r"uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|v)){1,3}$"
)
_MODEL_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9.+\-]*\d[A-Za-z0-9.+\-]*$")
_NOT_MODELS = re.compile(
    r"^(?:Q[1-4]|H[12]|[1-9]H|[2-6]G|COVID-19|G\d{1,2}|B20|FY\d{2,4}|CY\d{2,4}|PM2\.5|"
    r"A\d|No\d+|MH\d+|CO2|H2O|T\+\d|SARS-CoV-2)$",
    re.IGNORECASE,
)
_MODEL_NUMBER = re.compile(r"^(?!19\d\d$|20\d\d$)\d{3,4}[A-Za-z]?$")
_VERSION = re.compile(r"^\d{1,3}(?:\.\d{1,2})+$|^\d{1,2}$")
_NUMBER_UNITS = word_set(
    """% percent per billion million trillion bn mn times years months days shares points pct gwh
    gw mw kwh tonnes tons"""
)
_ASSET_NAME_HEADS = word_set(
    """Mine Plant Factory Gigafactory Refinery Smelter Terminal Port Pipeline Dam Oilfield Gasfield
    Reactor Shipyard Project Field Deposit Station"""
)
# Fields a public body is "of" ("Ministry of Industry and Information Technology").
_FIELD_WORDS = word_set(
    """Economic Economy Cooperation Information Technology Reform Development Trade Industry
    Commerce Planning Research Innovation Science Sciences Engineering Security Finance
    Investment Culture Tourism Health Education Energy Environment Resources Transport
    Communications Welfare Standards Quality Technical International Agriculture Rural"""
)
_GENERIC_WORDS = word_set(
    """Big Small New Old Top Major Global Local Foreign Domestic International National Chinese
    Asian Western State Private Public Other Such More Most Some All The A An"""
)
_COUNTRY_NAMES = frozenset(COUNTRY_OF_DEMONYM.values())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


def find_name_runs(
    tokens: Sequence[Token], begin: int, known: frozenset[str] | set[str], *, titlecase: bool
) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of capitalised names, from token ``begin`` on.

    ``known`` holds words seen capitalised inside sentences elsewhere in the story:
    a sentence's first word is a name only if it is one of them (or a name follows).
    In a title-case headline only known words count.
    """
    runs: list[tuple[int, int]] = []
    n = len(tokens)
    first_word = _first_word(tokens, begin)
    i = begin
    while i < n:
        if not _namey(tokens, i, first_word, known, titlecase):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _namey(tokens, j, first_word, known, titlecase) or tokens[j].text in LEGAL_SUFFIXES:
                j += 1
                continue
            low = tokens[j].lower
            nxt = tokens[j + 1] if j + 1 < n else None
            if nxt is None:
                break
            if (
                (_VERSION.match(tokens[j].text) or _MODEL_NUMBER.match(tokens[j].text))
                and (
                    "." in tokens[j].text
                    or nxt.lower in PRODUCT_NOUNS
                    or (nxt.is_cap and nxt.text.isalpha() and nxt.text not in MONTHS)
                    # "released Orion 3 on Monday": what is launched carries its number
                    or (i > 0 and tokens[i - 1].lower in LAUNCH_VERBS)
                )
                and tokens[j - 1].text not in MONTHS
                and nxt.lower not in _NUMBER_UNITS
            ):
                j += 1
                continue
            if (
                low in _INNER_CONNECTORS
                and _namey(tokens, j + 1, first_word, known, titlecase)
                and tokens[j - 1].text in _INSTITUTION_HEADS
            ):
                j += 1
                continue
            if (
                low == "of"
                and nxt.lower == "the"
                and tokens[j - 1].text in _INSTITUTION_HEADS
                and _namey(tokens, j + 2, first_word, known, titlecase)
            ):
                j += 2  # "Department of the Treasury", "Bank of the Philippine Islands"
                continue
            if low == "&" and _namey(tokens, j + 1, first_word, known, titlecase):
                j += 1
                continue
            if low == "of" and _of_before_suffix(tokens, j, first_word, known, titlecase):
                j += 1  # "Norden Systems of America, LLC": the suffix closes one name
                continue
            if low == "(":
                inner = _place_inside_name(tokens, j, first_word, known, titlecase)
                if inner:
                    j = inner
                    continue
            if low == "and" and _joins_and(tokens, i, j, first_word, known, titlecase):
                j += 1
                continue
            if _comma_suffix(tokens, j):
                j += 1
                continue
            if low == "'s" and tokens[j - 1].text == "People" and nxt.is_cap:
                j += 1
                continue
            break
        while j > i and (
            # a capitalised "Di" or "De" ends a person's name ("Zhang Di"); a connector
            # at a name's end is a lowercase one left over
            tokens[j - 1].text in _INNER_CONNECTORS or tokens[j - 1].lower in "&,"
        ):
            j -= 1
        single_adjective = j == i + 1 and (
            tokens[i].text in COUNTRY_OF_DEMONYM or _joined_to_lowercase(tokens[i].text)
        )
        if j > i and not single_adjective:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


_PLACE_NAMES = frozenset(p.name for p in PLACES)


def _of_before_suffix(
    tokens: Sequence[Token], j: int, first: int, known: frozenset[str] | set[str], titlecase: bool
) -> bool:
    """ "of" followed by capitalised words and a legal suffix ("... of America, LLC")."""
    k = j + 1
    while k < len(tokens) and k < j + 5 and _namey(tokens, k, first, known, titlecase):
        k += 1
    if k == j + 1 or k >= len(tokens):
        return False
    return tokens[k].text in LEGAL_SUFFIXES or _comma_suffix(tokens, k)


def _comma_suffix(tokens: Sequence[Token], k: int) -> bool:
    """ "Vantor, Inc.": a comma before a legal suffix keeps the name going ("SA", "AG" and
    "SE" after a comma are more often a list's next item)."""
    return (
        tokens[k].text == ","
        and k + 1 < len(tokens)
        and tokens[k + 1].text in LEGAL_SUFFIXES
        and tokens[k + 1].text not in ("SA", "AG", "SE")
    )


def _place_inside_name(
    tokens: Sequence[Token], j: int, first: int, known: frozenset[str] | set[str], titlecase: bool
) -> int:
    """Where a name that goes on after a place in brackets ends, or 0: "Yunhe (Shanghai)
    Sports Development Ltd" is one firm, as Chinese firms register a city in their name."""
    close = next((k for k in range(j + 1, min(j + 4, len(tokens))) if tokens[k].text == ")"), 0)
    if not close or " ".join(t.text for t in tokens[j + 1 : close]) not in _PLACE_NAMES:
        return 0
    k = close + 1
    while k < len(tokens) and (
        _namey(tokens, k, first, known, titlecase) or tokens[k].text in LEGAL_SUFFIXES
    ):
        k += 1
    return k if k > close + 1 and tokens[k - 1].text in COMPANY_SUFFIXES else 0


def _first_word(tokens: Sequence[Token], begin: int) -> int:
    i = begin
    while i < len(tokens) and not tokens[i].is_word:
        i += 1
    return i


def _joined_to_lowercase(text: str) -> bool:
    """ "British-educated", "US-trained": a capital joined to a lowercase word describes
    someone; it names nobody.

    >>> _joined_to_lowercase("British-educated"), _joined_to_lowercase("Rolls-Royce")
    (True, False)
    """
    head, _, tail = text.rpartition("-")
    return bool(head) and tail.isalpha() and tail.islower()


def _namey(
    tokens: Sequence[Token], i: int, first: int, known: frozenset[str] | set[str], titlecase: bool
) -> bool:
    token = tokens[i]
    text = token.text
    if not text[0].isalnum():
        return False
    mixed = (
        text[0].islower()
        and any(c.isupper() for c in text[1:4])
        and text[1:2] != "-"
        and text.lower() not in CAMEL_CASE_COMMON
    )
    if not (token.is_cap or mixed):
        return False
    if text in WEEKDAYS or (text in MONTHS and not _month_in_name(tokens, i)):
        return False
    if titlecase:
        return text in known
    if i == first or (i > 0 and tokens[i - 1].text in "\"\u201c\u2018'(["):
        if text in COMMON_CAPITALISED and not (
            i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word
        ):
            return False  # "The", "Shares": a sentence opener, whatever else the story says
        if text in known:
            return True
        if text in OPENING_DESCRIPTORS:
            return False  # "Chipmaker Vantrix said": the name starts after the noun
        if (
            text.isupper()
            and 2 <= len(text) <= 6
            and text.isalpha()
            and text not in COMMON_CAPITALISED
            and text.capitalize() not in COMMON_CAPITALISED  # "ONE of China's biggest ..."
        ):
            return True  # an acronym opening a sentence is a name
        if (
            i + 2 < len(tokens)
            and tokens[i + 1].text == ","
            and tokens[i + 2].lower in ("a", "an", "the", "which", "who")
            and text not in COMMON_CAPITALISED
        ):
            return True  # "Lazada, a Southeast Asian platform, ...": an apposition follows
        if text in _COUNTRY_NAMES and i + 1 < len(tokens) and tokens[i + 1].is_cap:
            return True  # "China National Chemical Corp": a country opening a firm's name
        if text in COMMON_CAPITALISED or text in PERSON_TITLES:
            return text in PERSON_TITLES and i + 1 < len(tokens) and tokens[i + 1].is_cap
        if i + 1 < len(tokens) and tokens[i + 1].lower == "'s":
            return True  # "Huarong's former chairman": a possessor opening the sentence
        return i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word
    return True


def _month_in_name(tokens: Sequence[Token], i: int) -> bool:
    # "May" as a name part ("Theresa May") is rare next to a number; a date is not a name.
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if nxt is not None and (nxt.text[0].isdigit() or nxt.lower in ("last", "this")):
        return False
    return prev is not None and prev.is_cap and prev.text not in MONTHS and prev.is_word


# Sector words that pair up inside a firm's name: "Taiyuan Iron and Steel Co".
_SECTOR_PAIRS = COMPANY_SUFFIXES | word_set(
    """Iron Science Sciences Trade Trading Industry Commerce Commercial Agriculture
    Agricultural Development Investment Import Export Futures Exchange Technology Culture
    Tourism Transport Transportation Environmental Education Light Clearing Planning"""
)


def _joins_and(
    tokens: Sequence[Token],
    i: int,
    j: int,
    first: int,
    known: frozenset[str] | set[str],
    titlecase: bool,
) -> bool:
    """Join "X and Y" inside an institution's name whose head comes after "and", or
    between two sector words of one firm's name ("Iron and Steel", "Oil and Gas")."""
    if (
        j + 1 < len(tokens)
        and tokens[j - 1].text in _SECTOR_PAIRS
        and tokens[j + 1].text in _SECTOR_PAIRS
        and j - 1 > i
        and tokens[j - 1].text not in LEGAL_SUFFIXES
    ):
        return True
    if any(tokens[k].text in _INSTITUTION_HEADS for k in range(i, j)):
        # "Academy of Maritime Commerce and Economic Cooperation", "Ministry of Industry
        # and Information Technology": a body "of" two fields names both
        heads_of = any(
            tokens[k].text in _INSTITUTION_HEADS and tokens[k + 1].lower == "of"
            for k in range(i, j - 1)
        )
        k = j + 1
        while k < len(tokens) and tokens[k].text in _FIELD_WORDS:
            k += 1
        return (
            heads_of
            and tokens[j - 1].text in _FIELD_WORDS
            and k > j + 1
            and not _namey(tokens, k, first, known, titlecase)
        )
    k = j + 1
    while k < len(tokens) and k < j + 7 and _namey(tokens, k, first, known, titlecase):
        if tokens[k].text in GOVERNMENT_HEADS or tokens[k].text in ORGANIZATION_HEADS:
            return True
        k += 1
    return False


def is_model_token(text: str) -> bool:
    """Whether ``text`` looks like a model name: letters and digits ("X2", "Orion3.5-Max")."""
    return bool(_MODEL_TOKEN.match(text)) and not _NOT_MODELS.match(text) and len(text) <= 24


_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")


def looks_like_person(words: Sequence[str]) -> bool:
    """A name of 2-4 words that starts with a known given name or a Chinese surname
    followed by a pinyin given name ("Li Wenjie", "Zhou Hanbin")."""
    if not 2 <= len(words) <= 4:
        return False
    if any(not w.replace("-", "").replace(".", "").isalpha() for w in words):
        return False
    if any(w in COMPANY_SUFFIXES or w in _INSTITUTION_HEADS for w in words):
        return False
    if words[0] in FIRST_NAMES:
        return True
    if words[0] in CHINESE_SURNAMES and len(words) <= 3:
        given = "".join(words[1:]).replace("-", "").lower()
        if bool(_PINYIN.match(given)) and words[1] not in COMMON_CAPITALISED:
            return True
    # "Kwak Jae-sun", "Chen Chi-chung": a surname and a hyphenated given name of two
    # syllables, as Korean and Taiwanese names are romanised
    return (
        len(words) == 2
        and (words[0] in CHINESE_SURNAMES or words[0] in KOREAN_SURNAMES)
        and bool(_HYPHENATED_GIVEN.match(words[1]))
    )


def type_name(words: Sequence[str]) -> tuple[EntityType | None, float]:
    """The type a name's own words imply, and how sure that is."""
    if not words:
        return None, 0.0
    core = list(words)
    while len(core) > 1 and (core[-1] in LEGAL_SUFFIXES or core[-1] == ","):
        core.pop()
    has_legal = len(core) < len(words)
    head = core[-1]
    if "of" in core or "for" in core:
        cut = core.index("of") if "of" in core else core.index("for")
        if cut > 0 and core[cut - 1] in _INSTITUTION_HEADS:
            head = core[cut - 1]
    if has_legal:
        return EntityType.COMPANY, 0.9
    if len(core) == 1 and is_model_token(core[0]):
        return EntityType.PRODUCT, 0.6
    if len(core) == 1 and _ACRONYM.match(core[0]):
        return None, 0.0
    if head in MARKET_HEADS or (head == "Market" and len(core) >= 2):
        return EntityType.MARKET, 0.8
    if head in GOVERNMENT_HEADS and len(core) >= 2:
        if core[0] in INTERNATIONAL_PREFIXES:
            return EntityType.ORGANIZATION, 0.8
        return EntityType.GOVERNMENT_BODY, 0.8
    if head in ORGANIZATION_HEADS and len(core) >= 2:
        return EntityType.ORGANIZATION, 0.8
    if head in _ASSET_NAME_HEADS and len(core) >= 2:
        return EntityType.ASSET, 0.8
    if head in REGION_HEADS and len(core) >= 2:
        return EntityType.REGION, 0.7
    if head in COMPANY_SUFFIXES and len(core) >= 2:
        if all(
            w in COMPANY_SUFFIXES or w in COUNTRY_OF_DEMONYM or w in _GENERIC_WORDS for w in core
        ):
            return None, 0.0
        return EntityType.COMPANY, 0.8
    if any(is_model_token(w) or _VERSION.match(w) for w in core):
        return EntityType.PRODUCT, 0.6
    if len(core) >= 2 and core[-1] == "AI":
        return EntityType.COMPANY, 0.7  # "Pony AI", "Moonshot AI": a firm's name, no person's
    if looks_like_person(core):
        return EntityType.PERSON, 0.6
    return None, 0.0


def descriptor_type(tokens: Sequence[Token], start: int) -> tuple[EntityType | None, str | None]:
    """The type given by a descriptive noun right before a name ("chipmaker Vantrix")."""
    if start == 0:
        return None, None
    prev = tokens[start - 1].lower
    kind = DESCRIPTOR_TYPES.get(prev)
    if kind is not None:
        return kind, prev
    return None, None
