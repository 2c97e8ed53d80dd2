"""Stock exchanges named by their city: "listed in Hong Kong" is listed on the Hong Kong
Stock Exchange."""

from __future__ import annotations

from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.coref import Cluster, Coreference
from sinograph.loaders.extract.gazetteer import (
    EXCHANGE_OF_CITY,
    OTHER_VENUES_OF_CITY,
    city_of_market,
)

__all__ = ["exchange_for"]

_EXCHANGE_WORDS = ("Exchange", "Nasdaq", "NYSE", "HKEX", "Bourse", "bourse", "SGX", "Board")
_PLACES = frozenset({EntityType.REGION, EntityType.COUNTRY})


def exchange_for(coref: Coreference, cluster: Cluster) -> Cluster | None:
    """The exchange ``cluster`` names or stands for, or None when it is no trading venue."""
    if cluster.type in (EntityType.COMPANY, EntityType.MARKET, None) and any(
        w in cluster.canonical for w in _EXCHANGE_WORDS
    ):
        return cluster
    entry = cluster.registry
    if entry is not None and entry.description and "exchange" in entry.description.lower():
        return cluster
    city = cluster.canonical if cluster.type in _PLACES else None
    if cluster.type is EntityType.MARKET:
        # "Hong Kong stocks", "the Hong Kong IPO market": the city's exchange
        city = city_of_market(cluster.canonical)
    if city is not None and city in EXCHANGE_OF_CITY:
        name = EXCHANGE_OF_CITY[city]
        venues = OTHER_VENUES_OF_CITY.get(city, ())
        for c in coref.live():
            if c.type is EntityType.COMPANY and any(v in f for f in c.forms() for v in venues):
                return c
        for c in coref.live():
            if c.type is EntityType.COMPANY and any(
                f == name or f.replace("The ", "") == name for f in c.forms()
            ):
                return c
        return coref.add(name, EntityType.COMPANY)
    return None
