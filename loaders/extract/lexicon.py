"""Trigger words for every predicate of the ontology, with the frame each one opens.

A verb frame says which types may be its subject and object, whether the object
is direct or follows a preposition ("invest in", "merge with"), and what status
the verb implies. A noun frame ("acquisition of", "ban on", "stake in") says
which preposition introduces its object. Inflected forms are generated, so a
verb is listed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import EntityType, FactStatus, Predicate

__all__ = ["NounFrame", "VerbFrame", "NOUN_FRAMES", "VERB_FRAMES", "verb_forms"]

C = EntityType.COMPANY
P = EntityType.PERSON
N = EntityType.COUNTRY
R = EntityType.REGION
G = EntityType.GOVERNMENT_BODY
O = EntityType.ORGANIZATION  # noqa: E741
D = EntityType.PRODUCT
A = EntityType.ASSET
M = EntityType.COMMODITY
K = EntityType.MARKET
I = EntityType.INVESTOR_GROUP  # noqa: E741

_ALL = frozenset(EntityType)
_BUYERS = frozenset({C, G, I, P, O})
_TARGETS = frozenset({C, A})
_FIRMS = frozenset({C})
_STATES = frozenset({N, G})


@dataclass(frozen=True, slots=True)
class VerbFrame:
    predicate: Predicate
    subject: frozenset[EntityType]
    object: frozenset[EntityType]
    prep: tuple[str, ...] = ()  # () = direct object
    status: FactStatus | None = None
    # Other predicates chosen by the object's type ("buy" a market: INVESTS_IN).
    by_object: tuple[tuple[EntityType, Predicate], ...] = ()
    symmetric_subjects: bool = False  # "A and B merged": a pair from the subjects
    confidence: float = 0.8
    particle: str | None = None  # "snap up": the word that must follow
    goods_object: bool = False  # "supply battery cells to Ford": goods first, then "to"
    reverse: bool = False  # "X sources chips from Y": Y SUPPLIES X


@dataclass(frozen=True, slots=True)
class NounFrame:
    predicate: Predicate
    subject: frozenset[EntityType]
    object: frozenset[EntityType]
    preps: tuple[str, ...]
    status: FactStatus | None = None
    by_object: tuple[tuple[EntityType, Predicate], ...] = ()
    confidence: float = 0.7
    reverse: bool = False  # "X is a customer of Y": Y SUPPLIES X


_IRREGULAR: dict[str, tuple[str, str]] = {
    "buy": ("bought", "bought"), "sell": ("sold", "sold"), "take": ("took", "taken"),
    "hold": ("held", "held"), "lead": ("led", "led"), "make": ("made", "made"),
    "strike": ("struck", "struck"), "win": ("won", "won"), "run": ("ran", "run"),
    "found": ("founded", "founded"), "put": ("put", "put"), "set": ("set", "set"),
    "pour": ("poured", "poured"), "bring": ("brought", "brought"), "beat": ("beat", "beaten"),
    "overtake": ("overtook", "overtaken"), "build": ("built", "built"),
    "begin": ("began", "begun"), "give": ("gave", "given"), "slap": ("slapped", "slapped"),
    "bar": ("barred", "barred"), "ban": ("banned", "banned"), "plan": ("planned", "planned"),
    "snap": ("snapped", "snapped"), "ship": ("shipped", "shipped"),
    "step": ("stepped", "stepped"), "quit": ("quit", "quit"), "fine": ("fined", "fined"),
    "sit": ("sat", "sat"),
}  # fmt: skip


def verb_forms(base: str) -> tuple[str, ...]:
    """Inflected forms of a verb: base, third person, past, participle, gerund.

    >>> verb_forms("acquire")
    ('acquire', 'acquires', 'acquired', 'acquiring')
    """
    past, participle = _IRREGULAR.get(base, (None, None))
    if base.endswith("e"):
        third, regular, gerund = base + "s", base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third, regular, gerund = base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        third, regular, gerund = base + "es", base + "ed", base + "ing"
    else:
        third, regular, gerund = base + "s", base + "ed", base + "ing"
    if (
        base in _IRREGULAR
        and base[-1] not in "aeiouy"
        and past
        and past.endswith(base[-1] * 2 + "ed")
    ):
        gerund = base + base[-1] + "ing"
    forms = [base, third, past or regular]
    if participle and participle != (past or regular):
        forms.append(participle)
    forms.append(gerund)
    return tuple(dict.fromkeys(forms))


VERB_FRAMES: dict[str, list[VerbFrame]] = {}
NOUN_FRAMES: dict[str, list[NounFrame]] = {}


def _verbs(bases: str, frame: VerbFrame) -> None:
    for base in bases.split():
        for form in verb_forms(base):
            VERB_FRAMES.setdefault(form, []).append(frame)


def _forms(words: str, frame: VerbFrame) -> None:
    for word in words.split():
        VERB_FRAMES.setdefault(word, []).append(frame)


def _nouns(words: str, frame: NounFrame) -> None:
    for word in words.split():
        NOUN_FRAMES.setdefault(word, []).append(frame)


_BUY_SWITCH = ((K, Predicate.INVESTS_IN), (M, Predicate.IMPORTS))

# --- deals
_verbs("acquire purchase", VerbFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS, by_object=_BUY_SWITCH))
_verbs("buy", VerbFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS, by_object=_BUY_SWITCH))
_forms("takeover", VerbFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS))
_forms(
    "snapped snaps snap snapping scooped scoops scoop picked picks pick",
    VerbFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS, particle="up"),
)
_verbs("absorb swallow", VerbFrame(Predicate.ACQUIRES, _FIRMS, _FIRMS, confidence=0.6))
_nouns(
    "acquisition acquisitions purchase takeover buyout buy-out",
    NounFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS, ("of", "for"), by_object=_BUY_SWITCH),
)
_nouns(
    "bid offer",
    NounFrame(Predicate.ACQUIRES, _BUYERS, _TARGETS, ("for",), status=FactStatus.PROPOSED),
)
_verbs("sell divest offload unload", VerbFrame(Predicate.SELLS, frozenset({C, G, P, I}), _TARGETS))
_nouns(
    "sale disposal divestment divestiture",
    NounFrame(Predicate.SELLS, frozenset({C, G, P}), _TARGETS, ("of",)),
)
_verbs(
    "invest",
    VerbFrame(
        Predicate.INVESTS_IN,
        frozenset({C, P, I, N, G, O}),
        frozenset({C, A, K}),
        prep=("in", "into"),
    ),
)
_verbs(
    "inject pour plough plow",
    VerbFrame(
        Predicate.INVESTS_IN, frozenset({C, P, I, N, G}), frozenset({C, A, K}), prep=("into", "in")
    ),
)
_forms(
    "fund funds funded funding back backs backed backing",
    VerbFrame(Predicate.INVESTS_IN, frozenset({C, P, I, G}), frozenset({C}), confidence=0.6),
)
_nouns(
    "investment investments",
    NounFrame(
        Predicate.INVESTS_IN, frozenset({C, P, I, N, G}), frozenset({C, A, K}), ("in", "into")
    ),
)
_nouns(
    "purchases buying",
    NounFrame(
        Predicate.INVESTS_IN,
        frozenset({I, C, G}),
        frozenset({K, M}),
        ("of",),
        by_object=((M, Predicate.IMPORTS),),
    ),
)
_verbs(
    "merge combine",
    VerbFrame(Predicate.MERGES_WITH, _FIRMS, _FIRMS, prep=("with",), symmetric_subjects=True),
)
_nouns("merger", NounFrame(Predicate.MERGES_WITH, _FIRMS, _FIRMS, ("with", "of", "between")))
_verbs(
    "partner collaborate cooperate ally",
    VerbFrame(
        Predicate.PARTNERS_WITH,
        frozenset({C, O}),
        frozenset({C, O}),
        prep=("with",),
        symmetric_subjects=True,
    ),
)
_nouns(
    "partnership alliance venture collaboration cooperation tie-up",
    NounFrame(
        Predicate.PARTNERS_WITH, frozenset({C, O}), frozenset({C, O}), ("with", "between", "of")
    ),
)

# --- ownership and structure
_verbs("own", VerbFrame(Predicate.OWNS, frozenset({C, P, N, G}), frozenset({C, A})))
_forms(
    "holds held hold holding",
    VerbFrame(Predicate.OWNS, frozenset({C, P, N, G}), frozenset({C, A}), confidence=0.6),
)
_forms(
    "control controls controlled controlling",
    VerbFrame(Predicate.CONTROLS, frozenset({C, P, N, G}), frozenset({C})),
)

# --- listing
_verbs("list float", VerbFrame(Predicate.LISTED_ON, _FIRMS, _FIRMS, prep=("on", "in")))
_verbs("debut", VerbFrame(Predicate.LISTED_ON, _FIRMS, _FIRMS, prep=("on", "in")))

# --- supply and audit
_verbs("supply", VerbFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, confidence=0.7))
_verbs(
    "supply provide deliver ship",
    VerbFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, prep=("to",), confidence=0.65, goods_object=True),
)
_forms(
    "develops developed developing build builds built operates operated runs jointly",
    VerbFrame(
        Predicate.PARTNERS_WITH, frozenset({C}), frozenset({C}), prep=("with",), confidence=0.6
    ),
)
_verbs(
    "make manufacture produce assemble",
    VerbFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, prep=("for",), confidence=0.6, goods_object=True),
)
_forms(
    "source sources sourced sourcing procure procures procured procuring buy buys bought buying",
    VerbFrame(
        Predicate.SUPPLIES,
        _FIRMS,
        _FIRMS,
        prep=("from",),
        confidence=0.6,
        goods_object=True,
        reverse=True,
    ),
)
_verbs(
    "supply provide",
    VerbFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, prep=("for",), confidence=0.6, goods_object=True),
)
_nouns(
    "supplier suppliers provider vendor",
    NounFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, ("to", "of", "for")),
)
_nouns(
    "customer customers client clients",
    NounFrame(Predicate.SUPPLIES, _FIRMS, _FIRMS, ("of",), reverse=True),
)
_nouns("auditor auditors", NounFrame(Predicate.AUDITS, _FIRMS, _FIRMS, ("of", "for", "to")))
_verbs("audit", VerbFrame(Predicate.AUDITS, _FIRMS, _FIRMS))

# --- trade
_verbs("import", VerbFrame(Predicate.IMPORTS, frozenset({N, C}), frozenset({M})))
_nouns("imports import", NounFrame(Predicate.IMPORTS, frozenset({N, C}), frozenset({M}), ("of",)))

# --- products
_verbs("develop design", VerbFrame(Predicate.DEVELOPS, frozenset({C, O}), frozenset({D})))
_forms("built", VerbFrame(Predicate.DEVELOPS, frozenset({C, O}), frozenset({D}), confidence=0.6))
_verbs(
    "launch release unveil introduce debut",
    VerbFrame(Predicate.RELEASES, frozenset({C, O}), frozenset({D})),
)
_forms("rolled", VerbFrame(Predicate.RELEASES, frozenset({C, O}), frozenset({D})))
_nouns(
    "release launch debut rollout unveiling",
    NounFrame(Predicate.RELEASES, frozenset({C, O}), frozenset({D}), ("of",)),
)
_forms(
    "open-source open-sources open-sourced open-sourcing opensourced",
    VerbFrame(Predicate.OPEN_SOURCES, frozenset({C, O}), frozenset({D})),
)

# --- competition
_verbs(
    "rival surpass overtake outsell outpace challenge",
    VerbFrame(Predicate.COMPETES_WITH, _FIRMS, _FIRMS, confidence=0.65),
)
_nouns(
    "competition rivalry",
    NounFrame(Predicate.COMPETES_WITH, _FIRMS, _FIRMS, ("with", "against"), confidence=0.6),
)
_verbs(
    "compete",
    VerbFrame(
        Predicate.COMPETES_WITH, _FIRMS, _FIRMS, prep=("with", "against"), symmetric_subjects=True
    ),
)

# --- people
_forms(
    "founded co-founded cofounded found co-found founds",
    VerbFrame(Predicate.FOUNDED, frozenset({P}), frozenset({C, O})),
)
_forms(
    "leads led lead heads headed head chairs chaired chair runs ran helms helmed",
    VerbFrame(Predicate.LEADS, frozenset({P}), frozenset({C, G, N, O})),
)
_forms(
    "joined joins join",
    VerbFrame(Predicate.WORKS_FOR, frozenset({P}), frozenset({C, O, G}), confidence=0.6),
)

# --- state actions
_verbs("ban prohibit bar outlaw", VerbFrame(Predicate.BANS, _STATES | {O}, frozenset({M, C, D, N})))
_nouns(
    "ban bans embargo prohibition",
    NounFrame(Predicate.BANS, _STATES, frozenset({M, C, D, N}), ("on", "against")),
)
_verbs("sanction blacklist", VerbFrame(Predicate.SANCTIONS, _STATES, frozenset({C, P})))
_nouns("sanctions", NounFrame(Predicate.SANCTIONS, _STATES, frozenset({C, P}), ("on", "against")))
_verbs(
    "approve authorise authorize clear greenlight",
    VerbFrame(Predicate.APPROVES, frozenset({G, O, N}), frozenset({C, D, A, P, M})),
)
_nouns(
    "approval",
    NounFrame(Predicate.APPROVES, frozenset({G, O, N}), frozenset({C, D, A}), ("for", "of")),
)
_verbs(
    "investigate probe",
    VerbFrame(Predicate.INVESTIGATES, frozenset({G, O, N}), frozenset({C, P, M})),
)
_nouns(
    "investigation investigations probe probes inquiry review",
    NounFrame(
        Predicate.INVESTIGATES, frozenset({G, O, N}), frozenset({C, P, M}), ("into", "of", "on")
    ),
)
_verbs("fine penalise penalize", VerbFrame(Predicate.FINES, frozenset({G, N}), frozenset({C, P})))
_nouns(
    "fine penalty",
    NounFrame(Predicate.FINES, frozenset({G, N}), frozenset({C, P}), ("on", "against")),
)
_verbs(
    "support revive boost bolster stabilise stabilize subsidise subsidize",
    VerbFrame(Predicate.SUPPORTS, frozenset({G, P, N}), frozenset({K, C, R}), confidence=0.6),
)
_nouns(
    "support stimulus subsidies subsidy",
    NounFrame(Predicate.SUPPORTS, frozenset({G, P, N}), frozenset({K, C, R}), ("for", "to")),
)
_nouns(
    "tariff tariffs duty duties levy levies surtax surtaxes surcharge surcharges",
    NounFrame(Predicate.IMPOSES_TARIFF, frozenset({N, G}), frozenset({N, M}), ("on", "against")),
)
