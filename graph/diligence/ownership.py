"""Ownership chains and government exposure, walked on any :class:`GraphStore`.

Due diligence asks who owns a firm, what it owns, and which government acts touch
it or anything in that tree. Both walks use only ``GraphStore.neighbors`` with an
explicit predicate allow-list, so every store answers them alike and a walk never
passes through a country, a region or a shared headquarters city: only ownership
facts join the entities of a tree.

Ownership facts (:data:`OWNERSHIP_PREDICATES`): ``A OWNS B``, ``A CONTROLS B`` and
``B SUBSIDIARY_OF A`` make A an owner of B. A fact that had ended by ``as_of``
(``valid_until``) or had not begun is left out, as every as-of query does
(:class:`graph.model.queries.TimeWindow`). An acquisition is a deal, not a holding: a
completed ``ACQUIRES`` says nothing about whether the buyer still holds the target
(Alibaba bought Sun Art in 2020 and sold it in 2025), so only stated holdings count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.queries import NeighbourQuery
from sinograph.graph.model.results import EntityRef, FactView
from sinograph.graph.stores.assemble import entity_ref
from sinograph.graph.stores.protocol import GraphStore

__all__ = [
    "EXPOSURE_PREDICATES",
    "MAX_OWNERSHIP_HOPS",
    "OWNERSHIP_PREDICATES",
    "Exposure",
    "OwnershipLink",
    "OwnershipTree",
    "exposure",
    "ownership_tree",
]

OWNERSHIP_PREDICATES = (Predicate.OWNS, Predicate.CONTROLS, Predicate.SUBSIDIARY_OF)
# Government acts against an entity, and the flag each raises in a screening.
EXPOSURE_PREDICATES: dict[Predicate, str] = {
    Predicate.SANCTIONS: "sanctioned",
    Predicate.BANS: "banned",
    Predicate.FINES: "fined",
    Predicate.INVESTIGATES: "under investigation",
    Predicate.IMPOSES_TARIFF: "tariffed",
}
MAX_OWNERSHIP_HOPS = 6
# Facts read around one entity per walk step; more than any real firm has.
_STEP_LIMIT = 5_000

Direction = Literal["up", "down"]


class OwnershipLink(BaseModel):
    """``owner`` holds ``owned`` by ``fact``; ``hops`` counts from the dossier's entity."""

    model_config = ConfigDict(frozen=True)

    owner: EntityRef
    owned: EntityRef
    fact: FactView
    hops: int


class OwnershipTree(BaseModel):
    """The owners above an entity (``up``) and its holdings below (``down``), level by level.

    ``ultimate_parents`` are the owners above which nothing more is known (within
    ``max_hops``); ``paths`` gives, for every entity in the tree, the ownership facts
    (keys) that lead to it from the root, nearest first.
    """

    model_config = ConfigDict(frozen=True)

    root: EntityRef
    up: list[OwnershipLink]
    down: list[OwnershipLink]
    ultimate_parents: list[EntityRef]
    paths: dict[str, list[str]] = Field(default_factory=dict)
    cut_at_max_hops: bool = False


class Exposure(BaseModel):
    """A government act on the entity or on something in its ownership tree.

    ``relation`` says where the target sits: ``self``, ``owner`` (``hops`` up) or
    ``holding`` (``hops`` down); ``path`` holds the ownership facts from the entity
    to the target, nearest first, so a reviewer can check each link.
    """

    model_config = ConfigDict(frozen=True)

    flag: str
    act: FactView
    target: EntityRef
    relation: Literal["self", "owner", "holding"]
    hops: int
    path: list[FactView]


def _is_ownership(fact: FactView) -> bool:
    return fact.predicate in OWNERSHIP_PREDICATES


def _owner_and_owned(fact: FactView) -> tuple[str, str]:
    if fact.predicate is Predicate.SUBSIDIARY_OF:
        return fact.object, fact.subject
    return fact.subject, fact.object


def _facts_around(
    store: GraphStore,
    entity_id: str,
    predicates: Iterable[Predicate],
    *,
    as_of: str | None,
    min_confidence: float | None,
) -> tuple[list[FactView], dict[str, EntityRef]]:
    """The admitted facts of these predicates that touch ``entity_id``, and the entities
    they join."""
    around = store.neighbors(NeighbourQuery(
        entity=entity_id,
        depth=1,
        predicates=[p.value for p in predicates],
        as_of=as_of,
        limit=_STEP_LIMIT,
        min_confidence=min_confidence,
    ))
    refs = {e.id: entity_ref(e) for e in around.entities}
    return [f for f in around.facts if entity_id in (f.subject, f.object)], refs


class _Prefetched:
    """The ownership facts within a few hops of the root, read in one neighbourhood query,
    answering for every entity whose facts all lie inside it (one nearer the root than
    the neighbourhood's edge); a cut neighbourhood answers for none."""

    def __init__(
        self,
        store: GraphStore,
        root: str,
        depth: int,
        *,
        as_of: str | None,
        min_confidence: float | None,
    ) -> None:
        around = store.neighbors(NeighbourQuery(
            entity=root,
            depth=depth,
            predicates=[p.value for p in OWNERSHIP_PREDICATES],
            as_of=as_of,
            limit=_STEP_LIMIT,
            min_confidence=min_confidence,
        ))
        self.usable = not around.truncated
        self.refs = {e.id: entity_ref(e) for e in around.entities}
        self.facts: dict[str, list[FactView]] = {}
        for fact in around.facts:
            self.facts.setdefault(fact.subject, []).append(fact)
            if fact.object != fact.subject:
                self.facts.setdefault(fact.object, []).append(fact)
        # Levels as the neighbourhood counts them: hops from the root, either direction.
        self.level = {root: 0}
        frontier = [root]
        for level in range(1, depth + 1):
            reached = []
            for node in frontier:
                for fact in self.facts.get(node, ()):
                    other = fact.object if fact.subject == node else fact.subject
                    if other not in self.level:
                        self.level[other] = level
                        reached.append(other)
            frontier = reached
        self.depth = depth

    def around(self, entity_id: str) -> tuple[list[FactView], dict[str, EntityRef]] | None:
        if not self.usable or self.level.get(entity_id, self.depth) >= self.depth:
            return None
        return list(self.facts.get(entity_id, ())), self.refs


def ownership_tree(
    store: GraphStore,
    entity: str,
    *,
    as_of: str | None = None,
    max_hops: int = 4,
    min_confidence: float | None = None,
) -> OwnershipTree:
    """Walk ownership facts up and down from ``entity`` (an id or a name), breadth first.

    Each entity is reached once, by its shortest chain (ties: the fact key that sorts
    first), so a cycle (A owns B owns A) ends the walk instead of looping.
    """
    if not 1 <= max_hops <= MAX_OWNERSHIP_HOPS:
        raise InvalidInput(f"max_hops must be between 1 and {MAX_OWNERSHIP_HOPS}, got {max_hops}")
    root = entity_ref(store.resolve_entity(entity))
    near = _Prefetched(
        store, root.id, min(max_hops, 3), as_of=as_of, min_confidence=min_confidence
    )
    paths: dict[str, list[str]] = {root.id: []}
    links: dict[Direction, list[OwnershipLink]] = {"up": [], "down": []}
    cut = False
    for direction in ("up", "down"):
        frontier = [root.id]
        for hop in range(1, max_hops + 1):
            found: dict[str, OwnershipLink] = {}
            for current in frontier:
                known = near.around(current)
                facts, refs = known or _facts_around(
                    store,
                    current,
                    OWNERSHIP_PREDICATES,
                    as_of=as_of,
                    min_confidence=min_confidence,
                )
                for fact in sorted(facts, key=lambda f: f.key):
                    if not _is_ownership(fact):
                        continue
                    owner, owned = _owner_and_owned(fact)
                    if direction == "up" and owned != current:
                        continue
                    if direction == "down" and owner != current:
                        continue
                    other = owner if direction == "up" else owned
                    if other in paths or other in found:
                        continue
                    found[other] = OwnershipLink(
                        owner=refs[owner], owned=refs[owned], fact=fact, hops=hop
                    )
                    paths[other] = [*paths[current], fact.key]
            links[direction].extend(found[k] for k in sorted(found))
            frontier = sorted(found)
            if not frontier:
                break
        else:
            cut = cut or bool(frontier)
    up = links["up"]
    owned_ids = {link.owned.id for link in up}
    ultimate = {link.owner.id: link.owner for link in up if link.owner.id not in owned_ids}
    return OwnershipTree(
        root=root,
        up=up,
        down=links["down"],
        ultimate_parents=[ultimate[k] for k in sorted(ultimate)],
        paths=paths,
        cut_at_max_hops=cut,
    )


def exposure(
    store: GraphStore,
    tree: OwnershipTree,
    *,
    as_of: str | None = None,
    max_hops: int | None = None,
    min_confidence: float | None = None,
) -> list[Exposure]:
    """Government acts (:data:`EXPOSURE_PREDICATES`) on the tree's root, its owners and its
    holdings up to ``max_hops`` away (all of the tree when ``None``), as of a date.

    Ordered by distance, then target id, then the act's date and key.
    """
    facts_by_key = {link.fact.key: link.fact for link in tree.up + tree.down}
    members: list[tuple[EntityRef, Literal["self", "owner", "holding"], int]] = [
        (tree.root, "self", 0)
    ]
    members += [(link.owner, "owner", link.hops) for link in tree.up]
    members += [(link.owned, "holding", link.hops) for link in tree.down]
    out: list[Exposure] = []
    for target, relation, hops in members:
        if max_hops is not None and hops > max_hops:
            continue
        acts, _ = _facts_around(
            store, target.id, EXPOSURE_PREDICATES, as_of=as_of, min_confidence=min_confidence
        )
        for act in acts:
            if act.object != target.id:
                continue
            out.append(
                Exposure(
                    flag=EXPOSURE_PREDICATES[act.predicate],
                    act=act,
                    target=target,
                    relation=relation,
                    hops=hops,
                    path=[facts_by_key[k] for k in tree.paths.get(target.id, [])],
                )
            )
    out.sort(key=lambda x: (x.hops, x.target.id, x.act.date or "", x.act.key))
    return out
