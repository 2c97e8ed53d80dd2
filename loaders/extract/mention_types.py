"""Types for names the registry does not know, from the words around them: "chipmaker
Vantrix", "X, an analyst at", "bought X", "a joint venture with X", lists whose other
items are typed."""

from __future__ import annotations

from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import (
    COMPANY_SUFFIXES,
    DESCRIPTOR_TYPES,
    GENERIC_ACRONYMS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    word_set,
)
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.names import descriptor_type, looks_like_person
from sinograph.loaders.extract.tokens import Token, surface_text

__all__ = ["type_by_context"]

_SPEECH = word_set("said says told added noted wrote according")
_PLACE_WORDS = word_set("province state region city county district prefecture municipality")
_LED_BY = word_set("led headed run chaired founded co-founded helmed")


_VEHICLE_ACRONYMS = frozenset({"EV", "EVs", "SUV", "SUVs", "MPV", "MPVs", "PHEV", "BEV"})


def type_by_context(tokens: Sequence[Token], mentions: list[Mention]) -> None:
    """Types the untyped names of one sentence from their context (see the module doc)."""
    n = len(tokens)
    for index, m in enumerate(mentions):
        if m.kind != MentionKind.NAME:
            continue
        if m.type in (None, EntityType.PERSON, EntityType.ASSET) and _partner_named(tokens, m):
            m.type, m.cue = EntityType.COMPANY, 0.8  # "a joint venture with Ebro Factory"
            continue
        kind, word = descriptor_type(tokens, m.start)
        if (
            kind is not None
            and (m.type is None or m.cue < 0.8)
            and not (kind is EntityType.PERSON and not _person_shaped(tokens, m))
        ):
            m.type, m.cue = kind, 0.8
            _type_list(tokens, mentions, index, kind)
            continue
        if m.type is not None and m.cue >= 0.8:
            continue
        if m.type in (None, EntityType.PERSON) and _bought_thing(tokens, m.start):
            m.type, m.cue = EntityType.COMPANY, 0.7  # "its acquisition of Jack Wolfskin"
            continue
        after = _apposition_type(tokens, m.end)
        if after is not None:
            m.type, m.cue = after, 0.75
            continue
        if (
            m.type is None
            and m.start >= 2
            and tokens[m.start - 1].text == ","
            and tokens[m.start - 2].lower in ROLE_WORDS
            and 2 <= m.end - m.start <= 3
            and all(t.text.isalpha() for t in tokens[m.start : m.end])
        ):
            m.type, m.cue = EntityType.PERSON, 0.7  # "its chief executive, Pascal Soriot,"
            continue
        if m.type is None and _made_thing(tokens, m):
            m.type, m.cue = EntityType.PRODUCT, 0.7  # "maker of Orion Legends"
            continue
        if m.type is None and _named_product(tokens, m.start):
            m.type, m.cue = EntityType.PRODUCT, 0.7  # "its first electric pickup, the Lumo X"
            if (
                m.end + 1 < n
                and tokens[m.end].text.isdigit()
                and len(tokens[m.end].text) <= 3
                and not tokens[m.end + 1].text[:1].isalnum()
            ):
                # "an SUV, the Lumo 3, in Japan": the model number is in the name
                m.end += 1
                m.text = surface_text(tokens, m.start, m.end)
                if m.canonical is not None:
                    m.canonical = m.text
            continue
        if m.type is None and m.end < n and tokens[m.end].lower in ("brand", "brands", "label"):
            m.type, m.cue = EntityType.COMPANY, 0.6  # "the MG brand"
            continue
        if m.type is None and m.end < n and tokens[m.end].lower in ("-based", "-headquartered"):
            m.type, m.cue = EntityType.REGION, 0.6  # "Ningde-based"
            continue
        if m.type is None and index > 0 and m.start >= 2 and tokens[m.start - 1].lower == "'s":
            owner = mentions[index - 1]
            if owner.end == m.start - 1 and owner.type is EntityType.COUNTRY:
                if m.end < n and tokens[m.end].lower in _PLACE_WORDS:
                    m.type, m.cue = EntityType.REGION, 0.7  # "Congo's Lualaba province"
                    continue
                m.type, m.cue = EntityType.COMPANY, 0.6  # "Sweden's Electrolux"
                continue
        if (
            m.type is None
            and m.start > 0
            and tokens[m.start - 1].lower in ("in", "near")
            and index + 1 < len(mentions)
            and m.end + 1 < n
            and tokens[m.end].text == ","
            and mentions[index + 1].start == m.end + 1
            and mentions[index + 1].type in (EntityType.REGION, EntityType.COUNTRY)
        ):
            m.type, m.cue = EntityType.REGION, 0.6  # "in Louisville, Kentucky"
            continue
        if (
            m.type is None
            and m.start > 0
            and tokens[m.start - 1].lower in ("in", "near")
            and index + 1 < len(mentions)
            and m.end < n
            and tokens[m.end].lower == "in"
            and mentions[index + 1].start in (m.end + 1, m.end + 2)
            and mentions[index + 1].type in (EntityType.REGION, EntityType.COUNTRY)
        ):
            m.type, m.cue = EntityType.REGION, 0.6  # "in Göttingen in central Germany"
            continue
        noun_at = m.end
        while noun_at < n and tokens[noun_at].text in GENERIC_ACRONYMS:
            noun_at += 1  # "its Lumen AI model": the technology word describes the noun
        # "its Lumo EV": a vehicle's acronym after a name is the product's own noun
        product_word = (noun_at < n and tokens[noun_at].lower in PRODUCT_NOUNS) or any(
            tokens[k].text in _VEHICLE_ACRONYMS for k in range(m.end, min(noun_at, n))
        )
        if product_word and m.type is None:
            m.type, m.cue, m.kind = EntityType.PRODUCT, 0.5, MentionKind.PRODUCT
            continue
        if (
            m.type is None
            and 2 <= m.end - m.start <= 3
            and m.start >= 2
            and tokens[m.start - 1].lower == "by"
            and tokens[m.start - 2].lower in _LED_BY
            and all(t.text.isalpha() for t in tokens[m.start : m.end])
            and tokens[m.end - 1].text not in COMPANY_SUFFIXES
        ):
            m.type, m.cue = EntityType.PERSON, 0.6  # "the chipmaker led by Hock Tan"
            continue
        if m.type is None and m.end - m.start >= 2 and _person_shaped(tokens, m):
            before = tokens[m.start - 1].lower if m.start > 0 else ""
            after_word = tokens[m.end].lower if m.end < n else ""
            if before in _SPEECH or after_word in _SPEECH or after_word == "who":
                m.type, m.cue = EntityType.PERSON, 0.6


_DEAL_NOUNS = word_set("acquisition purchase takeover buyout")
_BUY_VERBS = word_set("acquire acquires acquired acquiring buy buys bought buying")


_PARTNER_WORDS = word_set("venture partnership alliance partnered partners partner tie-up")


def _partner_named(tokens: Sequence[Token], m: Mention) -> bool:
    """A name right after "a joint venture with" (or "with Spain's") is a firm."""
    k = m.start - 1
    if k >= 2 and tokens[k].lower == "'s":
        k -= 2  # "with Spain's Ebro Factory": past a one-word possessor
    return k >= 1 and tokens[k].lower == "with" and tokens[k - 1].lower in _PARTNER_WORDS


def _bought_thing(tokens: Sequence[Token], start: int) -> bool:
    """A name right after "acquisition of" or "to buy" is a firm, never a person."""
    if start >= 2 and tokens[start - 1].lower == "of" and tokens[start - 2].lower in _DEAL_NOUNS:
        return True
    return start >= 1 and tokens[start - 1].lower in _BUY_VERBS


def _person_shaped(tokens: Sequence[Token], m: Mention) -> bool:
    words = [t.text for t in tokens[m.start : m.end]]
    if looks_like_person(words):
        return True
    parts = [p for w in words for p in w.split("-")]  # "Jean-Marc Gales"
    return (
        1 <= len(words) <= 3
        and all(p.isalpha() and p[0].isupper() and p[1:].islower() for p in parts)
        and not any(w in COMPANY_SUFFIXES for w in words)
    )


def _type_list(
    tokens: Sequence[Token], mentions: list[Mention], index: int, kind: EntityType
) -> None:
    """ "the brands Audi, Skoda and Seat": the descriptor types every item of the list."""
    k = index
    while k + 1 < len(mentions):
        cur, nxt = mentions[k], mentions[k + 1]
        gap = [t.lower for t in tokens[cur.end : nxt.start]]
        if gap not in ([","], ["and"], [",", "and"], ["or"], [",", "or"]):
            break
        if nxt.kind == MentionKind.NAME and (nxt.type is None or nxt.cue < 0.8):
            nxt.type, nxt.cue = kind, 0.7
        elif nxt.type is not kind:
            break
        k += 1


_APPOSITION_NOUNS = {k: v for k, v in DESCRIPTOR_TYPES.items()}


_APPOSITION_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "its",
        "his",
        "her",
        "their",
        "chief",
        "senior",
        "former",
        "deputy",
        "vice",
        "head",
        "co-founder",
        "founder",
        "lead",
    ]
)


_TITLE_OPENERS = word_set("managing chief vice deputy general executive senior")


def _apposition_type(tokens: Sequence[Token], end: int) -> EntityType | None:
    """ "Li Wenjie, an analyst at ...": the noun of an apposition types the name."""
    n = len(tokens)
    if end >= n or tokens[end].text != ",":
        return None
    k = end + 1
    if k < n and tokens[k].text.isdigit() and k + 1 < n and tokens[k + 1].text == ",":
        return EntityType.PERSON  # "Wu, 58, chaired..."
    if k < n and tokens[k].lower == "who":
        return EntityType.PERSON
    owned = 0
    for j in range(k + 1, min(n - 1, k + 5)):
        if tokens[j].lower in ("'s", "'") and tokens[k].is_cap:
            # "Yves Guillemot, Ubisoft's chief executive, said"
            role = tokens[j + 1].lower
            if role in ROLE_WORDS or role in ("chief", "co-founder", "founder", "new", "former"):
                return EntityType.PERSON
            owned = j + 1  # "Lumo, Norvik's messaging app": the owner's noun types X
            break
        if not tokens[j].is_cap:
            break
    if not owned and (
        k >= n
        or not (tokens[k].lower in _APPOSITION_OPENERS or tokens[k].lower in _APPOSITION_NOUNS)
    ):
        return None  # "X, has made ...": not an apposition
    begin = owned or k
    for j in range(k, min(n, k + 5)):
        if tokens[j].text in (",", ".", ";") or tokens[j].lower in ROLE_WORDS:
            break  # "X, former chairman of China's biggest bank": the title types X
        if tokens[j].lower == "'s":
            begin = j + 1  # "X, the e-commerce group's finance chief": the possessor is not X
            break
    for j in range(begin, min(n, begin + 6)):
        word = tokens[j].lower
        if word in (",", ".", ";", "which", "that"):
            return None
        if tokens[j].is_cap and j > begin:
            continue  # "a former Norvik Group executive": "Group" is part of a name
        kind = _APPOSITION_NOUNS.get(word)
        if (
            kind is not None
            and kind is not EntityType.PERSON
            and j + 1 < n
            and (tokens[j + 1].lower in ROLE_WORDS or tokens[j + 1].lower in _TITLE_OPENERS)
        ):
            continue  # "group managing director", "bank chairman": a title, not a firm
        if kind is not None and j + 1 < n and tokens[j + 1].lower in _APPOSITION_NOUNS:
            continue  # "a chip unit": the head noun types it
        if kind is not None:
            if (
                kind is EntityType.PERSON
                and j + 1 < n
                and tokens[j + 1].lower in ("at", "with", "of", "for", "in", "and")
            ):
                return kind
            if kind is not EntityType.PERSON:
                return kind
            return kind
    return None


_MAKER_NOUNS = frozenset({"maker", "developer", "creator", "publisher"})


def _made_thing(tokens: Sequence[Token], m: Mention) -> bool:
    """ "maker of Orion Legends", "the Orion Quest developer": what a maker makes."""
    before = m.start >= 2 and tokens[m.start - 1].lower == "of"
    return (before and tokens[m.start - 2].lower in _MAKER_NOUNS) or (
        m.end < len(tokens)
        and tokens[m.end].lower in _MAKER_NOUNS
        and not m.text.isupper()  # "an AMOLED maker": a technology, not a product
    )


def _named_product(tokens: Sequence[Token], start: int) -> bool:
    """ "unveiled its first electric pickup, the Lumo X", "a robot called Atlas X": a name in
    apposition to a kind of product, or that a kind of product is called, is the product."""
    k = start - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    # "a humanoid robot called Atlas X"
    if k < 1 or tokens[k].lower not in (",", "called", "named", "dubbed"):
        return False
    noun = tokens[k - 1]
    return noun.lower in PRODUCT_NOUNS or noun.lower in _PRODUCT_KINDS


# Kinds of product a story names before the product's own name that PRODUCT_NOUNS (which
# follow a name) lacks in lower case.
_PRODUCT_KINDS = frozenset({"suv", "drug", "vaccine", "plane"})
