"""Shallow grammar over one sentence: who is the subject of a verb, what is its
object, what follows a preposition, which mentions are coordinated.

No parser is used: each helper walks the tokens from a trigger word, skipping
what cannot be an argument (auxiliaries, adverbs, dates, "plans to", "has signed a
$750m agreement to", determiners, stake phrases such as "a 20% stake in") and reading
the patterns that move an argument elsewhere (appositions, relative pronouns,
"a subsidiary of X", "shares of X", coordination "A, B and C"). Every walk is
bounded, so the work per trigger is constant.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import EntityType
from loaders.extract.coref import Cluster, Coreference
from loaders.extract.cues import DESCRIPTOR_TYPES, GENERIC_ACRONYMS, PRODUCT_NOUNS, word_set
from loaders.extract.document import ParsedSentence
from loaders.extract.gazetteer import COUNTRY_OF_DEMONYM
from loaders.extract.mention import Mention, MentionKind

__all__ = [
    "Arg",
    "BE_FORMS",
    "agent_after",
    "coordinated_after",
    "is_modifier",
    "is_passive",
    "object_after",
    "prep_object",
    "subject_before",
]

BE_FORMS = word_set("is are was were be been being 's get got gets getting")
_AUX = BE_FORMS | word_set(
    """has have had having will would shall should can could may might must do does did not never
    n't also still now then already further recently first jointly formally officially finally
    eventually reportedly previously once again even just only soon later earlier quickly
    successfully effectively initially ultimately subsequently publicly separately newly yet"""
)
_CONTROL = word_set(
    """plans plan planned planning agreed agrees agree agreeing aims aim aimed seeks seek sought
    wants want wanted intends intend intended expects expect expected hopes hope hoped decided
    decides decide moved moves move offered offers offer set poised about likely able looking
    going trying tried attempting attempts attempt prepares prepared preparing due continues
    continued continue began begins begin started starts start pledged pledges pledge vowed vows
    promised promises sought unlikely ready eager keen considering consider considers mulling
    weighing set to propose proposes proposed proposing"""
)
_CONTROL_NOUNS = word_set(
    """deal agreement pact bid offer plan plans proposal move effort attempt talks contract mou
    memorandum agreements deals push drive decision option right action measures steps support
    stimulus efforts policies pledge pledges vow"""
)
_LIGHT_VERBS = word_set(
    """struck strikes strike striking signed signs sign signing reached reaches reach announced
    announces announce announcing unveiled unveils made makes make making launched launches
    launch clinched clinches inked inks sealed seals won wins secured secures submitted submits
    tabled outlined entered enters completed completes finalised finalized confirmed confirms
    disclosed discloses took takes take taking received receives got gets approved pledged
    pledges pledge vowed vows promised promises unveiled rolled"""
)
_DETERMINERS = word_set(
    """a an the its their his her our this that these those all some most part remaining additional
    further another majority minority controlling full entire whole total about around nearly
    over up more than less roughly approximately some almost just under nearly over some
    outstanding existing new direct indirect combined"""
)
_STAKE_NOUNS = word_set(
    "stake stakes share shares interest interests equity holding holdings control assets"
)
_NUMBER_WORDS = word_set(
    """billion million trillion bn mn m thousand hundred one two three four five six seven eight
    nine ten dozen dozens several"""
)
# Nouns through which an argument passes: "a subsidiary of Norvik will buy" -> Norvik.
TRANSPARENT_NOUNS = word_set(
    """subsidiary subsidiaries unit units arm arms affiliate affiliates division divisions shares
    stock stocks consortium vehicle entity entities branch"""
)
_STOP_LEFT = word_set(
    """; : but while whereas although though because after before if unless when since where
    whether said says told"""
)
_STOP_RIGHT = word_set(
    """; : but while whereas although though because which who that if unless when where whether
    said says told to by from with as after before since than while"""
)
_RELATIVE = word_set("which who that")
# Lower-case words after a name that make the name a modifier ("Kivra phones").
_MODIFIED_NOUNS = PRODUCT_NOUNS | word_set(
    """pill pills drug drugs vaccine vaccines treatment treatments therapy plants factories stores
    outlets brands brand employees executives officials customers users shareholders staff
    workers products goods facilities operations sales revenue revenues profit profits earnings
    ipo listing shares stock debut deal executive official spokesperson spokesman spokeswoman
    analyst analysts rival rivals peer peers chief ceo chairman founder president"""
)
_ATTRIBUTIVE = word_set(
    """-based -listed -owned -backed -controlled -headquartered -registered -funded -led -run
    -made"""
)
_MAX_WALK = 16
_ABANDON_VERBS = word_set(
    """scrapped scraps abandoned abandons dropped drops shelved shelves terminated terminates
    suspended suspends revived revives resumed resumes"""
)
# "the MG brand", "its Taobao unit": the name before these nouns is what is meant.
_NAMING_NOUNS = word_set("brand brands unit business subsidiary division label marque")
_PLACE_UNITS = word_set("business businesses unit operations division arm market office team")
_PREPOSITIONS = word_set(
    "of in at for with from to by on about into than like via over under between"
)
_COMPASS = word_set("""northern southern eastern western central north south east west northeastern
    northwestern southeastern southwestern coastal inland""")
_ASIDES = word_set(
    """meanwhile however though too also separately instead for example in turn likewise similarly
    additionally moreover still though then"""
)
# Nouns after which "of X" still leads to the object ("100% of X", "imports of X").
_OF_QUANTITIES = word_set(
    """all most part control majority half rest parts much bulk ownership 100 imports exports
    import export shipments sales purchases supplies production output units sale purchase
    acquisition tonnes tons barrels metric bushels cargoes kilograms pounds litres liters
    volumes bulk lot lots stakes"""
)
# "invest in a new subsidiary of X": an unnamed unit stands for its parent
_UNIT_OF = word_set("subsidiary unit arm affiliate division")
_BUILD_VERBS = word_set("build construct develop set operate run create establish")
_VEHICLE_NOUNS = word_set("venture project plan company firm partnership vehicle fund")


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument found for a trigger: its mention, cluster and how it was reached."""

    mention: Mention
    cluster: Cluster
    via: str = "direct"


def is_modifier(ps: ParsedSentence, m: Mention) -> bool:
    """A mention used as a modifier ("U.S.-based", "Kivra phones") is no argument."""
    tokens = ps.tokens
    if m.end < len(tokens):
        nxt = tokens[m.end]
        if nxt.lower in _ATTRIBUTIVE:
            return True
        following = ps.mention_at(m.end)
        if (
            following is not None
            and following.type in (EntityType.COMMODITY, EntityType.PRODUCT)
            and m.type not in (EntityType.PRODUCT, EntityType.COMMODITY)
            and not following.is_reference
        ):
            return True
        if (
            not nxt.is_cap
            and nxt.lower in DESCRIPTOR_TYPES
            and m.kind == MentionKind.NAME
            and m.type is None
        ):
            return True  # "AI start-up Kivra": "AI" describes the start-up
        if (
            m.kind not in (MentionKind.PRONOUN,)
            and nxt.lower in _MODIFIED_NOUNS
            and not nxt.is_cap
            and m.type is not EntityType.PRODUCT
        ):
            return True
    return False


def _arg(ps: ParsedSentence, coref: Coreference, m: Mention, via: str) -> Arg | None:
    cluster = coref.of(m)
    if cluster is None:
        return None
    return Arg(m, cluster, via)


def _skip_dates_left(ps: ParsedSentence, k: int) -> int:
    for span in ps.dates:
        if span.start <= k < span.end:
            k = span.start - 1
            if k >= 0 and ps.tokens[k].lower in ("on", "in", "last", "this", "late", "early"):
                k -= 1
            return k
    return k


def _skip_money_left(ps: ParsedSentence, k: int) -> int:
    span = ps.money_at(k) or ps.percent_at(k)
    return span.start - 1 if span is not None else k


def skip_verb_group(ps: ParsedSentence, k: int) -> tuple[int, list[int]]:
    """Walk left over auxiliaries, adverbs, dates and control chains ("plans to", "has
    signed a $750m agreement to"). Returns the new position and the tokens of money or
    percentages passed on the way (they often belong to the fact)."""
    tokens = ps.tokens
    passed: list[int] = []
    steps = 0
    after_control = False
    while k >= ps.begin and steps < _MAX_WALK:
        steps += 1
        low = tokens[k].lower
        if (
            after_control
            and low == "off"
            and k - 1 >= ps.begin
            and tokens[k - 1].lower in ("called", "calls", "call", "broke", "breaks", "break")
        ):
            k -= 2  # "called off its plan to buy"
            after_control = False
            continue
        if after_control and low in _ABANDON_VERBS:
            k -= 1
            after_control = False
            continue
        if after_control and low in _LIGHT_VERBS:
            k -= 1  # "announced plans to invest": the plans were announced by the subject
            after_control = False
            continue
        moved = _skip_dates_left(ps, k)
        if moved != k:
            k = moved
            continue
        if low in _AUX or (low.endswith("ly") and len(low) > 4 and not tokens[k].is_cap):
            k -= 1
            continue
        if low == "to" and k - 1 >= ps.begin and ps.mention_at(k - 1) is not None:
            k -= 1  # "Lenovo to buy Motorola": a headline's future
            break
        if low == "to" and k - 1 >= ps.begin and _skip_dates_left(ps, k - 1) != k - 1:
            # "agreed in March 2023 to invest": the date sits between control and "to"
            j = _skip_dates_left(ps, k - 1)
            if j >= ps.begin and tokens[j].lower in _CONTROL:
                k = j - 1
                after_control = True
                continue
        if low == "to" and k - 1 >= ps.begin:
            prev = tokens[k - 1].lower
            if prev in _CONTROL:
                k -= 2
                after_control = True
                while k >= ps.begin and tokens[k].lower in _DETERMINERS:
                    k -= 1
                continue
            if prev in _CONTROL_NOUNS:
                k = _skip_noun_phrase_left(ps, k - 2, passed)
                if k >= ps.begin and tokens[k].lower in _LIGHT_VERBS:
                    k -= 1
                    if k >= ps.begin and tokens[k].lower == "into":
                        k -= 1
                continue
            if prev in ("order", "attempt"):
                k -= 2
                if k >= ps.begin and tokens[k].lower == "in":
                    k -= 1
                continue
        if low in ("and",) and k - 1 >= ps.begin and tokens[k - 1].lower in _CONTROL:
            k -= 1
            continue
        break
    return k, passed


def _skip_noun_phrase_left(ps: ParsedSentence, k: int, passed: list[int]) -> int:
    tokens = ps.tokens
    steps = 0
    while k >= ps.begin and steps < 10:
        steps += 1
        span = ps.money_at(k) or ps.percent_at(k)
        if span is not None:
            passed.append(span.start)
            k = span.start - 1
            continue
        low = tokens[k].lower
        if low in _DETERMINERS or low in ("binding", "non-binding", "-", "definitive"):
            k -= 1
            continue
        if low in _LIGHT_VERBS:
            return k
        if tokens[k].text[0].isalpha() and not tokens[k].is_cap and low not in _AUX:
            k -= 1  # an adjective: "a landmark deal", "a preliminary agreement"
            continue
        break
    return k


def subject_before(ps: ParsedSentence, coref: Coreference, t: int) -> tuple[list[Arg], list[int]]:
    """The subject of the verb at token ``t`` (coordinated subjects give several)."""
    k, passed = skip_verb_group(ps, t - 1)
    return np_ending_at(ps, coref, k), passed


def np_ending_at(ps: ParsedSentence, coref: Coreference, k: int, depth: int = 0) -> list[Arg]:
    """The entity (or coordinated entities) of the noun phrase that ends at token ``k``."""
    tokens = ps.tokens
    if k < ps.begin or depth > 3:
        return []
    if tokens[k].text == ")":
        k = _open_bracket(ps, k) - 1
        if k < ps.begin:
            return []
    low = tokens[k].lower
    if low in _RELATIVE and k - 1 >= ps.begin:
        j = k - 1
        if tokens[j].text == ",":
            j -= 1
        antecedent = ps.mention_at(j)
        if (
            tokens[k - 1].text == ","
            and antecedent is not None
            and antecedent.end - 1 == j
            and not antecedent.is_reference
        ):
            # ", which ...": the name before the comma, even inside a phrase ("supplies
            # chips to Huawei, which designs ...")
            arg = _arg(ps, coref, antecedent, "relative")
            return [arg] if arg else []
        found = np_ending_at(ps, coref, j, depth + 1)
        return found or _relative_antecedent(ps, coref, j, depth)
    if tokens[k].text == ",":
        opening = _apposition_start(ps, k)
        if opening is not None:
            return np_ending_at(ps, coref, opening - 1, depth + 1)
        return []
    if tokens[k].text in ("-", "\u2013", "\u2014", "--"):
        # "Kivra - a maker of cheap phones - raised": a dashed aside
        j = k - 1
        while j >= ps.begin and k - j <= 20:
            if tokens[j].text == tokens[k].text:
                return np_ending_at(ps, coref, j - 1, depth + 1)
            j -= 1
        return []
    m = ps.mention_at(k)
    if m is None and _names_a_pair(ps, k):
        return plural_antecedents(ps, coref, k)
    if m is not None:
        if m.end - 1 != k:
            return []  # the phrase ends inside a mention only if that mention ends here
        if m.kind == MentionKind.PRONOUN and m.head in ("its", "their", "his", "her"):
            return []
        args = _with_coordination_left(ps, coref, m)
        return _through_transparent(ps, coref, m, args)
    if low in ("administration", "government") and k - 1 >= ps.begin:
        leader = ps.mention_at(k - 1)
        if (
            leader is not None
            and leader.end == k
            and leader.type
            in (
                EntityType.PERSON,
                EntityType.COUNTRY,
            )
        ):
            arg = _arg(ps, coref, leader, "government")  # "the Trump administration"
            return [arg] if arg else []
    if low in _NAMING_NOUNS and k - 1 >= ps.begin:
        named = ps.mention_at(k - 1)
        if named is not None and named.end == k and named.kind == MentionKind.NAME:
            arg = _arg(ps, coref, named, "direct")  # "its Audi brand signed ..."
            return [arg] if arg else []
    if low in TRANSPARENT_NOUNS or low in DESCRIPTOR_TYPES or low in PRODUCT_NOUNS:
        # "Norvik's subsidiary", "the Orion models", "a company" in apposition
        j = k - 1
        while (
            j >= ps.begin
            and not tokens[j].is_cap
            and tokens[j].text[0].isalpha()
            and (tokens[j].lower not in _AUX and tokens[j].lower not in ("of", "in", "by", "for"))
            and k - j < 4
            and ps.mention_at(j) is None
        ):
            j -= 1
        if j >= ps.begin and tokens[j].lower == "'s":
            owner_m = ps.mention_at(j - 1)
            if owner_m is not None and low in TRANSPARENT_NOUNS:
                arg = _arg(ps, coref, owner_m, "parent")
                return [arg] if arg else []
        before = ps.mention_at(j)
        if before is not None and low in PRODUCT_NOUNS and before.type is EntityType.PRODUCT:
            arg = _arg(ps, coref, before, "direct")
            return [arg] if arg else []
        if before is None and j >= ps.begin and tokens[j].text == ",":
            # "Tallis S.à r.l., a firm owned by ..."
            m2 = ps.mention_at(j - 1)
            if m2 is not None and low in DESCRIPTOR_TYPES:
                arg = _arg(ps, coref, m2, "apposition")
                return [arg] if arg else []
        if before is not None and low in ("models", "model") and before.type is EntityType.PRODUCT:
            arg = _arg(ps, coref, before, "direct")
            return [arg] if arg else []
        if low in DESCRIPTOR_TYPES:
            # "Zhipu AI, an AI start-up backed by ...": past modifiers to the apposition
            i = k - 1
            while i >= ps.begin and k - i <= 6 and tokens[i].text != ",":
                if tokens[i].lower in _AUX or tokens[i].lower in _PREPOSITIONS:
                    return []
                i -= 1
            if i > ps.begin and tokens[i].text == ",":
                m3 = ps.mention_at(i - 1)
                if m3 is not None and not m3.is_reference:
                    arg = _arg(ps, coref, m3, "apposition")
                    return [arg] if arg else []
    return []


_JOINING_VERBS = word_set(
    "merge merges merged merging combine combines combined combining partner partnered"
)
_PRODUCT_REFERENCE_LEADS = word_set("the these those its their")


def recent_products(ps: ParsedSentence, coref: Coreference, k: int) -> list[Arg]:
    """ "developed the models", "made them available": the products named just before.

    ``k`` is where the reference starts; it must be "the models"-like (a determiner and a
    product noun that name nothing themselves) or "them". The products come from this
    sentence before ``k`` or, failing that, the two sentences before it.
    """
    tokens = ps.tokens
    n = len(tokens)
    if k >= n or ps.mention_at(k) is not None and tokens[k].lower not in ("them", "its", "their"):
        return []
    if tokens[k].lower == "them":
        pass
    elif not (
        k + 1 < n
        and tokens[k].lower in _PRODUCT_REFERENCE_LEADS
        and tokens[k + 1].lower in PRODUCT_NOUNS
        and ps.mention_at(k + 1) is None
        and (k + 2 >= n or tokens[k + 2].lower not in PRODUCT_NOUNS and not tokens[k + 2].is_cap)
    ):
        return []
    position = next((i for i, s in enumerate(coref.sentences) if s is ps), -1)
    for back in range(0, 3):
        index = position - back
        if position < 0 or index < 0:
            break
        sentence = coref.sentences[index]
        found: list[Arg] = []
        for m in sentence.mentions:
            if back == 0 and m.end > k:
                break
            c = coref.of(m)
            if (
                c is not None
                and c.type is EntityType.PRODUCT
                and not m.is_reference
                and all(a.cluster.id != c.id for a in found)
            ):
                found.append(Arg(m, c, "product-reference"))
        if found:
            return found
    return []


_PAIR_NOUNS = word_set(
    """companies firms groups brokers banks carmakers automakers lenders insurers miners
    developers chipmakers makers rivals partners"""
)


def _names_a_pair(ps: ParsedSentence, k: int) -> bool:
    """ "Both", "the pair", "the two companies" ending at ``k``."""
    tokens = ps.tokens
    low = tokens[k].lower
    if low == "both":
        return k == ps.begin or tokens[k - 1].lower in (",", "and", "but")
    if low == "pair":
        return k > ps.begin and tokens[k - 1].lower == "the"
    return low in _PAIR_NOUNS and k > ps.begin and tokens[k - 1].lower in ("two", "both")


def plural_antecedents(ps: ParsedSentence, coref: Coreference, k: int) -> list[Arg]:
    """The two firms a plural reference at ``k`` stands for: the latest "A and B" pair of
    companies in this sentence before ``k`` or in the two sentences before it."""
    position = next((i for i, s in enumerate(coref.sentences) if s is ps), -1)
    if position < 0:
        return []
    for back in range(0, 3):
        index = position - back
        if index < 0:
            break
        sentence = coref.sentences[index]
        if sentence.sentence.headline:
            continue
        mentions = [m for m in sentence.mentions if back > 0 or m.end <= k]
        for a, b in reversed(list(zip(mentions, mentions[1:], strict=False))):
            between = [t.lower for t in sentence.tokens[a.end : b.start]]
            joined = between in (["and"], [",", "and"], ["&"]) or (
                # "A will merge with B", "A agreed to combine with B"
                2 <= len(between) <= 4
                and between[-1] == "with"
                and any(w in _JOINING_VERBS for w in between)
            )
            if not joined:
                continue
            ca, cb = coref.of(a), coref.of(b)
            if (
                ca is None
                or cb is None
                or ca.id == cb.id
                or ca.type is not EntityType.COMPANY
                or cb.type is not EntityType.COMPANY
            ):
                continue
            return [Arg(a, ca, "plural"), Arg(b, cb, "plural")]
    return []


def _relative_antecedent(ps: ParsedSentence, coref: Coreference, k: int, depth: int) -> list[Arg]:
    """ "Norvik is a large group registered in Chile that runs ...":
    past a prepositional phrase and a participle, the head noun is a predicate nominal
    whose subject is the antecedent."""
    tokens = ps.tokens
    j = k
    steps = 0
    while j >= ps.begin and steps < 12:
        steps += 1
        low = tokens[j].lower
        if low in DESCRIPTOR_TYPES and not tokens[j].is_cap:
            i = j - 1
            while (
                i >= ps.begin
                and j - i <= 4
                and not tokens[i].is_cap
                and tokens[i].lower not in ("is", "was", "are", "were", "becomes", "became", ",")
            ):
                i -= 1
            if i >= ps.begin and tokens[i].lower in (
                "is",
                "was",
                "are",
                "were",
                "became",
                "becomes",
            ):
                return np_ending_at(ps, coref, i - 1, depth + 1)
            if i >= ps.begin and tokens[i].text == ",":
                return np_ending_at(ps, coref, i - 1, depth + 1)
            return []
        if low in (";", ":", "which", "who", "that") or ps.mention_at(j) is not None and j != k:
            if ps.mention_at(j) is not None:
                j = ps.mention_at(j).start - 1  # type: ignore[union-attr]
                continue
            return []
        j -= 1
    return []


def _through_transparent(
    ps: ParsedSentence, coref: Coreference, m: Mention, args: list[Arg]
) -> list[Arg]:
    """A mention inside "a subsidiary of X" or "shares of X" stands for the phrase; one
    inside another prepositional phrase ("the CEO of X") is not the subject."""
    tokens = ps.tokens
    k = m.start - 1
    while k >= ps.begin and tokens[k].lower in ("the", "a", "an"):
        k -= 1
    if k >= ps.begin and tokens[k].lower in (
        "of",
        "in",
        "at",
        "from",
        "for",
        "with",
        "by",
        "to",
        "on",
        "into",
        "than",
        "like",
        "about",
    ):
        prep = tokens[k].lower
        j = k - 1
        while (
            j >= ps.begin
            and not tokens[j].is_cap
            and tokens[j].lower not in ("of", "in", "by", ",")
            and tokens[j].text[0].isalpha()
            and k - j <= 3
        ):
            if tokens[j].lower in TRANSPARENT_NOUNS and prep == "of":
                return [Arg(a.mention, a.cluster, "parent") for a in args]
            j -= 1
        return []
    return args


def _with_coordination_left(ps: ParsedSentence, coref: Coreference, m: Mention) -> list[Arg]:
    args: list[Arg] = []
    first = _arg(ps, coref, m, "direct")
    if first is None:
        return []
    args.append(first)
    tokens = ps.tokens
    current = m
    for _ in range(6):
        k = current.start - 1
        if k > ps.begin and tokens[k].lower == "the" and tokens[k - 1].lower == "and":
            k -= 1  # "China's securities regulator and the Ministry of Finance"
        if k < ps.begin:
            break
        if tokens[k].lower in ("and", "&") or tokens[k].text == ",":
            j = k - 1
            if tokens[k].lower == "and" and j >= ps.begin and tokens[j].text == ",":
                j -= 1
            if j > ps.begin and tokens[j].text == ")":
                j = _open_bracket(ps, j) - 1  # "China National Chemical Corp (ChemChina) and"
            prev = ps.mention_at(j)
            if prev is None or prev.end - 1 != j or prev.is_reference:
                break
            if prev.start > 0 and tokens[prev.start - 1].lower in _PREPOSITIONS:
                break  # "a round in Moonshot AI, and Tencent has": two clauses
            if (
                prev.type is not None
                and first.mention.type is not None
                and (prev.type is not first.mention.type)
            ):
                break
            arg = _arg(ps, coref, prev, "coordinated")
            if arg is None:
                break
            args.insert(0, arg)
            current = prev
            continue
        break
    return args


def _open_bracket(ps: ParsedSentence, k: int) -> int:
    j = k
    while j >= ps.begin and k - j < 12:
        if ps.tokens[j].text == "(":
            return j
        j -= 1
    return k


def _apposition_start(ps: ParsedSentence, k: int) -> int | None:
    """For a comma closing an apposition (", Chile's biggest copper miner,"), the
    position of the comma that opens it."""
    tokens = ps.tokens
    # ", whose customers include A, B and C,": a relative clause with commas of its own
    for r in range(k - 2, max(ps.begin, k - 20), -1):
        if tokens[r].text in (";", ":"):
            break
        if (
            tokens[r].lower in ("whose", "which", "who")
            and tokens[r - 1].text == ","
            and ps.mention_at(r - 2) is not None
        ):
            if any(t.text == "," for t in tokens[r + 1 : k]):
                return r - 1
            break
    j = k - 1
    while j >= ps.begin and k - j <= 14:
        if tokens[j].text == ",":
            inner = tokens[j + 1 : k]
            if not inner:
                return None
            if ps.mention_at(j - 1) is None:
                return None
            first = inner[0].lower
            if len(inner) <= 3 and all(t.lower in _ASIDES for t in inner):
                return j  # ", meanwhile,", ", for example,"
            starts_like_apposition = (
                first
                in (
                    "a",
                    "an",
                    "the",
                    "one",
                    "its",
                    "which",
                    "who",
                    "known",
                    "also",
                    "formerly",
                    "itself",
                    "now",
                    "then",
                    "both",
                    "each",
                    "based",
                    "headquartered",
                    "founded",
                    "controlled",
                    "owned",
                    "backed",
                    "listed",
                )
                or (ps.mention_at(j + 1) is not None and len(inner) <= 8)
                or inner[0].text.isdigit()
            )
            return j if starts_like_apposition else None
        if tokens[j].text in (";", ":"):
            return None
        j -= 1
    return None


def _skip_object_lead(ps: ParsedSentence, k: int, limit: int) -> tuple[int, list[int]]:
    """Skip determiners, quantities and stake phrases before an object."""
    tokens = ps.tokens
    passed: list[int] = []
    loose = 0
    n = len(tokens)
    while k < n and k < limit:
        span = ps.money_at(k) or ps.percent_at(k)
        if span is not None:
            passed.append(span.start)
            k = span.end
            continue
        m = ps.mention_at(k)
        if m is not None:
            if m.kind == MentionKind.PRONOUN and m.head in ("its", "their", "his", "her"):
                k = m.end
                continue
            if m.end < n and tokens[m.end].lower == "'s":
                k = m.end + 1  # a possessor: "buy Norvik's stake in X"
                continue
            if is_modifier(ps, m) and tokens[m.end].lower in _ATTRIBUTIVE:
                k = m.end + 1
                continue
            if (
                is_modifier(ps, m)
                and loose < 4
                and not (m.end < n and tokens[m.end].lower in _NAMING_NOUNS)
            ):
                loose += 1
                k = m.end
                continue
            if m.is_place and m.end < n and tokens[m.end].lower in _PLACE_UNITS and loose < 4:
                loose += 1  # "heads its China business": the place names a market, not a party
                k = m.end
                continue
            return k, passed
        low = tokens[k].lower
        if low in _DETERMINERS or low in _NUMBER_WORDS or tokens[k].text[0].isdigit():
            k += 1
            continue
        if low == "to" and k > 0 and tokens[k - 1].lower == "up":
            k += 1  # "up to 30% of X"
            continue
        if tokens[k].text in COUNTRY_OF_DEMONYM and loose < 4:
            loose += 1
            k += 1
            if k < n and tokens[k].lower in _ATTRIBUTIVE:
                k += 1  # "Chinese-made electric cars"
            continue
        if (
            low in _UNIT_OF | _NAMING_NOUNS
            and k + 2 < n
            and tokens[k + 1].text == ","
            and ps.mention_at(k + 2) is not None
        ):
            k += 2  # "sell its Indian unit, Wistron InfoComm Manufacturing"
            continue
        if low in _STAKE_NOUNS:
            k += 1
            if k < n and tokens[k].lower in ("in", "of"):
                k += 1
            elif k < n and tokens[k].lower in ("it", "that", "which", "they"):
                # "the shares it does not already own in Zeekr"
                for r in range(k + 1, min(n - 1, k + 7)):
                    if tokens[r].lower in ("own", "owns", "hold", "holds", "have", "has"):
                        if tokens[r + 1].lower in ("in", "of"):
                            k = r + 2
                        break
            continue
        if low in ("%", "per", "cent", "percent"):
            k += 1
            continue
        if low == "of":
            prev_low = tokens[k - 1].lower if k > 0 else ""
            if (
                ps.percent_at(k - 1) is not None
                or prev_low in _DETERMINERS
                or prev_low in _NUMBER_WORDS
                or prev_low in _STAKE_NOUNS
                or prev_low in _OF_QUANTITIES
                or prev_low in _UNIT_OF
                or prev_low[:1].isdigit()
            ):
                k += 1
                continue
            return -1, passed  # "the business of IBM": IBM is not the object
        if (
            low == "to"
            and k + 1 < n
            and tokens[k + 1].lower in _BUILD_VERBS
            and tokens[k - 1].lower in _VEHICLE_NOUNS
        ):
            k += 2  # "in a venture to build X": X is what is invested in
            continue
        if low in _STOP_RIGHT or not tokens[k].text[0].isalnum():
            return -1, passed
        if (not tokens[k].is_cap or tokens[k].text in GENERIC_ACRONYMS) and loose < 4:
            if low not in DESCRIPTOR_TYPES:  # "Israeli network equipment maker Mellanox"
                loose += 1
            k += 1
            continue
        return -1, passed
    return -1, passed


def object_after(
    ps: ParsedSentence, coref: Coreference, t: int, *, window: int = 14
) -> tuple[list[Arg], list[int]]:
    """The direct object of the verb at token ``t`` (coordinated objects give several)."""
    k = t + 1
    n = len(ps.tokens)
    while k < n and ps.tokens[k].lower in ("up", "over", "out", "off"):
        k += 1
    named_before = recent_products(ps, coref, k)
    if named_before:
        return named_before, []
    start, passed = _skip_object_lead(ps, k, k + window)
    if start < 0:
        return [], passed
    m = ps.mention_at(start)
    if m is None or m.is_reference and m.type is None:
        if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("it", "them"):
            arg = _arg(ps, coref, m, "pronoun")
            return ([arg] if arg else []), passed
        if m is None:
            return [], passed
    region = coref.of(m)
    if (
        region is not None
        and region.type is EntityType.REGION
        and m.end < n
        and ps.tokens[m.end].lower == "government"
    ):
        # "controlled by the Shanghai government": the city's government, not the city
        name = f"{region.canonical} government"
        body = coref.find(name, EntityType.GOVERNMENT_BODY) or coref.add(
            name, EntityType.GOVERNMENT_BODY
        )
        return [Arg(m, body, "government")], passed
    if is_modifier(ps, m):
        return [], passed
    return coordinated_after(ps, coref, m), passed


def coordinated_after(ps: ParsedSentence, coref: Coreference, m: Mention) -> list[Arg]:
    """``m`` and the mentions coordinated after it ("Audi, Skoda, Seat, and others")."""
    args: list[Arg] = []
    first = _arg(ps, coref, m, "direct")
    if first is None:
        return []
    args.append(first)
    tokens = ps.tokens
    n = len(tokens)
    current = m
    for _ in range(12):
        k = current.end
        if k < n and tokens[k].text == ")":
            k += 1
        if k >= n or not (tokens[k].text == "," or tokens[k].lower in ("and", "&", "or")):
            break
        bare_comma = tokens[k].text == "," and not (
            k + 1 < n and tokens[k + 1].lower in ("and", "or")
        )
        k += 1
        if k < n and tokens[k].lower in ("and", "or"):
            k += 1
        if (
            bare_comma
            and current.is_place
            and (
                k < n
                and tokens[k].lower in _COMPASS
                or current.type is EntityType.REGION
                and ps.mention_at(k) is not None
                and ps.mention_at(k).type is EntityType.COUNTRY  # type: ignore[union-attr]
            )
        ):
            break  # "Yunnan, southern China", "Penang, Malaysia": an address, not a list
        # Skip attributive places and short modifiers: "and U.S.-based Ostrava Fund".
        item_start = k
        for _skip in range(5):
            nxt_m = ps.mention_at(k)
            if (
                nxt_m is not None
                and is_modifier(ps, nxt_m)
                and nxt_m.end < n
                and tokens[nxt_m.end].lower in _ATTRIBUTIVE
            ):
                k = nxt_m.end + 1
                continue
            if (
                nxt_m is None
                and k < n
                and tokens[k].text[0].isalpha()
                and not tokens[k].is_cap
                and tokens[k].lower
                not in ("and", "others", "other", "which", "that", "who", "the", "its", "to", "in")
            ):
                k += 1
                continue
            if k < n and tokens[k].lower == "the" and ps.mention_at(k + 1) is not None:
                k += 1
                continue
            break
        nxt = ps.mention_at(k)
        if nxt is None or nxt.start != k or nxt.is_reference or is_modifier(ps, nxt):
            break
        if (
            bare_comma
            and k > item_start
            and not tokens[item_start].text[0].isupper()
            and not (
                nxt.end < n
                and (tokens[nxt.end].text == "," or tokens[nxt.end].lower in ("and", "or"))
            )
        ):
            break  # "X, overtook Tesla in ...": a verb after the comma, not a list
        if (
            first.mention.type is not None
            and nxt.type is not None
            and nxt.type is not first.mention.type
            and not (first.mention.is_place and nxt.is_place)
        ):
            break
        arg = _arg(ps, coref, nxt, "coordinated")
        if arg is None:
            break
        args.append(arg)
        current = nxt
    return args


def prep_object(
    ps: ParsedSentence, coref: Coreference, k: int, preps: tuple[str, ...], *, window: int = 8
) -> tuple[list[Arg], int]:
    """The object of the first preposition in ``preps`` found from token ``k`` on, within
    ``window`` tokens and before any clause break. Returns (args, position of the prep)."""
    tokens = ps.tokens
    n = len(tokens)
    j = k
    budget = window
    while j < n and budget > 0:
        span = ps.money_at(j) or ps.percent_at(j)
        if span is not None:
            j = span.end
            continue
        budget -= 1
        low = tokens[j].lower
        if low in preps:
            objs, _ = object_after(ps, coref, j, window=8)
            return objs, j
        if low in ("which", "who") and j > 0 and tokens[j - 1].text == ",":
            # "sell X, which assembles iPhones for Apple, to Y": past the relative clause
            close = next((r for r in range(j + 1, min(n, j + 16)) if tokens[r].text == ","), -1)
            if close > 0:
                j = close + 1
                continue
        if low in (";", "which", "who", "while", "but") or tokens[j].text in (";", ":"):
            break
        j += 1
    return [], -1


def agent_after(ps: ParsedSentence, coref: Coreference, t: int) -> list[Arg]:
    """The agent of a passive verb: "... acquired by X"."""
    args, _ = prep_object(ps, coref, t + 1, ("by",), window=5)
    return args


def is_passive(ps: ParsedSentence, t: int) -> bool:
    """A past participle after a form of "be" ("was acquired") or, with "by" right after,
    a reduced relative ("the Orion chips designed by Kivra")."""
    tokens = ps.tokens
    k = t - 1
    while k >= ps.begin and (
        tokens[k].lower
        in (
            "also",
            "not",
            "already",
            "recently",
            "formally",
            "being",
            "been",
            "officially",
            "now",
            "fully",
            "jointly",
            "largely",
            "reportedly",
        )
        or (tokens[k].lower.endswith("ly") and len(tokens[k].lower) > 4)
    ):
        if tokens[k].lower in ("being", "been"):
            return True
        k -= 1
    if k >= ps.begin and tokens[k].lower in BE_FORMS:
        return True
    nxt = t + 1
    while nxt < len(tokens) and tokens[nxt].lower.endswith("ly") and len(tokens[nxt].lower) > 4:
        nxt += 1
    return nxt < len(tokens) and tokens[nxt].lower == "by"
