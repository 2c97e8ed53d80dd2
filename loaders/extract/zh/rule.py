"""A relation rule: trigger words, a token pattern, argument types, the predicate it
states and a confidence — data, read by one engine (``engine.py``).

A pattern is a line of elements around the trigger ``V``:

=========  ==============================================================
``S``      the subject: an entity of one of the rule's subject types
``O``      the object: an entity of one of the rule's object types
``O^``     the object, which must be the first entity of its clause (``S^`` too)
``O<``     the object, which must be the first fitting entity after the word before
           it ("对普华永道涉及恒大的违法行为罚款": 普华永道, not 恒大)
``P``      the parties of a symmetric relation: two or more coordinated
           entities ("甲与乙及丙"); every pair is a fact
``T``      a title (董事长, 总裁…): the fact's role, and LEADS or WORKS_FOR
``V``      the trigger (one of the rule's trigger words)
``~``      up to 8 units within a clause; ``~~`` up to 30 units across clauses
``对|向``   one of these words
=========  ==============================================================

Subjects and objects expand over conjuncts ("对A、B和C罚款": three facts).

>>> Rule("demo", Predicate.ACQUIRES, ("收购",), "S ~ V O", COMPANIES, COMPANIES, 0.8).elements
(('role', 'S'), ('gap', 8), ('trigger', ''), ('role', 'O'))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate

__all__ = [
    "ACTORS",
    "ANY",
    "BODIES",
    "COMPANIES",
    "GOODS",
    "PEOPLE",
    "PLACES",
    "STATES",
    "Example",
    "Rule",
]

SHORT_GAP = 8
LONG_GAP = 30

COMPANIES = frozenset({EntityType.COMPANY})
BODIES = frozenset({EntityType.GOVERNMENT_BODY})
STATES = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COUNTRY})
PEOPLE = frozenset({EntityType.PERSON})
PLACES = frozenset({EntityType.REGION, EntityType.COUNTRY})
GOODS = frozenset({EntityType.COMMODITY, EntityType.PRODUCT})
ACTORS = frozenset(
    {
        EntityType.COMPANY,
        EntityType.GOVERNMENT_BODY,
        EntityType.INVESTOR_GROUP,
        EntityType.ORGANIZATION,
    }
)
ANY = frozenset(EntityType)


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence of our own and the fact the rule must read from it."""

    sentence: str
    subject: str
    object: str
    published: str = "2025-07-01"


@dataclass(frozen=True, slots=True)
class Rule:
    """One declarative relation rule (see the module doc for the pattern language)."""

    name: str
    predicate: Predicate
    triggers: tuple[str, ...]
    pattern: str
    subject: frozenset[EntityType]
    object: frozenset[EntityType]
    confidence: float
    examples: tuple[Example, ...] = ()
    status: FactStatus | None = None
    # Take the amount of money nearest the trigger ("罚款590万元", "以12亿美元收购").
    amount: bool = False
    # A missing subject is the actor of the paragraph's last act ("同时，对X警告…").
    subject_from_context: bool = False
    # A missing subject is the story's firm ("ATTO 3、海豚三款车型完成首秀").
    subject_from_firm: bool = False
    # A missing subject is the firm the object is named after ("开源的腾讯混元3D大模型").
    subject_from_owner: bool = False
    # A country the trigger itself names as subject ("恢复输华": to China, so China lifts
    # the ban).
    subject_named: str | None = None
    # A missing object is the story's firm ("董事长高登锋辞职": the firm of the story).
    object_from_context: bool = False
    # LEADS for a leading title, WORKS_FOR otherwise (people rules).
    by_title: bool = False
    # The fact starts (appointment) or ends (departure) on its date.
    starts: bool = False
    ends: bool = False
    # Words earlier in the trigger's clause that the rule needs ("终止…征收反倾销税" lifts
    # a tariff) or that cancel it (the same words for the rule that imposes one).
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    # Text right after the trigger that makes it another word ("控股" in "控股股东").
    not_before: tuple[str, ...] = ()
    elements: tuple[tuple[str, str | int], ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "elements", _parse(self.pattern, self.name))


def _parse(pattern: str, name: str) -> tuple[tuple[str, str | int], ...]:
    out: list[tuple[str, str | int]] = []
    for token in pattern.split():
        if token in ("S", "O", "P", "T", "S^", "O^", "O<"):
            out.append(("role", token))
        elif token == "V":
            out.append(("trigger", ""))
        elif token == "~":
            out.append(("gap", SHORT_GAP))
        elif token == "~~":
            out.append(("gap", LONG_GAP))
        else:
            out.append(("words", token))
    if sum(1 for kind, _ in out if kind == "trigger") != 1:
        raise ValueError(f"rule {name}: a pattern needs exactly one V: {pattern!r}")
    return tuple(out)
