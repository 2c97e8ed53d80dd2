"""Contract: ``max_degree`` keeps paths and neighbourhoods out of hubs (an entity with more
facts than the bound), which may still be a query's own end, in every store."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import NeighbourQuery, PathQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


@pytest.fixture
def hub_world(store: GraphStore) -> dict[str, Entity]:
    """Alpha and Gamma are both based in Freedonia (a hub of seven facts) and also joined
    through Delta (two facts)."""
    b = DeltaBuilder()
    s = b.story("Hubs", publisher="Test Wire", published="2025-01-02")
    alpha, gamma, delta = b.company("Alpha Holdings"), b.company("Gamma Motors"), b.company(
        "Delta Supply"
    )
    land = b.entity("Freedonia", EntityType.COUNTRY)
    for firm in (alpha, gamma, *(b.company(f"Filler {n}") for n in range(5))):
        b.fact(firm, "HEADQUARTERED_IN", land, s, f"{firm.name} is based in Freedonia.")
    b.fact(alpha, "PARTNERS_WITH", delta, s, "Alpha partners Delta.")
    b.fact(delta, "SUPPLIES", gamma, s, "Delta supplies Gamma.")
    store.upsert(b.delta())
    return {"alpha": alpha, "gamma": gamma, "delta": delta, "land": land}


def test_paths_do_not_pass_through_hubs(store: GraphStore, hub_world: dict[str, Entity]) -> None:
    w = hub_world
    every = store.paths(PathQuery(source=w["alpha"].id, target=w["gamma"].id, max_hops=2, k=5))
    assert sorted(p.nodes[1].id for p in every.paths) == sorted([w["delta"].id, w["land"].id])
    bounded = store.paths(PathQuery(
        source=w["alpha"].id, target=w["gamma"].id, max_hops=2, k=5, max_degree=6,
    ))
    assert [p.nodes[1].id for p in bounded.paths] == [w["delta"].id]
    # Seven facts is not above seven: the hub is walked again.
    assert len(store.paths(PathQuery(
        source=w["alpha"].id, target=w["gamma"].id, max_hops=2, max_degree=7,
    )).paths) == 2


def test_a_hub_may_be_an_end(store: GraphStore, hub_world: dict[str, Entity]) -> None:
    w = hub_world
    result = store.paths(PathQuery(
        source=w["alpha"].id, target=w["land"].id, max_hops=2, max_degree=2,
    ))
    assert [[n.id for n in p.nodes] for p in result.paths] == [[w["alpha"].id, w["land"].id]]
    around = store.neighbors(NeighbourQuery(entity=w["land"].id, max_degree=2))
    assert len(around.entities) == 8  # the hub itself is the centre; its neighbours are small


def test_neighbourhoods_leave_hubs_out(store: GraphStore, hub_world: dict[str, Entity]) -> None:
    w = hub_world
    ids = {e.id for e in store.neighbors(NeighbourQuery(
        entity=w["alpha"].id, depth=2, max_degree=3,
    )).entities}
    assert ids == {w["alpha"].id, w["delta"].id, w["gamma"].id}
    ids = {e.id for e in store.neighbors(NeighbourQuery(entity=w["alpha"].id, depth=1)).entities}
    assert w["land"].id in ids


def test_max_degree_must_be_positive() -> None:
    # Refused when the query is built, before any store sees it.
    with pytest.raises(ValidationError, match="max_degree"):
        PathQuery(source="alpha", target="gamma", max_degree=0)
    with pytest.raises(ValidationError, match="max_degree"):
        NeighbourQuery(entity="alpha", max_degree=0)
