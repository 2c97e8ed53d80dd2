"""The graph's vocabulary: entity labels, predicates and statuses.

These names are the contract shared by the loaders, the stores, the API and the
evaluation data (see the project's ontology document). Labels and relationship
types that reach Cypher text come only from these enums.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

__all__ = [
    "DURATIVE_PREDICATES",
    "ENTITY_TYPE_MEANINGS",
    "METRIC_SUBJECT_TYPES",
    "PREDICATE_SIGNATURES",
    "STATUS_MEANINGS",
    "PredicateSignature",
    "SYMMETRIC_PREDICATES",
    "EntityType",
    "FactStatus",
    "Predicate",
    "STATUS_RANK",
    "parse_entity_type",
    "parse_predicate",
]


class EntityType(StrEnum):
    """Node labels."""

    COMPANY = "Company"
    PERSON = "Person"
    COUNTRY = "Country"
    REGION = "Region"
    GOVERNMENT_BODY = "GovernmentBody"
    ORGANIZATION = "Organization"
    PRODUCT = "Product"
    ASSET = "Asset"
    COMMODITY = "Commodity"
    MARKET = "Market"
    INVESTOR_GROUP = "InvestorGroup"


class Predicate(StrEnum):
    """Relationship types (directed, subject -> object)."""

    ACQUIRES = "ACQUIRES"
    SELLS = "SELLS"
    INVESTS_IN = "INVESTS_IN"
    MERGES_WITH = "MERGES_WITH"
    PARTNERS_WITH = "PARTNERS_WITH"
    OWNS = "OWNS"
    CONTROLS = "CONTROLS"
    SUBSIDIARY_OF = "SUBSIDIARY_OF"
    LISTED_ON = "LISTED_ON"
    SUPPLIES = "SUPPLIES"
    AUDITS = "AUDITS"
    IMPORTS = "IMPORTS"
    DEVELOPS = "DEVELOPS"
    RELEASES = "RELEASES"
    OPEN_SOURCES = "OPEN_SOURCES"
    COMPETES_WITH = "COMPETES_WITH"
    FOUNDED = "FOUNDED"
    LEADS = "LEADS"
    WORKS_FOR = "WORKS_FOR"
    BANS = "BANS"
    LIFTS_BAN = "LIFTS_BAN"
    IMPOSES_TARIFF = "IMPOSES_TARIFF"
    SANCTIONS = "SANCTIONS"
    APPROVES = "APPROVES"
    INVESTIGATES = "INVESTIGATES"
    FINES = "FINES"
    SUPPORTS = "SUPPORTS"
    HEADQUARTERED_IN = "HEADQUARTERED_IN"
    LOCATED_IN = "LOCATED_IN"
    OPERATES_IN = "OPERATES_IN"


class FactStatus(StrEnum):
    """Where a deal, listing or ban stands."""

    PROPOSED = "proposed"
    ANNOUNCED = "announced"
    AGREED = "agreed"
    COMPLETED = "completed"
    TERMINATED = "terminated"


# A later story may move a fact along this order, never back: merging keeps the
# higher rank, so the result does not depend on the order stories are loaded in.
STATUS_RANK: dict[FactStatus, int] = {
    FactStatus.PROPOSED: 0,
    FactStatus.ANNOUNCED: 1,
    FactStatus.AGREED: 1,
    FactStatus.COMPLETED: 2,
    FactStatus.TERMINATED: 3,
}

# States that hold for a while and can be closed with ``valid_until``.
DURATIVE_PREDICATES: frozenset[Predicate] = frozenset(
    {Predicate.LEADS, Predicate.WORKS_FOR, Predicate.OWNS, Predicate.CONTROLS, Predicate.BANS}
)

# Predicates whose direction carries no meaning.
SYMMETRIC_PREDICATES: frozenset[Predicate] = frozenset(
    {Predicate.MERGES_WITH, Predicate.PARTNERS_WITH, Predicate.COMPETES_WITH}
)


def parse_predicate(value: str) -> Predicate:
    """Return the predicate named ``value`` or raise :class:`InvalidInput`.

    >>> parse_predicate("acquires")
    <Predicate.ACQUIRES: 'ACQUIRES'>
    """
    from sinograph.graph.model.errors import InvalidInput

    try:
        return Predicate(value.strip().upper())
    except ValueError:
        raise InvalidInput(
            f"unknown predicate {value!r}; expected one of {', '.join(p.value for p in Predicate)}"
        ) from None


def parse_entity_type(value: str) -> EntityType:
    """Return the entity label named ``value`` (case-insensitive) or raise InvalidInput."""
    from sinograph.graph.model.errors import InvalidInput

    wanted = value.strip().lower()
    for label in EntityType:
        if label.value.lower() == wanted:
            return label
    raise InvalidInput(
        f"unknown entity type {value!r}; expected one of {', '.join(t.value for t in EntityType)}"
    )


# ---------------------------------------------------------------------------
# What each name means, and which labels each predicate joins. The language-model
# extractor's prompt is built from these tables and its answers are checked
# against them, so the model and the checks can never disagree with the enums.

ENTITY_TYPE_MEANINGS: dict[EntityType, str] = {
    EntityType.COMPANY: "any firm: listed or private company, fund, bank, broker, "
    "exchange operator, developer, media owner",
    EntityType.PERSON: "a named person",
    EntityType.COUNTRY: "a sovereign state, a jurisdiction treated as one in trade and markets "
    "(Hong Kong, Macau, Taiwan), or a bloc acting as one in trade (European Union)",
    EntityType.REGION: "a place below or across countries: province, prefecture, city, zone",
    EntityType.GOVERNMENT_BODY: "a ministry, regulator, customs office, state council, "
    "central bank",
    EntityType.ORGANIZATION: "a non-commercial body: international organisation, association, "
    "research institute",
    EntityType.PRODUCT: "a named product, model or platform",
    EntityType.ASSET: "a physical or project asset: mine, plant, field, project",
    EntityType.COMMODITY: "a class of goods, possibly qualified by origin "
    "(gold, Japanese seafood)",
    EntityType.MARKET: "a market, segment or trading channel",
    EntityType.INVESTOR_GROUP: "a collective actor that is not one firm (mainland investors)",
}

_T = EntityType
_ANY = frozenset(EntityType)


class PredicateSignature:
    """Which labels a predicate joins (its domain and range) and what it means.

    >>> PREDICATE_SIGNATURES[Predicate.FOUNDED].fits(EntityType.PERSON, EntityType.COMPANY)
    True
    >>> PREDICATE_SIGNATURES[Predicate.FOUNDED].fits(EntityType.COMPANY, EntityType.PERSON)
    False
    """

    __slots__ = ("meaning", "objects", "subjects")

    def __init__(
        self, subjects: Iterable[EntityType], objects: Iterable[EntityType], meaning: str
    ) -> None:
        self.subjects = frozenset(subjects)
        self.objects = frozenset(objects)
        self.meaning = meaning

    def fits(self, subject: EntityType, obj: EntityType) -> bool:
        """Whether ``subject -P-> obj`` has labels this predicate accepts."""
        return subject in self.subjects and obj in self.objects


def _sig(
    subjects: Iterable[EntityType], objects: Iterable[EntityType], meaning: str
) -> PredicateSignature:
    return PredicateSignature(subjects, objects, meaning)


PREDICATE_SIGNATURES: dict[Predicate, PredicateSignature] = {
    Predicate.ACQUIRES: _sig(
        (_T.COMPANY, _T.GOVERNMENT_BODY, _T.INVESTOR_GROUP), (_T.COMPANY, _T.ASSET),
        "the subject buys, takes over or bids for the object (or a stake in it)",
    ),
    Predicate.SELLS: _sig(
        (_T.COMPANY,), (_T.COMPANY, _T.ASSET),
        "the subject sells or divests the object; 'A buys X from B' means B SELLS X",
    ),
    Predicate.INVESTS_IN: _sig(
        (_T.COMPANY, _T.PERSON, _T.INVESTOR_GROUP, _T.COUNTRY, _T.GOVERNMENT_BODY),
        (_T.COMPANY, _T.ASSET, _T.MARKET),
        "the subject puts money into the object: invests, injects capital, leads a round",
    ),
    Predicate.MERGES_WITH: _sig((_T.COMPANY,), (_T.COMPANY,), "the two firms merge or combine"),
    Predicate.PARTNERS_WITH: _sig(
        (_T.COMPANY,), (_T.COMPANY,), "a partnership, joint venture or alliance of two firms"
    ),
    Predicate.OWNS: _sig(
        (_T.COMPANY, _T.PERSON, _T.COUNTRY, _T.GOVERNMENT_BODY), (_T.COMPANY, _T.ASSET),
        "the subject owns the object or a stake in it (a holding, a parent)",
    ),
    Predicate.CONTROLS: _sig(
        (_T.COMPANY, _T.PERSON, _T.COUNTRY), (_T.COMPANY,),
        "the subject controls the object ('X is controlled by Y' means Y CONTROLS X)",
    ),
    Predicate.SUBSIDIARY_OF: _sig(
        (_T.COMPANY,), (_T.COMPANY,), "the subject is a subsidiary, unit or arm of the object"
    ),
    Predicate.LISTED_ON: _sig(
        (_T.COMPANY,), (_T.COMPANY,),
        "the subject's shares are listed on the object, an exchange (IPO, debut)",
    ),
    Predicate.SUPPLIES: _sig(
        (_T.COMPANY,), (_T.COMPANY,),
        "the subject supplies the object ('X is a customer of Y' means Y SUPPLIES X)",
    ),
    Predicate.AUDITS: _sig((_T.COMPANY,), (_T.COMPANY,), "the subject is the object's auditor"),
    Predicate.IMPORTS: _sig(
        (_T.COUNTRY, _T.COMPANY), (_T.COMMODITY,), "the subject imports or buys the goods"
    ),
    Predicate.DEVELOPS: _sig(
        (_T.COMPANY,), (_T.PRODUCT,), "the subject develops or makes the product"
    ),
    Predicate.RELEASES: _sig(
        (_T.COMPANY,), (_T.PRODUCT,), "the subject launches, releases or unveils the product"
    ),
    Predicate.OPEN_SOURCES: _sig(
        (_T.COMPANY,), (_T.PRODUCT,),
        "the subject open-sources the product or makes it free to download",
    ),
    Predicate.COMPETES_WITH: _sig(
        (_T.COMPANY,), (_T.COMPANY,), "the two firms are rivals or competitors"
    ),
    Predicate.FOUNDED: _sig((_T.PERSON,), (_T.COMPANY,), "the person founded the company"),
    Predicate.LEADS: _sig(
        (_T.PERSON,), (_T.COMPANY, _T.GOVERNMENT_BODY, _T.COUNTRY),
        "the person heads the object: CEO, chairman, president, premier, head",
    ),
    Predicate.WORKS_FOR: _sig(
        (_T.PERSON,), (_T.COMPANY, _T.ORGANIZATION, _T.GOVERNMENT_BODY),
        "the person works for the object (analyst at, economist with, executive of)",
    ),
    Predicate.BANS: _sig(
        (_T.COUNTRY, _T.GOVERNMENT_BODY), (_T.COMMODITY, _T.COMPANY, _T.PRODUCT, _T.COUNTRY),
        "the subject bans, bars, prohibits or suspends imports of the object",
    ),
    Predicate.LIFTS_BAN: _sig(
        (_T.COUNTRY, _T.GOVERNMENT_BODY), (_T.COMMODITY, _T.COMPANY, _T.PRODUCT, _T.COUNTRY),
        "the subject lifts or ends its ban on the object (resumes imports)",
    ),
    Predicate.IMPOSES_TARIFF: _sig(
        (_T.COUNTRY,), (_T.COUNTRY, _T.COMMODITY),
        "the subject imposes a tariff, levy or duty on the object",
    ),
    Predicate.SANCTIONS: _sig(
        (_T.COUNTRY, _T.GOVERNMENT_BODY), (_T.COMPANY, _T.PERSON, _T.ORGANIZATION),
        "the subject sanctions or blacklists the object (entity list)",
    ),
    Predicate.APPROVES: _sig(
        (_T.GOVERNMENT_BODY, _T.ORGANIZATION), _ANY,
        "the subject approves, clears or authorises the object",
    ),
    Predicate.INVESTIGATES: _sig(
        (_T.GOVERNMENT_BODY, _T.ORGANIZATION, _T.COUNTRY), (_T.COMPANY, _T.PERSON, _T.COMMODITY),
        "the subject investigates or probes the object (anti-dumping inquiry)",
    ),
    Predicate.FINES: _sig(
        (_T.GOVERNMENT_BODY,), (_T.COMPANY, _T.PERSON), "the subject fines or penalises the object"
    ),
    Predicate.SUPPORTS: _sig(
        (_T.GOVERNMENT_BODY, _T.PERSON, _T.COUNTRY), (_T.MARKET, _T.COMPANY, _T.REGION),
        "the subject pledges support, stimulus or subsidies to the object",
    ),
    Predicate.HEADQUARTERED_IN: _sig(
        (_T.COMPANY, _T.ORGANIZATION, _T.GOVERNMENT_BODY), (_T.COUNTRY, _T.REGION),
        "the subject is based or headquartered in the place",
    ),
    Predicate.LOCATED_IN: _sig(
        (_T.ASSET, _T.REGION), (_T.COUNTRY, _T.REGION), "the asset or region lies in the place"
    ),
    Predicate.OPERATES_IN: _sig(
        (_T.COMPANY,), (_T.COUNTRY, _T.REGION),
        "the company has operations, assets or projects in the place",
    ),
}

STATUS_MEANINGS: dict[FactStatus, str] = {
    FactStatus.PROPOSED: "a bid, plan or proposal",
    FactStatus.ANNOUNCED: "announced",
    FactStatus.AGREED: "agreed or signed",
    FactStatus.COMPLETED: "completed, closed or in force",
    FactStatus.TERMINATED: "terminated, called off or blocked",
}

# Labels a reported figure (a Metric) may be about.
METRIC_SUBJECT_TYPES: frozenset[EntityType] = frozenset(
    {
        EntityType.MARKET,
        EntityType.COMPANY,
        EntityType.COUNTRY,
        EntityType.REGION,
        EntityType.INVESTOR_GROUP,
    }
)
