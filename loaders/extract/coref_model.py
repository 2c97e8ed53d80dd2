"""The clusters of one story: each entity of the story and every mention of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sinograph.graph.model.ids import normalize_name as _normalize_name
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract.document import ParsedSentence
from sinograph.loaders.extract.gazetteer import COUNTRY_OF_DEMONYM, REGION_COUNTRY
from sinograph.loaders.extract.mention import Mention
from sinograph.loaders.extract.registry import RegistryEntry

__all__ = [
    "ORG_TYPES",
    "PLACE_WORDS",
    "Cluster",
    "Coreference",
    "dominant_type",
    "merge_clusters",
    "normalize_name",
]

ORG_TYPES = frozenset({EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.GOVERNMENT_BODY})


@dataclass(slots=True)
class Cluster:
    """One entity of the story and every mention of it."""

    id: int
    type: EntityType | None
    canonical: str
    surfaces: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    registry: RegistryEntry | None = None
    named: bool = True
    cue: float = 0.0
    place: str | None = None
    head: str | None = None
    votes: dict[EntityType, float] = field(default_factory=dict)
    description: str | None = None
    merged_into: int = -1
    named_surfaces: list[str] = field(default_factory=list)
    extends: str | None = None

    def forms(self) -> list[str]:
        return [self.canonical, *self.surfaces]


@dataclass(slots=True)
class Coreference:
    """The clusters of a story; ``of(sentence, mention)`` gives a mention's cluster."""

    clusters: list[Cluster]
    sentences: list[ParsedSentence]

    def of(self, mention: Mention) -> Cluster | None:
        if mention.cluster < 0:
            return None
        return self.root(self.clusters[mention.cluster])

    def root(self, cluster: Cluster) -> Cluster:
        while cluster.merged_into >= 0:
            cluster = self.clusters[cluster.merged_into]
        return cluster

    def live(self) -> list[Cluster]:
        return [c for c in self.clusters if c.merged_into < 0]

    def find(self, name: str, kind: EntityType | None = None) -> Cluster | None:
        key = normalize_name(name)
        for c in self.live():
            if kind is not None and c.type is not kind:
                continue
            if any(normalize_name(f) == key for f in c.forms()):
                return c
        return None

    def add(self, name: str, kind: EntityType, *, named: bool = True) -> Cluster:
        """A cluster for an entity the relation stage infers (an exchange, a government)."""
        found = self.find(name, kind)
        if found is not None:
            return found
        cluster = Cluster(len(self.clusters), kind, name, [name], named=named, cue=0.6)
        cluster.votes[kind] = cluster.votes.get(kind, 0.0) + 1.0
        self.clusters.append(cluster)
        return cluster


@lru_cache(maxsize=65_536)
def normalize_name(name: str) -> str:
    """:func:`graph.model.ids.normalize_name`, cached: coreference compares names often."""
    return _normalize_name(name)


_COUNTRY_NAMES = frozenset(COUNTRY_OF_DEMONYM.values())

# Place names that may open a firm's name ("China Huarong", "Zhejiang Geely"), lower case.
PLACE_WORDS = frozenset(
    w.lower() for w in (*REGION_COUNTRY, *COUNTRY_OF_DEMONYM.values()) if " " not in w
)


def merge_clusters(coref: Coreference, keep: Cluster, drop: Cluster) -> None:
    """Fold ``drop`` into ``keep``: its surfaces and mentions now belong to ``keep``."""
    keep, drop = coref.root(keep), coref.root(drop)
    if keep.id == drop.id:
        return
    drop.merged_into = keep.id
    for surface in drop.forms():
        if surface not in keep.surfaces and surface != keep.canonical:
            keep.surfaces.append(surface)
    keep.mentions.extend(drop.mentions)
    for surface in drop.named_surfaces:
        if surface not in keep.named_surfaces:
            keep.named_surfaces.append(surface)
    for kind, weight in drop.votes.items():
        keep.votes[kind] = keep.votes.get(kind, 0.0) + weight
    keep.named = keep.named or drop.named
    keep.place = keep.place or drop.place
    for s_index, m_index in drop.mentions:
        coref.sentences[s_index].mentions[m_index].cluster = keep.id
    if keep.registry is None and drop.registry is not None:
        keep.registry = drop.registry
        keep.canonical = drop.registry.name
    elif keep.registry is None and len(drop.canonical) > len(keep.canonical) and drop.named:
        keep.canonical = drop.canonical


def dominant_type(cluster: Cluster) -> EntityType | None:
    if cluster.registry is not None:
        return cluster.registry.type
    if not cluster.votes:
        return cluster.type
    votes = dict(cluster.votes)
    first = cluster.canonical.split()[0] if cluster.canonical.split() else ""
    if EntityType.PERSON in votes and (first in REGION_COUNTRY or first in _COUNTRY_NAMES):
        # "China Renaissance" is a firm named after a place, never a person
        votes.pop(EntityType.PERSON)
        if not votes:
            return EntityType.COMPANY
    # Highest weight; ties go to the label name so the result never depends on order.
    return max(votes.items(), key=lambda kv: (kv[1], kv[0].value))[0]
