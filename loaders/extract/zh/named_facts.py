"""Facts a sentence states by how it names things, without a verb:

* ``广东省东莞市``, ``匈牙利德布勒森市`` — the second place is in the first (LOCATED_IN);
* ``美国PVH集团``, ``日本软银集团`` — a country glued before a firm is where the firm is
  based (HEADQUARTERED_IN);
* ``腾讯混元``, ``苹果iPhone`` — a product named after its firm is the firm's (DEVELOPS);
* ``宁德时代匈牙利工厂`` — a plant named after its firm, in a sentence about building,
  investing in or starting it, is the firm's investment (INVESTS_IN, with the money the
  sentence says was invested).

Each fact records its reading (``zh.name.*``) like a rule does, with a lower confidence
than a rule that reads a verb.
"""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract.zh.engine import Candidate
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.units import Unit

__all__ = ["named_facts"]

_PLACES = frozenset({EntityType.COUNTRY, EntityType.REGION})
_INVESTING = (
    "投资",
    "建设",
    "投建",
    "兴建",
    "建厂",
    "开工",
    "动工",
    "启动",
    "签署",
    "落地",
    "投产",
)


def named_facts(units: list[Unit], sentence: int, table: EntityTable) -> list[Candidate]:
    """The facts the names of one sentence state (see the module doc)."""
    out: list[Candidate] = []
    text = "".join(u.text for u in units)
    for k, unit in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else None
        glued = nxt is not None and nxt.start == unit.end
        if unit.kind == "entity" and not unit.anaphor and glued and nxt is not None:
            outer, inner = table.get(unit.entity), nxt
            if (
                outer.type in _PLACES
                and inner.kind == "entity"
                and table.get(inner.entity).type is EntityType.REGION
            ):
                out.append(
                    _fact(
                        inner.entity,
                        Predicate.LOCATED_IN,
                        unit.entity,
                        sentence,
                        "zh.name.place_in_place",
                        0.7,
                    )
                )
        if (
            unit.kind == "word"
            and unit.tag == "ns"
            and glued
            and nxt is not None
            and nxt.kind == "entity"
            and table.get(nxt.entity).type is EntityType.COMPANY
        ):
            country = table.surfaces.get(unit.text)
            if country is not None and table.get(country).type is EntityType.COUNTRY:
                out.append(
                    _fact(
                        nxt.entity,
                        Predicate.HEADQUARTERED_IN,
                        country,
                        sentence,
                        "zh.name.country_firm",
                        0.6,
                    )
                )
        if (
            unit.kind == "entity"
            and not unit.anaphor
            and table.get(unit.entity).type is EntityType.COMPANY
            and table.get(unit.entity).entry is None
        ):
            country = _country_prefix(unit.text, table)
            if country is not None:  # "美国星桥集团": one name, the country in front
                out.append(
                    _fact(
                        unit.entity,
                        Predicate.HEADQUARTERED_IN,
                        country,
                        sentence,
                        "zh.name.country_firm",
                        0.6,
                    )
                )
        if unit.kind != "entity" or unit.entity not in table.owner:
            continue
        firm = table.owner[unit.entity]
        kind = table.get(unit.entity).type
        if kind is EntityType.PRODUCT:
            out.append(
                _fact(firm, Predicate.DEVELOPS, unit.entity, sentence, "zh.name.firm_product", 0.6)
            )
        elif kind is EntityType.ASSET and any(word in text for word in _INVESTING):
            fact = _fact(
                firm, Predicate.INVESTS_IN, unit.entity, sentence, "zh.name.firm_plant", 0.6
            )
            if "投资" in text:
                money = next((u.money for u in units if u.money is not None), None)
                if money is not None:
                    fact.amount = (money.value, money.currency)
            out.append(fact)
    return out


def _country_prefix(name: str, table: EntityTable) -> int | None:
    for size in (4, 3, 2):
        if len(name) - size < 2:
            continue
        entry = table.names.forms.get(name[:size])
        # "中国…" opens many official names; a foreign country before a firm is a qualifier
        if entry is not None and entry.type is EntityType.COUNTRY and entry.name != "China":
            return table.known(entry, name[:size])
    return None


def _fact(
    subject: int, predicate: Predicate, obj: int, sentence: int, reading: str, confidence: float
) -> Candidate:
    return Candidate(subject, predicate, obj, sentence, reading, confidence, rules=[reading])
