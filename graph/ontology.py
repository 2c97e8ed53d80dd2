"""The graph's vocabulary: entity labels, predicates and statuses.

These names are the contract shared by the loaders, the stores, the API and the
evaluation data (see the project's ontology document). Labels and relationship
types that reach Cypher text come only from these enums.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DURATIVE_PREDICATES",
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
    from graph.errors import InvalidInput

    try:
        return Predicate(value.strip().upper())
    except ValueError:
        raise InvalidInput(
            f"unknown predicate {value!r}; expected one of {', '.join(p.value for p in Predicate)}"
        ) from None


def parse_entity_type(value: str) -> EntityType:
    """Return the entity label named ``value`` (case-insensitive) or raise InvalidInput."""
    from graph.errors import InvalidInput

    wanted = value.strip().lower()
    for label in EntityType:
        if label.value.lower() == wanted:
            return label
    raise InvalidInput(
        f"unknown entity type {value!r}; expected one of {', '.join(t.value for t in EntityType)}"
    )
