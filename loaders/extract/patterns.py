"""Facts stated by constructions rather than by one trigger word.

* places: "Hangzhou-based Kivra", "Dutch chipmaker Vantrix", "X, based in Y", "X is
  headquartered in Austin, Texas", "a module plant in Penang, Malaysia", "assets in
  Chile and Peru", "products sold in Japan";
* structure: "X, a subsidiary of Y", "Y's unit X", "its 30 percent stake in X";
* people: "Li Wenjie, an analyst at Brenn Capital", "Norvik CEO Maria Keller",
  "co-founder and chairman Zhou Hanbin", "Governor Zhou", "appointed X as chairman of Y",
  "X to replace Y as chief of Z", "X stepped down as CEO", "vice mayor of Shanghai";
* products: "Kivra's Orion X2", "X, the latest version of its Orion model", "its Orion
  chip that was launched in May", "making its Lumen models available for download";
* competition: "its rivals ... A ... B", "US rival OpenAI", "competitors including A";
* trade and regulation: "lifted its 2019 ban on X", "allow imports of X to resume",
  "operators must stop using them, the regulator said", "failed a review",
  "added X to the entity list", "received approval from Y";
* listings: "debut on the Shanghai Stock Exchange", "raised $300 million in its IPO",
  "its January IPO";
* partnerships: "A and B ... a joint venture", "signed an agreement with X".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.ontology import EntityType, FactStatus, Predicate
from loaders.extract.candidate import Candidate
from loaders.extract.coref import Cluster, Coreference
from loaders.extract.cues import DESCRIPTOR_TYPES, ROLE_LEADS, ROLE_WORDS, word_set
from loaders.extract.document import ParsedSentence
from loaders.extract.gazetteer import CAPITAL_OF, COUNTRY_OF_DEMONYM, EXCHANGE_OF_CITY
from loaders.extract.grammar import (
    Arg,
    coordinated_after,
    is_modifier,
    np_ending_at,
    object_after,
    prep_object,
    subject_before,
)
from loaders.extract.mention import Mention, MentionKind

__all__ = ["StoryState", "construction_facts"]

_ORG = frozenset({EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY})
_PLACE = frozenset({EntityType.COUNTRY, EntityType.REGION})
_STATE = frozenset({EntityType.COUNTRY, EntityType.GOVERNMENT_BODY})
_COMPANY_DESCRIPTORS = frozenset(k for k, v in DESCRIPTOR_TYPES.items() if v is EntityType.COMPANY)
_OPERATION_NOUNS = word_set(
    """assets operations projects mines plants factories stores outlets businesses presence
    subsidiaries offices facilities units branches mills refineries smelters fields sites"""
)
_SINGLE_SITES = word_set("factory plant mine refinery smelter gigafactory")
_REVENUE_NOUNS = word_set("revenue revenues income sales profit earnings")
_MULTI_ROLES: dict[tuple[str, ...], str] = {
    ("chief", "executive", "officer"): "chief executive officer",
    ("chief", "executive"): "chief executive",
    ("chief", "financial", "officer"): "chief financial officer",
    ("chief", "operating", "officer"): "chief operating officer",
    ("chief", "technology", "officer"): "chief technology officer",
    ("managing", "director"): "managing director",
    ("general", "manager"): "general manager",
    ("party", "secretary"): "party secretary",
    ("vice", "president"): "vice president",
    ("vice", "chairman"): "vice chairman",
    ("vice", "mayor"): "vice mayor",
    ("vice", "premier"): "vice premier",
    ("prime", "minister"): "prime minister",
    ("chief", "economist"): "chief economist",
    ("board", "member"): "board member",
    ("top", "job"): "top job",
}
_LEADER_ROLES = ROLE_LEADS | frozenset(
    """chief executive officer|chief executive|managing director|general manager|party
    secretary|prime minister|top job|chief|ceo""".replace("\n", " ").split("|")
)
_DEPUTY = word_set("vice deputy executive-vice assistant associate")
_POLITICAL = word_set("""premier president minister prime-minister chancellor vice-premier prime""")
_REGIONAL_ROLES = word_set("mayor governor party-secretary vice-mayor vice-governor")
_APPOINT = word_set(
    """appoint appoints appointed appointing name names named naming promote promoted promotes
    elect elected elects tap taps tapped"""
)
_SUCCEED = word_set("replace replaces replaced replacing succeed succeeds succeeded succeeding")
_DEPART = word_set(
    "resigned resigns resign quit quits retired retires stepped steps step left leaves ousted "
    "removed departed"
)
_RIVAL_NOUNS = word_set("rival rivals competitor competitors peer peers challenger")


@dataclass(slots=True)
class StoryState:
    """What one sentence leaves for the next: the deal target, the replaced person, the
    listing venue, the company in focus."""

    deal_target: int = -1
    deal_seller: int = -1
    replaced: int = -1
    replacer: int = -1
    exchange: int = -1
    focus_company: int = -1
    focus_sentence: int = -1
    home_country: str | None = None
    facts: list[Candidate] = field(default_factory=list)


def _is_place_at(ps: ParsedSentence, k: int) -> bool:
    at = ps.mention_at(k)
    return at is not None and at.is_place


def _cluster(coref: Coreference, m: Mention | None) -> Cluster | None:
    return coref.of(m) if m is not None else None


def _add(
    out: list[Candidate],
    s: Cluster | None,
    predicate: Predicate,
    o: Cluster | None,
    s_index: int,
    t: int,
    confidence: float,
    rule: str,
    **extra: object,
) -> Candidate | None:
    if s is None or o is None or s.id == o.id:
        return None
    c = Candidate(s.id, predicate, o.id, s_index, t, confidence, rule)
    for key, value in extra.items():
        setattr(c, key, value)
    out.append(c)
    return c


def construction_facts(
    ps: ParsedSentence, s_index: int, coref: Coreference, state: StoryState
) -> list[Candidate]:
    """Every construction-based fact in one sentence."""
    out: list[Candidate] = []
    _locations(ps, s_index, coref, out)
    _description_places(ps, s_index, coref, out)
    _operations(ps, s_index, coref, state, out)
    _structure(ps, s_index, coref, out)
    _owned_by(ps, s_index, coref, out)
    _take_stake(ps, s_index, coref, out)
    _relational_possessive(ps, s_index, coref, out)
    _people(ps, s_index, coref, state, out)
    _products(ps, s_index, coref, out)
    _competition(ps, s_index, coref, state, out)
    _customers(ps, s_index, coref, out)
    _signed_off(ps, s_index, coref, out)
    _green_light(ps, s_index, coref, state, out)
    _trade(ps, s_index, coref, state, out)
    _listing(ps, s_index, coref, state, out)
    _partnership(ps, s_index, coref, out)
    _funding_round(ps, s_index, coref, out)
    _deal_roles(ps, s_index, coref, state, out)
    return out


# ---------------------------------------------------------------------------
# places


def _next_org(ps: ParsedSentence, coref: Coreference, k: int, limit: int = 6) -> Mention | None:
    """The organisation a pre-nominal description leads to ("fund Brenn Capital")."""
    tokens = ps.tokens
    seen_descriptor = False
    for j in range(k, min(len(tokens), k + limit)):
        m = ps.mention_at(j)
        if m is not None:
            if m.is_place and j + 1 < len(tokens) and tokens[m.end].lower in ("-based",):
                return None
            cluster = coref.of(m)
            if (
                cluster is not None
                and cluster.type in _ORG
                and (not m.is_reference or m.kind == MentionKind.DESCRIPTION)
            ):
                return m if (seen_descriptor or j == k) else None
            if m.is_place or m.type is not None or m.kind == MentionKind.PRONOUN:
                return None
            continue
        low = tokens[j].lower
        if low in _COMPANY_DESCRIPTORS or low in ("start-up", "startup", "developer"):
            seen_descriptor = True
            continue
        if tokens[j].text in ("(", ")") or (tokens[j].text[0].isalpha() and not tokens[j].is_cap):
            if low in (
                "and",
                "or",
                "of",
                "in",
                "on",
                "at",
                "by",
                "to",
                "with",
                "for",
                "is",
                "was",
                "has",
                "said",
                "the",
                "a",
                "an",
                "its",
                "through",
                "from",
                "via",
                "into",
                "as",
                "after",
                "before",
                "over",
            ):
                return None
            continue
        if tokens[j].is_cap and ps.mention_at(j) is None and j > k:
            continue  # "electric vehicle (EV) maker": tolerate acronyms
        return None
    return None


def _locations(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for m in ps.mentions:
        cluster = coref.of(m)
        if cluster is None:
            continue
        # "Hangzhou-based Kivra", "U.S.-based Ostrava Fund"
        if (
            cluster.type in _PLACE
            and m.end < n
            and tokens[m.end].lower in ("-based", "-headquartered")
        ):
            org = _next_org(ps, coref, m.end + 1, limit=5)
            org_c = coref.of(org) if org is not None else _apposition_owner(ps, coref, m.start)
            if org_c is not None:
                _add(
                    out,
                    org_c,
                    Predicate.HEADQUARTERED_IN,
                    cluster,
                    s_index,
                    m.end,
                    0.85,
                    "x-based",
                )
            continue
        # "Chilean private-equity fund Brenn Capital", "Dutch chipmaker Vantrix"
        if m.is_place and cluster.type is EntityType.COUNTRY:
            org = _next_org(ps, coref, m.end)
            if org is not None and org.start > m.end:
                _add(
                    out,
                    coref.of(org),
                    Predicate.HEADQUARTERED_IN,
                    cluster,
                    s_index,
                    m.start,
                    _home_confidence(cluster, ps),
                    "country-descriptor",
                )
        if (
            m.is_place
            and cluster.type is EntityType.COUNTRY
            and m.end < n
            and (tokens[m.end].lower == "'s")
        ):
            org = ps.mention_at(m.end + 1)
            org_c = _cluster(coref, org)
            if (
                org is not None
                and org_c is not None
                and org_c.type in (EntityType.COMPANY, EntityType.ORGANIZATION)
                and not org.is_reference
            ):
                _add(
                    out,
                    org_c,
                    Predicate.HEADQUARTERED_IN,
                    cluster,
                    s_index,
                    m.start,
                    _home_confidence(cluster, ps) - 0.05,
                    "country-possessive",
                )
            else:
                _superlative_apposition(ps, s_index, coref, m, cluster, out)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if low in COUNTRY_OF_DEMONYM or tokens[j].text in COUNTRY_OF_DEMONYM:
            country = COUNTRY_OF_DEMONYM.get(tokens[j].text)
            if country is None or ps.mention_at(j) is not None:
                continue
            org = _next_org(ps, coref, j + 1)
            if org is None:
                org = _apposed_before(ps, coref, j)
            if org is not None:
                place = coref.find(country, EntityType.COUNTRY) or coref.add(
                    country, EntityType.COUNTRY
                )
                _add(
                    out,
                    coref.of(org),
                    Predicate.HEADQUARTERED_IN,
                    place,
                    s_index,
                    j,
                    _home_confidence(place, ps),
                    "demonym-descriptor",
                )
        elif (
            low in ("headquarters", "hq", "head-office")
            and j + 1 < n
            and tokens[j + 1].lower in ("in", "to")
        ):
            # "keep its headquarters in Louisville", "X's headquarters in Y"
            places, _ = object_after(ps, coref, j + 1, window=4)
            places = [p for p in places if p.cluster.type in _PLACE]
            k = j - 1
            owner: Cluster | None = None
            if k >= ps.begin:
                m_before = ps.mention_at(k)
                if m_before is not None and m_before.kind == MentionKind.PRONOUN:
                    owner = coref.of(m_before)
                elif tokens[k].lower == "'s":
                    owner = _cluster(coref, ps.mention_at(k - 1))
            if places and owner is not None and owner.type in _ORG:
                _add(
                    out,
                    owner,
                    Predicate.HEADQUARTERED_IN,
                    places[0].cluster,
                    s_index,
                    j,
                    0.8,
                    "headquarters-in",
                )
                _address(ps, s_index, coref, places[0].mention, out)
        elif low in ("based", "headquartered") and j + 1 < n and tokens[j + 1].lower == "in":
            named = _city_of(ps, coref, j + 2)
            places, _ = object_after(ps, coref, j + 1, window=4)
            places = [named] if named is not None else places
            places = [p for p in places if p.cluster.type in _PLACE]
            if not places:
                continue
            described = _described(ps, coref, j - 1)
            if described is not None and described.cluster.type in _ORG | {None}:
                _add(
                    out,
                    described.cluster,
                    Predicate.HEADQUARTERED_IN,
                    places[0].cluster,
                    s_index,
                    j,
                    0.85,
                    "based-in",
                )
            _address(ps, s_index, coref, places[0].mention, out)
    # assets and their places
    for m in ps.mentions:
        if m.kind != MentionKind.ASSET:
            continue
        cluster = coref.of(m)
        if cluster is None:
            continue
        k = m.end
        if (
            k + 1 < n
            and tokens[k].lower in ("in", "near", "off")
            and ps.mention_at(k + 1) is not None
        ):
            place_m = ps.mention_at(k + 1)
            place_c = _cluster(coref, place_m)
            if place_c is not None and place_c.type in _PLACE and place_m is not None:
                _add(out, cluster, Predicate.LOCATED_IN, place_c, s_index, k, 0.8, "asset-in")
                _address(ps, s_index, coref, place_m, out)
        elif (
            m.start > 0
            and tokens[m.start].text in COUNTRY_OF_DEMONYM
            and m.place
            or tokens[m.start].text in COUNTRY_OF_DEMONYM
            and m.place
        ):
            place_c = coref.find(m.place, EntityType.COUNTRY)
            _add(
                out, cluster, Predicate.LOCATED_IN, place_c, s_index, m.start, 0.7, "asset-demonym"
            )
    for j in range(ps.begin, n - 1):
        if tokens[j].lower == "located" and tokens[j + 1].lower == "in":
            places, _ = object_after(ps, coref, j + 1, window=4)
            thing = _described(ps, coref, j - 1)
            if (
                places
                and thing is not None
                and thing.cluster.type in (EntityType.ASSET, EntityType.REGION)
            ):
                _add(
                    out,
                    thing.cluster,
                    Predicate.LOCATED_IN,
                    places[0].cluster,
                    s_index,
                    j,
                    0.8,
                    "located-in",
                )
                _address(ps, s_index, coref, places[0].mention, out)
                _place_apposition(ps, s_index, coref, places[0].mention, out)
    for m in ps.mentions:
        if m.is_place and m.type is EntityType.REGION:
            _place_apposition(ps, s_index, coref, m, out)
            _place_in_province(ps, s_index, coref, m, out)


_APPOSITION_HEADS = word_set("maker group company firm brand developer producer operator chain")


def _apposed_before(ps: ParsedSentence, coref: Coreference, j: int) -> Mention | None:
    """ "Teka Group, a Spanish kitchen appliance maker,": the firm the demonym at ``j``
    describes in an apposition."""
    tokens = ps.tokens
    n = len(tokens)
    if j < ps.begin + 3 or tokens[j - 1].lower not in ("a", "an") or tokens[j - 2].text != ",":
        return None
    org = ps.mention_at(j - 3)
    cluster = _cluster(coref, org)
    if org is None or cluster is None or cluster.type is not EntityType.COMPANY:
        return None
    if org.is_reference:
        return None
    k = j + 1
    while k < n and k <= j + 4 and tokens[k].text.isalpha() and not tokens[k].is_cap:
        if tokens[k].lower in _APPOSITION_HEADS or tokens[k].lower in _COMPANY_DESCRIPTORS:
            after = tokens[k + 1].text if k + 1 < n else "."
            return org if after in (",", ".", ";") else None
        k += 1
    return None


def _city_of(ps: ParsedSentence, coref: Coreference, k: int) -> Arg | None:
    """ "the eastern city of Hangzhou" from ``k``: the place named after the place noun."""
    tokens = ps.tokens
    n = len(tokens)
    j = k
    while j < n and j < k + 4 and tokens[j].lower in _PLACE_LEAD_WORDS:
        j += 1
    if not (j + 2 < n and tokens[j].lower in _PLACE_NOUNS and tokens[j + 1].lower == "of"):
        return None
    m = ps.mention_at(j + 2)
    cluster = _cluster(coref, m)
    if m is None or cluster is None or cluster.type not in _PLACE:
        return None
    return Arg(m, cluster, "direct")


def _place_in_province(
    ps: ParsedSentence, s_index: int, coref: Coreference, m: Mention, out: list[Candidate]
) -> None:
    """ "Wuhu, in China's Anhui province": the city lies in the province, the province in
    the country."""
    tokens = ps.tokens
    n = len(tokens)
    k = m.end
    if not (k + 2 < n and tokens[k].text == "," and tokens[k + 1].lower == "in"):
        return
    k += 2
    country: Cluster | None = None
    first = ps.mention_at(k)
    if first is not None and k + 1 < n and tokens[first.end].lower == "'s":
        country = _cluster(coref, first)
        if country is None or country.type is not EntityType.COUNTRY:
            return
        k = first.end + 1
    else:
        while k < n and k < m.end + 6 and tokens[k].lower in _PLACE_LEAD_WORDS:
            k += 1
    region_m = ps.mention_at(k)
    region = _cluster(coref, region_m)
    inner = coref.of(m)
    if region_m is None or region is None or inner is None or region.type not in _PLACE:
        return
    if region.id == inner.id:
        return
    _add(out, inner, Predicate.LOCATED_IN, region, s_index, m.end, 0.8, "place-in-province")
    if country is not None and region.type is EntityType.REGION and region.id != country.id:
        _add(out, region, Predicate.LOCATED_IN, country, s_index, k, 0.8, "place-in-province")


_PLACE_LEAD_WORDS = word_set(
    "the eastern western northern southern central northeastern northwestern southeastern "
    "southwestern coastal inland"
)


def _place_apposition(
    ps: ParsedSentence, s_index: int, coref: Coreference, m: Mention, out: list[Candidate]
) -> None:
    """ "Szeged, a city in southern Hungary": the place lies in the other."""
    tokens = ps.tokens
    n = len(tokens)
    k = m.end
    if not (k + 3 < n and tokens[k].text == "," and tokens[k + 1].lower in ("a", "an", "the")):
        return
    j = k + 2
    while j < n and j < k + 6 and tokens[j].lower not in _PLACE_NOUNS:
        if not tokens[j].text[0].isalpha() or tokens[j].is_cap:
            return
        j += 1
    if j >= n or tokens[j].lower not in _PLACE_NOUNS or j + 1 >= n or tokens[j + 1].lower != "in":
        return
    k = j + 2
    while k < n and k < j + 5 and not tokens[k].is_cap:
        k += 1
    outer = _cluster(coref, ps.mention_at(k))
    inner = coref.of(m)
    if inner is not None and outer is not None and outer.type in _PLACE:
        _add(out, inner, Predicate.LOCATED_IN, outer, s_index, j, 0.75, "place-apposition")


_PLACE_NOUNS = word_set("city town province region county district port village state prefecture")


def _apposition_owner(ps: ParsedSentence, coref: Coreference, k: int) -> Cluster | None:
    """ "Gracell, a Shanghai-based developer": the name an apposition at ``k`` describes."""
    tokens = ps.tokens
    j = k - 1
    while j > ps.begin and k - j <= 3 and tokens[j].lower in ("a", "an", "the", "one"):
        j -= 1
    if j > ps.begin and tokens[j].text == ",":
        m = ps.mention_at(j - 1)
        if m is not None and not m.is_reference:
            cluster = coref.of(m)
            if cluster is not None and cluster.type in _ORG:
                return cluster
    return None


def _description_places(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    """ "the British drugmaker said": a demonym in a description locates what it names."""
    tokens = ps.tokens
    for m in ps.mentions:
        if m.kind != MentionKind.DESCRIPTION or m.type is not EntityType.COMPANY:
            continue
        described = coref.of(m)
        if described is None or described.type is not EntityType.COMPANY:
            continue
        for k in range(max(ps.begin, m.start - 3), m.end):
            country = COUNTRY_OF_DEMONYM.get(tokens[k].text)
            here = ps.mention_at(k)
            if here is not None and here is not m:
                country = None
                if (
                    here.type is EntityType.COUNTRY
                    and here.end == m.start
                    and k > ps.begin
                    and tokens[here.start - 1].lower == "the"  # "the U.S. chipmaker"
                ):
                    c = coref.of(here)
                    country = c.canonical if c is not None else None
            if country is None:
                continue
            place = coref.find(country, EntityType.COUNTRY) or coref.add(
                country, EntityType.COUNTRY
            )
            _add(
                out,
                described,
                Predicate.HEADQUARTERED_IN,
                place,
                s_index,
                k,
                _home_confidence(place, ps),
                "description-demonym",
            )
            break


def _home_confidence(country: Cluster, ps: ParsedSentence) -> float:
    # A firm described as Chinese in a story about China is usually not annotated as
    # headquartered there; a foreign one usually is. Keep both, trust the second more.
    base = 0.7 if ps.sentence.headline else 0.6
    return base - (0.1 if country.canonical == "China" and not ps.sentence.headline else 0.0)


def _superlative_apposition(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    m: Mention,
    country: Cluster,
    out: list[Candidate],
) -> None:
    """ "Japan's biggest noodle chain, Tallis Foods" and "X, Japan's biggest Y,"."""
    tokens = ps.tokens
    n = len(tokens)
    k = m.end + 1
    end = min(n, k + 10)
    j = k
    descriptor = False
    while j < end and tokens[j].text != ",":
        if tokens[j].lower in _COMPANY_DESCRIPTORS or tokens[j].lower.endswith(("er", "or")):
            descriptor = True
        if ps.mention_at(j) is not None or tokens[j].is_cap:
            return
        j += 1
    if not descriptor or j >= end:
        return
    after = ps.mention_at(j + 1)
    after_c = _cluster(coref, after)
    if after is not None and after_c is not None and after_c.type is EntityType.COMPANY:
        _add(
            out,
            after_c,
            Predicate.HEADQUARTERED_IN,
            country,
            s_index,
            m.start,
            _home_confidence(country, ps) - 0.05,
            "country-superlative",
        )
        return
    if m.start >= 2 and tokens[m.start - 1].text == ",":
        before = ps.mention_at(m.start - 2)
        before_c = _cluster(coref, before)
        if before_c is not None and before_c.type is EntityType.COMPANY:
            _add(
                out,
                before_c,
                Predicate.HEADQUARTERED_IN,
                country,
                s_index,
                m.start,
                _home_confidence(country, ps) - 0.1,
                "country-superlative",
            )


def _address(
    ps: ParsedSentence, s_index: int, coref: Coreference, first: Mention, out: list[Candidate]
) -> None:
    """ "in Austin, Texas" and "in Penang, Malaysia": the first place lies in the second."""
    tokens = ps.tokens
    k = first.end
    if k + 1 < len(tokens) and tokens[k].text == ",":
        second = ps.mention_at(k + 1)
        a, b = _cluster(coref, first), _cluster(coref, second)
        if a is not None and b is not None and a.type is EntityType.REGION and b.type in _PLACE:
            _add(out, a, Predicate.LOCATED_IN, b, s_index, k, 0.8, "address")


def _described(ps: ParsedSentence, coref: Coreference, k: int) -> Arg | None:
    """The entity a participle phrase describes: "X, based in", "X is based in", "a company
    based in" (in apposition or after a copula)."""
    tokens = ps.tokens
    steps = 0
    while k >= ps.begin and steps < 8:
        steps += 1
        if tokens[k].text == ",":
            # "Volvo Cars, which is majority-owned by Geely, is based in": skip the clause
            j = k - 1
            while j > ps.begin and k - j <= 14 and tokens[j].text != ",":
                j -= 1
            if (
                j > ps.begin
                and j + 1 < k
                and tokens[j + 1].lower in ("which", "who", "a", "an", "the", "one")
            ):
                k = j - 1  # past a relative clause or an apposition between commas
                continue
        m = ps.mention_at(k)
        if m is not None and not m.is_reference:
            cluster = coref.of(m)
            return Arg(m, cluster, "direct") if cluster else None
        low = tokens[k].lower
        if low in ("which", "that", "who") and k - 1 >= ps.begin:
            k -= 1
            continue
        if (
            low
            in (
                "is",
                "was",
                "are",
                "were",
                "be",
                "been",
                "being",
                ",",
                "also",
                "now",
                "a",
                "an",
                "the",
                "one",
            )
            or low in DESCRIPTOR_TYPES
            or (
                tokens[k].text[0].isalpha()
                and not tokens[k].is_cap
                and low not in ("of", "in", "by", "from", "to", "with", "and", "that", "which")
            )
        ):
            k -= 1
            continue
        if m is not None and m.is_reference:
            cluster = coref.of(m)
            return Arg(m, cluster, "reference") if cluster else None
        return None
    return None


def _predicate_subject(ps: ParsedSentence, coref: Coreference, j: int) -> Arg | None:
    """ "X will keep ..., and will become a subsidiary of Y": the noun at ``j`` follows a
    copula whose subject is the sentence's subject."""
    tokens = ps.tokens
    k = j - 1
    while (
        k >= ps.begin
        and j - k <= 5
        and tokens[k].lower
        in (
            "a",
            "an",
            "the",
            "wholly",
            "owned",
            "fully",
            "unit",
            "largest",
            "biggest",
            "major",
            "second-largest",
            "main",
            "top",
            "single",
            "controlling",
        )
    ):
        k -= 1
    if k < ps.begin or tokens[k].lower not in (
        "become",
        "becomes",
        "became",
        "remain",
        "remains",
        "is",
        "was",
        "be",
        "as",
    ):
        return None
    if ps.subject < 0:
        return None
    m = ps.mentions[ps.subject]
    cluster = coref.of(m)
    if cluster is None or m.start >= j:
        return None
    return Arg(m, cluster, "predicate")


def _operations(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 1):
        low = tokens[j].lower
        if low in _OPERATION_NOUNS and tokens[j + 1].lower in ("in", "across"):
            places, _ = object_after(ps, coref, j + 1, window=5)
            owner = _owner_of_noun(ps, coref, j, state)
            for place in places:
                if place.cluster.type in _PLACE and owner is not None:
                    _add(
                        out,
                        owner,
                        Predicate.OPERATES_IN,
                        place.cluster,
                        s_index,
                        j,
                        0.7,
                        "operations-in",
                    )
        elif (
            low in _SINGLE_SITES
            and tokens[j + 1].lower == "in"
            and j > 0
            and tokens[j - 1].lower in ("its", "their")
        ):
            # "fund its factory in Hungary": the owner operates in that country
            places, _ = object_after(ps, coref, j + 1, window=3)
            owner = _owner_of_noun(ps, coref, j, state, possessive_only=True)
            for place in places[:1]:
                if place.cluster.type is EntityType.COUNTRY and owner is not None:
                    _add(
                        out,
                        owner,
                        Predicate.OPERATES_IN,
                        place.cluster,
                        s_index,
                        j,
                        0.65,
                        "site-in",
                    )
        elif low in ("operates", "operate", "operating") and tokens[j + 1].lower in ("in",):
            places, _ = object_after(ps, coref, j + 1, window=5)
            subjects, _ = subject_before(ps, coref, j)
            if not subjects and j > 0 and tokens[j - 1].lower == "and" and ps.subject >= 0:
                subject_m = ps.mentions[ps.subject]
                subject_c = coref.of(subject_m)
                if subject_c is not None and subject_m.start < j:
                    subjects = [Arg(subject_m, subject_c, "coordinated-verb")]
            for s in subjects:
                for place in places:
                    if place.cluster.type in _PLACE and s.cluster.type is EntityType.COMPANY:
                        _add(
                            out,
                            s.cluster,
                            Predicate.OPERATES_IN,
                            place.cluster,
                            s_index,
                            j,
                            0.7,
                            "operates-in",
                        )
        elif low in ("sells", "sell", "selling") and j + 2 < n:
            # "sells cars in Norway and Germany": only named places, never "in 50 countries"
            k = j + 1
            while k < n and k <= j + 3 and tokens[k].lower != "in":
                k += 1
            if (
                k >= n
                or tokens[k].lower != "in"
                or not all(
                    tokens[i].text.isalpha() and not tokens[i].is_cap for i in range(j + 1, k)
                )
            ):
                continue
            places, _ = object_after(ps, coref, k, window=3)
            subjects, _ = subject_before(ps, coref, j)
            seller = subjects[0].cluster if subjects else None
            if seller is None and j > 0 and tokens[j - 1].lower == "and" and ps.subject >= 0:
                seller = coref.of(ps.mentions[ps.subject])
            for place in places:
                if (
                    place.cluster.type in _PLACE
                    and seller is not None
                    and seller.type is EntityType.COMPANY
                ):
                    _add(
                        out,
                        seller,
                        Predicate.OPERATES_IN,
                        place.cluster,
                        s_index,
                        j,
                        0.65,
                        "sells-in",
                    )
        elif (
            low == "sold"
            and tokens[j + 1].lower == "in"
            and j > 0
            and tokens[j - 1].lower in ("products", "goods", "cars", "vehicles", "phones", "chips")
        ):
            places, _ = object_after(ps, coref, j + 1, window=4)
            owner = _owner_of_noun(ps, coref, j - 1, state)
            for place in places:
                if place.cluster.type in _PLACE and owner is not None:
                    _add(
                        out,
                        owner,
                        Predicate.OPERATES_IN,
                        place.cluster,
                        s_index,
                        j,
                        0.65,
                        "sold-in",
                    )
        elif low in _REVENUE_NOUNS and tokens[j + 1].lower in ("from", "in"):
            places, _ = object_after(ps, coref, j + 1, window=4)
            owner = _owner_of_noun(ps, coref, j, state, possessive_only=True)
            for place in places[:1]:
                if place.cluster.type in _PLACE and owner is not None:
                    _add(
                        out,
                        owner,
                        Predicate.OPERATES_IN,
                        place.cluster,
                        s_index,
                        j,
                        0.65,
                        "revenue-from",
                    )


def _owner_of_noun(
    ps: ParsedSentence,
    coref: Coreference,
    j: int,
    state: StoryState,
    *,
    possessive_only: bool = False,
) -> Cluster | None:
    """Whose assets, products or revenue: "its", "X's", or the sentence's company."""
    tokens = ps.tokens
    k = j - 1
    while k >= ps.begin and j - k <= 4:
        m = ps.mention_at(k)
        if m is not None:
            cluster = coref.of(m)
            if (
                cluster is not None
                and cluster.type is EntityType.COMPANY
                and (
                    m.kind == MentionKind.PRONOUN
                    or (m.end < len(tokens) and tokens[m.end].lower == "'s")
                    or m.end == j
                )
            ):
                return cluster
            if possessive_only or m.kind == MentionKind.PRONOUN:
                return None
            break  # "Rio Tinto has operations in ...": the subject, read below
        if tokens[k].lower in (",", "and", "of", "in", "to", "with", "by", "from"):
            break
        k -= 1
    if possessive_only:
        return None
    if ps.subject >= 0:
        cluster = coref.of(ps.mentions[ps.subject])
        if cluster is not None and cluster.type is EntityType.COMPANY:
            return cluster
    if state.focus_company >= 0 and ps.sentence.index - state.focus_sentence <= 2:
        return coref.root(coref.clusters[state.focus_company])
    return None


# ---------------------------------------------------------------------------
# structure


def _structure(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 1):
        low = tokens[j].lower
        if (
            low in ("subsidiary", "unit", "arm", "affiliate", "division")
            and tokens[j + 1].lower == "of"
        ):
            parents, _ = object_after(ps, coref, j + 1, window=4)
            child = _described(ps, coref, j - 1) or _predicate_subject(ps, coref, j)
            if child is None or not parents:
                continue
            if child.cluster.type is None and child.cluster.named:
                child.cluster.type = EntityType.COMPANY  # "X is a unit of Y": X is a firm
            if child.cluster.type is EntityType.COMPANY and parents[0].cluster.type in (
                EntityType.COMPANY,
                None,
            ):
                _add(
                    out,
                    child.cluster,
                    Predicate.SUBSIDIARY_OF,
                    parents[0].cluster,
                    s_index,
                    j,
                    0.8,
                    "subsidiary-of",
                )
        elif (
            low in ("subsidiary", "unit", "arm", "affiliate")
            and j >= 1
            and _possessor_before(ps, j) is not None
        ):
            # "Y's unit X", "through its unit Turquoise Hill", "the developer's onshore unit X"
            parent_m = _possessor_before(ps, j)
            parent_c = _cluster(coref, parent_m)
            child_c = _cluster(coref, ps.mention_at(j + 1))
            if child_c is None and j + 2 < len(tokens) and tokens[j + 1].text == ",":
                child_c = _cluster(coref, ps.mention_at(j + 2))  # "its Indian unit, X"
            if child_c is None and parent_m is not None:
                child_c = _apposed_to(ps, coref, parent_m.start)
            if (
                parent_c is not None
                and child_c is not None
                and parent_c.type is EntityType.COMPANY
                and child_c.type is EntityType.COMPANY
            ):
                _add(
                    out,
                    child_c,
                    Predicate.SUBSIDIARY_OF,
                    parent_c,
                    s_index,
                    j,
                    0.75,
                    "possessive-unit",
                )
        elif low in ("unit", "subsidiary") and j >= 2:
            # "its Audi brand", "Geely's Zeekr unit": the name is the owned firm
            named = ps.mention_at(j - 1)
            if named is not None and named.kind != MentionKind.PRONOUN and named.start >= 1:
                before = named.start - 1
                owner_m = ps.mention_at(before - 1) if tokens[before].lower == "'s" else None
                if owner_m is None:
                    owner_m = ps.mention_at(before)
                    if owner_m is not None and not (
                        owner_m.kind == MentionKind.PRONOUN and owner_m.head == "its"
                    ):
                        owner_m = None
                parent_c = _cluster(coref, owner_m)
                child_c = _cluster(coref, named)
                if (
                    parent_c is not None
                    and child_c is not None
                    and parent_c.id != child_c.id
                    and parent_c.type is EntityType.COMPANY
                    and child_c.type in (EntityType.COMPANY, None)
                ):
                    child_c.type = EntityType.COMPANY
                    _add(
                        out, child_c, Predicate.SUBSIDIARY_OF, parent_c, s_index, j, 0.7, "its-unit"
                    )
        elif low in ("stake", "holding", "interest") and tokens[j + 1].lower == "in":
            _stake(ps, s_index, coref, j, out)
        elif low in ("shareholder", "shareholders", "owner", "investor") and tokens[
            j + 1
        ].lower in ("of", "in"):
            # "X is the largest shareholder of Y"
            targets, _ = object_after(ps, coref, j + 1, window=4)
            owner_arg = _described(ps, coref, j - 1) or _predicate_subject(ps, coref, j)
            for target in targets[:1]:
                if (
                    owner_arg is not None
                    and owner_arg.cluster.type
                    in (
                        EntityType.COMPANY,
                        EntityType.PERSON,
                        EntityType.GOVERNMENT_BODY,
                        EntityType.COUNTRY,
                        EntityType.INVESTOR_GROUP,
                    )
                    and target.cluster.type in (EntityType.COMPANY, EntityType.ASSET)
                ):
                    _add(
                        out,
                        owner_arg.cluster,
                        Predicate.OWNS,
                        target.cluster,
                        s_index,
                        j,
                        0.7,
                        "shareholder-of",
                    )
        elif low in ("parent", "owner") and tokens[j + 1].lower == "of":
            targets, _ = object_after(ps, coref, j + 1, window=4)
            owner = _described(ps, coref, j - 1)
            for target in targets:
                if owner is not None and target.cluster.type in (
                    EntityType.COMPANY,
                    EntityType.ASSET,
                ):
                    _add(
                        out,
                        owner.cluster,
                        Predicate.OWNS,
                        target.cluster,
                        s_index,
                        j,
                        0.75,
                        "owner-of",
                    )


def _owned_by(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    """ "majority-owned by Geely", "state-backed by X", "Geely-owned Volvo"."""
    tokens = ps.tokens
    n = len(tokens)
    kinds = {
        "-owned": Predicate.OWNS,
        "-controlled": Predicate.CONTROLS,
        "-backed": Predicate.INVESTS_IN,
    }
    for j in range(ps.begin + 1, n):
        predicate = kinds.get(tokens[j].lower)
        if predicate is None:
            continue
        before = ps.mention_at(j - 1)
        if before is not None and not before.is_place:
            owner = coref.of(before)
            owned = _next_org(ps, coref, j + 1, limit=4)
            owned_c = coref.of(owned) if owned is not None else None
            if (
                owner is not None
                and owned_c is not None
                and owner.type
                in (EntityType.COMPANY, EntityType.PERSON, EntityType.GOVERNMENT_BODY)
            ):
                _add(out, owner, predicate, owned_c, s_index, j, 0.75, "x-owned")
        elif j + 1 < n and tokens[j + 1].lower == "by":
            agents, _ = object_after(ps, coref, j + 1, window=5)
            owned_arg = _described(ps, coref, j - 2)
            for agent in agents:
                if (
                    owned_arg is not None
                    and agent.cluster.type
                    in (
                        EntityType.COMPANY,
                        EntityType.PERSON,
                        EntityType.GOVERNMENT_BODY,
                        EntityType.COUNTRY,
                        None,
                    )
                    and owned_arg.cluster.type in (EntityType.COMPANY, EntityType.ASSET)
                ):
                    _add(
                        out,
                        agent.cluster,
                        predicate,
                        owned_arg.cluster,
                        s_index,
                        j,
                        0.75,
                        "owned-by",
                    )


def _apposed_to(ps: ParsedSentence, coref: Coreference, k: int) -> Cluster | None:
    """The name an apposition starting at ``k`` describes: "Zeekr, its premium unit,"."""
    j = k - 1
    while j > ps.begin and ps.tokens[j].lower in ("the", "a", "an"):
        j -= 1
    if j <= ps.begin or ps.tokens[j].text != ",":
        return None
    m = ps.mention_at(j - 1)
    if m is None or m.is_reference:
        return None
    return _cluster(coref, m)


def _possessor_before(ps: ParsedSentence, j: int) -> Mention | None:
    """The owner of the noun at ``j``: "X's (onshore) unit", "its (main) unit"."""
    tokens = ps.tokens
    k = j - 1
    while (
        k > ps.begin
        and j - k <= 3
        and tokens[k].text[0].isalpha()
        and (not tokens[k].is_cap or tokens[k].text in COUNTRY_OF_DEMONYM)
        and (ps.mention_at(k) is None or tokens[k].text in COUNTRY_OF_DEMONYM)
        and tokens[k].lower not in ("the", "a", "an")
    ):
        k -= 1  # "its Indian unit": a demonym is a modifier too
    if k >= ps.begin and tokens[k].lower == "'s":
        return ps.mention_at(k - 1)
    m = ps.mention_at(k)
    if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("its", "their"):
        return m
    return None


def _relational_possessive(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    """ "PwC resigned as Evergrande's auditor", "X became Apple's supplier": the owner of
    the role noun and the entity that holds the role."""
    tokens = ps.tokens
    roles = {
        "auditor": (Predicate.AUDITS, False),
        "supplier": (Predicate.SUPPLIES, False),
        "customer": (Predicate.SUPPLIES, True),
        "partner": (Predicate.PARTNERS_WITH, False),
        "rival": (Predicate.COMPETES_WITH, False),
        "shareholder": (Predicate.OWNS, False),
        "owner": (Predicate.OWNS, False),
        "investor": (Predicate.INVESTS_IN, False),
    }
    for j in range(ps.begin + 2, len(tokens)):
        found = roles.get(tokens[j].lower)
        if found is None:
            continue
        pos = j - 1
        while pos > ps.begin and j - pos <= 2 and tokens[pos].lower in _RANK_WORDS:
            pos -= 1  # "HSBC's biggest shareholder"
        if tokens[pos].lower != "'s":
            continue
        owner = _cluster(coref, ps.mention_at(pos - 1))
        if owner is None or owner.type is not EntityType.COMPANY:
            continue
        k = pos - 1
        owner_m = ps.mention_at(k)
        start = owner_m.start if owner_m is not None else k
        holder: Cluster | None = None
        if start - 1 >= ps.begin and tokens[start - 1].lower == "as":
            verb = start - 2
            subjects, _ = subject_before(ps, coref, verb)
            holder = subjects[0].cluster if subjects else None
        else:
            arg = _described(ps, coref, start - 1)
            holder = arg.cluster if arg is not None else None
        if holder is None or holder.type not in (EntityType.COMPANY, None):
            continue
        predicate, reverse = found
        first, second = (owner, holder) if reverse else (holder, owner)
        _add(out, first, predicate, second, s_index, j, 0.65, "relational-possessive")


_RANK_WORDS = word_set(
    """biggest largest main key major top second-largest single long-time longtime new
    former sole"""
)


def _take_stake(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    """ "agreed to take a 25% stake in X", "took a controlling stake in X" -> ACQUIRES."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 2):
        if tokens[j].lower not in ("take", "takes", "took", "taken", "taking"):
            continue
        k = j + 1
        while k < n and k - j <= 7 and tokens[k].lower not in ("stake", "stakes", "holding"):
            k += 1
        if k >= n - 1 or k - j > 7 or tokens[k + 1].lower != "in":
            continue
        targets, hints = object_after(ps, coref, k + 1, window=6)
        subjects, passed = subject_before(ps, coref, j)
        for s in subjects:
            for target in targets[:1]:
                if s.cluster.type in (
                    EntityType.COMPANY,
                    EntityType.GOVERNMENT_BODY,
                    EntityType.INVESTOR_GROUP,
                    EntityType.PERSON,
                    None,
                ) and (target.cluster.type in (EntityType.COMPANY, EntityType.ASSET, None)):
                    _add(
                        out,
                        s.cluster,
                        Predicate.ACQUIRES,
                        target.cluster,
                        s_index,
                        j,
                        0.75,
                        "take-stake",
                        wants_amount=True,
                        hints=passed + hints,
                    )


def _stake(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "its 30 percent stake in the noodle chain", "Norvik's controlling stake in X"."""
    tokens = ps.tokens
    targets, _ = object_after(ps, coref, j + 1, window=5)
    if not targets or targets[0].cluster.type not in (EntityType.COMPANY, EntityType.ASSET):
        return
    k = j - 1
    pct: float | None = None
    steps = 0
    while k >= ps.begin and steps < 6:
        steps += 1
        span = ps.percent_at(k)
        if span is not None and span.percent is not None:
            pct = span.percent.value
            k = span.start - 1
            continue
        m = ps.mention_at(k)
        if m is not None:
            owner = coref.of(m)
            possessive = m.kind == MentionKind.PRONOUN and m.head in ("its", "their", "his", "her")
            if not possessive and m.end < len(tokens) and tokens[m.end].lower == "'s":
                possessive = True
            if (
                owner is not None
                and possessive
                and owner.type
                in (
                    EntityType.COMPANY,
                    EntityType.PERSON,
                    EntityType.GOVERNMENT_BODY,
                    EntityType.COUNTRY,
                )
            ):
                _add(
                    out,
                    owner,
                    Predicate.OWNS,
                    targets[0].cluster,
                    s_index,
                    j,
                    0.75,
                    "stake-possessive",
                    stake_pct=pct if pct is not None and pct <= 100 else None,
                )
            return
        if tokens[k].lower in (
            "'s",
            "controlling",
            "majority",
            "minority",
            "remaining",
            "percent",
            "per",
            "cent",
            "%",
            "a",
            "the",
            "direct",
            "indirect",
            "combined",
            "total",
        ):
            k -= 1
            continue
        return


# ---------------------------------------------------------------------------
# people


def _role_at(ps: ParsedSentence, k: int) -> tuple[str, int] | None:
    """The role phrase starting at token ``k`` ("chief executive officer", "CEO")."""
    tokens = ps.tokens
    for size in (3, 2):
        words = tuple(t.lower for t in tokens[k : k + size])
        if words in _MULTI_ROLES:
            return _MULTI_ROLES[words], k + size
    low = tokens[k].lower if k < len(tokens) else ""
    if low.replace(" ", "-") in ROLE_WORDS:
        return low, k + 1
    return None


def _role_phrase(ps: ParsedSentence, k: int, limit: int = 7) -> tuple[str, int] | None:
    """A role after optional modifiers: "the third chairman and chief executive",
    "chief China economist", "an analyst"."""
    tokens = ps.tokens
    roles: list[str] = []
    end = -1
    loose = 0
    j = k
    while j < len(tokens) and j < k + limit:
        found = _role_at(ps, j)
        if found is not None:
            roles.append(found[0])
            end = found[1]
            j = found[1]
            if j < len(tokens) and tokens[j].lower in ("and", "&") and _role_at(ps, j + 1):
                j += 1
                continue
            # "executive vice mayor", "chief China economist": a role word may modify
            # the next one
            peek = j
            place = ps.mention_at(peek) if peek < len(tokens) else None
            if place is not None and place.is_place:
                peek = place.end
            nxt = _role_at(ps, peek) if peek < len(tokens) else None
            if nxt is not None:
                j = peek
                continue
            break
        low = tokens[j].lower
        if (
            low
            in (
                "a",
                "an",
                "the",
                "its",
                "his",
                "her",
                "senior",
                "chief",
                "former",
                "new",
                "acting",
                "interim",
                "then",
                "current",
                "incoming",
                "outgoing",
                "founding",
                "executive",
                "deputy",
                "vice",
                "lead",
                "principal",
                "global",
                "head",
            )
            or (low.endswith(("th", "st", "nd", "rd")) and low[:1].isdigit())
            or _is_place_at(ps, j)
        ):
            at = ps.mention_at(j)
            j = at.end if at is not None else j + 1
            continue
        if loose < 2 and (
            (low.isalpha() and not tokens[j].is_cap and low not in _NOT_ROLE_MODIFIERS)
            or _company_at(ps, j)
        ):
            # "a securities strategist", "a former Volkswagen executive"
            loose += 1
            at = ps.mention_at(j)
            j = at.end if at is not None else j + 1
            continue
        break
    if not roles:
        return None
    prefix = " ".join(t.lower for t in tokens[k:end] if t.lower not in ("a", "an", "the"))
    return prefix if prefix else " ".join(roles), end


_NOT_ROLE_MODIFIERS = word_set(
    """and or of at with for in on by to from who which that whose is was are were has had have
    will would said says told"""
)


def _company_at(ps: ParsedSentence, j: int) -> bool:
    m = ps.mention_at(j)
    return (
        m is not None
        and m.start == j
        and m.type is EntityType.COMPANY
        and m.kind
        in (
            MentionKind.NAME,
            MentionKind.REGISTRY,
        )
    )


def _company_inside(ps: ParsedSentence, coref: Coreference, start: int, end: int) -> Cluster | None:
    """A firm named inside a role phrase: "a former Volkswagen executive"."""
    for m in ps.mentions:
        if start <= m.start and m.end <= end and m.type is EntityType.COMPANY:
            return coref.of(m)
    return None


def _role_kind(role: str) -> Predicate:
    words = role.replace("-", " ").split()
    if any(w in _DEPUTY for w in words):
        return Predicate.WORKS_FOR
    if any(w in ("founder", "co-founder", "cofounder") for w in words):
        return Predicate.LEADS
    last = words[-1] if words else ""
    joined = " ".join(words)
    if (
        last in ROLE_LEADS
        or joined in _LEADER_ROLES
        or any(
            w
            in (
                "ceo",
                "chairman",
                "chairwoman",
                "president",
                "premier",
                "governor",
                "mayor",
                "chief",
                "head",
                "boss",
            )
            for w in words
        )
        and not any(
            w in ("economist", "analyst", "strategist", "officer", "financial")
            for w in words[:-1] + [last]
            if w != "chief"
        )
        or joined in ("chief executive", "chief executive officer", "party secretary")
    ):
        return Predicate.LEADS
    return Predicate.WORKS_FOR


def _org_after_role(
    ps: ParsedSentence, coref: Coreference, k: int, state: StoryState
) -> Cluster | None:
    """ "... of the regulator", "at Brenn Capital", "with Ostrava Research",
    "of its securities regulator", "of Shanghai" (a city's government)."""
    tokens = ps.tokens
    if k >= len(tokens) or tokens[k].lower not in ("of", "at", "with", "for", "in", "from"):
        return None
    objs, _ = object_after(ps, coref, k, window=5)
    if not objs:
        m = ps.mention_at(k + 1) or ps.mention_at(k + 2)
        if m is not None and m.kind == MentionKind.GOVERNMENT:
            c = coref.of(m)
            return c
        return None
    org = objs[0].cluster
    if org.type in _ORG | {EntityType.COUNTRY}:
        return org
    if org.type is EntityType.REGION:
        return _regional_government(coref, org)
    return None


def _regional_government(coref: Coreference, region: Cluster) -> Cluster:
    name = f"{region.canonical} government"
    return coref.find(name, EntityType.GOVERNMENT_BODY) or coref.add(
        name, EntityType.GOVERNMENT_BODY
    )


def _person_before(ps: ParsedSentence, coref: Coreference, k: int) -> Cluster | None:
    m = ps.mention_at(k)
    c = _cluster(coref, m)
    if c is not None and c.type is EntityType.PERSON:
        return c
    return None


def _people(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for m in ps.mentions:
        person = coref.of(m)
        if (
            person is None
            or person.type is not EntityType.PERSON
            or m.is_reference
            and (m.kind != MentionKind.PRONOUN)
        ):
            continue
        # "Li Wenjie, an analyst at X", "Zhou, 61, chaired ...", "X, chief executive of Y"
        k = m.end
        if k < n and tokens[k].text == ",":
            j = k + 1
            if j + 1 < n and tokens[j].text.isdigit() and tokens[j + 1].text == ",":
                j += 2
            role = _role_phrase(ps, j)
            if role is not None and _org_after_role(ps, coref, role[1], state) is None:
                inside = _company_inside(ps, coref, j, role[1])
                if inside is not None:
                    _role_fact(out, person, role[0], inside, s_index, j, 0.7, "person-org-role")
                    role = None
            owner = ps.mention_at(j)
            if role is None and owner is not None and owner.end + 1 < n:
                # "Yves Guillemot, Ubisoft's chief executive, said"
                owned = _role_phrase(ps, owner.end + 1)
                org_before = _cluster(coref, owner)
                if (
                    tokens[owner.end].lower == "'s"
                    and owned is not None
                    and org_before is not None
                    and org_before.type in _ORG
                ):
                    _role_fact(out, person, owned[0], org_before, s_index, j, 0.8, "person-role")
            if role is not None:
                org = _org_after_role(ps, coref, role[1], state)
                if org is None and role[1] < n and tokens[role[1]].lower in ("'s",):
                    org = None
                if org is not None:
                    _role_fact(out, person, role[0], org, s_index, role[1], 0.8, "person-role")
                    _org_place(ps, s_index, coref, org, role[1], out)
            elif j < n and tokens[j].lower == "who":
                _copula_role(ps, s_index, coref, person, j + 1, state, out)
        # "Governor Zhou Hanbin", "CEO Maria Keller", "co-founder and chairman Zhou Hanbin"
        _title_roles(ps, s_index, coref, state, m, person, out)
        # "AstraZeneca's chief executive, Pascal Soriot, said ..."
        _role_then_name(ps, s_index, coref, m, person, out)
        # "Leon Wang, who heads its China business": a unit's head works for the firm
        _heads_unit(ps, s_index, coref, m, person, out)
        if k + 1 < n and tokens[k].text == "," and tokens[k + 1].lower == "who":
            close = next((r for r in range(k + 2, min(n, k + 14)) if tokens[r].text == ","), -1)
            if close > 0:
                k = close + 1  # "Ning, who chaired both groups, will be chairman of X"
        # "X is/was/became the chairman of Y"
        if k < n and tokens[k].lower in (
            "is",
            "was",
            "became",
            "becomes",
            "remains",
            "will",
            "has",
            "had",
        ):
            _copula_role(ps, s_index, coref, person, k, state, out)
        # "X chaired/led/heads Y" is read by the verb lexicon; "X stepped down as CEO of Y"
        _departure(ps, s_index, coref, state, m, person, out)
    _appointments(ps, s_index, coref, state, out)
    _regional_roles(ps, s_index, coref, out)


def _org_place(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    org: Cluster,
    k: int,
    out: list[Candidate],
) -> None:
    """ "an analyst at Brenn Capital in Santiago": the firm's city."""
    tokens = ps.tokens
    j = k
    while j < len(tokens) and j < k + 8:
        m = ps.mention_at(j)
        if m is not None and coref.of(m) is org:
            after = m.end
            if after + 1 < len(tokens) and tokens[after].lower == "in":
                place = _cluster(coref, ps.mention_at(after + 1))
                if place is not None and place.type in _PLACE and org.type in _ORG:
                    _add(
                        out,
                        org,
                        Predicate.HEADQUARTERED_IN,
                        place,
                        s_index,
                        after,
                        0.6,
                        "role-org-in",
                    )
            return
        j += 1


def _role_fact(
    out: list[Candidate],
    person: Cluster,
    role: str,
    org: Cluster,
    s_index: int,
    t: int,
    confidence: float,
    rule: str,
    **extra: object,
) -> None:
    words = role.replace("-", " ").split()
    if "founder" in words or "co-founder" in role or "cofounder" in words:
        if org.type in (EntityType.COMPANY, EntityType.ORGANIZATION):
            _add(out, person, Predicate.FOUNDED, org, s_index, t, confidence, rule + "-founder")
        rest = [w for w in role.split(" and ") if "founder" not in w]
        if not rest:
            return
        role = " and ".join(rest)
    predicate = _role_kind(role)
    if predicate is Predicate.LEADS and org.type is EntityType.REGION:
        return
    if org.type is EntityType.COUNTRY and predicate is Predicate.WORKS_FOR:
        return
    _add(out, person, predicate, org, s_index, t, confidence, rule, role=role, **extra)


def _copula_role(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    person: Cluster,
    k: int,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    j = k
    while j < len(tokens) and tokens[j].lower in (
        "is",
        "was",
        "became",
        "becomes",
        "remains",
        "will",
        "be",
        "has",
        "had",
        "been",
        "also",
        "now",
        "currently",
        "still",
        "become",
        "served",
        "serves",
        "as",
    ):
        j += 1
    if j == k:
        return
    role = _role_phrase(ps, j)
    if role is None:
        return
    org = _org_after_role(ps, coref, role[1], state)
    if org is not None:
        _role_fact(out, person, role[0], org, s_index, role[1], 0.75, "copula-role")


def _title_roles(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    m: Mention,
    person: Cluster,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    title = m.head if m.kind == MentionKind.NAME and m.head else None
    role: str | None = None
    org: Cluster | None = None
    first = m.start
    if title:
        first = m.start
        k0 = m.start - 1
        while k0 >= ps.begin and tokens[k0].text in title.split():
            k0 -= 1
        first = k0 + 1
    # role words before the name: "co-founder and chairman Zhou", "Norvik CEO X"
    k = first - 1
    words: list[str] = [title.lower()] if title else []
    while k >= ps.begin and first - k <= 6:
        low = tokens[k].lower
        if (
            low.replace("-", "") in ("ceo", "cfo", "coo", "cto")
            or low in ROLE_WORDS
            or (
                low
                in (
                    "and",
                    "chief",
                    "executive",
                    "former",
                    "vice",
                    "deputy",
                    "senior",
                    "party",
                    "secretary",
                    "managing",
                    "director",
                    "general",
                    "manager",
                    "co-founder",
                    "founder",
                    "president",
                    "chairman",
                )
            )
        ):
            words.insert(0, low)
            k -= 1
            continue
        break
    while words and words[0] == "and":
        words.pop(0)
    if not words:
        return
    role = " ".join(words)
    if k >= ps.begin:
        if tokens[k].lower == "'s":
            org = _cluster(coref, ps.mention_at(k - 1))
        elif tokens[k].lower == "whose":
            org = _whose_owner(ps, coref, k)
        else:
            before = ps.mention_at(k)
            org = _cluster(coref, before)
            if before is not None and (
                before.kind == MentionKind.PRONOUN
                and before.head not in ("its",)
                or before.is_place
                or is_modifier(ps, before)
                and tokens[before.end].lower.startswith("-")
            ):
                org = None
    role_words = role.replace("-", " ").split()
    if any(w in _POLITICAL for w in role_words) and org is None:
        country = _country_context(ps, coref, state, k + 1)
        if (
            country is not None
            and any(w in ("premier", "president", "prime", "chancellor") for w in role_words)
            and not any(w in ("vice", "deputy") for w in role_words)
        ):
            _add(
                out,
                person,
                Predicate.LEADS,
                country,
                s_index,
                m.start,
                0.7,
                "title-country",
                role=role,
            )
        return
    if org is None or org.type not in _ORG:
        if not any(w in ROLE_WORDS or w in ("ceo", "founder") for w in role_words):
            return
        if any(w in ("analyst", "economist", "strategist") for w in role_words):
            return
        focus = (
            _body_after(ps, coref, m)
            if any(w in ("governor", "minister", "commissioner", "director") for w in role_words)
            else _focus_company(ps, coref, state)
        )
        if focus is None:
            return
        org = focus
        confidence = 0.6
    else:
        confidence = 0.8
    former = "former" in role_words
    role_clean = " ".join(w for w in role.split() if w != "former")
    extra: dict[str, object] = {"attributes": {"former": True}} if former else {}
    _role_fact(out, person, role_clean, org, s_index, m.start, confidence, "title-role", **extra)


def _body_after(ps: ParsedSentence, coref: Coreference, m: Mention) -> Cluster | None:
    """ "Governor Pan Gongsheng said the People's Bank of China would ...": the body a
    title without "of" belongs to, named later in the sentence."""
    for other in ps.mentions:
        if other.start < m.end:
            continue
        cluster = coref.of(other)
        if cluster is not None and cluster.type is EntityType.GOVERNMENT_BODY:
            return cluster
    return None


def _whose_owner(ps: ParsedSentence, coref: Coreference, k: int) -> Cluster | None:
    """ "PDD, whose co-founder Colin Huang ...": the name before "whose"."""
    j = k - 1
    if j >= ps.begin and ps.tokens[j].text == ",":
        j -= 1
    return _cluster(coref, ps.mention_at(j))


def _role_owner_before(ps: ParsedSentence, coref: Coreference, m: Mention) -> Cluster | None:
    """The organisation a person's role belongs to when named before it: "X's chairman Y",
    "X, whose chairman Y", "its chairman Y"."""
    tokens = ps.tokens
    k = m.start - 1
    while (
        k >= ps.begin
        and m.start - k <= 5
        and (
            tokens[k].lower in ROLE_WORDS
            or tokens[k].lower in ("and", "chief", "executive", "co-founder", "founder")
        )
    ):
        k -= 1
    if k < ps.begin:
        return None
    if tokens[k].lower == "whose":
        return _whose_owner(ps, coref, k)
    if tokens[k].lower == "'s":
        return _cluster(coref, ps.mention_at(k - 1))
    before = ps.mention_at(k)
    if before is not None and before.kind == MentionKind.PRONOUN and before.head == "its":
        return coref.of(before)
    return None


def _role_then_name(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    m: Mention,
    person: Cluster,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    if m.start < 3 or tokens[m.start - 1].text != ",":
        return
    k = m.start - 2
    words: list[str] = []
    while k >= ps.begin and m.start - k <= 7:
        found = _role_at(ps, k)
        if tokens[k].lower in ROLE_WORDS or tokens[k].lower in (
            "chief",
            "executive",
            "and",
            "vice",
            "deputy",
            "senior",
        ):
            words.insert(0, tokens[k].lower)
            k -= 1
            continue
        if found is not None:
            words.insert(0, found[0])
        break
    if not words or k < ps.begin:
        return
    before = ps.mention_at(k)
    if before is not None and before.kind == MentionKind.PRONOUN and before.head == "its":
        org = coref.of(before)  # "Its chairman, Wang Chuanfu, founded ..."
    elif k >= ps.begin + 1 and tokens[k].lower == "'s":
        org = _cluster(coref, ps.mention_at(k - 1))
    else:
        return
    if org is None or org.type not in _ORG:
        return
    _role_fact(out, person, " ".join(words), org, s_index, m.start, 0.75, "role-comma-name")


def _heads_unit(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    m: Mention,
    person: Cluster,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    k = m.end
    if k + 1 < n and tokens[k].text == "," and tokens[k + 1].lower == "who":
        k += 2
    if k >= n or tokens[k].lower not in (
        "heads",
        "headed",
        "runs",
        "ran",
        "leads",
        "led",
        "oversees",
        "oversaw",
        "manages",
        "managed",
    ):
        return
    if k + 1 >= n or tokens[k + 1].lower not in ("its", "their"):
        return
    for j in range(k + 2, min(n, k + 6)):
        if tokens[j].lower in _UNIT_NOUNS:
            owner = _cluster(coref, ps.mention_at(k + 1))
            if owner is not None and owner.type in _ORG:
                _add(
                    out,
                    person,
                    Predicate.WORKS_FOR,
                    owner,
                    s_index,
                    k,
                    0.7,
                    "heads-unit",
                    role=f"head of {tokens[j].lower}",
                )
            return


_UNIT_NOUNS = frozenset(
    [
        "business",
        "businesses",
        "unit",
        "units",
        "division",
        "operations",
        "arm",
        "team",
        "department",
        "office",
    ]
)


def _focus_company(ps: ParsedSentence, coref: Coreference, state: StoryState) -> Cluster | None:
    for mention in ps.mentions:
        c = coref.of(mention)
        if (
            c is not None
            and c.type is EntityType.COMPANY
            and not is_modifier(ps, mention)
            and (mention.kind != MentionKind.PRONOUN)
        ) and (
            state.focus_company >= 0 and c.id == coref.root(coref.clusters[state.focus_company]).id
        ):
            return c
    if state.focus_company >= 0 and ps.sentence.index - state.focus_sentence <= 2:
        return coref.root(coref.clusters[state.focus_company])
    return None


def _country_context(
    ps: ParsedSentence, coref: Coreference, state: StoryState, at: int = -1
) -> Cluster | None:
    """The country a political title belongs to: named right before it ("US President"),
    else the story's main country."""
    if at > 0:
        before = ps.mention_at(at - 1)
        c = _cluster(coref, before)
        if c is not None and c.type is EntityType.COUNTRY:
            return c
        country = COUNTRY_OF_DEMONYM.get(ps.tokens[at - 1].text)
        if country:
            return coref.find(country, EntityType.COUNTRY) or coref.add(country, EntityType.COUNTRY)
    if state.home_country:
        return coref.find(state.home_country, EntityType.COUNTRY) or coref.add(
            state.home_country, EntityType.COUNTRY
        )
    return None


def _departure(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    m: Mention,
    person: Cluster,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    k = m.end
    n = len(tokens)
    j = k
    while (
        j < n
        and j < k + 3
        and tokens[j].lower
        in ("has", "had", "will", "is", "was", "abruptly", "suddenly", "formally")
    ):
        j += 1
    if j >= n or tokens[j].lower not in _DEPART:
        return
    j += 1
    if j < n and tokens[j].lower in ("down", "aside"):
        j += 1
    if j < n and tokens[j].lower in ("from",):
        j += 1
    if j < n and tokens[j].lower == "as":
        role = _role_phrase(ps, j + 1)
        if role is None:
            return
        org = (
            _org_after_role(ps, coref, role[1], state)
            or _role_owner_before(ps, coref, m)
            or _focus_company(ps, coref, state)
            or _sentence_company(ps, coref, m.start, state)  # "JD.com said X had resigned"
        )
        if org is not None:
            _role_fact(
                out,
                person,
                role[0],
                org,
                s_index,
                j,
                0.75,
                "departure",
                attributes={"departure": True},
            )
    elif j < n and ps.mention_at(j) is not None:
        org = _cluster(coref, ps.mention_at(j))
        if org is not None and org.type in _ORG:
            _add(
                out,
                person,
                Predicate.WORKS_FOR,
                org,
                s_index,
                j,
                0.6,
                "departure",
                attributes={"departure": True},
            )


def _appointments(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    """ "named X to replace Y as the chief of Z", "appoint X as chairman of Z", "X was
    named CEO of Z", "her predecessor got the regulator's top job"."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if low in _APPOINT:
            objs, _ = object_after(ps, coref, j, window=6)
            people = [a for a in objs if a.cluster.type is EntityType.PERSON]
            passive = j > 0 and tokens[j - 1].lower in ("was", "been", "is", "be", "were")
            if passive:
                subj, _ = subject_before(ps, coref, j)
                people = [a for a in subj if a.cluster.type is EntityType.PERSON]
            if not people:
                continue
            last = people[-1].mention.end if not passive else j + 1
            k = last
            possessive: Cluster | None = None
            while k < n and tokens[k].lower in (
                "as",
                "to",
                "be",
                "the",
                "its",
                "their",
                "new",
                "next",
                "incoming",
                "permanent",
            ):
                if tokens[k].lower in ("its", "their"):
                    possessive = _cluster(coref, ps.mention_at(k))
                k += 1
            if k < n and tokens[k].lower in _SUCCEED:
                _succession(ps, s_index, coref, state, people[0].cluster, k, out)
                continue
            named_owner = ps.mention_at(k)
            if (
                named_owner is not None
                and named_owner.end + 1 < n
                and tokens[named_owner.end].lower == "'s"
                and possessive is None
            ):
                # "was appointed Volvo's chief executive"
                possessive = _cluster(coref, named_owner)
                k = named_owner.end + 1
            role = _role_phrase(ps, k)
            if role is None:
                continue
            org = _org_after_role(ps, coref, role[1], state) or possessive
            if org is None and not passive:
                # "Xiaomi appointed Lu as president": the appointing firm is the employer
                subj, _ = subject_before(ps, coref, j)
                org = next((a.cluster for a in subj if a.cluster.type in _ORG), None)
            if org is None:
                continue
            # "..., replacing Noel Quinn": the predecessor leaves the same post
            r = role[1]
            while r < n and r < role[1] + 6 and _in_date(ps, r):
                r += 1  # "as president on Tuesday, replacing ..."
            if (
                r + 1 < n
                and tokens[r].text == ","
                and tokens[r + 1].lower in ("replacing", "succeeding")
            ):
                olds, _ = object_after(ps, coref, r + 1, window=4)
                for old in olds:
                    if old.cluster.type is EntityType.PERSON:
                        state.replaced = old.cluster.id
                        _role_fact(
                            out,
                            old.cluster,
                            role[0],
                            org,
                            s_index,
                            r + 1,
                            0.75,
                            "replaced",
                            attributes={"departure": True},
                        )
            for person in people:
                _role_fact(
                    out,
                    person.cluster,
                    role[0],
                    org,
                    s_index,
                    j,
                    0.8,
                    "appointed",
                    attributes={"appointed": True},
                )
        elif low in _SUCCEED:
            subj, _ = subject_before(ps, coref, j)
            olds, _ = object_after(ps, coref, j, window=4)
            if any(a.cluster.type is EntityType.PERSON for a in olds):
                for a in subj:  # "Sandy Ran Xu will replace him": a person replaces a person
                    if (
                        a.cluster.type is None
                        and a.cluster.named
                        and a.mention.end - a.mention.start >= 2
                    ):
                        a.cluster.type = EntityType.PERSON
            people = [a for a in subj if a.cluster.type is EntityType.PERSON]
            if people:
                _succession(ps, s_index, coref, state, people[0].cluster, j, out)
        elif (
            low in ("took", "take", "takes", "taking")
            and j + 2 < n
            and tokens[j + 1].lower == "over"
            and tokens[j + 2].lower == "as"
        ):
            # "Eddie Wu, who took over as group CEO"
            subj, _ = subject_before(ps, coref, j)
            takers = [a for a in subj if a.cluster.type is EntityType.PERSON]
            role = _role_phrase(ps, j + 3)
            if not takers or role is None:
                continue
            org = (
                _org_after_role(ps, coref, role[1], state)
                or _focus_company(ps, coref, state)
                or _sentence_company(ps, coref, n, state)
            )
            if org is not None:
                _role_fact(
                    out,
                    takers[0].cluster,
                    role[0].replace("group ", ""),
                    org,
                    s_index,
                    j,
                    0.7,
                    "took-over-as",
                    attributes={"appointed": True},
                )
        elif low in ("handed", "given", "took", "assumed", "got") and j + 3 < n:
            # "Her predecessor got the regulator's top job in 2017"
            k = j + 1
            while k < n and tokens[k].lower in ("the", "over", "up"):
                k += 1
            owner = ps.mention_at(k)
            if owner is None or owner.end >= n or tokens[owner.end].lower != "'s":
                continue
            role = _role_phrase(ps, owner.end + 1)
            if role is None or _role_kind(role[0]) is not Predicate.LEADS:
                continue
            body = coref.of(owner)
            leader = _predecessor(ps, coref, state, j)
            if body is not None and leader is not None and body.type in _ORG:
                _add(
                    out,
                    leader,
                    Predicate.LEADS,
                    body,
                    s_index,
                    j,
                    0.65,
                    "handed-job",
                    role=role[0],
                    attributes={"appointed": True},
                )


def _in_date(ps: ParsedSentence, k: int) -> bool:
    return any(span.start <= k < span.end for span in ps.dates) or ps.tokens[k].lower in (
        "on",
        "in",
        "from",
        "effective",
        "immediately",
    )


def _predecessor(
    ps: ParsedSentence, coref: Coreference, state: StoryState, j: int
) -> Cluster | None:
    tokens = ps.tokens
    for k in range(max(ps.begin, j - 6), j):
        if tokens[k].lower == "predecessor" and state.replaced >= 0:
            return coref.root(coref.clusters[state.replaced])
        if tokens[k].lower == "successor" and state.replacer >= 0:
            return coref.root(coref.clusters[state.replacer])
    subj, _ = subject_before(ps, coref, j)
    for a in subj:
        if a.cluster.type is EntityType.PERSON:
            return a.cluster
    return None


def _succession(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    new: Cluster,
    k: int,
    out: list[Candidate],
) -> None:
    """ "X (to) replace/succeed Y as ROLE (of ORG)"."""
    tokens = ps.tokens
    olds, _ = object_after(ps, coref, k, window=4)
    olds = [a for a in olds if a.cluster.type is EntityType.PERSON]
    if not olds:
        return
    j = olds[-1].mention.end
    if j >= len(tokens) or tokens[j].lower != "as":
        # "Sandy Xu will replace him": the post the replaced person was said to leave
        old_id = coref.root(olds[0].cluster).id
        for fact in reversed(state.facts):
            if (
                fact.predicate is Predicate.LEADS
                and coref.root(coref.clusters[fact.subject]).id == old_id
                and fact.role
            ):
                org_c = coref.root(coref.clusters[fact.object])
                state.replaced, state.replacer = old_id, new.id
                _role_fact(
                    out,
                    new,
                    fact.role,
                    org_c,
                    s_index,
                    k,
                    0.7,
                    "succession",
                    attributes={"appointed": True},
                )
                break
        return
    role = _role_phrase(ps, j + 1)
    if role is None:
        return
    org = _org_after_role(ps, coref, role[1], state) or _focus_company(ps, coref, state)
    if org is None:
        return
    state.replaced = olds[0].cluster.id
    state.replacer = new.id
    _role_fact(
        out, new, role[0], org, s_index, k, 0.8, "succession", attributes={"appointed": True}
    )
    _role_fact(
        out,
        olds[0].cluster,
        role[0],
        org,
        s_index,
        k,
        0.75,
        "succession-old",
        attributes={"departure": True},
    )


def _regional_roles(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    """Handled by the person-role and copula rules through "... of <Region>"; nothing more."""
    return None


# ---------------------------------------------------------------------------
# products


def _products(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for m in ps.mentions:
        cluster = coref.of(m)
        if cluster is None:
            continue
        # "Kivra's Orion X2", "[Vantrix's] V8-Max": a named owner's product
        if (
            cluster.type in (EntityType.COMPANY, None)
            and not m.is_reference
            and m.end < n
            and (tokens[m.end].lower == "'s")
        ):
            k = m.end + 1
            while k < n and tokens[k].text in ("]", ")"):
                k += 1
            while (
                k < n
                and not tokens[k].is_cap
                and tokens[k].lower
                in ("new", "latest", "flagship", "popular", "upcoming", "own", "first")
            ):
                k += 1
            product = _cluster(coref, ps.mention_at(k))
            if product is not None and product.type is EntityType.PRODUCT:
                if cluster.type is None:
                    cluster.type = EntityType.COMPANY
                _add(
                    out,
                    cluster,
                    Predicate.DEVELOPS,
                    product,
                    s_index,
                    m.end,
                    0.65,
                    "possessive-product",
                )
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if (
            low in ("upgrade", "version", "update", "successor", "iteration")
            and j + 2 < n
            and (tokens[j + 1].lower in ("to", "of"))
        ):
            _upgrade(ps, s_index, coref, j, out)
        elif (
            low in ("debuted", "launched", "released", "unveiled")
            and j > 0
            and tokens[j - 1].lower in ("that", "which", "was", "were")
        ):
            k = j - 1 if tokens[j - 1].lower in ("that", "which") else j - 2
            products = np_ending_at(ps, coref, k)
            for arg in products:
                if arg.cluster.type is EntityType.PRODUCT:
                    owner = _product_owner(ps, coref, arg.mention)
                    if owner is not None:
                        _add(
                            out,
                            owner,
                            Predicate.RELEASES,
                            arg.cluster,
                            s_index,
                            j,
                            0.7,
                            "product-debuted",
                        )
        elif (
            low in ("open-source", "open")
            and j + 1 < n
            and tokens[j + 1].lower in ("licence", "license", "licences", "licenses", "-source")
        ):
            _open_licence(ps, s_index, coref, j, out)
        elif (
            low in ("available", "free")
            and j + 2 < n
            and tokens[j + 1].lower in ("for", "to")
            and tokens[j + 2].lower in ("download", "free", "anyone", "developers")
        ):
            _made_available(ps, s_index, coref, j, out)
        elif (
            low in ("open-source", "open", "public")
            and j > 0
            and tokens[j - 1].lower in ("them", "it")
        ):
            continue


def _product_owner(ps: ParsedSentence, coref: Coreference, product: Mention) -> Cluster | None:
    tokens = ps.tokens
    k = product.start - 1
    while k >= ps.begin and tokens[k].lower in ("new", "latest", "flagship", "first"):
        k -= 1
    if k >= ps.begin:
        m = ps.mention_at(k)
        if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("its", "their"):
            c = coref.of(m)
            return c if c is not None and c.type is EntityType.COMPANY else None
        if tokens[k].lower == "'s":
            c = _cluster(coref, ps.mention_at(k - 1))
            return c if c is not None and c.type is EntityType.COMPANY else None
    return None


def _upgrade(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "Orion X3, the latest version of its Orion model": the owner releases it."""
    tokens = ps.tokens
    base = ps.mention_at(j + 2)
    k = j + 2
    while base is not None and base.kind == MentionKind.PRONOUN:
        owner = coref.of(base)
        k = base.end
        base = ps.mention_at(k)
        if owner is None or owner.type is not EntityType.COMPANY:
            return
        # the new version is the apposition head before "the ... upgrade"
        i = j - 1
        while i >= ps.begin and tokens[i].text != "," and j - i < 6:
            i -= 1
        if i < ps.begin or tokens[i].text != ",":
            return
        new = _cluster(coref, ps.mention_at(i - 1))
        if new is not None and new.type in (EntityType.PRODUCT, None):
            new.type = EntityType.PRODUCT
            _add(out, owner, Predicate.RELEASES, new, s_index, j, 0.7, "upgrade")
        return


_PUBLISH_VERBS = word_set(
    "released releases release published publishes publish offered offers offer made makes"
)


def _open_licence(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "released them under an open-source licence" -> OPEN_SOURCES."""
    tokens = ps.tokens
    verb = next(
        (
            k
            for k in range(j - 1, max(ps.begin, j - 8) - 1, -1)
            if tokens[k].lower in _PUBLISH_VERBS
        ),
        -1,
    )
    if verb < 0:
        return
    objects, _ = object_after(ps, coref, verb, window=6)
    products = [a for a in objects if a.cluster.type is EntityType.PRODUCT]
    subjects, _ = subject_before(ps, coref, verb)
    if not subjects and tokens[verb - 1].lower == "and" and ps.subject >= 0:
        subject_c = coref.of(ps.mentions[ps.subject])
        if subject_c is not None:
            subjects = [Arg(ps.mentions[ps.subject], subject_c, "coordinated-verb")]
    for subject in subjects:
        if subject.cluster.type is EntityType.COMPANY:
            for p in products:
                _add(
                    out,
                    subject.cluster,
                    Predicate.OPEN_SOURCES,
                    p.cluster,
                    s_index,
                    j,
                    0.75,
                    "open-licence",
                )


def _made_available(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "(by) making its Lumen 3 models free to download" -> OPEN_SOURCES."""
    tokens = ps.tokens
    k = j - 1
    products: list[Arg] = []
    while k >= ps.begin and j - k <= 8:
        if tokens[k].lower in ("making", "made", "make", "makes"):
            objs, _ = object_after(ps, coref, k, window=6)
            products = [a for a in objs if a.cluster.type is EntityType.PRODUCT]
            if not products and k + 1 < len(tokens) and tokens[k + 1].lower in ("them", "it"):
                # "released Qwen3 ... and made them available": the products named before
                for m in ps.mentions:
                    c = coref.of(m)
                    if m.start < k and c is not None and c.type is EntityType.PRODUCT:
                        products.append(Arg(m, c, "pronoun"))
            break
        k -= 1
    if not products:
        return
    subjects, _ = subject_before(ps, coref, k)
    if not subjects and k > 0 and tokens[k - 1].lower in ("by", ",", "and") and ps.subject >= 0:
        c = coref.of(ps.mentions[ps.subject])
        if c is not None:
            subjects = [Arg(ps.mentions[ps.subject], c, "gerund")]
    for s in subjects:
        if s.cluster.type is EntityType.COMPANY:
            for p in products:
                _add(
                    out,
                    s.cluster,
                    Predicate.OPEN_SOURCES,
                    p.cluster,
                    s_index,
                    j,
                    0.75,
                    "made-available",
                )


# ---------------------------------------------------------------------------
# competition


def _competition(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if low not in _RIVAL_NOUNS:
            continue
        owner: Cluster | None = None
        k = j - 1
        while (
            k >= ps.begin
            and j - k <= 5
            and tokens[k].lower
            in (
                "major",
                "main",
                "biggest",
                "key",
                "closest",
                "chief",
                "bubble",
                "tea",
                "domestic",
                "global",
                "local",
                "foreign",
                "top",
                "larger",
                "smaller",
                "us",
                "chinese",
                "american",
                "fierce",
                "direct",
                "two",
                "three",
                "its",
                "their",
            )
            or (k >= ps.begin and _is_place_at(ps, k))
        ):
            here = ps.mention_at(k)
            if here is not None and here.kind == MentionKind.PRONOUN:
                owner = coref.of(here)
                break
            k = (here.start - 1) if here is not None else k - 1
        if owner is None and k >= ps.begin and tokens[k].lower == "'s":
            owner = _cluster(coref, ps.mention_at(k - 1))
        rivals: list[Arg] = []
        plural = low.endswith("s")
        if not plural:
            at = (
                j + 2
                if j + 1 < n
                and tokens[j + 1].lower in ("to", "of", "for", "is", "was", "remains", "are")
                else j + 1
            )
            nxt = ps.mention_at(at)
            if nxt is not None and coref.of(nxt) is not None and not nxt.is_reference:
                rivals = coordinated_after(ps, coref, nxt)
        else:
            # "rivals such as A and B", "competitors, including A and B", "rivals A and B",
            # "its rivals fell, with A losing 5% and B 2%"
            for i in range(j + 1, min(n, j + 30)):
                m = ps.mention_at(i)
                if m is None or m.start != i or m.is_reference or is_modifier(ps, m):
                    continue
                c = coref.of(m)
                if c is not None and c.type is None and c.named and m.kind == MentionKind.NAME:
                    c.type = EntityType.COMPANY  # "rivals ... A and B": the noun types them
                if c is not None and c.type is EntityType.COMPANY:
                    rivals.append(Arg(m, c, "listed"))
                if len(rivals) >= 5:
                    break
        if not rivals and not plural:
            # "BYD remains its main rival": the rival is the copula's subject
            cop = j - 1
            while cop >= ps.begin and j - cop <= 6 and tokens[cop].lower not in _COPULAS:
                cop -= 1
            if cop >= ps.begin and tokens[cop].lower in _COPULAS:
                subj, _ = subject_before(ps, coref, cop)
                rivals = [a for a in subj if a.cluster.type is EntityType.COMPANY]
                if owner is not None and any(a.cluster.id == owner.id for a in rivals):
                    # "its" cannot be the rival itself: the firm the story is about
                    focus = _focus_company(ps, coref, state)
                    owner = focus if focus is not None and focus.id != owner.id else None
                    if owner is None:
                        continue
        if owner is None:
            owner = _sentence_company(ps, coref, j, state)
        if owner is None and rivals:
            owner = _focus_company(ps, coref, state)  # "Chinese rivals such as Huawei ..."
        if owner is None or owner.type is not EntityType.COMPANY:
            continue
        for r in rivals:
            if r.cluster.type is EntityType.COMPANY:
                _add(out, owner, Predicate.COMPETES_WITH, r.cluster, s_index, j, 0.65, "rivals")
    for j in range(ps.begin, n - 2):
        if (
            tokens[j].lower in ("closes", "closing", "closed", "close")
            and tokens[j + 1].lower == "in"
            and tokens[j + 2].lower == "on"
        ):
            subjects, _ = subject_before(ps, coref, j)
            objs, _ = object_after(ps, coref, j + 2, window=5)
            for s in subjects:
                for o in objs:
                    if s.cluster.type is EntityType.COMPANY and o.cluster.type is (
                        EntityType.COMPANY
                    ):
                        _add(
                            out,
                            s.cluster,
                            Predicate.COMPETES_WITH,
                            o.cluster,
                            s_index,
                            j,
                            0.6,
                            "closes-in-on",
                        )


_ACCOUNT_NOUNS = word_set("accounts books statements results")


def _signed_off(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    """ "X signed off on the accounts of Y", "X signed off on Y's books" -> X AUDITS Y."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 3):
        if not (
            tokens[j].lower in ("signed", "signs", "sign", "signing")
            and tokens[j + 1].lower == "off"
            and tokens[j + 2].lower == "on"
        ):
            continue
        k = j + 3
        audited: Cluster | None = None
        while k < n and k < j + 8:
            m = ps.mention_at(k)
            if m is not None:
                if m.end < n and tokens[m.end].lower == "'s":
                    audited = _cluster(coref, m)
                break
            if tokens[k].lower in _ACCOUNT_NOUNS and k + 1 < n and tokens[k + 1].lower == "of":
                objs, _ = object_after(ps, coref, k + 1, window=4)
                audited = objs[0].cluster if objs else None
                break
            k += 1
        if audited is None or audited.type is not EntityType.COMPANY:
            continue
        if not any(tokens[i].lower in _ACCOUNT_NOUNS for i in range(j + 3, min(n, k + 3))):
            continue
        subjects, _ = subject_before(ps, coref, j)
        for subject in subjects:
            if subject.cluster.type is EntityType.COMPANY and subject.cluster.id != audited.id:
                _add(out, subject.cluster, Predicate.AUDITS, audited, s_index, j, 0.75, "sign-off")


_APPROVED_DEALS = word_set("merger deal takeover acquisition purchase tie-up combination listing")


def _green_light(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    """ "The regulator gave the green light to the merger of A and B" -> APPROVES A, B."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin + 2, n - 3):
        if not (
            tokens[j].lower == "green"
            and tokens[j + 1].lower == "light"
            and tokens[j + 2].lower in ("to", "for")
        ):
            continue
        k = j + 3
        while k < n and k < j + 6 and tokens[k].lower in ("the", "a", "its", "their", "proposed"):
            k += 1
        if k + 1 < n and tokens[k].lower in _APPROVED_DEALS and tokens[k + 1].lower == "of":
            objects, _ = object_after(ps, coref, k + 1, window=4)
        else:
            objects, _ = object_after(ps, coref, j + 2, window=4)
        if not objects and k < n and tokens[k].lower in _APPROVED_DEALS:
            objects = _last_deal_parties(coref, state)  # "the merger": the story's deal
        verb = j - 1
        while verb > ps.begin and tokens[verb].lower in ("the", "a", "its", "final"):
            verb -= 1
        subjects, _ = subject_before(ps, coref, verb)
        for subject in subjects:
            if subject.cluster.type not in (EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION):
                continue
            for o in objects:
                if o.cluster.type in (EntityType.COMPANY, EntityType.PRODUCT, EntityType.ASSET):
                    _add(
                        out,
                        subject.cluster,
                        Predicate.APPROVES,
                        o.cluster,
                        s_index,
                        j,
                        0.75,
                        "green-light",
                    )


def _last_deal_parties(coref: Coreference, state: StoryState) -> list[Arg]:
    """The firms of the latest merger or acquisition read so far in the story."""
    for fact in reversed(state.facts):
        if fact.predicate is Predicate.MERGES_WITH:
            ids = [fact.subject, fact.object]
        elif fact.predicate is Predicate.ACQUIRES:
            ids = [fact.object]
        else:
            continue
        args: list[Arg] = []
        for cluster_id in ids:
            cluster = coref.root(coref.clusters[cluster_id])
            sentence = coref.sentences[fact.sentence]
            m = next((x for x in sentence.mentions if coref.of(x) is cluster), None)
            if m is not None:
                args.append(Arg(m, cluster, "deal"))
        return args
    return []


_CLIENT_NOUNS = word_set("customers clients buyers")
_SUPPLIER_NOUNS = word_set("suppliers vendors")


def _customers(ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]) -> None:
    """ "X, whose customers include A and B", "its suppliers include C": a supply link for
    each listed firm (customers reversed)."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin + 1, n - 1):
        low = tokens[j].lower
        if low not in _CLIENT_NOUNS and low not in _SUPPLIER_NOUNS:
            continue
        k = j + 1
        if tokens[k].lower in ("include", "includes", "included", "including"):
            k += 1
        elif k + 1 < n and tokens[k].lower == "such" and tokens[k + 1].lower == "as":
            k += 2
        else:
            _among_clients(ps, s_index, coref, j, out)
            continue
        prev = tokens[j - 1].lower
        if prev == "whose":
            owner = _whose_owner(ps, coref, j - 1)
        elif prev in ("its", "their"):
            owner = _cluster(coref, ps.mention_at(j - 1))
        elif prev == "'s":
            owner = _cluster(coref, ps.mention_at(j - 2))
        else:
            continue
        first = ps.mention_at(k)
        if owner is None or owner.type is not EntityType.COMPANY or first is None:
            continue
        for a in coordinated_after(ps, coref, first):
            if a.cluster.type is not EntityType.COMPANY or a.cluster.id == owner.id:
                continue
            supplier, client = (owner, a.cluster) if low in _CLIENT_NOUNS else (a.cluster, owner)
            _add(out, supplier, Predicate.SUPPLIES, client, s_index, j, 0.7, "customers-include")


def _among_clients(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "Huawei is among its biggest customers", "X is one of Y's suppliers"."""
    tokens = ps.tokens
    k = j - 1
    while (
        k > ps.begin
        and j - k <= 3
        and tokens[k].lower in ("biggest", "largest", "main", "key", "major", "top")
    ):
        k -= 1
    owner: Cluster | None = None
    if tokens[k].lower in ("its", "their"):
        owner = _cluster(coref, ps.mention_at(k))
    elif tokens[k].lower == "'s":
        owner = _cluster(coref, ps.mention_at(k - 1))
        k -= 1
        while k > ps.begin and ps.mention_at(k - 1) is ps.mention_at(k):
            k -= 1
    else:
        return
    lead = k - 1
    if lead > ps.begin and tokens[lead].lower == "of" and tokens[lead - 1].lower == "one":
        lead -= 2
    if lead <= ps.begin or tokens[lead].lower not in ("among", "is", "are", "was", "remains"):
        return
    while lead > ps.begin and tokens[lead].lower in ("among", "is", "are", "was", "remains"):
        lead -= 1
    subj = np_ending_at(ps, coref, lead)
    for a in subj:
        if owner is None or a.cluster.type is not EntityType.COMPANY or a.cluster.id == owner.id:
            continue
        if owner.type is not EntityType.COMPANY:
            continue
        low = tokens[j].lower
        supplier, client = (owner, a.cluster) if low in _CLIENT_NOUNS else (a.cluster, owner)
        _add(out, supplier, Predicate.SUPPLIES, client, s_index, j, 0.7, "among-customers")


_COPULAS = word_set("is was remains remained became becomes")


def _sentence_company(
    ps: ParsedSentence, coref: Coreference, before: int, state: StoryState
) -> Cluster | None:
    if ps.subject >= 0:
        m = ps.mentions[ps.subject]
        c = coref.of(m)
        if c is not None and c.type is EntityType.COMPANY and m.start < before:
            return c
        if c is not None and c.type is EntityType.PRODUCT:
            # "Orion X3 ... beat its competitors": the product's maker
            for fact in state.facts:
                if fact.object == c.id and fact.predicate in (
                    Predicate.RELEASES,
                    Predicate.DEVELOPS,
                ):
                    return coref.root(coref.clusters[fact.subject])
    for m in ps.mentions:
        if m.start >= before:
            break
        c = coref.of(m)
        if c is not None and c.type is EntityType.COMPANY and not is_modifier(ps, m):
            return c
    return None


# ---------------------------------------------------------------------------
# trade and regulation


def _actor(ps: ParsedSentence, coref: Coreference, j: int, state: StoryState) -> Cluster | None:
    """Who acts: the verb's subject, else the source after "according to" or before "said"."""
    subjects, _ = subject_before(ps, coref, j)
    if not subjects and j > ps.begin and ps.tokens[j - 1].lower == "and" and ps.subject >= 0:
        # "China resumed imports of X and ended its ban on Y": the first verb's subject
        subject_m = ps.mentions[ps.subject]
        subject_c = coref.of(subject_m)
        if subject_c is not None and subject_m.end < j:
            subjects = [Arg(subject_m, subject_c, "coordinated-verb")]
    for s in subjects:
        if s.cluster.type in _STATE or s.cluster.type is EntityType.REGION:
            return _state_actor(coref, s.cluster)
    return _attributed_source(ps, coref)


def _state_actor(coref: Coreference, cluster: Cluster) -> Cluster:
    """A capital standing for its government: "Beijing will allow ..." -> China."""
    if cluster.type is EntityType.REGION and cluster.canonical in CAPITAL_OF:
        country = CAPITAL_OF[cluster.canonical]
        return coref.find(country, EntityType.COUNTRY) or coref.add(country, EntityType.COUNTRY)
    return cluster


def _attributed_source(ps: ParsedSentence, coref: Coreference) -> Cluster | None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 1):
        if tokens[j].lower == "according" and tokens[j + 1].lower == "to":
            objs, _ = object_after(ps, coref, j + 1, window=8)
            for a in objs:
                if a.cluster.type in _STATE:
                    return a.cluster
            k = j + 2
            while k < n and k < j + 10:
                m = ps.mention_at(k)
                c = _cluster(coref, m)
                if c is not None and c.type is EntityType.GOVERNMENT_BODY:
                    return c
                k += 1
        if tokens[j].lower in ("said", "says", "announced", "noted") and j > 0:
            m = ps.mention_at(j - 1)
            c = _cluster(coref, m)
            if c is not None and c.type in _STATE:
                return c
            if j >= 2 and tokens[j - 1].lower in ("office", "spokesperson", "spokesman"):
                c = (
                    _cluster(coref, ps.mention_at(j - 3))
                    if tokens[j - 2].lower == "review"
                    else _cluster(coref, ps.mention_at(j - 2))
                )
                if c is not None and c.type in _STATE:
                    return c
    return None


def _trade(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if low in (
            "lifted",
            "lifts",
            "lift",
            "lifting",
            "removed",
            "removes",
            "remove",
            "ended",
            "ends",
            "end",
            "scrapped",
            "scraps",
            "eased",
            "eases",
            "ending",
            "scrapping",
            "removing",
            "reversed",
            "reverses",
            "reverse",
            "reversing",
        ):
            _lift_ban(ps, s_index, coref, state, j, out)
        elif low in ("resume", "resumed", "resumes", "resumption") and j + 1 < n:
            _resume_imports(ps, s_index, coref, state, j, out)
        elif low in ("stop", "cease", "halt", "suspend", "stopped", "halted", "suspended") and (
            j + 1 < n
            and tokens[j + 1].lower
            in (
                "buying",
                "using",
                "purchasing",
                "importing",
                "imports",
                "purchases",
                "sales",
                "selling",
            )
        ):
            _stop_buying(ps, s_index, coref, state, j, out)
        elif (
            low in ("suspend", "suspended", "suspends", "halted", "banned", "barred") and j + 3 < n
        ):
            _imports_from(ps, s_index, coref, state, j, out)
        elif low in ("buyer", "importer", "consumer") and j + 1 < n and tokens[j + 1].lower == "of":
            _biggest_buyer(ps, s_index, coref, j, out)
        elif low in ("failed", "fails", "fail", "failing") and j + 3 < n:
            _failed_review(ps, s_index, coref, state, j, out)
        elif low in ("added", "adds", "add", "adding", "placed", "put", "puts") and j + 1 < n:
            _entity_list(ps, s_index, coref, state, j, out)
        elif low in ("approval", "nod", "clearance", "green") and j + 1 < n:
            _approval_from(ps, s_index, coref, j, out)
        elif low in ("granted", "grants", "grant", "issued", "issues", "gave", "gives"):
            _granted_licence(ps, s_index, coref, state, j, out)


def _biggest_buyer(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "China is the biggest buyer of Iranian oil" -> IMPORTS."""
    tokens = ps.tokens
    goods, _ = object_after(ps, coref, j + 1, window=4)
    goods = [g for g in goods if g.cluster.type is EntityType.COMMODITY]
    if not goods:
        return
    k = j - 1
    while k > ps.begin and j - k <= 5 and tokens[k].lower not in _COPULAS:
        k -= 1
    if tokens[k].lower not in _COPULAS:
        return
    subjects, _ = subject_before(ps, coref, k)
    for a in subjects:
        if a.cluster.type in (EntityType.COUNTRY, EntityType.COMPANY):
            for g in goods:
                _add(out, a.cluster, Predicate.IMPORTS, g.cluster, s_index, j, 0.7, "buyer-of")


def _imports_from(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "suspended soybean imports from three U.S. companies, including CHS and EGT":
    the named exporters are banned."""
    tokens = ps.tokens
    n = len(tokens)
    k = j + 1
    while k < n and k < j + 5 and tokens[k].lower not in ("imports", "shipments", "purchases"):
        k += 1
    if k + 1 >= n or tokens[k].lower not in ("imports", "shipments", "purchases"):
        return
    if tokens[k + 1].lower != "from":
        return
    start = k + 2
    for r in range(start, min(n, start + 8)):
        if tokens[r].lower in ("including", "among", "namely"):
            start = r + 1
            break
    first = ps.mention_at(start)
    if first is None:
        return
    actor = _actor(ps, coref, j, state)
    if actor is None:
        return
    for a in coordinated_after(ps, coref, first):
        if a.cluster.type is None and a.cluster.named:
            a.cluster.type = EntityType.COMPANY  # "exporters ... including X and Y"
        if a.cluster.type is EntityType.COMPANY:
            _add(out, actor, Predicate.BANS, a.cluster, s_index, j, 0.75, "imports-from")


def _lift_ban(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "Japan has lifted a 2019 ban on Chilean pork" -> LIFTS_BAN, and the 2019 BANS."""
    tokens = ps.tokens
    n = len(tokens)
    k = j + 1
    ban_date: str | None = None
    while k < n and k < j + 6:
        low = tokens[k].lower
        if low in ("ban", "bans", "embargo", "restrictions", "curbs", "prohibition"):
            break
        for span in ps.dates:
            if span.start == k and span.date is not None:
                ban_date = span.date.date
                k = span.end - 1
        if (
            low
            not in (
                "a",
                "an",
                "the",
                "its",
                "their",
                "import",
                "export",
                "years-long",
                "long-standing",
                "de",
                "facto",
            )
            and ps.mention_at(k) is None
            and (not any(s.start <= k < s.end for s in ps.dates))
        ) and (not tokens[k].text[0].isalpha() or tokens[k].is_cap):
            return
        k += 1
    else:
        return
    if k >= n:
        return
    objects: list[Arg] = []
    if k + 1 < n and tokens[k + 1].lower in ("on", "against"):
        objects, _ = object_after(ps, coref, k + 1, window=8)
    if not objects:
        before = ps.mention_at(k - 1) or ps.mention_at(k - 2)
        c = _cluster(coref, before)
        if before is not None and c is not None:
            objects = [Arg(before, c, "compound")]
    objects = [
        o
        for o in objects
        if o.cluster.type
        in (EntityType.COMMODITY, EntityType.COMPANY, EntityType.PRODUCT, EntityType.COUNTRY)
    ]
    if not objects:
        return
    actor = _actor(ps, coref, j, state)
    if actor is None:
        return
    for o in objects:
        _add(out, actor, Predicate.LIFTS_BAN, o.cluster, s_index, j, 0.85, "lift-ban")
        if ban_date is not None:
            _add(
                out,
                actor,
                Predicate.BANS,
                o.cluster,
                s_index,
                k,
                0.7,
                "lifted-ban-date",
                date=ban_date,
                fixed_date=True,
            )


def _resume_imports(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "allow shipments of barley from Australia to resume", "resume imports of X"."""
    tokens = ps.tokens
    objects: list[Arg] = []
    if tokens[j + 1].lower in ("imports", "import", "purchases", "buying"):
        objects, _ = object_after(ps, coref, j + 1, window=6)
        verb = j
    else:
        k = j - 1
        while (
            k >= ps.begin
            and j - k <= 12
            and tokens[k].lower
            not in ("allow", "allowed", "allows", "allowing", "permit", "permitted")
        ):
            k -= 1
        if k < ps.begin or tokens[k].lower not in (
            "allow",
            "allowed",
            "allows",
            "allowing",
            "permit",
            "permitted",
        ):
            return
        objects, _ = object_after(ps, coref, k, window=8)
        verb = k
    objects = [o for o in objects if o.cluster.type in (EntityType.COMMODITY, EntityType.PRODUCT)]
    if not objects:
        return
    actor = _actor(ps, coref, verb, state)
    if actor is None:
        return
    for o in objects:
        _add(out, actor, Predicate.LIFTS_BAN, o.cluster, s_index, j, 0.75, "resume-imports")


def _stop_buying(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "... operators must stop using them, according to the regulator" -> BANS."""
    tokens = ps.tokens
    k = j + 2
    target: Cluster | None = None
    m = ps.mention_at(k) or (ps.mention_at(k + 1) if k + 1 < len(tokens) else None)
    if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("them", "it", "their", "its"):
        # the products of the sentence's subject
        if ps.subject >= 0:
            target = coref.of(ps.mentions[ps.subject])
    elif m is not None:
        target = coref.of(m)
        if target is not None and m.kind == MentionKind.PRONOUN:
            target = None
    if target is None or target.type not in (
        EntityType.COMPANY,
        EntityType.PRODUCT,
        EntityType.COMMODITY,
    ):
        return
    actor = _attributed_source(ps, coref)
    if actor is None:
        subjects, _ = subject_before(ps, coref, j)
        actor = next((a.cluster for a in subjects if a.cluster.type in _STATE), None)
    if actor is None:
        return
    _add(out, actor, Predicate.BANS, target, s_index, j, 0.7, "stop-buying")


def _failed_review(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "X's products failed a cybersecurity review" -> the reviewer INVESTIGATES X."""
    tokens = ps.tokens
    k = j + 1
    while (
        k < len(tokens)
        and k < j + 6
        and tokens[k].lower
        not in ("review", "probe", "investigation", "audit", "inspection", "check")
    ):
        k += 1
    if k >= len(tokens) or k >= j + 6:
        return
    subjects, _ = subject_before(ps, coref, j)
    target: Cluster | None = None
    for s in subjects:
        target = s.cluster
    if target is None and ps.subject >= 0:
        target = coref.of(ps.mentions[ps.subject])
    if target is None or target.type not in (EntityType.COMPANY, EntityType.PRODUCT):
        return
    actor = _attributed_source(ps, coref)
    if actor is None:
        return
    _add(out, actor, Predicate.INVESTIGATES, target, s_index, k, 0.7, "failed-review")


def _entity_list(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "added X and Y to its unreliable entity list" -> SANCTIONS."""
    tokens = ps.tokens
    n = len(tokens)
    objs, _ = object_after(ps, coref, j, window=6)
    if not objs:
        # "added 140 Chinese companies, including Naura, to its blacklist"
        for i in range(j + 1, min(n - 1, j + 10)):
            if tokens[i].lower in ("including", "among") or (
                tokens[i].lower == "such" and tokens[i + 1].lower == "as"
            ):
                start = i + 2 if tokens[i].lower == "such" else i + 1
                objs, _ = object_after(ps, coref, start - 1, window=8)
                break
    if not objs:
        return
    k = objs[-1].mention.end
    while (
        k < n
        and k < objs[-1].mention.end + 4
        and tokens[k].lower != "to"
        and tokens[k].lower != "on"
    ):
        k += 1
    if k >= n or tokens[k].lower not in ("to", "on"):
        return
    window = [t.lower for t in tokens[k + 1 : k + 7]]
    if not any(w in ("list", "blacklist", "lists") for w in window):
        return
    reason = [t.lower for t in tokens[k + 1 : k + 14]]
    if not any(
        w in ("entity", "blacklist", "sanctions", "control", "unreliable", "trade") for w in window
    ) and not any(w in ("military", "sanctioned", "restricted", "security") for w in reason):
        return  # "a list of companies it says work with China's military" is a blacklist too
    subjects, _ = subject_before(ps, coref, j)
    actor = next((a.cluster for a in subjects if a.cluster.type in _STATE), None)
    if actor is None:
        return
    for o in objs:
        if o.cluster.type in (EntityType.COMPANY, EntityType.PERSON, None):
            _add(out, actor, Predicate.SANCTIONS, o.cluster, s_index, j, 0.8, "entity-list")


def _granted_licence(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "The CAAC granted the aircraft its airworthiness certificate" -> APPROVES."""
    tokens = ps.tokens
    window = [t.lower for t in tokens[j + 1 : j + 10]]
    if not any(
        w in ("certificate", "licence", "license", "approval", "permit", "clearance")
        for w in window
    ):
        return
    targets, _ = object_after(ps, coref, j, window=5)
    subjects, _ = subject_before(ps, coref, j)
    for s in subjects:
        if s.cluster.type not in _STATE | {EntityType.ORGANIZATION}:
            continue
        for target in targets[:1]:
            if target.cluster.type in (EntityType.COMPANY, EntityType.PRODUCT, EntityType.ASSET):
                _add(
                    out,
                    s.cluster,
                    Predicate.APPROVES,
                    target.cluster,
                    s_index,
                    j,
                    0.7,
                    "granted-licence",
                )


def _approval_from(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "X received/won approval from Y" -> Y APPROVES X."""
    tokens = ps.tokens
    k = j + 1
    if tokens[j].lower == "green" and k < len(tokens) and tokens[k].lower == "light":
        k += 1
    approvers, _ = prep_object(ps, coref, k, ("from", "by"), window=4)
    approvers = [a for a in approvers if a.cluster.type in _STATE | {EntityType.ORGANIZATION}]
    if not approvers:
        return
    i = j - 1
    while (
        i >= ps.begin
        and j - i <= 4
        and tokens[i].lower
        not in (
            "received",
            "receives",
            "won",
            "wins",
            "got",
            "gets",
            "secured",
            "secures",
            "obtained",
            "obtains",
            "gained",
            "gains",
        )
    ):
        i -= 1
    if i < ps.begin:
        return
    subjects, _ = subject_before(ps, coref, i)
    for s in subjects:
        if s.cluster.type in (EntityType.COMPANY, EntityType.PRODUCT, EntityType.ASSET):
            _add(
                out,
                approvers[0].cluster,
                Predicate.APPROVES,
                s.cluster,
                s_index,
                j,
                0.75,
                "approval-from",
            )


# ---------------------------------------------------------------------------
# listings


def _exchange_for(coref: Coreference, cluster: Cluster | None) -> Cluster | None:
    if cluster is None:
        return None
    if cluster.type is EntityType.COMPANY and any(
        w in cluster.canonical
        for w in ("Exchange", "Nasdaq", "NYSE", "HKEX", "Bourse", "Clearing", "SGX", "bourse")
    ):
        return cluster
    if (
        cluster.registry is not None
        and cluster.registry.description
        and "exchange" in (cluster.registry.description.lower())
    ):
        return cluster
    if cluster.type in _PLACE and cluster.canonical in EXCHANGE_OF_CITY:
        name = EXCHANGE_OF_CITY[cluster.canonical]
        for c in coref.live():
            if c.type is EntityType.COMPANY and any(
                f == name or f.replace("The ", "") == name for f in c.forms()
            ):
                return c
        return coref.add(name, EntityType.COMPANY)
    return None


def _listing(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for m in ps.mentions:
        ex = _exchange_for(coref, coref.of(m)) if not m.is_place else None
        if ex is not None:
            state.exchange = ex.id
    _city_listed(ps, s_index, coref, out)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if (
            low
            in (
                "debut",
                "debuted",
                "debuts",
                "listing",
                "listed",
                "ipo",
                "float",
                "lists",
                "list",
                "trading",
                "trades",
                "traded",
            )
            and j + 1 < n
            and tokens[j + 1].lower in ("on", "in")
        ):
            if low == "trading" and not (
                j > 0 and tokens[j - 1].lower in ("began", "begin", "start", "started", "debut")
            ):
                continue
            places, _ = object_after(ps, coref, j + 1, window=5)
            exchanges = [x for x in (_exchange_for(coref, p.cluster) for p in places) if x]
            if not exchanges:
                if low in ("debut", "listing", "ipo"):
                    _ipo_mention(ps, s_index, coref, state, j, out)  # "debut on Tuesday"
                continue
            state.exchange = exchanges[0].id
            company = _listing_company(ps, coref, j)
            if company is not None:
                status = FactStatus.PROPOSED if _is_plan(ps, j) else None
                for exchange in exchanges:
                    _add(
                        out,
                        company,
                        Predicate.LISTED_ON,
                        exchange,
                        s_index,
                        j,
                        0.8,
                        "listed-on",
                        status=status,
                        wants_amount=True,
                    )
        elif low in ("ipo", "ipos", "offering", "listing", "debut") and (
            low != "offering" or (j >= 2 and tokens[j - 1].lower == "public")
        ):
            _ipo_mention(ps, s_index, coref, state, j, out)


def _city_listed(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    """ "the Hong Kong-listed carmaker", "Xpeng's Hong Kong-listed shares" -> LISTED_ON."""
    tokens = ps.tokens
    n = len(tokens)
    for m in ps.mentions:
        if not m.is_place or m.end + 1 >= n or tokens[m.end].lower != "-listed":
            continue
        exchange = _exchange_for(coref, coref.of(m))
        if exchange is None:
            continue
        company: Cluster | None = None
        k = m.end + 1
        if tokens[k].lower in ("shares", "stock", "stocks") and m.start >= 2:
            if tokens[m.start - 1].lower == "'s":
                company = _cluster(coref, ps.mention_at(m.start - 2))
            else:
                company = _cluster(coref, ps.mention_at(m.start - 1))
        else:
            owned = ps.mention_at(k)
            if owned is None and k + 1 < n:
                owned = ps.mention_at(k + 1)  # "Hong Kong-listed electric carmaker X"
            company = _cluster(coref, owned)
        if company is not None and company.type is EntityType.COMPANY and company.id != exchange.id:
            _add(out, company, Predicate.LISTED_ON, exchange, s_index, m.end, 0.7, "city-listed")


def _is_plan(ps: ParsedSentence, j: int) -> bool:
    window = {t.lower for t in ps.tokens[max(ps.begin, j - 6) : j]}
    return bool(
        window
        & {
            "plans",
            "plan",
            "planned",
            "seeks",
            "seeking",
            "hopes",
            "aims",
            "considering",
            "mulls",
            "mulling",
            "proposed",
            "intends",
            "filed",
            "files",
            "eyes",
            "eyeing",
            "prepares",
            "preparing",
        }
    )


def _listing_company(ps: ParsedSentence, coref: Coreference, j: int) -> Cluster | None:
    tokens = ps.tokens
    k = j - 1
    while k >= ps.begin and j - k <= 4:
        m = ps.mention_at(k)
        if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("its", "their"):
            c = coref.of(m)
            if c is not None and c.type is EntityType.COMPANY:
                return c
            break
        if tokens[k].lower == "'s":
            c = _cluster(coref, ps.mention_at(k - 1))
            if c is not None and c.type in (EntityType.COMPANY, None):
                return c
        k -= 1
    subjects, _ = subject_before(ps, coref, j)
    for s in subjects:
        if s.cluster.type in (EntityType.COMPANY, None) and s.cluster.named:
            return s.cluster
    if ps.subject >= 0:
        m = ps.mentions[ps.subject]
        c = coref.of(m)
        if c is not None and c.type is EntityType.COMPANY and m.start < j:
            return c
    return None


def _ipo_mention(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    j: int,
    out: list[Candidate],
) -> None:
    """ "Tallis raised $300 million in its listing", "its March IPO"."""
    tokens = ps.tokens
    company: Cluster | None = None
    date: str | None = None
    k = j - 1
    if tokens[j].lower == "offering":
        k = j - 3 if j >= 3 and tokens[j - 2].lower == "initial" else j - 2
    while k >= ps.begin and j - k <= 10:
        money = ps.money_at(k)
        if money is not None:
            k = money.start - 1
            continue
        for span in ps.dates:
            if span.start <= k < span.end and span.date is not None:
                date = span.date.date
        m = ps.mention_at(k)
        if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("its", "their"):
            company = coref.of(m)
            break
        if tokens[k].lower == "'s":
            company = _cluster(coref, ps.mention_at(k - 1))
            break
        if m is not None and m.is_place:
            k = m.start - 1
            continue
        if tokens[k].lower in ("raised", "raises", "raise", "raising"):
            subjects, _ = subject_before(ps, coref, k)
            company = next(
                (a.cluster for a in subjects if a.cluster.type in (EntityType.COMPANY, None)), None
            )
            break
        k -= 1
    if company is None or company.type not in (EntityType.COMPANY, None):
        return
    exchange = None
    for m in ps.mentions:
        if m.is_place and m.end <= j and j - m.end <= 2:
            exchange = _exchange_for(coref, coref.of(m))
    if exchange is None and state.exchange >= 0:
        exchange = coref.root(coref.clusters[state.exchange])
    if exchange is None or exchange.id == company.id:
        return
    extra: dict[str, object] = {"wants_amount": True}
    if date is not None:
        extra["date"] = date
        extra["fixed_date"] = True
    _add(out, company, Predicate.LISTED_ON, exchange, s_index, j, 0.7, "ipo", **extra)


# ---------------------------------------------------------------------------
# partnerships and deal roles


def _funding_round(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    """ "Alibaba led a $1 billion funding round in Moonshot AI" -> INVESTS_IN."""
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n - 1):
        if tokens[j].lower not in ("round", "rounds") or tokens[j + 1].lower not in ("in", "for"):
            continue
        targets, _ = object_after(ps, coref, j + 1, window=4)
        k = j - 1
        while (
            k >= ps.begin
            and j - k <= 8
            and tokens[k].lower
            not in ("led", "leads", "lead", "co-led", "joined", "joins", "participated", "backed")
        ):
            k -= 1
        if k < ps.begin or j - k > 8:
            continue
        investors, _ = subject_before(ps, coref, k)
        for investor in investors:
            for target in targets[:1]:
                if investor.cluster.type in (EntityType.COMPANY, EntityType.PERSON, None) and (
                    target.cluster.type in (EntityType.COMPANY, None)
                ):
                    _add(
                        out,
                        investor.cluster,
                        Predicate.INVESTS_IN,
                        target.cluster,
                        s_index,
                        j,
                        0.75,
                        "funding-round",
                        wants_amount=True,
                    )


def _partnership(
    ps: ParsedSentence, s_index: int, coref: Coreference, out: list[Candidate]
) -> None:
    tokens = ps.tokens
    n = len(tokens)
    for j in range(ps.begin, n):
        low = tokens[j].lower
        if low == "venture" and j > 0 and tokens[j - 1].lower == "joint":
            if j + 1 < n and tokens[j + 1].lower in ("with", "between"):
                continue  # read by the noun lexicon
            subjects, _ = subject_before(ps, coref, _clause_verb(ps, j))
            firms = [a for a in subjects if a.cluster.type is EntityType.COMPANY]
            for a_index, a in enumerate(firms):
                for b in firms[a_index + 1 :]:
                    _add(
                        out,
                        a.cluster,
                        Predicate.PARTNERS_WITH,
                        b.cluster,
                        s_index,
                        j,
                        0.75,
                        "joint-venture",
                    )
        elif low in ("agreement", "mou", "memorandum", "pact", "partnership", "deal") and (
            j + 1 < n and tokens[j + 1].lower == "with"
        ):
            if j > 0 and tokens[j - 1].lower in (
                "purchase",
                "sale",
                "acquisition",
                "merger",
                "trade",
                "supply",
                "licensing",
            ):
                continue
            partners, _ = object_after(ps, coref, j + 1, window=4)
            k = j - 1
            while (
                k >= ps.begin
                and j - k <= 6
                and tokens[k].lower
                not in (
                    "signed",
                    "signs",
                    "sign",
                    "struck",
                    "strikes",
                    "reached",
                    "reaches",
                    "inked",
                    "entered",
                    "enters",
                    "sealed",
                    "formed",
                    "forms",
                    "announced",
                )
            ):
                k -= 1
            if k < ps.begin or j - k > 6:
                continue
            subjects, _ = subject_before(ps, coref, k)
            for s in subjects:
                for p in partners:
                    if s.cluster.type is EntityType.COMPANY and p.cluster.type in (
                        EntityType.COMPANY,
                        EntityType.ORGANIZATION,
                    ):
                        _add(
                            out,
                            s.cluster,
                            Predicate.PARTNERS_WITH,
                            p.cluster,
                            s_index,
                            j,
                            0.65,
                            "agreement-with",
                        )
        elif low in ("partner", "partners") and j >= 1:
            _partner_noun(ps, s_index, coref, j, out)
        elif (
            low in ("companies", "firms", "groups", "carmakers")
            and j >= 1
            and tokens[j - 1].lower in ("two", "both")
            and any(
                t.lower in ("jointly", "together", "co-develop", "co-invest")
                for t in tokens[j + 1 : j + 5]
            )
        ):
            # "..., and the two companies will jointly develop two models"
            pair: list[Cluster] = []
            for m in ps.mentions:
                mc = coref.of(m)
                if (
                    m.start < j
                    and mc is not None
                    and mc.type is EntityType.COMPANY
                    and not m.is_reference
                    and all(mc.id != p.id for p in pair)
                ):
                    pair.append(mc)
            if len(pair) == 2:
                _add(out, pair[0], Predicate.PARTNERS_WITH, pair[1], s_index, j, 0.7, "jointly")
        elif (
            low in ("teamed", "teams", "team", "joined", "joins", "join")
            and j + 2 < n
            and (tokens[j + 1].lower in ("up", "forces") and tokens[j + 2].lower == "with")
        ):
            partners, _ = object_after(ps, coref, j + 2, window=4)
            subjects, _ = subject_before(ps, coref, j)
            for s in subjects:
                for p in partners:
                    if s.cluster.type is EntityType.COMPANY and p.cluster.type is (
                        EntityType.COMPANY
                    ):
                        _add(
                            out,
                            s.cluster,
                            Predicate.PARTNERS_WITH,
                            p.cluster,
                            s_index,
                            j,
                            0.75,
                            "team-up",
                        )


def _partner_noun(
    ps: ParsedSentence, s_index: int, coref: Coreference, j: int, out: list[Candidate]
) -> None:
    """ "SAIC Motor, its long-time joint venture partner", "its partner X", "X's partner Y"."""
    tokens = ps.tokens
    n = len(tokens)
    k = j - 1
    while k > ps.begin and j - k <= 5 and tokens[k].lower in _PARTNER_MODIFIERS:
        k -= 1
    if tokens[k].lower == "'s":
        possessor = ps.mention_at(k - 1)
        owner = _cluster(coref, possessor)
        start = possessor.start if possessor is not None else k
    else:
        m = ps.mention_at(k)
        if m is None or m.kind != MentionKind.PRONOUN or m.head not in ("its", "their"):
            return
        owner, start = coref.of(m), m.start
    partner: Cluster | None = None
    if j + 1 < n and ps.mention_at(j + 1) is not None:
        partner = _cluster(coref, ps.mention_at(j + 1))  # "its partner SAIC"
    if partner is None:
        partner = _apposed_to(ps, coref, start)  # "SAIC, its joint venture partner,"
    if (
        owner is not None
        and partner is not None
        and owner.type is EntityType.COMPANY
        and partner.type is EntityType.COMPANY
    ):
        _add(out, owner, Predicate.PARTNERS_WITH, partner, s_index, j, 0.7, "partner-noun")


_PARTNER_MODIFIERS = word_set(
    """long-time longtime long-standing longstanding joint venture jv strategic key main
    biggest largest local chinese foreign technology manufacturing business new former"""
)


def _clause_verb(ps: ParsedSentence, j: int) -> int:
    """The verb of the clause holding token ``j``: the first verb-like token after the
    subject (read as the first lower-case token after the first mention)."""
    tokens = ps.tokens
    first: Mention | None = None
    for m in ps.mentions:
        if m.start >= ps.begin and not m.is_reference:
            first = m
            break
    if first is None:
        return j
    k = first.end
    while k < j:
        here = ps.mention_at(k)
        if here is not None:
            k = here.end
            continue
        if tokens[k].lower in ("and", ",", "&"):
            k += 1
            continue
        return k
    return j


def _deal_roles(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    state: StoryState,
    out: list[Candidate],
) -> None:
    """ "... signed with the buyer, Brenn Capital" -> Brenn ACQUIRES the deal's target."""
    if state.deal_target < 0:
        return
    tokens = ps.tokens
    n = len(tokens)
    target = coref.root(coref.clusters[state.deal_target])
    for j in range(ps.begin, n - 2):
        low = tokens[j].lower
        if low in ("purchaser", "buyer", "acquirer", "acquiror") and tokens[j + 1].text == ",":
            m = ps.mention_at(j + 2)
            c = _cluster(coref, m)
            if c is not None and c.type in (EntityType.COMPANY, None) and c.id != target.id:
                _add(
                    out,
                    c,
                    Predicate.ACQUIRES,
                    target,
                    s_index,
                    j,
                    0.7,
                    "deal-buyer",
                    wants_amount=True,
                )
        elif low in ("seller", "vendor") and tokens[j + 1].text == ",":
            c = _cluster(coref, ps.mention_at(j + 2))
            if c is not None and c.type in (EntityType.COMPANY, None) and c.id != target.id:
                _add(
                    out,
                    c,
                    Predicate.SELLS,
                    target,
                    s_index,
                    j,
                    0.7,
                    "deal-seller",
                    wants_amount=True,
                )
