"""Goods named in a sentence: commodities ("rare earths", "Australian barley", "barley
from Australia", "farm machinery") and the origin that qualifies them, shared by every
item of a list ("steel and aluminium made in China")."""

from __future__ import annotations

from collections.abc import Sequence

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.cues import (
    ASSET_HEADS,
    COMMODITIES,
    DESCRIPTOR_TYPES,
    PRODUCT_NOUNS,
    word_set,
)
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from sinograph.loaders.extract.mention import Mention, MentionKind
from sinograph.loaders.extract.tokens import Token, surface_text

__all__ = [
    "commodity",
    "demonym",
    "place_at",
    "qualifier_before",
    "qualify_known_goods",
    "share_origin",
]

_NOT_COMMODITY_AFTER = (
    ASSET_HEADS
    | frozenset(DESCRIPTOR_TYPES)
    | word_set(
        """producer producers production price prices sector industry industries output demand
        supply market markets giant maker miner reserves deposits futures company companies firm
        firms stocks shares mining refining processing parameter business exporters importers
        exports industry's supplier suppliers chain chains trade"""
    )
)
_ORIGIN_LEADS = (
    ("most", "parts", "of"),
    ("parts", "of"),
    ("most", "of"),
    ("the", "rest", "of"),
    ("all", "of"),
)

_COMMODITY_PHRASES: dict[tuple[str, ...], str] = {
    tuple(word.split("-")) if word.count("-") == 1 and word not in ("palm-oil",) else (word,): word
    for word in COMMODITIES
}
for _word in (
    "rare-earths",
    "rare-earth",
    "iron-ore",
    "crude-oil",
    "natural-gas",
    "jet-fuel",
    "solar-panels",
    "electric-vehicles",
    "palm-oil",
    "pork-products",
    "beef-products",
):
    _COMMODITY_PHRASES[tuple(_word.split("-"))] = _word.replace("-", " ")
    _COMMODITY_PHRASES[(_word,)] = _word.replace("-", " ")

# One name per kind of goods, whichever number the story uses, so that "lobster" in one
# story and "lobsters" in the next are one node (the story's own form stays an alias).
_ONE_NAME = {
    "lobsters": "lobster", "durians": "durian", "wines": "wine", "fruits": "fruit",
    "soybean": "soybeans", "rare earth": "rare earths", "fertilisers": "fertiliser",
    "fertilizers": "fertilizer", "tires": "tyres",
}  # fmt: skip
for _words_key, _base in list(_COMMODITY_PHRASES.items()):
    _COMMODITY_PHRASES[_words_key] = _ONE_NAME.get(_base, _base)


def _qualified_before(tokens: Sequence[Token], m: Mention) -> bool:
    """Whether ``m``'s origin is written before it ("Chinese steel", "Japan's seafood")."""
    k = m.start
    for j in (k, k - 1, k - 2):
        if (
            0 <= j < m.end
            and j >= 0
            and (tokens[j].text in COUNTRY_OF_DEMONYM or tokens[j].lower in ("'s", "-made"))
        ):
            return True
    return m.start > 0 and (
        tokens[m.start - 1].text in COUNTRY_OF_DEMONYM
        or tokens[m.start - 1].lower in ("'s", "-made")
    )


def share_origin(tokens: Sequence[Token], goods: list[Mention]) -> None:
    """ "steel and aluminium made in China", "Chinese steel and aluminium": one origin
    for every item of a list of goods."""
    goods.sort(key=lambda m: m.start)
    lists: list[list[Mention]] = []
    for m in goods:
        last = lists[-1][-1] if lists else None
        if last is not None and (last.start, last.end) == (m.start, m.end):
            # one word read twice (as a known commodity and as goods) is one item of
            # the list: starting a new list there cut "U.S. wheat, corn and cotton" short
            lists[-1].append(m)
        elif (
            last is not None
            and all(t.lower in (",", "and", "or") for t in tokens[last.end : m.start])
            and last.end < m.start
        ):
            lists[-1].append(m)
        else:
            lists.append([m])
    for items in lists:
        if len(items) < 2:
            continue
        first, last = items[0], items[-1]
        source: Mention | None = None
        if first.place and _qualified_before(tokens, first):
            source = first  # "Chinese steel and aluminium"
        elif last.place and not _qualified_before(tokens, last):
            source = last  # "steel and aluminium made in China"
        if source is None:
            continue
        spans = {(m.start, m.end) for m in items}
        for m in (g for g in goods if (g.start, g.end) in spans):
            if m.place is None and m.canonical:
                m.canonical = f"{demonym(source.place)} {m.canonical}"
                m.kind = MentionKind.COMMODITY
                m.registry_id = None
                m.place = source.place


def qualify_known_goods(tokens: Sequence[Token], mentions: list[Mention], owner: list[int]) -> None:
    """A known class of goods qualified by origin is its own commodity: "Chinese EVs",
    "electric vehicles imported from China" -> "Chinese electric vehicles"."""
    n = len(tokens)
    for m in mentions:
        if m.kind != MentionKind.REGISTRY or m.type is not EntityType.COMMODITY:
            continue
        made = _made_of(tokens, m.start, m.end, owner)
        if made is not None:
            owner[m.end] = owner[m.start]
            m.end += 1
            m.text = surface_text(tokens, m.start, m.end)
            m.canonical = f"{m.canonical} {made}"
            m.kind = MentionKind.COMMODITY
            m.registry_id = None
        elif m.end < n and tokens[m.end].lower in _SAME_GOODS_AFTER:
            owner[m.end] = owner[m.start]  # "poultry meat" is poultry
            m.end += 1
            m.text = surface_text(tokens, m.start, m.end)
        country: str | None = None
        qualifier = qualifier_before(tokens, m.start, mentions, owner)
        flow = m.end + 2 < n and tokens[m.end].lower in _FLOW_NOUNS
        if flow and m.start >= 1 and tokens[m.start - 1].lower == "'s":
            qualifier = None  # "China's soybean imports": China imports them
        if flow and qualifier is None and tokens[m.end + 1].lower == "from":
            place = place_at(mentions, owner, _past_the(tokens, m.end + 2))
            if place is not None and place.type is EntityType.COUNTRY:
                country = place.canonical
        elif qualifier is not None:
            country = qualifier[2]
        else:
            k = m.end
            if k < n and tokens[k].lower in ("imported", "made", "produced", "shipped"):
                k += 1
            if k + 1 < n and tokens[k].lower in ("from", "in"):
                place = place_at(mentions, owner, _past_the(tokens, k + 1))
                if place is not None and place.type is EntityType.COUNTRY:
                    country = place.canonical
        if country is None or country == m.canonical:
            continue
        m.canonical = f"{demonym(country)} {m.canonical}"
        m.kind = MentionKind.COMMODITY
        m.registry_id = None
        m.place = country


def _made_of(tokens: Sequence[Token], start: int, end: int, owner: list[int]) -> str | None:
    """The product noun after a one-word material ("steel *wheels*", "aluminium *foil*"):
    goods made of the material are what is taxed or banned, not the material itself."""
    if end - start != 1 or tokens[start].lower not in _MATERIALS:
        return None
    if end >= len(tokens) or owner[end] >= 0 or tokens[end].lower not in _MADE_OF_MATERIAL:
        return None
    return tokens[end].lower


def _past_the(tokens: Sequence[Token], i: int) -> int:
    """ "imports from *the* United States": the place starts after the article."""
    return i + 1 if i < len(tokens) and tokens[i].lower == "the" else i


def place_at(mentions: list[Mention], owner: list[int], i: int) -> Mention | None:
    if 0 <= i < len(owner) and owner[i] >= 0:
        m = mentions[owner[i]]
        if m.kind == MentionKind.PLACE or (
            m.kind == MentionKind.REGISTRY and m.type in (EntityType.COUNTRY, EntityType.REGION)
        ):
            return m
    return None


def qualifier_before(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> tuple[int, str, str | None] | None:
    """A place, demonym or possessive place right before token ``i``: (start, words, country)."""
    j = i - 1
    if j >= 0 and tokens[j].lower in ("'s", "-made"):
        j -= 1  # "Japan's seafood", "Chinese-made electric cars"
    if j < 0:
        return None
    place = place_at(mentions, owner, j)
    if place is not None:
        return place.start, place.text, place.canonical
    country = COUNTRY_OF_DEMONYM.get(tokens[j].text)
    if country is not None:
        start = j
        if j >= 1 and tokens[j].lower == "mainland" and tokens[j - 1].text == "Chinese":
            start = j - 1
        return start, " ".join(t.text for t in tokens[start : j + 1]), country
    return None


def commodity(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> Mention | None:
    for size in (2, 1):
        words = tuple(t.lower for t in tokens[i : i + size])
        if len(words) < size or words not in _COMMODITY_PHRASES:
            continue
        if any(t.is_cap and t.text not in ("LNG", "EVs") for t in tokens[i : i + size]):
            continue
        base = _COMMODITY_PHRASES[words]
        end = i + size
        if end < len(tokens) and tokens[end].lower in _NOT_COMMODITY_AFTER:
            return None
        if end < len(tokens) and tokens[end].lower in _SAME_GOODS_AFTER:
            end += 1  # "poultry meat" is poultry
        elif (made := _made_of(tokens, i, end, owner)) is not None:
            base = f"{base} {made}"
            end += 1
        country: str | None = None
        start = i
        kind = _goods_modifier(tokens, i, base, owner)
        if kind:
            start = i - 1  # "farm machinery", "liquefied natural gas": what kind of goods
            base = f"{kind} {base}"
        qualifier = qualifier_before(tokens, start, mentions, owner)
        # "China's soybean imports from Brazil": the possessor imports; the origin
        # follows the flow noun
        flow = end + 2 < len(tokens) and tokens[end].lower in _FLOW_NOUNS
        if flow and start >= 1 and tokens[start - 1].lower == "'s":
            qualifier = None
        if flow and qualifier is None and tokens[end + 1].lower == "from":
            place = place_at(mentions, owner, _past_the(tokens, end + 2))
            if place is not None and place.type is EntityType.COUNTRY:
                country = place.canonical
        elif qualifier is not None and qualifier[2] is not None:
            country, start = qualifier[2], qualifier[0]
        elif end + 1 < len(tokens) and (
            tokens[end].lower == "from"
            or tokens[end].lower in ("imported", "made", "produced", "shipped", "sourced")
            and end + 2 < len(tokens)
            and tokens[end + 1].lower == "from"
        ):
            k = end + 1 if tokens[end].lower == "from" else end + 2
            for lead in _ORIGIN_LEADS:
                if tuple(t.lower for t in tokens[k : k + len(lead)]) == lead:
                    k += len(lead)
                    break
            place = place_at(mentions, owner, _past_the(tokens, k))
            if place is not None and place.type is EntityType.COUNTRY:
                country, end = place.canonical, place.end
        name = f"{demonym(country)} {base}" if country else base
        return Mention(
            start,
            end,
            surface_text(tokens, start, end),
            EntityType.COMMODITY,
            MentionKind.COMMODITY,
            canonical=name,
            cue=0.6,
            place=country,
            named=False,
        )
    return _traded_goods(tokens, i, mentions, owner)


# Words a trade act is stated with, just before the goods it acts on ("suspend the
# import of Norway's salmon", "tariffs on Chilean grapes").
_TRADE_CUES = word_set(
    """import imports imported importing export exports exported exporting tariff tariffs
    duty duties levy levies ban bans banned banning suspend suspends suspended suspending
    halt halts halted halting embargo shipments purchases"""
)
# Plural nouns that an origin qualifies without being goods ("Chinese students").
_NOT_GOODS = word_set(
    """people citizens nationals students tourists travellers travelers visitors residents
    workers officials consumers customers users farmers fishermen growers journalists
    diplomats troops forces vessels ships flights carriers measures rules policies
    restrictions sanctions curbs controls goods items products imports exports investments
    assets entities individuals authorities businesses interests concerns ports"""
)


def _traded_goods(
    tokens: Sequence[Token], i: int, mentions: list[Mention], owner: list[int]
) -> Mention | None:
    """Goods the lexicon does not list, read from how a trade act names them: a plural
    noun qualified by its origin right after a trade word ("banned Norway's mangoes",
    "duties on Chilean grapes"): "Norwegian mangoes", "Chilean grapes"."""
    word = tokens[i].text
    if not (
        word.isalpha()
        and word.islower()
        and len(word) >= 4
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in _NOT_GOODS
        and word not in DESCRIPTOR_TYPES
        and word not in PRODUCT_NOUNS
        and word not in _NOT_COMMODITY_AFTER
        and owner[i] < 0
    ):
        return None
    if i + 1 < len(tokens) and tokens[i + 1].lower in _NOT_COMMODITY_AFTER:
        return None  # "Chilean grape growers"
    qualifier = qualifier_before(tokens, i, mentions, owner)
    if qualifier is None or qualifier[2] is None:
        return None
    start, country = qualifier[0], qualifier[2]
    before = [t.lower for t in tokens[max(0, start - 4) : start]]
    if not any(w in _TRADE_CUES for w in before):
        return None
    return Mention(
        start,
        i + 1,
        surface_text(tokens, start, i + 1),
        EntityType.COMMODITY,
        MentionKind.COMMODITY,
        canonical=f"{demonym(country)} {word}",
        cue=0.5,
        place=country,
        named=False,
    )


# Materials whose products are named by the material ("steel pipes") ...
_MATERIALS = frozenset(
    {"steel", "aluminium", "aluminum", "copper", "nickel", "zinc", "titanium", "glass",
     "cotton", "timber", "graphite", "magnesium", "tungsten", "silicon", "solar"}
)  # fmt: skip
# ... and the products: plural nouns of manufactured goods.
_MADE_OF_MATERIAL = word_set(
    """wheels pipes tubes sheets sheet foil wire wires bars rods plates coils cables fasteners
    beams strips cans containers fibre fiber yarn fabric fabrics electrodes anodes powder
    ingots billets slabs wafers frames towers extrusions profiles screws nails springs
    forgings castings"""
)

# Nouns after goods that name the same goods ("pork products", "poultry meat").
_SAME_GOODS_AFTER = frozenset({"products", "product", "meat"})

# Nouns of goods moving into a country: "soybean *imports* from Brazil".
_FLOW_NOUNS = frozenset({"imports", "import", "purchases", "shipments", "arrivals"})

# Goods named by a class that a word before it narrows ("farm *machinery*").
_GENERIC_GOODS = frozenset(
    {"equipment", "machinery", "parts", "components", "products", "goods", "vehicles",
     "cars", "trucks", "natural gas", "gas", "steel", "chips", "glass", "panels", "oil",
     "fuel", "meat", "fertiliser", "fertilizer", "chemicals"}
)  # fmt: skip
_NOT_GOODS_KINDS = frozenset(
    {"the", "a", "an", "of", "and", "or", "on", "in", "to", "for", "from", "with", "certain",
     "other", "some", "more", "all", "key", "its", "their", "our", "new", "such", "these",
     "those", "imported", "exported", "foreign", "domestic", "local", "major", "main",
     "most", "many", "various", "several", "both", "including", "like", "as", "than",
     "crude", "select", "selected", "up", "about", "made", "finished"}
)  # fmt: skip


def _goods_modifier(tokens: Sequence[Token], i: int, base: str, owner: list[int]) -> str | None:
    """The lowercase word that says what kind of generic goods follow ("farm" in "farm
    machinery"), when there is one."""
    if base not in _GENERIC_GOODS or i == 0:
        return None
    word = tokens[i - 1]
    if (
        owner[i - 1] >= 0
        or not word.text.isalpha()
        or not word.text.islower()
        or word.lower in _NOT_GOODS_KINDS
        or (word.lower,) in _COMMODITY_PHRASES
        or word.lower.endswith("ly")
        or (word.lower.endswith("ing") and not _industry_gerund(word.lower))
    ):
        return None
    return word.lower


# Gerunds that name an industry, and so a kind of goods ("drilling equipment"); other
# "-ing" words before goods describe the sentence ("rising steel prices").
_INDUSTRY_GERUNDS = word_set(
    """mining drilling farming printing packaging processing manufacturing testing welding
    recycling fishing building heating cooling charging lighting computing networking
    telecommunications clothing bedding roofing machining refining smelting spinning weaving
    dyeing milling baking brewing logging"""
)


def _industry_gerund(word: str) -> bool:
    """ "chipmaking", "steelmaking", "mining": an "-ing" word that names an industry."""
    return word.endswith("making") or word in _INDUSTRY_GERUNDS


# Origins with no adjective of their own: goods are named with the short form ("EU pork").
_ORIGIN_WORDS = {"European Union": "EU"}


def demonym(country: str | None) -> str:
    if country in _ORIGIN_WORDS:
        return _ORIGIN_WORDS[country]
    for adjective, name in COUNTRY_OF_DEMONYM.items():
        if name == country and adjective[:1].isupper() and len(adjective) > 3:
            return adjective
    return country or ""
