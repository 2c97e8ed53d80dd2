"""Entities named by common-noun phrases, and references to be resolved later.

* markets: "Hong Kong stocks", "the Chinese stock market", "exchange-traded funds";
* investor groups: "mainland investors", "investors on the mainland";
* commodities: "Australian barley", "barley from Australia", "rare earths";
* assets: "a solar module (PV) plant in Penang", "the Kaseba copper mine", "the Zambian
  mine";
* government bodies by description: "its securities regulator", "China's central bank";
* pronouns (it, its, they...) and descriptions ("the company", "the watchdog", "the plant").

Each recogniser reads the tokens of one sentence and the mentions found so far
(``owner[i]`` is the index of the mention covering token ``i`` or -1) and returns
new mentions; a phrase may absorb a place mention it is built on ("Hong Kong
stocks"), never a registry or named mention.
"""

from __future__ import annotations

from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import (
    COMMODITIES,
    DESCRIPTOR_TYPES,
    GOVERNMENT_DESCRIPTIONS,
    word_set,
)
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM, EXCHANGE_OF_CITY
from sinograph.loaders.extract.goods import (
    commodity,
    place_at,
    qualifier_before,
    qualify_known_goods,
    share_origin,
)
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.tokens import Token, surface_text

__all__ = ["find_phrases"]

_COMMON_NOUN_TYPES = frozenset(
    {
        EntityType.COMMODITY,
        EntityType.MARKET,
        EntityType.INVESTOR_GROUP,
        EntityType.COUNTRY,
        EntityType.REGION,
    }
)
_MARKET_SECTORS = word_set(
    """stock equity equities bond property housing real-estate new-home home car auto credit
    currency commodities commodity ipo consumer tech capital share a-share h-share securities
    debt money futures"""
)
_MARKET_QUALIFIERS = word_set("mainland onshore offshore global domestic")
_MARKET_COMPOUNDS = word_set(
    """conditions share shares value cap capitalisation capitalization sentiment volatility debut
    access position leader leaders participants rules regulator watchdog turmoil reforms segment
    data movements players expectations watchers forces"""
)
_BARE_MARKETS = word_set("housing property real-estate new-home home stock equity bond")
_SECURITY_WORDS = word_set("stocks equities bonds shares")
_FIXED_MARKETS: dict[tuple[str, ...], str] = {
    ("exchange-traded", "funds"): "exchange-traded funds",
    ("etfs",): "exchange-traded funds",
    ("government", "bonds"): "government bonds",
    ("a-shares",): "A-shares",
    ("h-shares",): "H-shares",
    ("home", "sales"): "home sales",
    ("new-home", "sales"): "new-home sales",
    ("property", "sales"): "property sales",
}
_INVESTOR_QUALIFIERS = word_set(
    """mainland foreign global international overseas domestic retail institutional individual
    southbound northbound offshore"""
)
_ASSET_SINGULAR = word_set(
    """mine plant factory gigafactory refinery smelter terminal port project pipeline dam oilfield
    gasfield deposit farm station reactor shipyard facility mill warehouse"""
)
_ASSET_ADJECTIVES = word_set(
    """massive large huge big new giant major first second third planned proposed existing key
    flagship local overseas foreign domestic vast small former wrecked damaged stricken crippled
    state-owned joint its their whole entire largest biggest latest operating idle closed
    shuttered world-class sprawling modern"""
)
_NOT_MODIFIERS = word_set(
    """a an the this that these those its their his her our of in on at for from by with to and or
    but is are was were be been has have had will would to build construct acquire buy sell own
    operate open close said says into about as than up out new-build also which who that plans
    plan deal"""
)
_AMOUNT_WORDS = word_set(
    "billion million trillion bn mn yuan dollar dollars euro euros yen won rupee rupees credit loan"
)
_COMPOUND_AFTER_ASSET = word_set(
    """deal deals sale purchase acquisition stake operator operators owner owners workers
    construction output production capacity site sites investment investments"""
)
_PRONOUNS: dict[str, str] = {
    "it": "it", "its": "its", "they": "they", "their": "their", "them": "them",
    "he": "he", "his": "his", "him": "him", "she": "she", "her": "her",
}  # fmt: skip
_DESCRIPTION_NOUNS: dict[str, EntityType] = {
    **{k: v for k, v in DESCRIPTOR_TYPES.items() if v is not EntityType.PRODUCT},
    "country": EntityType.COUNTRY,
    "nation": EntityType.COUNTRY,
    "city": EntityType.REGION,
    "province": EntityType.REGION,
    "region": EntityType.REGION,
    "market": EntityType.MARKET,
    "plant": EntityType.ASSET,
    "mine": EntityType.ASSET,
    "facility": EntityType.ASSET,
    "project": EntityType.ASSET,
    "factory": EntityType.ASSET,
    "refinery": EntityType.ASSET,
    "smelter": EntityType.ASSET,
    "companies": EntityType.COMPANY,
    "firms": EntityType.COMPANY,
    # business news says "the platform" for the app firm it just named
    "platform": EntityType.COMPANY,
    "aircraft": EntityType.PRODUCT,
    "jet": EntityType.PRODUCT,
    "plane": EntityType.PRODUCT,
    "drug": EntityType.PRODUCT,
    "vaccine": EntityType.PRODUCT,
    "smartphone": EntityType.PRODUCT,
    "chatbot": EntityType.PRODUCT,
    # AI news says "the model(s)" for the model it just named
    "model": EntityType.PRODUCT,
    "models": EntityType.PRODUCT,
    "chip": EntityType.PRODUCT,
    "handset": EntityType.PRODUCT,
}


def find_phrases(
    tokens: Sequence[Token], mentions: list[Mention], owner: list[int], begin: int
) -> list[Mention]:
    """Common-noun mentions in one sentence (see the module doc)."""
    found: list[Mention] = []
    n = len(tokens)
    taken = list(owner)
    qualify_known_goods(tokens, mentions, owner)

    def free(start: int, end: int, absorb_places: bool, absorb_names: bool = False) -> bool:
        pool = mentions + found
        for k in range(start, end):
            if taken[k] >= 0:
                m = pool[taken[k]]
                if (
                    absorb_places
                    and start <= m.start
                    and m.end <= end  # a phrase absorbs what it contains, never more
                    and (
                        m.kind == MentionKind.PLACE
                        or m.kind == MentionKind.REGISTRY
                        and m.type in _COMMON_NOUN_TYPES
                    )
                ):
                    continue
                if absorb_names and (
                    m.kind in (MentionKind.PLACE, MentionKind.NAME)
                    and (m.type is None or m.kind == MentionKind.PLACE)
                    or m.type in (EntityType.COMMODITY, EntityType.ASSET)
                ):
                    continue
                return False
        return True

    def add(m: Mention) -> None:
        found.append(m)
        for k in range(m.start, m.end):
            taken[k] = len(mentions) + len(found) - 1

    i = begin
    while i < n:
        hit = (
            _market(tokens, i, mentions, owner)
            or _investor_group(tokens, i, mentions, owner)
            or commodity(tokens, i, mentions, owner)
            or _government(tokens, i, mentions, owner)
        )
        if hit is not None and free(hit.start, hit.end, absorb_places=True):
            add(hit)
            i = hit.end
            continue
        i += 1
    for i in range(begin, n):
        if taken[i] >= 0:
            continue
        asset = _asset(tokens, i, mentions + found, taken)
        if asset is not None and free(asset.start, asset.end, False, absorb_names=True):
            add(asset)
    for i in range(begin, n):
        if taken[i] >= 0:
            continue
        ref = _reference(tokens, i, taken, mentions + found)
        if ref is not None and free(ref.start, ref.end, absorb_places=False):
            add(ref)
    share_origin(tokens, [m for m in mentions + found if m.type is EntityType.COMMODITY])
    return found


_FIXED_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words_key, _name in _FIXED_MARKETS.items():
    _FIXED_BY_FIRST.setdefault(_words_key[0], []).append((_words_key, _name))


def _market(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> Mention | None:
    low = tokens[i].lower
    for words, name in _FIXED_BY_FIRST.get(low, ()):
        size = len(words)
        if tuple(t.lower for t in tokens[i : i + size]) == words:
            return Mention(
                i,
                i + size,
                surface_text(tokens, i, i + size),
                EntityType.MARKET,
                MentionKind.MARKET,
                canonical=name,
                cue=0.6,
                named=False,
            )
    if low in ("market", "markets") and i > 0:
        if i + 1 < len(tokens) and tokens[i + 1].lower in _MARKET_COMPOUNDS:
            return None
        start = i
        sector: list[str] = []
        j = i - 1
        while (
            j >= 0
            and (tokens[j].lower in _MARKET_SECTORS or tokens[j].lower in _MARKET_QUALIFIERS)
            and len(sector) < 3
        ):
            sector.insert(0, tokens[j].lower)
            start = j
            j -= 1
        qualifier = qualifier_before(tokens, start, mentions, owner)
        if qualifier is None and not (set(sector) & _BARE_MARKETS and low == "market"):
            return None
        parts = [w for w in sector if w]
        if qualifier is not None:
            start = qualifier[0]
            lead = qualifier[1] if qualifier[2] is None else _country_word(qualifier)
            parts.insert(0, lead)
        name = " ".join([*parts, "market"])
        return Mention(
            start,
            i + 1,
            surface_text(tokens, start, i + 1),
            EntityType.MARKET,
            MentionKind.MARKET,
            canonical=name,
            cue=0.6,
            named=False,
        )
    if low in _SECURITY_WORDS and i > 0:
        start = i
        j = i - 1
        if tokens[j].lower in ("tech", "technology", "property", "bank", "chip"):
            start = j
            j -= 1
        qualifier = qualifier_before(tokens, start, mentions, owner)
        if qualifier is None and tokens[j].lower == "mainland":
            qualifier = (j, "mainland", "China")
        if qualifier is None:
            return None
        if low == "shares" and (i + 1 < len(tokens) and tokens[i + 1].lower in ("of", "in")):
            return None
        text = surface_text(tokens, qualifier[0], i + 1)
        name = text.replace("'s ", " ").replace("\u2019s ", " ")
        return Mention(
            qualifier[0],
            i + 1,
            text,
            EntityType.MARKET,
            MentionKind.MARKET,
            canonical=name,
            cue=0.6,
            named=False,
        )
    return None


def _country_word(qualifier: tuple[int, str, str | None]) -> str:
    return qualifier[1]


def _investor_group(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> Mention | None:
    if tokens[i].lower not in ("investors", "investor"):
        return None
    if tokens[i].lower == "investor" and not (
        i + 1 < len(tokens) and tokens[i + 1].lower in ("sentiment", "demand")
    ):
        return None
    end = i + 1
    start = i
    qualifiers: list[str] = []
    j = i - 1
    while j >= 0 and tokens[j].lower in _INVESTOR_QUALIFIERS and len(qualifiers) < 3:
        qualifiers.insert(0, tokens[j].lower)
        start = j
        j -= 1
    place = qualifier_before(tokens, start, mentions, owner)
    if place is not None:
        start = place[0]
        qualifiers.insert(0, "mainland" if place[1] == "Chinese mainland" else place[1])
    if tokens[i].lower == "investors" and i + 3 < len(tokens) + 1:
        after = tuple(t.lower for t in tokens[i + 1 : i + 4])
        if after[:3] in (("on", "the", "mainland"), ("from", "the", "mainland")):
            qualifiers = ["mainland"]
            end = i + 4
        elif len(after) >= 1 and after[0] in ("from", "in") and place_at(mentions, owner, i + 2):
            place_m = place_at(mentions, owner, i + 2)
            if place_m is not None and place_m.type is EntityType.COUNTRY and not qualifiers:
                qualifiers = [place_m.text]
                end = place_m.end
    if not qualifiers:
        return None
    if "mainland" in qualifiers:
        qualifiers = ["mainland"] + [
            q for q in qualifiers if q not in ("chinese", "Chinese", "mainland")
        ]
    if tokens[i].lower == "investor":
        end = i + 1
    label = " ".join(qualifiers)
    name = label[:1].upper() + label[1:] + " investors"
    return Mention(
        start,
        end,
        surface_text(tokens, start, end),
        EntityType.INVESTOR_GROUP,
        MentionKind.GROUP,
        canonical=name,
        cue=0.7,
        named=False,
    )


_GOV_BY_WORDS: dict[tuple[str, ...], list[tuple[str, str]]] = {}
for (_country, _desc), _body in GOVERNMENT_DESCRIPTIONS.items():
    _GOV_BY_WORDS.setdefault(tuple(_desc.split()), []).append((_country, _body))
_GOV_FIRST_WORDS = frozenset(k[0] for k in _GOV_BY_WORDS)


def _government(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> Mention | None:
    if tokens[i].lower not in _GOV_FIRST_WORDS:
        return None
    for size in (3, 2, 1):
        words = tuple(t.lower for t in tokens[i : i + size])
        if len(words) < size or words not in _GOV_BY_WORDS:
            continue
        if size == 1 and words[0] in ("cabinet", "customs", "treasury", "commission"):
            prev = tokens[i - 1].lower if i > 0 else ""
            if prev not in ("the", "'s", "its") and not tokens[i].is_cap:
                continue
        start = i
        country: str | None = None
        qualifier = qualifier_before(tokens, i, mentions, owner)
        if qualifier is not None and qualifier[2] is not None:
            country = qualifier[2]
            start = qualifier[0]
        if words == ("stock", "exchange") and qualifier is not None:
            # "the Frankfurt stock exchange": a city's exchange is a firm with a name
            city = qualifier[2] or qualifier[1]
            return Mention(
                start,
                i + size,
                surface_text(tokens, start, i + size),
                EntityType.COMPANY,
                MentionKind.NAME,
                canonical=EXCHANGE_OF_CITY.get(city, f"{city} Stock Exchange"),
                cue=0.7,
            )
        options = dict(_GOV_BY_WORDS[words])
        body = options.get(country or "")
        # With no country named, the body is resolved against the story's country later.
        m = Mention(
            start,
            i + size,
            surface_text(tokens, start, i + size),
            EntityType.GOVERNMENT_BODY,
            MentionKind.GOVERNMENT,
            canonical=body,
            cue=0.7,
            head=" ".join(words),
            place=country,
            named=False,
        )
        return m
    return None


def _goods_word(
    tokens: Sequence[Token], k: int, mentions: list[Mention], taken: list[int]
) -> bool:
    if taken[k] >= 0:
        return taken[k] < len(mentions) and mentions[taken[k]].type is EntityType.COMMODITY
    return tokens[k].lower in COMMODITIES


def _asset(
    tokens: Sequence[Token], i: int, mentions: list[Mention], taken: list[int]
) -> Mention | None:
    head = tokens[i].lower
    if tokens[i].is_cap:
        return None
    if head not in _ASSET_SINGULAR and not (
        head == "field" and i > 0 and tokens[i - 1].lower in ("oil", "gas", "coal", "wind")
    ):
        return None
    n = len(tokens)
    if i + 1 < n and tokens[i + 1].lower in _ASSET_SINGULAR:
        return None  # "refinery project": the first noun modifies the second
    if i + 1 < n and tokens[i + 1].lower in _COMPOUND_AFTER_ASSET:
        return None
    modifiers: list[str] = []
    j = i - 1
    while j >= 0 and len(modifiers) < 6:
        if taken[j] >= 0:
            before = mentions[taken[j]] if taken[j] < len(mentions) else None
            if before is None or before.type is not EntityType.COMMODITY:
                break
            modifiers.insert(0, before.text)
            j = before.start - 1
            continue
        tok = tokens[j]
        if (
            tok.lower in ("and", ",")
            and modifiers
            and modifiers[0].lower() in COMMODITIES
            and j > 0
            and _goods_word(tokens, j - 1, mentions, taken)
        ):
            # "the Lantu copper *and* cobalt project", "the copper*,* zinc and lead mine"
            modifiers.insert(0, tok.text)
            j -= 1
            continue
        if tok.text == ")" and j >= 2 and tokens[j - 2].text == "(":
            modifiers.insert(0, f"({tokens[j - 1].text})")
            j -= 3
            continue
        if not tok.text[0].isalpha() or tok.is_cap or tok.lower in _NOT_MODIFIERS:
            break
        modifiers.insert(0, tok.text)
        j -= 1
    start = j + 1
    if any(w.lower() in _AMOUNT_WORDS for w in modifiers):
        return None  # "a 500 billion yuan swap facility": a sum of money, not a site
    core = [m for m in modifiers if m.lower() not in _ASSET_ADJECTIVES]
    while core and core[0].startswith("("):
        core.pop(0)
    named_by: Mention | None = None
    place: str | None = None
    owner_name: str | None = None
    if j >= 0 and taken[j] >= 0 and taken[j] < len(mentions):
        before = mentions[taken[j]]
        if before.end == j + 1:
            if before.is_place or before.type in (EntityType.REGION, EntityType.COUNTRY):
                named_by = before
                place = before.canonical
            elif (
                before.type is None and before.kind == MentionKind.NAME
            ) or before.type is EntityType.ASSET:
                named_by = before
            elif before.type is EntityType.COMPANY:
                owner_name = before.canonical
    elif j >= 0 and tokens[j].text in COUNTRY_OF_DEMONYM:
        place = COUNTRY_OF_DEMONYM[tokens[j].text]
        start = j
    compound = " ".join([*core, tokens[i].text])
    if named_by is None and not core and place is None:
        return None  # "the plant": a description, resolved by coreference
    located_at: str | None = None
    k = i + 1
    if k + 1 < n and tokens[k].lower in ("in", "near", "at", "off") and taken[k + 1] >= 0:
        after = mentions[taken[k + 1]] if taken[k + 1] < len(mentions) else None
        if after is not None and after.type in (EntityType.REGION, EntityType.COUNTRY):
            located_at = after.canonical
    if named_by is not None:
        first = named_by.start
        text = surface_text(tokens, first, i + 1)
        name = " ".join([named_by.text, *core, tokens[i].text])
        known = named_by.registry_id is not None and named_by.type is EntityType.ASSET
        return Mention(
            first,
            i + 1,
            text,
            EntityType.ASSET,
            MentionKind.ASSET,
            canonical=named_by.canonical if known else name,
            cue=0.9,
            head=compound,
            place=place or located_at,
            named=True,
            registry_id=named_by.registry_id if known else None,
            aliases=[surface_text(tokens, start, i + 1)] if start > first else [],
        )
    where = located_at or place
    name = f"{where} {compound}" if where and located_at else compound
    text = surface_text(tokens, start, i + 1)
    m = Mention(
        start,
        i + 1,
        text,
        EntityType.ASSET,
        MentionKind.ASSET,
        canonical=name,
        cue=0.5,
        head=compound,
        place=where,
        named=False,
    )
    if owner_name:
        m.aliases.append(f"{owner_name} {compound}")
    return m


def _reference(
    tokens: Sequence[Token], i: int, taken: list[int], pool: Sequence[Mention] = ()
) -> Mention | None:
    low = tokens[i].lower
    if low in _PRONOUNS:
        return Mention(
            i, i + 1, tokens[i].text, None, MentionKind.PRONOUN, head=low, cue=0.0, named=False
        )
    if low not in ("the", "this", "that", "both", "these"):
        return None
    j = i + 1
    n = len(tokens)
    if low != "the" and not (j < n and tokens[j].lower in _DESCRIPTION_NOUNS):
        return None  # "that run the country": a relative pronoun, not a determiner
    if j < n and tokens[j].lower in ("two", "three", "latter", "former"):
        j += 1
    # "the company", "the high-flying U.S. microchip company": up to five modifiers
    # before the noun.
    end = None
    for k in range(j, min(n, j + 6)):
        tok = tokens[k]
        # "The Group will ...": press releases capitalise their own descriptions
        capital_ok = k == j and low == "the" and (k + 1 >= n or not tokens[k + 1].is_cap)
        if tok.lower in _DESCRIPTION_NOUNS and (not tok.is_cap or capital_ok):
            end = k + 1
            if k + 1 < n and tokens[k + 1].lower in _DESCRIPTION_NOUNS:
                continue
            break
        if tok.lower in ("-based", "-listed", "-owned", "-backed", "-headquartered"):
            continue  # "the Ningde-based company"
        if taken[k] >= 0:
            e = k
            while e + 1 < n and taken[e + 1] == taken[k]:
                e += 1
            if e + 1 < n and tokens[e + 1].lower.startswith("-"):
                continue  # "the Hong Kong-listed carmaker"
            owner_m = pool[taken[k]] if taken[k] < len(pool) else None
            f = e + 1
            while (
                f < n
                and f <= e + 2
                and DESCRIPTOR_TYPES.get(tokens[f].lower) is not EntityType.COMPANY
                and tokens[f].text.isalpha()
                and not tokens[f].is_cap
            ):
                f += 1  # "the U.S. chip company": an industry word between them
            if (
                owner_m is not None
                and owner_m.type is EntityType.COUNTRY
                and f < n
                and tokens[f].lower in _DESCRIPTION_NOUNS
                and DESCRIPTOR_TYPES.get(tokens[f].lower) is EntityType.COMPANY
                and (f + 1 >= n or not tokens[f + 1].is_cap)
            ):
                continue  # "the U.S. chipmaker": the country describes the firm
        if taken[k] >= 0:
            return None  # "the MG brand": the noun classifies the name before it
        if not tok.text[0].isalnum() or taken[k] >= 0 and k > j:
            break
        if tok.text[0].isdigit() or tok.lower.endswith("est") or tok.lower in ("most", "more"):
            return None
        if tok.lower in _CLAUSE_WORDS:
            return None  # "the proceeds would fund": a clause, not a description
    if end is None:
        return None
    if end < n and (tokens[end].is_cap and tokens[end].is_word or taken[end] >= 0):
        return None  # "the chipmaker Vantrix": a descriptor of the name that follows
    if end < n and (tokens[end].text[0].isdigit() or tokens[end].text in "$€£¥"):
        return None
    if (
        low == "the"
        and end < n
        and (
            tokens[end].lower in ("that", "which", "whose")
            or (tokens[end].lower.endswith("ing") and tokens[end].lower not in _NOT_PARTICIPLES)
        )
    ):
        # "the company that operates X", "the holding company managing X": the clause
        # says which firm is meant, a new one, not the last one named
        return None
    if (
        end < n
        and tokens[end].lower in ("of", "'s")
        and tokens[end - 1].lower
        in ("founder", "chairman", "president", "head", "chief", "ceo", "owner", "parent")
    ):
        return None
    noun = tokens[end - 1].lower
    if noun.endswith("s") and noun not in ("companies", "firms", "models") and kind_plural(noun):
        return None
    if (
        noun in ("companies", "firms")
        and tokens[end - 2].lower not in ("two", "both")
        and (low != "both")
    ):
        return None
    kind = _DESCRIPTION_NOUNS[noun]
    start = i
    for k in range(i, end):
        if taken[k] >= 0 or tokens[k].lower.startswith("-"):
            start = k + 1  # "the Ningde-based company": the place stays its own mention
    if start >= end:
        return None
    return Mention(
        start,
        end,
        surface_text(tokens, start, end),
        kind,
        MentionKind.DESCRIPTION,
        head=noun,
        cue=0.0,
        named=False,
    )


_NOT_PARTICIPLES = word_set("during according including excluding regarding concerning")
_CLAUSE_WORDS = word_set(
    """would will could can may might must should shall is are was were be been has have had
    do does did to of in on at for with by from and or but that which who said says"""
)


def kind_plural(noun: str) -> bool:
    """Plural descriptions ("the rivals") refer to no single entity."""
    return noun not in ("ceo", "boss", "bourse", "chairman", "business", "press")
