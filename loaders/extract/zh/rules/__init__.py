"""The relation rules, one table per domain; ``ALL_RULES`` is what the engine reads.

Every rule's examples are sentences written for this project; the test suite runs
each one through the extractor and checks the rule reads its fact.
"""

from __future__ import annotations

from sinograph.loaders.extract.zh.rule import Rule
from sinograph.loaders.extract.zh.rules import (
    deals,
    markets,
    ownership,
    people,
    places,
    products,
    regulation,
    supply,
    trade,
)

__all__ = ["ALL_RULES"]

ALL_RULES: tuple[Rule, ...] = (
    *deals.RULES,
    *ownership.RULES,
    *markets.RULES,
    *regulation.RULES,
    *trade.RULES,
    *people.RULES,
    *products.RULES,
    *supply.RULES,
    *places.RULES,
)
