"""What a relation rule is, and how the rule tables are read.

A rule is data: the words that trigger it, the part of speech the trigger must
have, the *roles* its subject and object are taken from (see
:mod:`loaders.extract.syntax`), the entity types each may have, the predicate it
emits, a confidence, and example sentences of our own with the facts they must
give. The examples are the rule's tests (``tests/extractor/test_rule_examples.py``).

Roles:

``actor``      who does it: active subject, passive ``by`` agent, or inherited from a
               governing verb ("agreed to buy"), a relative clause, a light verb
               ("completed its purchase") or a noun's possessor / ``by`` phrase
``patient``    what it is done to: direct object, passive subject, the noun a past
               participle modifies
``prep:W``     the object of preposition W (``prep:in``, ``prep:from``, ``prep:on``)
               on the trigger, else on its patient
``poss``       the trigger noun's possessor ("X's stake")
``hyphen``     the name joined by a hyphen ("Tencent-backed", "Hangzhou-based")
``described``  the noun a participle or adjective describes, or the subject of a
               copula ("the Hangzhou-based *firm*", "*X* is based in")
``holder``     what a relational noun is said of ("*X*, a unit of Y", "Y's chief
               executive, *X*", "*X* became chairman")
``owner``      whose relational noun it is ("Y's unit", "a unit of Y", "the Y unit")
``place``      a country or region modifying the trigger ("the *Chinese* firm X")
``modifier``   any name modifying the trigger noun before it ("China's *soybean* imports")
``governor_actor`` the actor of the verb that governs the trigger noun ("X raised $5m
               in a round led by Y": the round's company is X)
``clause_subject`` the nearest subject up the tree that names an organisation ("X
               closes in on its rival Y": Y is X's rival)
``governor_patient`` the object of the verb that governs the trigger noun ("issued *X*
               with a fine")
``source``     who states the clause: "..., the regulator said", "according to X"
``story_exchange`` the exchange the story's listings happen on, when the sentence
               names none
``self``       the trigger itself (a ``name`` rule: the name that triggered it)
``appos``      what stands in apposition to the trigger ("Austin, *Texas*")
``refined_in`` the place a second "in" gives for the trigger ("in Wuhu, in *Anhui*")
``patient_owner`` whose the patient is ("*Micron*'s products sold in China")
``actor_owner`` whose the actor is ("*its* R1 model, which debuted in January")
``owner_poss`` the possessor of the relational noun's owner ("an upgrade to *its* model")
``xcomp_patient`` what the verb's complement acts on ("should stop buying *them*")
``actor_actor`` who acts through the acting noun ("*the UK*'s sanctions targeted X")
``story_actor`` the state or body that last acted in the story
``story_focus`` the company the story was last about (the subject of a recent sentence)
``story_raiser`` the company that last raised money in the story, for a round told of
               without its firm ("*the round* was led by X", "took part in the latest round")
``sentence_state`` a government body the sentence names anywhere ("X was fined ... after
               *the regulator* accused it")
``home_country`` the country the story is mostly about ("cooperating with a government
               investigation": that country's government investigates)

A rule lists roles as alternatives, tried in order; the first that names an entity
wins. ``a+b`` joins two roles ("actor+prep:with": "X led the round with Y").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sinograph.graph.model.ontology import EntityType, FactStatus, Predicate

__all__ = [
    "ROLE_NAMES",
    "Example",
    "MetricExample",
    "MetricTable",
    "Rule",
    "RuleTable",
    "TitleEntry",
    "load_metric_table",
    "load_rule_tables",
]

ROLE_NAMES = frozenset(
    {
        "actor",
        "patient",
        "poss",
        "hyphen",
        "described",
        "holder",
        "owner",
        "place",
        "governor_actor",
        "clause_subject",
        "governor_patient",
        "source",
        "story_exchange",
        "self",
        "appos",
        "refined_in",
        "patient_owner",
        "actor_owner",
        "owner_poss",
        "xcomp_patient",
        "actor_actor",
        "story_actor",
        "story_focus",
        "story_raiser",
        "sentence_state",
        "home_country",
        "undergoer",
        "modifier",
        "stake_issuer",
        "actor_in",
        "listed",
        "leader_agent",
        "group_head",
        "recipient",
        "described_owner",
    }
)

TABLES = (
    "deals",
    "ownership",
    "people",
    "government",
    "trade",
    "listings",
    "products",
    "places",
)


class Example(BaseModel):
    """A sentence of our own and the facts (``"Subject PREDICATE Object"``) it must give;
    ``absent`` lists facts it must not give."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    expect: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    published: str = "2025-06-30"


def _check_roles(roles: tuple[str, ...]) -> tuple[str, ...]:
    for role in (r for alternative in roles for r in alternative.split("+")):
        if role.startswith("prep:"):
            if not role[5:]:
                raise ValueError("prep: needs a preposition")
            continue
        if role not in ROLE_NAMES:
            raise ValueError(f"unknown role {role!r}; known: prep:W, {sorted(ROLE_NAMES)}")
    return roles


class Rule(BaseModel):
    """One relation rule (see the module doc)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    predicate: Predicate
    # "name": any name of ``subject_types`` triggers it (``trigger: ["*"]``)
    pos: Literal["verb", "noun", "adjective", "name"]
    trigger: tuple[str, ...] = Field(min_length=1)
    subject: tuple[str, ...] = Field(min_length=1)
    object: tuple[str, ...] = Field(min_length=1)
    subject_types: frozenset[EntityType] = frozenset({EntityType.COMPANY})
    object_types: frozenset[EntityType] = frozenset({EntityType.COMPANY})
    # another predicate when the object is of this type ("buy" a market: INVESTS_IN)
    object_switch: dict[EntityType, Predicate] = Field(default_factory=dict)
    # another predicate when the trigger noun's governing verb is one of these ("lift a ban")
    governor_switch: dict[str, Predicate] = Field(default_factory=dict)
    # the trigger noun must be governed by one of these verbs
    governors: tuple[str, ...] = ()
    # a particle that must follow the verb ("take over", "snap up")
    particle: str | None = None
    # the trigger must carry a preposition or adverb with one of these words ("stake" +
    # "in"); "from+ing" is "from" before a gerund ("barred X from buying")
    requires: tuple[str, ...] = ()
    # ... and must not carry one of these
    unless: tuple[str, ...] = ()
    # the trigger noun must not be governed by one of these verbs ("sold its stake")
    blocked_governors: tuple[str, ...] = ()
    # the verb's patient must be one of these words ("took a *stake* in X")
    patient_words: tuple[str, ...] = ()
    # ... and must not be one of these ("secured a *contract* from X" raises no money)
    patient_not: tuple[str, ...] = ()
    # the verb's patient must be goods, not a firm or asset ("buys *cells* from X")
    patient_goods: bool = False
    # the verb's actor must be one of these words ("the *sanctions* targeted X")
    actor_words: tuple[str, ...] = ()
    # ... or be described by one of these participles ("*targeted* firms include X")
    actor_modifiers: tuple[str, ...] = ()
    # a common noun acting must be one of these words: "hit by *sanctions*", not "hit by
    # the *duties*" or "by the *virus*" (a named actor always may)
    actor_nouns: tuple[str, ...] = ()
    # the verb must be in the passive voice ("X was targeted")
    passive: bool = False
    # words this rule alone reads through ("approved *the merger of* A and B")
    through: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # a word with one of these lemmas must sit in the trigger's phrase ("added to the *list*")
    near: tuple[str, ...] = ()
    # the word joined by a hyphen before the trigger ("*open*-sourced")
    prefix: str | None = None
    # a place object stands for its stock exchange ("listed in Hong Kong")
    exchange: bool = False
    # arguments are read literally: a unit is not its parent ("a Singapore-based unit of X")
    literal: bool = False
    # with no subject in the sentence, the story's maker of the object is taken
    # ("the release of ChatGPT": OpenAI, named elsewhere as its maker)
    orphan: bool = False
    # a noun switched by its verb also states the original act ("lifted its 2023 ban":
    # the ban existed)
    keep_original: bool = False
    status: FactStatus | None = None
    role: str | None = None
    confidence: float = Field(default=0.75, gt=0, le=1)
    # pairs from coordinated subjects: "A and B merged"
    symmetric: bool = False
    examples: tuple[Example, ...] = Field(min_length=1)

    _roles = field_validator("subject", "object")(_check_roles)

    @field_validator("trigger")
    @classmethod
    def _lower(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w.lower() for w in words)


class TitleEntry(BaseModel):
    """A title ("chief executive officer") and what holding it means."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phrase: str
    predicate: Predicate
    role: str
    # the title of a state's leader: its country is the organisation ("Premier Li")
    political: bool = False
    # a public office ("minister", "governor"): held in the body the sentence names,
    # never in the company a story is about or the firm that reports it
    public: bool = False


class RuleTable(BaseModel):
    """One domain's rules (one YAML file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    domain: str
    rules: tuple[Rule, ...] = ()
    titles: tuple[TitleEntry, ...] = ()
    # words that move a role to the entity behind them ("a stake *in* X")
    transparent: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # verbs that end a role held by the subject ("step down as")
    departures: tuple[str, ...] = ()
    title_examples: tuple[Example, ...] = ()


@lru_cache(maxsize=1)
def load_rule_tables() -> tuple[RuleTable, ...]:
    """Every shipped rule table, validated once per process."""
    tables: list[RuleTable] = []
    folder = resources.files("sinograph.loaders.extract.rules")
    for name in TABLES:
        text = folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        try:
            tables.append(RuleTable.model_validate(data))
        except ValueError as exc:
            raise ValueError(f"loaders/extract/rules/{name}.yaml: {exc}") from exc
    ids = [r.id for t in tables for r in t.rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate rule ids: {sorted(duplicates)}")
    return tuple(tables)


class MetricExample(BaseModel):
    """A sentence of our own and the figures it must give, each written
    ``"Subject measure value UNIT ±change"`` (change omitted when none is stated)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    expect: tuple[str, ...] = ()
    published: str = "2025-06-30"


class MetricTable(BaseModel):
    """The words that make a reported figure (rules/metrics.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    domain: Literal["metrics"]
    measures: frozenset[str] = Field(min_length=1)
    rises: frozenset[str] = Field(min_length=1)
    falls: frozenset[str] = Field(min_length=1)
    examples: tuple[MetricExample, ...] = Field(min_length=1)

    @field_validator("measures", "rises", "falls")
    @classmethod
    def _lower_words(cls, words: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def load_metric_table() -> MetricTable:
    """The metrics table, validated once per process."""
    rules = resources.files("sinograph.loaders.extract.rules")
    text = rules.joinpath("metrics.yaml").read_text("utf-8")
    try:
        return MetricTable.model_validate(yaml.safe_load(text))
    except ValueError as exc:
        raise ValueError(f"loaders/extract/rules/metrics.yaml: {exc}") from exc
