"""Entity mentions in one sentence: registry and gazetteer matches, capitalised names
typed by their words and context, model names, and common-noun phrases.

>>> from sinograph.loaders.extract.registry import Registry
>>> from sinograph.loaders.extract.tokens import tokenize
>>> tokens = tokenize("Dutch chipmaker Vantrix Technology opened a plant in Austin, Texas.")
>>> found = find_mentions(tokens, 0, Registry([]), set(), headline=False)
>>> [(m.text, m.type.value) for m in found if m.type]
[('Vantrix Technology', 'Company'), ('Austin', 'Region'), ('Texas', 'Region')]
"""

from __future__ import annotations

from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import (
    COMMON_CAPITALISED,
    COMPANY_SUFFIXES,
    DESCRIPTOR_TYPES,
    GENERIC_ACRONYMS,
    LAUNCH_VERBS,
    LEGAL_SUFFIXES,
    PERSON_TITLES,
    PRODUCT_NOUNS,
    word_set,
)
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.mention_types import type_by_context
from sinograph.loaders.extract.names import (
    find_name_runs,
    is_model_token,
    looks_like_person,
    type_name,
)
from sinograph.loaders.extract.phrases import find_phrases
from sinograph.loaders.extract.registry import AliasMatch, Registry
from sinograph.loaders.extract.syntax import word_forms
from sinograph.loaders.extract.tokens import Token, surface_text

__all__ = ["MAX_MENTIONS_PER_SENTENCE", "find_mentions", "is_titlecase"]

# Bounded work: a sentence of thousands of capitalised words keeps the first ones.
MAX_MENTIONS_PER_SENTENCE = 60

_PRODUCT_TRIGGERS = LAUNCH_VERBS | word_set(
    "upgrade upgraded develop developed model models version"
)
_FUNCTION_TITLE = word_set(
    "To In Of On For At As By With From And The A An Is Its Their After Amid Over Into"
)


def is_titlecase(tokens: Sequence[Token]) -> bool:
    """A headline written In Title Case, where capitals say nothing about names: a
    capitalised function word ("To", "Of") or a capitalised verb of the news ("Buys",
    "Bans") gives it away."""
    words = [t for t in tokens if t.is_word and t.text[0].isalpha()]
    if len(words) < 4:
        return False
    long_words = [t for t in words if len(t.text) > 3]
    capitalised = sum(1 for t in long_words if t.is_cap)
    function_caps = sum(
        1 for t in words[1:] if t.text in _FUNCTION_TITLE or _headline_verb(t.text)
    )
    return bool(long_words) and capitalised / len(long_words) >= 0.8 and function_caps >= 1


def _headline_verb(word: str) -> bool:
    """ "Buys", "Bans", "Launches", "Shedding", "Taking": a capitalised present-tense verb
    or participle a relation rule reads."""
    if not (word[:1].isupper() and word[1:].islower() and word.endswith(("s", "ing"))):
        return False
    # imported here: the rule book's module reaches this one through coreference
    from sinograph.loaders.extract.rulebook import verb_triggers

    low = word.lower()
    return not (word_forms(low) - {low}).isdisjoint(verb_triggers())


def _kind_in_headline(tokens: Sequence[Token], run: tuple[int, int]) -> bool:
    """A headline's run that opens (past an origin or a count) on a plural kind of firm."""
    k = run[0]
    while k < run[1] - 1 and (tokens[k].text in COUNTRY_OF_DEMONYM or tokens[k].text.isdigit()):
        k += 1
    word = tokens[k].lower
    return word in DESCRIPTOR_TYPES and word.endswith("s")


_LONE_STATE = frozenset({"State", "Party", "Government"})
# Words that say where a title reaches, capitalised with it: "Global Head of Sales",
# "Regional Director", "head of International"; alone, they name no organisation.
_TITLE_SCOPES = word_set("Global Regional International Worldwide Overseas Corporate")
# Capitalised words that, standing alone, name nobody
_LONE_NAMELESS = _LONE_STATE | _TITLE_SCOPES


def _portfolio(tokens: Sequence[Token], run: tuple[int, int]) -> bool:
    """ "Minister of Economic Affairs of Saxony": the post's portfolio, no body's name."""
    start, end = run
    return (
        start >= 2
        and tokens[start - 1].lower in ("of", "for")
        and tokens[start - 2].lower in _PORTFOLIO_POSTS
        and tokens[end - 1].text == "Affairs"
    )


def _round_letter(tokens: Sequence[Token], run: tuple[int, int]) -> bool:
    """ "Series B", "Series C+", "Pre-Series A": the letter of a funding round."""
    words = [t.text for t in tokens[run[0] : run[1]]]
    if words and words[0] in ("Pre", "Pre-"):
        words = words[1:]
    return (
        len(words) == 2
        and words[0] in ("Series", "Pre-Series")
        and len(words[1]) <= 2
        and words[1][:1].isupper()
        and words[1][:1].isalpha()
    )


def find_mentions(
    tokens: Sequence[Token],
    begin: int,
    registry: Registry,
    known: set[str] | frozenset[str],
    *,
    headline: bool,
    blocked: Sequence[bool] | None = None,
    repeated_tails: frozenset[tuple[str, ...]] = frozenset(),
    firm_prefixes: frozenset[tuple[str, ...]] = frozenset(),
) -> list[Mention]:
    """Every mention in one sentence, sorted and non-overlapping.

    ``begin`` skips a dateline; ``known`` holds words seen capitalised mid-sentence
    elsewhere in the story; ``blocked`` marks tokens inside money, percentages and
    dates, which are never names; ``repeated_tails`` holds capitalised word sequences
    that end a name more than once in the story ("... Zhong Tian"); ``firm_prefixes``
    the opening words of the story's long firm names.
    """
    n = len(tokens)
    block = list(blocked) if blocked is not None else [False] * n
    titlecase = headline and is_titlecase(tokens)
    lowers = [t.lower for t in tokens]
    texts = [t.text for t in tokens]
    aliases = [
        a
        for a in registry.matcher.match(lowers[begin:], texts[begin:])
        if not any(block[begin + k] for k in range(a.start, a.end))
    ]
    alias_matches = [
        AliasMatch(a.start + begin, a.end + begin, a.entry, a.surface, a.from_registry)
        for a in aliases
    ]
    # a run that runs into an amount ("Brokerage HK$3.5 million") ends before it
    runs = [
        (r[0], next((k for k in range(r[0], r[1]) if block[k]), r[1]))
        for r in find_name_runs(tokens, begin, known, titlecase=titlecase)
    ]
    runs = [r for r in runs if r[1] > r[0]]
    runs = [_trim_generic(tokens, r) for r in _split_at_titles(tokens, runs)]
    # "Tesla Co-Founder and Chief Executive Officer": titles written in capitals name
    # nobody
    runs = [_trim_titles(tokens, r) for r in runs]
    runs = [r for r in runs if r[1] > r[0]]
    # "The Group will hold ...": a capitalised common noun after "the" describes, it
    # does not name
    runs = [
        r
        for r in runs
        if not (
            tokens[r[1] - 1].lower in DESCRIPTOR_TYPES
            and (
                (r[1] - r[0] == 1 and r[0] > 0 and tokens[r[0] - 1].lower == "the")
                or (r[1] - r[0] == 2 and tokens[r[0]].lower == "the")
            )
        )
    ]
    # "a Series C round": a funding round's letter names nothing
    runs = [r for r in runs if not _round_letter(tokens, r)]
    # "State-owned X", "Party-run Y": a lone capitalised word for the state names nobody;
    # nor does a lone scope word ("head of International")
    runs = [r for r in runs if not (r[1] - r[0] == 1 and tokens[r[0]].text in _LONE_NAMELESS)]
    runs = [r for r in runs if not _portfolio(tokens, r)]
    if headline:
        # "... to Hong Kong-Based Firms Over ...", "12 Korean Banks Fined by ...": a
        # headline capitalises the kind of thing it speaks of, which names nothing
        runs = [r for r in runs if not _kind_in_headline(tokens, r)]
    mentions = _reconcile(
        tokens, alias_matches, [r for r in runs if r[1] > r[0]], repeated_tails, firm_prefixes
    )
    _add_models(tokens, mentions, begin, block)
    mentions = [
        m for m in mentions if not (m.kind != MentionKind.REGISTRY and m.text in GENERIC_ACRONYMS)
    ]
    mentions.sort(key=lambda m: m.start)
    mentions = mentions[:MAX_MENTIONS_PER_SENTENCE]
    type_by_context(tokens, mentions)
    owner = _owners(n, mentions)
    mentions.extend(find_phrases(tokens, mentions, owner, begin))
    mentions = _drop_absorbed(mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions[: MAX_MENTIONS_PER_SENTENCE * 2]


_TITLE_WORDS = frozenset(
    w.replace("-", "")
    for w in word_set(
        """chief executive officer ceo cfo coo cto cio founder cofounder co-founder chairman
        chairwoman chairperson chair president director managing manager general head vice
        deputy secretary senior partner analyst economist strategist spokesperson spokesman
        spokeswoman governor minister premier board member members"""
    )
)


def _split_at_titles(tokens: Sequence[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Norvik Group Chief Executive Anna Berg": an organisation, a title, a person."""
    out: list[tuple[int, int]] = []
    for start, end in runs:
        cut = None
        for k in range(start + 1, end - 1):
            if tokens[k].text not in _INNER_TITLES or tokens[k - 1].text in _INNER_TITLES:
                continue
            stop = k
            while stop < end and (
                tokens[stop].text in _INNER_TITLES
                # "Founder & CEO Dr. Anna Berg": joined titles, then an honorific
                or (
                    tokens[stop].text in ("&", "and")
                    and stop + 1 < end
                    and tokens[stop + 1].text in _INNER_TITLES
                )
                or tokens[stop].text in _HONORIFICS
            ):
                stop += 1
            if stop < end and _person_after_title([t.text for t in tokens[stop:end]]):
                cut = (k, stop)
                break
        if cut is None:
            out.append((start, end))
            continue
        # "Chinese President Xi", "Global Vice President Ana Ruiz": a demonym or a
        # title's scope before the title names nobody
        body = cut[0]
        if body - start >= 2 and tokens[body - 1].text in _TITLE_SCOPES:
            body -= 1  # "Norvik Robotics Global Vice President X": the firm, then the title
        if not (
            body - start == 1
            and (tokens[start].text in COUNTRY_OF_DEMONYM or tokens[start].text in _TITLE_SCOPES)
        ):
            out.append((start, body))
        out.append((cut[1], end))
    return out


# Words that date or qualify a title ("Former CFO", "Acting Chairman"): once the
# title is trimmed they are left naming nothing.
_TITLE_QUALIFIERS = word_set("former acting interim outgoing incoming ex")


def _is_title_word(lower: str) -> bool:
    """ "CEO", "Co-Founder", "co-CEO", "co-chairman": a title, shared ("co-") or not."""
    word = lower.replace("-", "")
    return word in _TITLE_WORDS or (lower.startswith("co-") and word[2:] in _TITLE_WORDS)


def _trim_titles(tokens: Sequence[Token], run: tuple[int, int]) -> tuple[int, int]:
    """ "Tallis Robotics Co-Founder", "Commission President": titles closing a run are
    no part of the name (a run of titles alone names nobody)."""
    start, end = run
    trimmed = end
    while end > start and _is_title_word(tokens[end - 1].lower):
        end -= 1
    while end < trimmed and end > start and tokens[end - 1].lower in _TITLE_QUALIFIERS:
        end -= 1
    if end == start:
        return start, start
    return start, end


_NAME_PARTICLES = frozenset({"von", "der", "van", "de", "den", "bin", "al", "le", "la", "da"})


def _person_after_title(words: list[str]) -> bool:
    """ "Ursula von der Leyen", "Li Qiang": a person's name after a title."""
    if looks_like_person(words):
        return True
    capitals = [w for w in words if w not in _NAME_PARTICLES]
    return (
        2 <= len(words) <= 5
        and len(capitals) >= 2
        and words[0][:1].isupper()
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in capitals)
        and all(w in _NAME_PARTICLES or w[:1].isupper() for w in words)
    )


# Nouns a technology acronym describes ("AI models", "EV makers"): before one, the
# acronym is no part of the name before it.
_DESCRIBED_BY_ACRONYM = word_set(
    """model models chip chips processor processors startup startups start-up start-ups firm
    firms company companies platform platforms sector industry market markets stocks maker
    makers car cars vehicle vehicles battery batteries product products tool tools assistant
    assistants chatbot chatbots unit units business push race boom push strategy ambitions
    plans plan efforts development research lab labs team teams arm"""
)


_SHARE_CLASSES = frozenset({"ADR", "ADRs", "ADS", "ADSs", "GDR", "GDRs"})


def _trim_generic(tokens: Sequence[Token], run: tuple[int, int]) -> tuple[int, int]:
    """ "Qwen3 AI models": a trailing technology word is not part of the name."""
    start, end = run
    while end - start >= 2 and tokens[end - 1].text in _SHARE_CLASSES:
        end -= 1  # "Pony AI ADR": the listed shares, not part of the firm's name
    trimmed = end
    after = tokens[end].lower if end < len(tokens) else ""
    if (
        end - start >= 2
        and tokens[end - 1].text == "AI"
        and after not in _DESCRIBED_BY_ACRONYM
        and tokens[start].text not in COUNTRY_OF_DEMONYM
    ):
        return start, end  # "Moonshot AI released": "AI" ends many firms' names
    while trimmed - start > 1 and tokens[trimmed - 1].text in GENERIC_ACRONYMS:
        trimmed -= 1
    if trimmed < end and all(t.text in COUNTRY_OF_DEMONYM for t in tokens[start:trimmed]):
        return start, start  # "Chinese EV startup": a description, no name at all
    return start, trimmed


def _owners(n: int, mentions: list[Mention]) -> list[int]:
    owner = [-1] * n
    for index, m in enumerate(mentions):
        for k in range(m.start, m.end):
            owner[k] = index
    return owner


def _drop_absorbed(mentions: list[Mention]) -> list[Mention]:
    """Phrases may be built on a place mention ("Hong Kong stocks"): the phrase wins; of
    two mentions of the very same words, the first stays."""
    keep: list[Mention] = []
    phrases = [m for m in mentions if m.kind in _PHRASE_KINDS]
    for m in mentions:
        absorbable = (
            m.kind in (MentionKind.PLACE, MentionKind.COMMODITY)
            or (m.kind == MentionKind.REGISTRY and m.type in _ABSORBABLE_IN_NAMES)
            or (m.kind == MentionKind.NAME and m.type is None)
        )
        if absorbable:
            size = m.end - m.start
            inside = [p for p in phrases if p is not m and p.start <= m.start and m.end <= p.end]
            if any(p.end - p.start > size for p in inside):
                continue
            if any(k.start == m.start and k.end == m.end for k in keep):
                continue
        keep.append(m)
    return keep


# Words that leave a known firm the same firm ("Norvik Mining Group" after "Norvik"); a
# sector word makes another firm ("GE Appliances" is not GE).
_SAME_FIRM_SUFFIXES = LEGAL_SUFFIXES | frozenset(
    {
        "Group",
        "Holding",
        "Holdings",
        "Co",
        "Company",
        "Corporation",
        "Inc",
        "International",
        "Mining",
        "Securities",
        "Motor",
        "Motors",
        "Technologies",
        "Technology",
    }
)
_ABSORBABLE_IN_NAMES = frozenset(
    {
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.COMMODITY,
        EntityType.MARKET,
        EntityType.INVESTOR_GROUP,
    }
)
_PHRASE_KINDS = frozenset(
    {
        MentionKind.MARKET,
        MentionKind.GROUP,
        MentionKind.COMMODITY,
        MentionKind.GOVERNMENT,
        MentionKind.ASSET,
    }
)


def _alias_mention(tokens: Sequence[Token], match: AliasMatch) -> Mention:
    entry = match.entry
    kind = MentionKind.REGISTRY if match.from_registry else MentionKind.PLACE
    return Mention(
        match.start,
        match.end,
        match.surface,
        entry.type,
        kind,
        canonical=entry.name,
        cue=1.0,
        registry_id=entry.id if match.from_registry else None,
        place=entry.country,
    )


def _reconcile(
    tokens: Sequence[Token],
    matches: list[AliasMatch],
    runs: list[tuple[int, int]],
    repeated_tails: frozenset[tuple[str, ...]] = frozenset(),
    firm_prefixes: frozenset[tuple[str, ...]] = frozenset(),
) -> list[Mention]:
    mentions: list[Mention] = []
    used: set[int] = set()
    for start, end in runs:
        inside = [(k, m) for k, m in enumerate(matches) if m.start >= start and m.end <= end]
        overlapping = [
            (k, m)
            for k, m in enumerate(matches)
            if m.start < end and m.end > start and (m.start < start or m.end > end)
        ]
        if overlapping:
            # A known form crossing the run's edge: trust the known form, keep the rest.
            _split_run(tokens, start, end, [m for _, m in overlapping], mentions)
            continue
        if not inside:
            mentions.append(_run_mention(tokens, start, end))
            continue
        if len(inside) == 1 and inside[0][1].start == start and inside[0][1].end == end:
            continue  # the alias match itself is added below
        name_start = start
        while name_start < end - 1 and tokens[name_start].text in PERSON_TITLES:
            name_start += 1
        if looks_like_person([t.text for t in tokens[name_start:end]]) and all(
            m.start > name_start and m.entry.type is not EntityType.PERSON for _, m in inside
        ):
            # "Chairman Zhou Yonghui": a person whose given name is also a firm's short name
            for k, _ in inside:
                used.add(k)
            mentions.append(_run_mention(tokens, start, end))
            continue
        words = [t.text for t in tokens[start:end]]
        kind, _ = type_name(words)
        places_only = all(
            not m.from_registry or m.entry.type in _ABSORBABLE_IN_NAMES for _, m in inside
        )
        inner_only = all(m.start > start and m.end < end for _, m in inside) or (
            # "Zhejiang Geely", "Anhui Conch": a firm named after its home province
            len(inside) == 1
            and inside[0][1].start == start
            and inside[0][1].entry.type is EntityType.REGION
            and end - inside[0][1].end >= 2
        )
        place_first = (
            len(inside) == 1
            and inside[0][1].start == start
            and inside[0][1].from_registry
            and inside[0][1].entry.type in (EntityType.COUNTRY, EntityType.REGION)
            and inside[0][1].end < end
            and not looks_like_person([t.text for t in tokens[inside[0][1].end : end]])
            and all(
                t.text not in PERSON_TITLES and t.text not in COUNTRY_OF_DEMONYM
                for t in tokens[inside[0][1].end : end]
            )
        )
        if (
            places_only
            and end - start >= 2
            and ((kind is not None and kind is not EntityType.PERSON) or inner_only or place_first)
        ):
            # "China Renaissance", "Wuhan Iron and Steel Corporation": a firm named after
            # its country or city
            for k, _ in inside:
                used.add(k)
            mentions.append(_run_mention(tokens, start, end))
            continue
        last = inside[-1][1]
        if (
            len(inside) >= 2
            and last.from_registry
            and last.entry.type is EntityType.COMPANY
            and last.end < end
            and all(m.entry.type in (EntityType.COUNTRY, EntityType.REGION) for _, m in inside[:-1])
            and tokens[end - 1].text in COMPANY_SUFFIXES
            and all(t.is_cap and t.text not in PERSON_TITLES for t in tokens[last.end : end])
        ):
            # "China CSSC Holdings", "China Industrial Securities International Brokerage":
            # a place, a known short name and more words ending in a sector word name one firm
            for k, _ in inside:
                used.add(k)
            mentions.append(_run_mention(tokens, start, end))
            continue
        tail = inside[-1][1]
        if (
            tail.end == end
            and tail.from_registry
            and tail.entry.type is EntityType.COUNTRY
            and tail.start > start
            and all(m.from_registry and m.entry.type is EntityType.COMPANY for _, m in inside[:-1])
            and not looks_like_person([t.text for t in tokens[start : tail.start]])
            and all(
                t.is_cap and t.text not in PERSON_TITLES and t.text not in COMMON_CAPITALISED
                for t in tokens[start : tail.start]
            )
        ):
            # "Xiaomi India", "Tesla China": a firm's unit in a country is a firm of its own
            for k, _ in inside:
                used.add(k)
            m = _run_mention(tokens, start, end)
            m.type, m.kind, m.cue = EntityType.COMPANY, MentionKind.NAME, max(m.cue, 0.7)
            mentions.append(m)
            continue
        if (
            len(inside) == 1
            and tail.end == end
            and tail.from_registry
            and tail.entry.type is EntityType.REGION
            and tail.start - start >= 2
            and tokens[tail.start - 1].text in _SITE_HEADS
        ):
            # "National Supercomputing Centre Jinan": one body's site in a city, named so
            used.add(inside[0][0])
            m = _run_mention(tokens, start, end)
            kind, _ = type_name([t.text for t in tokens[start : tail.start]])
            m.type = kind or m.type
            mentions.append(m)
            continue
        first_k, first = inside[0]
        rest = [t.text for t in tokens[first.end : end]]
        if (
            first.start == start
            and first.from_registry
            and first.entry.type is EntityType.COMPANY
            and len(rest) >= 2
            and (rest[-1] in LEGAL_SUFFIXES or rest[-1] in _UNIT_HEADS)
            and all(
                m.entry.type in (EntityType.COUNTRY, EntityType.REGION) for _, m in inside[1:]
            )
            and all(t.is_cap and t.text not in PERSON_TITLES for t in tokens[first.end : end])
        ):
            # "BYD Auto Japan Inc", "Xiaomi India Pvt Ltd": a known firm's name, more
            # words and a legal form name a firm of its own (its unit), not the firm, a
            # country and an "Inc"
            for k, _ in inside:
                used.add(k)
            mentions.append(_firm_extending(tokens, start, end, first.entry.id))
            continue
        if (
            first.start == start
            and first.from_registry
            and first.entry.type in (EntityType.COMPANY, EntityType.PRODUCT)
            and rest
            and (rest[0][:1].isdigit() or is_model_token(rest[0]))
        ):
            # "Boeing 737 MAX", "Llama 2", "Kimi K2": a maker's or family's name with a
            # model number
            for k, _ in inside:
                used.add(k)
            m = _run_mention(tokens, start, end)
            m.type, m.kind, m.cue = EntityType.PRODUCT, MentionKind.PRODUCT, 0.8
            mentions.append(m)
            continue
        if (
            first.start == start
            and first.from_registry
            and rest
            and all(w in _SAME_FIRM_SUFFIXES or w == "," for w in rest)
            and first.entry.type is EntityType.COMPANY
        ):
            used.add(first_k)
            m = _alias_mention(tokens, first)
            m.end = end
            m.text = surface_text(tokens, start, end)
            mentions.append(m)
            continue
        if (
            first.start == start
            and first.from_registry
            and first.entry.type is EntityType.COMPANY
            and rest
            and (
                all(w in COMPANY_SUFFIXES for w in rest)
                # "Wistron InfoComm Manufacturing": a known firm's name opening another
                # firm's name that ends in a sector word
                or (len(inside) == 1 and rest[-1] in COMPANY_SUFFIXES and rest[0][:1].isupper())
            )
        ):
            # "GE Appliances": a known firm's name plus a sector word is another firm,
            # which the known firm's short name must not absorb later
            for k, _ in inside:
                used.add(k)
            m = _run_mention(tokens, start, end)
            m.extends = first.entry.id
            mentions.append(m)
            continue
        if (
            len(inside) == 1
            and first.start == start
            and first.from_registry
            and first.entry.type is EntityType.COMPANY
            and (
                _longer_firm_name(tokens, first.end, end, repeated_tails)
                or tuple(t.text for t in tokens[start:end]) in firm_prefixes
            )
        ):
            # "Alibaba Cloud Intelligence", "PwC Zhong Tian": a known short name opening a
            # longer name the story repeats is that longer firm, not the short one
            used.add(first_k)
            mentions.append(_firm_extending(tokens, start, end, first.entry.id))
            continue
        if (
            len(inside) == 2
            and inside[0][1].start == start
            and inside[0][1].from_registry
            and inside[0][1].entry.type in (EntityType.REGION, EntityType.COUNTRY)
            and inside[1][1].start == inside[0][1].end
            and inside[1][1].end == end
            and inside[1][1].from_registry
            and inside[1][1].entry.type is EntityType.COMPANY
        ):
            # "Zhejiang Geely", "Anhui Conch": a known firm under its home province's name
            firm = inside[1][1]
            for k, _ in inside:
                used.add(k)
            whole = AliasMatch(start, end, firm.entry, surface_text(tokens, start, end), True)
            mentions.append(_alias_mention(tokens, whole))
            continue
        _split_run(tokens, start, end, [m for _, m in inside], mentions)
    for k, match in enumerate(matches):
        if k not in used:
            mentions.append(_alias_mention(tokens, match))
    mentions.sort(key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            result.append(m)
            last_end = m.end
    return result


# Words that end a unit's name after a known firm and a place ("MMG Singapore Resources").
_UNIT_HEADS = frozenset({"Resources", "Holdings", "Investment", "Investments", "Capital"})


def _firm_extending(tokens: Sequence[Token], start: int, end: int, known: str) -> Mention:
    """A firm of its own whose name opens with the known firm ``known``'s ("Alibaba Cloud
    Intelligence", "BYD Auto Japan Inc"), which that short name must not absorb later."""
    m = _run_mention(tokens, start, end)
    m.type, m.kind, m.cue = EntityType.COMPANY, MentionKind.NAME, max(m.cue, 0.8)
    m.extends = known
    return m


_UNIT_WORDS = word_set("unit arm business subsidiary division affiliate auditor")


def _longer_firm_name(
    tokens: Sequence[Token], start: int, end: int, repeated: frozenset[tuple[str, ...]]
) -> bool:
    """The words after a known firm's name are a repeated capitalised tail, not a title."""
    if not 0 < end - start <= 3:
        return False
    words = tuple(t.text for t in tokens[start:end])
    after = [t.lower for t in tokens[end : end + 8]]
    unit_apposition = (
        bool(after)
        and after[0] == ","
        and len(after) > 1
        and after[1] in ("the", "its", "a")
        and any(
            w in _UNIT_WORDS or DESCRIPTOR_TYPES.get(w) is EntityType.COMPANY for w in after[2:5]
        )
    )
    return (words in repeated or unit_apposition) and all(
        w[:1].isupper() and w.isalpha() and w not in PERSON_TITLES for w in words
    )


def _split_run(
    tokens: Sequence[Token],
    start: int,
    end: int,
    matches: list[AliasMatch],
    out: list[Mention],
) -> None:
    cursor = start
    for m in sorted(matches, key=lambda x: x.start):
        if m.start > cursor:
            _add_piece(tokens, cursor, m.start, out)
        cursor = max(cursor, m.end)
    if cursor < end:
        _add_piece(tokens, cursor, end, out)


_HONORIFICS = frozenset({"Dr.", "Dr", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Prof.", "Prof"})
# A post's portfolio after "Minister of" / "Secretary for": "Minister of Economic
# Affairs" heads a ministry; the portfolio's words are no body's name.
_PORTFOLIO_POSTS = frozenset({"minister", "secretary", "commissioner"})
# Title words that may stand between an organisation's name and a person's name in one
# capitalised run: "Norvik Group Chief Executive Anna Berg".
_INNER_TITLES = word_set(
    """Chief Executive Officer CEO Chairman Chairwoman President Founder Co-founder Cofounder
    CFO COO CTO Vice Chair Analyst Economist Spokesperson Spokesman Spokeswoman Managing
    Director Governor Secretary Head Boss"""
)


def _add_piece(tokens: Sequence[Token], start: int, end: int, out: list[Mention]) -> None:
    while start < end and not (tokens[start].is_cap or tokens[start].text[:1].isdigit()):
        start += 1
    start, end = _trim_titles(tokens, (start, end))

    # "the Norland Liaison Office of the State Council" with the council known: the
    # piece before it is "Norland Liaison Office"
    while end > start and tokens[end - 1].lower in ("of", "and", "&", ",", "for", "'s", "the"):
        end -= 1
    if all(t.text in PERSON_TITLES or t.text in ("The", "A", "An") for t in tokens[start:end]):
        return  # "Chairman" before a known person's name: a title, not a name of its own
    if end > start and any(t.is_cap for t in tokens[start:end]):
        out.append(_run_mention(tokens, start, end))


# Heads of bodies that run sites named by their city ("... Centre Jinan").
_SITE_HEADS = frozenset(
    {"Centre", "Center", "Institute", "University", "Academy", "Laboratory", "Lab", "Hospital"}
)
_RULING_WORDS = frozenset({"government", "administration", "authorities", "cabinet"})
# Titles that also open firms' names ("General Atlantic", "State Grid", "Trade Republic"):
# taken for a title only before what looks like a person's name.
_TITLES_OPENING_NAMES = frozenset({"General", "State", "Trade", "Commerce", "Finance", "Chief"})


def _run_mention(tokens: Sequence[Token], start: int, end: int) -> Mention:
    if end - start >= 2 and tokens[start].text == "The":
        start += 1  # "The Norvik Agency said": the article is not part of the name
    title: str | None = None
    first = start
    whole_kind, _ = type_name([t.text for t in tokens[start:end]])
    while (
        first < end - 1
        and tokens[first].text in PERSON_TITLES
        and whole_kind in (None, EntityType.PERSON)
    ):
        first += 1
    if (
        first > start
        and tokens[start].text in _TITLES_OPENING_NAMES
        and not looks_like_person([t.text for t in tokens[first:end]])
    ):
        first = start  # "General Atlantic", "State Grid": a firm's name, no title before one
    if first > start:
        title = " ".join(t.text for t in tokens[start:first])
    if (
        end - first == 2
        and tokens[first].text in COUNTRY_OF_DEMONYM
        and tokens[first + 1].lower in _RULING_WORDS
    ):
        # "the Chinese Government": the state itself, as "the Chinese government" is
        country = COUNTRY_OF_DEMONYM[tokens[first].text]
        text = surface_text(tokens, first, end)
        return Mention(first, end, text, EntityType.COUNTRY, MentionKind.NAME, canonical=country,
                       cue=0.9)
    # A demonym opening a longer name is a description ("Chilean Brenn Capital", "Chinese
    # EV startup"), unless the name needs it ("Chinese Academy of Sciences").
    if first < end - 1 and tokens[first].text in COUNTRY_OF_DEMONYM:
        whole, _ = type_name([t.text for t in tokens[first:end]])
        if whole not in (EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY):
            first += 1
    text = surface_text(tokens, first, end)
    words = [t.text for t in tokens[first:end]]
    kind, cue = type_name(words)
    m = Mention(first, end, text, kind, MentionKind.NAME, canonical=text, cue=cue)
    if title is not None:
        m.head = title
        if kind is None or kind is EntityType.PERSON:
            m.type = EntityType.PERSON
            m.cue = max(cue, 0.8)
    if kind is EntityType.PRODUCT:
        m.kind = MentionKind.PRODUCT
    return m


def _add_models(
    tokens: Sequence[Token], mentions: list[Mention], begin: int, block: Sequence[bool]
) -> None:
    covered = [False] * len(tokens)
    for m in mentions:
        for k in range(m.start, m.end):
            covered[k] = True
    for i in range(begin, len(tokens)):
        if covered[i] or block[i] or not is_model_token(tokens[i].text):
            continue
        if not _product_context(tokens, i):
            continue
        mentions.append(
            Mention(
                i,
                i + 1,
                tokens[i].text,
                EntityType.PRODUCT,
                MentionKind.PRODUCT,
                canonical=tokens[i].text,
                cue=0.6,
            )
        )


def _product_context(tokens: Sequence[Token], i: int) -> bool:
    lo, hi = max(0, i - 5), min(len(tokens), i + 5)
    return any(
        tokens[k].lower in PRODUCT_NOUNS or tokens[k].lower in _PRODUCT_TRIGGERS
        for k in range(lo, hi)
        if k != i
    )
