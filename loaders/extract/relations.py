"""Facts stated by trigger words: a verb and its subject and object ("Norvik will acquire
Tallis"), in active or passive voice ("Orion chips designed by Kivra"), with
coordinated arguments ("controlled by A and B" gives two facts), and nouns with
their prepositional object and an agent ("Norvik announced the purchase of
a 30% stake in Tallis", "the sale of X to Y", "a ban on barley imports").

Side arguments add facts in the other direction: "acquire X from Y" is also Y
SELLS X; "sell X to Y" is also Y ACQUIRES X.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.ontology import EntityType, Predicate
from loaders.extract.candidate import Candidate
from loaders.extract.coref import Cluster, Coreference
from loaders.extract.cues import ASSET_HEADS, word_set
from loaders.extract.document import ParsedSentence
from loaders.extract.gazetteer import CAPITAL_OF
from loaders.extract.grammar import (
    Arg,
    agent_after,
    np_ending_at,
    object_after,
    prep_object,
    subject_before,
)
from loaders.extract.lexicon import NOUN_FRAMES, VERB_FRAMES, NounFrame, VerbFrame
from loaders.extract.mention import MentionKind

__all__ = ["MAX_PAIRS_PER_SENTENCE", "verb_and_noun_facts"]

# Bounded work: at most this many facts are read from one sentence.
MAX_PAIRS_PER_SENTENCE = 40

_NOUN_CUES = word_set(
    """a an the its their his her this that first latest new proposed planned initial landmark
    major recent"""
)
_LIGHT_VERBS = word_set(
    """announced announces announce announcing completed completes complete completing closed
    closes close made makes make struck strikes strike agreed agrees agree launched launches
    launch finalised finalized confirmed confirms unveiled unveils proposed proposes propose
    signed signs sign reached reaches clinched sealed inked approved approves cleared won
    secured received receives began begins opened opens initiated initiates started starts led
    leads imposed imposes imposing impose extended extends lifted lifts pledged pledges pledge
    slapped slaps slap levied levies levy levying raised raises hiked hikes formed forms form set
    sets created creates established establishes opened launched"""
)
_UNTYPED_OK = frozenset(
    {
        Predicate.ACQUIRES,
        Predicate.SELLS,
        Predicate.MERGES_WITH,
        Predicate.PARTNERS_WITH,
        Predicate.LISTED_ON,
        Predicate.INVESTS_IN,
        Predicate.SANCTIONS,
        Predicate.FINES,
        Predicate.INVESTIGATES,
        Predicate.SUPPLIES,
        Predicate.AUDITS,
    }
)
_NOUN_AGENT_STOPS = word_set(
    """of in on for with by to and or from following after before since amid despite during than as
    at into about over under against between like via without"""
)
_LIFT_VERBS = word_set(
    "lifted lifts lift lifting removed removes remove ended ends end scrapped scraps eased"
)
_GERUND_SUBJECT = word_set(", by after before while when")


def _type_ok(cluster: Cluster, allowed: frozenset[EntityType], predicate: Predicate) -> bool:
    if cluster.type is None:
        return EntityType.COMPANY in allowed and predicate in _UNTYPED_OK and cluster.named
    return cluster.type in allowed


def _choose(frame: VerbFrame | NounFrame, obj: Cluster) -> Predicate | None:
    if obj.type is not None and obj.type in frame.object:
        return frame.predicate
    if obj.type is None and EntityType.COMPANY in frame.object and obj.named:
        return frame.predicate if frame.predicate in _UNTYPED_OK else None
    for kind, predicate in frame.by_object:
        if obj.type is kind:
            return predicate
    return None


def verb_and_noun_facts(ps: ParsedSentence, s_index: int, coref: Coreference) -> list[Candidate]:
    """Every fact opened by a trigger word of the lexicon in one sentence."""
    out: list[Candidate] = []
    tokens = ps.tokens
    for t in range(ps.begin, len(tokens)):
        low = tokens[t].lower
        if tokens[t].is_cap and t > ps.begin:
            continue  # "Bar", "Fine": names, not triggers
        verb_frames = VERB_FRAMES.get(low)
        noun_frames = NOUN_FRAMES.get(low)
        as_noun = noun_frames is not None and _looks_nominal(ps, t)
        if verb_frames and not as_noun:
            out.extend(_verb_facts(ps, s_index, coref, t, verb_frames))
        if noun_frames and (as_noun or not verb_frames):
            out.extend(_noun_facts(ps, s_index, coref, t, noun_frames))
        if len(out) >= MAX_PAIRS_PER_SENTENCE:
            break
    return out[:MAX_PAIRS_PER_SENTENCE]


_STATE_ACTIONS = frozenset(
    {
        Predicate.BANS,
        Predicate.LIFTS_BAN,
        Predicate.IMPOSES_TARIFF,
        Predicate.SANCTIONS,
        Predicate.APPROVES,
        Predicate.INVESTIGATES,
        Predicate.SUPPORTS,
        Predicate.IMPORTS,
        Predicate.FINES,
    }
)


def _capital_as_state(coref: Coreference, arg: Arg, predicate: Predicate) -> Arg:
    """ "Beijing banned ...": a capital acting as a state stands for its country."""
    cluster = arg.cluster
    if (
        arg.via == "government"
        and cluster.type is EntityType.PERSON
        and cluster.registry is not None
        and cluster.registry.country
    ):
        # "the Trump administration barred ...": the leader's government, i.e. the country
        country = cluster.registry.country
        target = coref.find(country, EntityType.COUNTRY) or coref.add(country, EntityType.COUNTRY)
        return Arg(arg.mention, target, "government")
    if (
        predicate in _STATE_ACTIONS
        and cluster.type is EntityType.REGION
        and cluster.canonical in CAPITAL_OF
    ):
        country = CAPITAL_OF[cluster.canonical]
        target = coref.find(country, EntityType.COUNTRY) or coref.add(country, EntityType.COUNTRY)
        return Arg(arg.mention, target, "capital")
    return arg


def _said_source(ps: ParsedSentence, coref: Coreference, t: int) -> Arg | None:
    """The state body a sentence is attributed to ("..., the regulator said"), after ``t``."""
    tokens = ps.tokens
    for j in range(t + 1, len(tokens)):
        if tokens[j].lower not in ("said", "says", "announced", "according"):
            continue
        if tokens[j].lower == "according":
            objs, _ = prep_object(ps, coref, j + 1, ("to",), window=2)
            m = objs[0].mention if objs else None
        else:
            m = ps.mention_at(j - 1)
        cluster = coref.of(m) if m is not None else None
        if m is not None and cluster is not None and cluster.type in _STATE_TYPES:
            return Arg(m, cluster, "source")
    return None


_STATE_TYPES = frozenset({EntityType.COUNTRY, EntityType.GOVERNMENT_BODY})


def _relative_object(ps: ParsedSentence, coref: Coreference, subjects: list[Arg]) -> list[Arg]:
    """ "the Tenke Fungurume mine, which it bought from Freeport": the relative pronoun's
    antecedent is the object when the clause has its own subject."""
    if len(subjects) != 1:
        return []
    k = subjects[0].mention.start - 1
    tokens = ps.tokens
    if k < ps.begin + 1 or tokens[k].lower not in ("which", "that"):
        return []
    j = k - 1
    if tokens[j].text == ",":
        j -= 1
    antecedent = ps.mention_at(j)
    if antecedent is None or antecedent.end - 1 != j:
        return []
    cluster = coref.of(antecedent)
    if cluster is None or cluster.id == subjects[0].cluster.id:
        return []
    return [Arg(antecedent, cluster, "relative-object")]


def _pair_of_subjects(
    ps: ParsedSentence, coref: Coreference, s_index: int, t: int, frame: NounFrame
) -> list[Candidate]:
    """ "ChemChina and Sinochem have completed their merger": the coordinated subjects."""
    subjects, _ = subject_before(ps, coref, t - 1)
    if len(subjects) < 2:
        k = t - 2
        while k > ps.begin and ps.tokens[k].lower not in _LIGHT_VERBS and t - k < 6:
            k -= 1
        subjects, _ = subject_before(ps, coref, k)
    firms = [a for a in subjects if _type_ok(a.cluster, frame.subject, frame.predicate)]
    if len(firms) != 2 or firms[0].cluster.id == firms[1].cluster.id:
        return []
    return [
        Candidate(
            firms[0].cluster.id,
            frame.predicate,
            firms[1].cluster.id,
            s_index,
            t,
            frame.confidence,
            "their-noun",
        )
    ]


def _names_a_site(ps: ParsedSentence, k: int) -> bool:
    return any(t.lower in ASSET_HEADS for t in ps.tokens[k : k + 4])


def _looks_nominal(ps: ParsedSentence, t: int) -> bool:
    tokens = ps.tokens
    prev = tokens[t - 1].lower if t > 0 else ""
    nxt = tokens[t + 1].lower if t + 1 < len(tokens) else ""
    if prev in _NOUN_CUES or prev == "'s" or ps.money_at(t - 1) or ps.percent_at(t - 1):
        return True
    if nxt in ("of", "on", "into", "for", "between", "against") and prev not in (
        "to",
        "will",
        "would",
        "could",
        "may",
        "might",
        "can",
        "should",
        "must",
    ):
        return tokens[t].lower not in ("invest", "merge", "compete", "partner")
    return bool(any(s.start <= t - 1 < s.end for s in ps.dates))


def _pairs(subjects: list[Arg], objects: list[Arg]) -> Iterator[tuple[Arg, Arg]]:
    for s in subjects:
        for o in objects:
            if s.cluster.id != o.cluster.id:
                yield s, o


def _gerund_subject(ps: ParsedSentence, coref: Coreference, t: int) -> list[Arg]:
    """ "..., offloading its stake": an -ing clause takes the sentence's subject."""
    tokens = ps.tokens
    if t == 0:
        return []
    prev = tokens[t - 1].lower
    word = tokens[t].lower
    finite = word.endswith(("s", "ed")) and not word.endswith("ss") and prev in (",", "and")
    # "X closes in on Y, surpasses Z": a second verb shares the sentence's subject
    if not (word.endswith("ing") and prev in _GERUND_SUBJECT) and not finite:
        return []
    if ps.subject < 0:
        return []
    m = ps.mentions[ps.subject]
    cluster = coref.of(m)
    if cluster is None or m.start >= t:
        return []
    return [Arg(m, cluster, "gerund")]


def _verb_facts(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    t: int,
    frames: list[VerbFrame],
) -> list[Candidate]:
    out: list[Candidate] = []
    tokens = ps.tokens
    if any(tokens[k].lower in ("not", "n't", "never") for k in range(max(ps.begin, t - 2), t)):
        return out  # "the shares it does not already own": no fact is stated
    passive = _passive(ps, t)
    if passive:
        objects, hints = subject_before(ps, coref, t)
        if not objects and t >= 2 and tokens[t - 1].text == ",":
            # "Shein, founded in Nanjing by Xu Yangtian, ...": a reduced relative clause
            before = ps.mention_at(t - 2)
            cluster = coref.of(before) if before is not None else None
            if before is not None and cluster is not None and cluster.named:
                objects = [Arg(before, cluster, "apposition")]
        subjects = agent_after(ps, coref, t)
        if not subjects and any(f.predicate in _STATE_ACTIONS for f in frames):
            # "Hui was fined 47 million yuan ..., the regulator said": the source acts
            source = _said_source(ps, coref, t)
            if source is not None:
                subjects = [source]
        rule = "verb-passive"
    else:
        subjects, hints = subject_before(ps, coref, t)
        if not subjects:
            subjects = _gerund_subject(ps, coref, t)
        rule = "verb"
        objects = []
    for frame in frames:
        if frame.particle is not None and (
            t + 1 >= len(tokens) or tokens[t + 1].lower != frame.particle
        ):
            continue
        if frame.reverse and (passive or not _goods_follow(ps, t + 1)):
            continue  # "bought a stake from X" is a deal, "buys chips from X" a supply
        if not passive:
            if frame.prep:
                objects, _ = prep_object(ps, coref, t + 1, frame.prep, window=6)
                if not objects and frame.symmetric_subjects and len(subjects) >= 2:
                    objects = subjects[1:]
                    subjects = subjects[:1]
            else:
                objects, more = object_after(ps, coref, t)
                hints = hints + more
                if not objects and frame.predicate is Predicate.APPROVES:
                    objects = _deal_parties(ps, coref, t + 1)
                if not objects:
                    objects = _relative_object(ps, coref, subjects)
        for s, o in _pairs(subjects, objects):
            predicate = _choose(frame, o.cluster)
            if predicate is None:
                continue
            if predicate is Predicate.IMPORTS and _names_a_site(ps, o.mention.end):
                continue  # "buy the Kisanfu copper and cobalt project": a site, not goods
            subject_types = frame.subject
            if predicate is not frame.predicate:
                subject_types = subject_types | {EntityType.COUNTRY}
            if predicate is not Predicate.IMPORTS:  # "Beijing will allow the import of"
                s = _capital_as_state(coref, s, predicate)
            if not _type_ok(s.cluster, subject_types, predicate):
                continue
            confidence = frame.confidence - (0.1 if s.via in ("gerund", "parent") else 0.0)
            confidence -= 0.05 if passive else 0.0
            out.append(
                Candidate(
                    (o if frame.reverse else s).cluster.id,
                    predicate,
                    (s if frame.reverse else o).cluster.id,
                    s_index,
                    t,
                    confidence,
                    rule,
                    hints=list(hints),
                    wants_amount=predicate in _MONEY_PREDICATES,
                    via_parent=s.via == "parent",
                )
            )
        if out:
            break
    out.extend(_side_arguments(ps, s_index, coref, t, out))
    if out and out[0].predicate is Predicate.WORKS_FOR and tokens[t].lower in _JOIN_FORMS:
        # "She joined JD.com in 2018 from PwC": she worked for PwC before
        former, _ = prep_object(ps, coref, t + 1, ("from",), window=6)
        for f in former:
            if f.cluster.type is EntityType.COMPANY and f.cluster.id != out[0].object:
                out.append(
                    Candidate(
                        out[0].subject,
                        Predicate.WORKS_FOR,
                        f.cluster.id,
                        s_index,
                        t,
                        0.6,
                        "joined-from",
                        attributes={"former": True},
                    )
                )
    return out


_JOIN_FORMS = word_set("joined joins join")


_MAKER_PREDICATES = frozenset({Predicate.RELEASES, Predicate.OPEN_SOURCES})
_MONEY_PREDICATES = frozenset(
    {
        Predicate.ACQUIRES,
        Predicate.SELLS,
        Predicate.INVESTS_IN,
        Predicate.LISTED_ON,
        Predicate.FINES,
        Predicate.IMPORTS,
    }
)


_DEAL_NOUNS = word_set("merger deal takeover acquisition purchase tie-up combination listing")


def _deal_parties(ps: ParsedSentence, coref: Coreference, k: int) -> list[Arg]:
    """ "approved the merger of A and B": the firms of the deal a regulator approved."""
    tokens = ps.tokens
    n = len(tokens)
    j = k
    while j < n and j - k < 4 and tokens[j].lower not in _DEAL_NOUNS:
        if tokens[j].is_cap or not tokens[j].text[:1].isalpha():
            return []
        j += 1
    if j + 1 >= n or tokens[j].lower not in _DEAL_NOUNS or tokens[j + 1].lower != "of":
        return []
    found, _ = object_after(ps, coref, j + 1, window=4)
    return [a for a in found if a.cluster.type is EntityType.COMPANY]


_NOT_GOODS = word_set(
    """stake stakes shares share control assets asset business businesses unit units division
    company companies firm firms majority minority interest holding holdings rights brand brands
    operations licence license licences licenses"""
)


def _goods_follow(ps: ParsedSentence, k: int) -> bool:
    """Goods after a buying verb ("buys its chips from"), not a stake or a firm."""
    tokens = ps.tokens
    n = len(tokens)
    while k < n and tokens[k].lower in ("its", "their", "most", "all", "some", "many", "key"):
        k += 1
    start = k
    while k < n and k - start < 4 and tokens[k].lower != "from":
        m = ps.mention_at(k)
        if m is not None:
            if m.type is not EntityType.COMMODITY:
                return False
            k = m.end
            continue
        word = tokens[k]
        if not word.text.isalpha() or word.is_cap or word.lower in _NOT_GOODS:
            return False
        k += 1
    if k == start or k >= n or tokens[k].lower != "from":
        return False
    last = ps.mention_at(k - 1)
    return last is not None or tokens[k - 1].lower.endswith("s")


def _passive(ps: ParsedSentence, t: int) -> bool:
    from loaders.extract.grammar import is_passive

    word = ps.tokens[t].lower
    if not (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES):
        return False
    return is_passive(ps, t)


_IRREGULAR_PARTICIPLES = word_set(
    "sold bought held led taken made built run won struck set put begun given"
)


def _side_arguments(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    t: int,
    found: list[Candidate],
) -> list[Candidate]:
    """ "acquire X from Y" -> Y SELLS X; "sell X to Y" -> Y ACQUIRES X."""
    out: list[Candidate] = []
    for fact in found:
        if fact.predicate is Predicate.ACQUIRES:
            sellers, _ = prep_object(ps, coref, t + 1, ("from",), window=14)
            for seller in sellers:
                if seller.cluster.id in (fact.subject, fact.object):
                    continue
                if seller.cluster.type in (
                    EntityType.COMPANY,
                    EntityType.GOVERNMENT_BODY,
                    EntityType.PERSON,
                    None,
                ):
                    out.append(
                        Candidate(
                            seller.cluster.id,
                            Predicate.SELLS,
                            fact.object,
                            s_index,
                            t,
                            fact.confidence - 0.05,
                            "from-seller",
                            hints=list(fact.hints),
                            wants_amount=True,
                        )
                    )
        elif fact.predicate is Predicate.SELLS:
            buyers, _ = prep_object(ps, coref, t + 1, ("to",), window=14)
            for buyer in buyers:
                if buyer.cluster.id in (fact.subject, fact.object):
                    continue
                if buyer.cluster.type in (
                    EntityType.COMPANY,
                    EntityType.GOVERNMENT_BODY,
                    EntityType.INVESTOR_GROUP,
                    EntityType.PERSON,
                    None,
                ):
                    out.append(
                        Candidate(
                            buyer.cluster.id,
                            Predicate.ACQUIRES,
                            fact.object,
                            s_index,
                            t,
                            fact.confidence - 0.05,
                            "to-buyer",
                            hints=list(fact.hints),
                            wants_amount=True,
                        )
                    )
    # one fact per (subject, predicate, object) from one trigger
    seen = {(f.subject, f.predicate, f.object) for f in found}
    unique: list[Candidate] = []
    for c in out:
        key = (c.subject, c.predicate, c.object)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def _noun_facts(
    ps: ParsedSentence,
    s_index: int,
    coref: Coreference,
    t: int,
    frames: list[NounFrame],
) -> list[Candidate]:
    out: list[Candidate] = []
    tokens = ps.tokens
    n = len(tokens)
    for frame in frames:
        objects: list[Arg] = []
        hints: list[int] = []
        k = t + 1
        k = _prep_after_noun(ps, k, frame.preps)
        if k < n and tokens[k].lower in frame.preps:
            objects, hints = object_after(ps, coref, k)
            joint_of = tokens[k].lower == "of" and t > 0 and tokens[t - 1].lower == "joint"
            if (tokens[k].lower == "between" or joint_of) and len(objects) >= 2:
                for a, b in _pairs(objects[:1], objects[1:]):
                    if _type_ok(a.cluster, frame.subject, frame.predicate) and _type_ok(
                        b.cluster, frame.object, frame.predicate
                    ):
                        out.append(
                            Candidate(
                                a.cluster.id,
                                frame.predicate,
                                b.cluster.id,
                                s_index,
                                t,
                                frame.confidence,
                                "noun-between",
                            )
                        )
                return out
        if not objects:
            objects = _object_before_noun(ps, coref, t)
        if (
            not objects
            and frame.predicate in (Predicate.MERGES_WITH, Predicate.PARTNERS_WITH)
            and t > 0
            and tokens[t - 1].lower == "their"
        ):
            out.extend(_pair_of_subjects(ps, coref, s_index, t, frame))
            if out:
                break
        if not objects:
            continue
        agents = _noun_agent(ps, coref, t, objects)
        if not agents and frame.predicate in _MAKER_PREDICATES:
            # "the launch of Orion X2": the maker is found elsewhere in the story.
            for o in objects:
                if o.cluster.type is EntityType.PRODUCT:
                    out.append(
                        Candidate(
                            -1,
                            frame.predicate,
                            o.cluster.id,
                            s_index,
                            t,
                            frame.confidence - 0.05,
                            "noun-orphan",
                        )
                    )
            if out:
                break
        for s, o in _pairs(agents, objects):
            predicate = _choose(frame, o.cluster)
            if predicate is None:
                continue
            subject_types = frame.subject
            if predicate is not frame.predicate:
                subject_types = subject_types | {EntityType.COUNTRY}
            if predicate is not Predicate.IMPORTS:  # "Beijing will allow the import of"
                s = _capital_as_state(coref, s, predicate)
            if not _type_ok(s.cluster, subject_types, predicate):
                continue
            first, second = (o, s) if frame.reverse else (s, o)
            out.append(
                Candidate(
                    first.cluster.id,
                    predicate,
                    second.cluster.id,
                    s_index,
                    t,
                    frame.confidence - (0.1 if s.via == "light" else 0.0),
                    "noun",
                    hints=list(hints),
                    status=frame.status,
                    wants_amount=predicate in _MONEY_PREDICATES,
                )
            )
        if out:
            break
    if out and out[0].predicate is Predicate.SELLS:
        buyers, _ = prep_object(ps, coref, t + 1, ("to",), window=14)
        for buyer in buyers:
            fact = out[0]
            if buyer.cluster.id not in (fact.subject, fact.object):
                out.append(
                    Candidate(
                        buyer.cluster.id,
                        Predicate.ACQUIRES,
                        fact.object,
                        s_index,
                        t,
                        fact.confidence - 0.05,
                        "sale-to-buyer",
                        wants_amount=True,
                    )
                )
    if out and out[0].predicate is Predicate.ACQUIRES:
        # "completed its acquisition of Volvo from Ford": Ford sells
        sellers, _ = prep_object(ps, coref, t + 1, ("from",), window=12)
        for seller in sellers:
            fact = out[0]
            if seller.cluster.id not in (fact.subject, fact.object) and seller.cluster.type in (
                EntityType.COMPANY,
                EntityType.GOVERNMENT_BODY,
                None,
            ):
                out.append(
                    Candidate(
                        seller.cluster.id,
                        Predicate.SELLS,
                        fact.object,
                        s_index,
                        t,
                        fact.confidence - 0.05,
                        "acquisition-from",
                        wants_amount=True,
                    )
                )
    return out


def _prep_after_noun(ps: ParsedSentence, k: int, preps: tuple[str, ...]) -> int:
    """The position of the noun's preposition, past a measure ("tariffs of more than 80%
    on X", "a fine of 18.2 billion yuan on X")."""
    tokens = ps.tokens
    n = len(tokens)
    if k >= n or tokens[k].lower in preps or tokens[k].lower != "of":
        return k
    j = k + 1
    while j < n and j - k <= 8:
        span = ps.money_at(j) or ps.percent_at(j)
        if span is not None:
            j = span.end
            continue
        if tokens[j].lower in preps:
            return j
        if tokens[j].lower not in (
            "up",
            "to",
            "more",
            "than",
            "about",
            "around",
            "over",
            "nearly",
            "almost",
            "as",
            "much",
            "high",
            "least",
            "at",
        ):
            return k
        j += 1
    return k


def _object_before_noun(ps: ParsedSentence, coref: Coreference, t: int) -> list[Arg]:
    """ "Australian barley import ban", "its Orion X2 launch": the object before the noun."""
    tokens = ps.tokens
    k = t - 1
    if k >= 0 and tokens[k].lower in ("import", "export", "imports", "trading", "sales"):
        k -= 1
    m = ps.mention_at(k)
    if m is None or m.end - 1 != k:
        return []
    if m.type not in (EntityType.COMMODITY, EntityType.PRODUCT):
        return []
    cluster = coref.of(m)
    return [Arg(m, cluster, "compound")] if cluster else []


def _coordinated_trigger(ps: ParsedSentence, t: int, k: int) -> int | None:
    """A noun of the same predicate before the "and" at ``k`` in one coordination."""
    frames = NOUN_FRAMES.get(ps.tokens[t].lower) or []
    predicates = {f.predicate for f in frames}
    for j in range(k - 1, max(ps.begin, k - 16) - 1, -1):
        low = ps.tokens[j].lower
        if low in (";", ":", "said", "says") or ps.tokens[j].text == ".":
            return None
        other = NOUN_FRAMES.get(low)
        if other and predicates & {f.predicate for f in other}:
            return j
    return None


def _noun_agent(ps: ParsedSentence, coref: Coreference, t: int, objects: list[Arg]) -> list[Arg]:
    """Who does what a noun names: "X's acquisition of", "its ban", "... by X", or the
    subject of a light verb ("X announced the acquisition of ...")."""
    tokens = ps.tokens
    k = t - 1
    steps = 0
    while k >= ps.begin and steps < 6:
        steps += 1
        span = ps.money_at(k) or ps.percent_at(k)
        if span is not None:
            k = span.start - 1
            continue
        if any(d.start <= k < d.end for d in ps.dates):
            k -= 1
            continue
        low = tokens[k].lower
        if low == "'s" or (low == "'" and k > 0 and tokens[k - 1].lower.endswith("s")):
            owner = ps.mention_at(k - 1)
            if owner is not None:
                cluster = coref.of(owner)
                return [Arg(owner, cluster, "possessive")] if cluster else []
            return []
        m = ps.mention_at(k)
        if m is not None and m.kind == MentionKind.PRONOUN and m.head in ("its", "their"):
            if k > ps.begin and tokens[k - 1].lower in _LIFT_VERBS:
                return []  # "lifted its ban on X": the ban ends, read by its own rule
            cluster = coref.of(m)
            return [Arg(m, cluster, "possessive")] if cluster else []
        if low in _LIFT_VERBS:
            return []  # "lifted its ban on X": LIFTS_BAN, read by its own rule
        if low in ("resume", "resumes", "resumed", "resuming") and tokens[t].lower in (
            "imports",
            "import",
            "purchases",
        ):
            return []  # "resumed imports of X": a ban lifted, read by its own rule
        if low in _LIGHT_VERBS:
            subjects, _ = subject_before(ps, coref, k)
            if not subjects:
                subjects = _gerund_subject(ps, coref, k)
            return [Arg(a.mention, a.cluster, "light") for a in subjects]
        if low in (
            "a",
            "an",
            "the",
            "this",
            "first",
            "new",
            "proposed",
            "planned",
            "major",
            "landmark",
            "$",
            "recent",
            "latest",
            "initial",
            "formal",
            "full",
        ) or (
            tokens[k].text[0].isalpha()
            and not tokens[k].is_cap
            and ps.mention_at(k) is None
            and low not in _NOUN_AGENT_STOPS
        ):
            k -= 1
            continue
        break
    if k > ps.begin and tokens[k].lower == "and":
        earlier = _coordinated_trigger(ps, t, k)
        if earlier is not None:
            # "a 15% tariff on X and duties of 10% on Y": the first noun's agent
            return _noun_agent(ps, coref, earlier, objects)
    if k >= ps.begin + 1 and tokens[k].text == ",":
        # "Brenn Accounting, the auditor of X,": the noun is an apposition to the name
        before = ps.mention_at(k - 1)
        if before is not None and not before.is_reference:
            cluster = coref.of(before)
            if cluster is not None:
                return [Arg(before, cluster, "apposition")]
    agents = agent_after(ps, coref, objects[-1].mention.end - 1) if objects else []
    if agents:
        return agents
    if k >= ps.begin and tokens[k].text == "," and tokens[k + 1].lower.endswith("ing"):
        # "..., stepping up competition with X": the gerund's subject is the sentence's
        return _gerund_subject(ps, coref, k + 1)
    return (
        np_ending_at(ps, coref, k)
        if k >= ps.begin
        and tokens[k].lower
        not in ("of", "in", "on", "for", "with", "by", "to", "and", "or", "from", ",")
        else []
    )
