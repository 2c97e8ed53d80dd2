"""Contract: excluded predicates and entity labels, and a minimum confidence, keep
neighbourhoods and paths off those facts and entities, in every store."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.errors import InvalidInput, NoPath
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.model.queries import NeighbourQuery, PathQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder


@pytest.fixture
def little_world(store: GraphStore) -> dict[str, Entity]:
    """Alpha reaches Gamma two ways in two hops: through a country, and through a
    supplier joined by a low-confidence partnership."""
    b = DeltaBuilder()
    s = b.story("Filters", publisher="Test Wire", published="2025-01-02")
    alpha, beta = b.company("Alpha Holdings"), b.company("Beta Parts")
    gamma, delta = b.company("Gamma Motors"), b.company("Delta Supply")
    land = b.entity("Freedonia", EntityType.COUNTRY)
    b.fact(alpha, "HEADQUARTERED_IN", land, s, "Alpha is based in Freedonia.")
    b.fact(gamma, "HEADQUARTERED_IN", land, s, "Gamma is based in Freedonia.")
    b.fact(alpha, "PARTNERS_WITH", delta, s, "Alpha may partner Delta.", confidence=0.5)
    b.fact(delta, "SUPPLIES", gamma, s, "Delta supplies Gamma.", confidence=0.9)
    b.fact(alpha, "OWNS", beta, s, "Alpha owns Beta.", confidence=0.9)
    store.upsert(b.delta())
    return {"alpha": alpha, "beta": beta, "gamma": gamma, "delta": delta, "land": land}


def _middles(store: GraphStore, source: str, target: str, **filters: object) -> list[str]:
    result = store.paths(PathQuery(source=source, target=target, max_hops=2, k=5, **filters))  # type: ignore[arg-type]
    return sorted(p.nodes[1].id for p in result.paths)


def test_without_filters_both_routes_are_found(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    assert _middles(store, w["alpha"].id, w["gamma"].id) == sorted([w["delta"].id, w["land"].id])


def test_excluded_labels_are_not_walked_through(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    assert _middles(store, w["alpha"].id, w["gamma"].id, exclude_types="Country") == [
        w["delta"].id
    ]
    # Labels are matched case-insensitively and may come as a list.
    assert _middles(store, w["alpha"].id, w["gamma"].id, exclude_types=["country"]) == [
        w["delta"].id
    ]


def test_the_ends_of_a_path_may_have_an_excluded_label(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    result = store.paths(PathQuery(
        source=w["land"].id, target=w["beta"].id, max_hops=2, exclude_types="Country",
    ))
    assert [n.id for n in result.paths[0].nodes] == [w["land"].id, w["alpha"].id, w["beta"].id]


def test_facts_below_the_minimum_confidence_are_not_walked(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    assert _middles(store, w["alpha"].id, w["gamma"].id, min_confidence=0.6) == [w["land"].id]
    # The minimum is inclusive.
    assert _middles(store, w["alpha"].id, w["gamma"].id, min_confidence=0.5) == sorted(
        [w["delta"].id, w["land"].id]
    )


def test_excluded_predicates_are_not_walked(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    assert _middles(
        store, w["alpha"].id, w["gamma"].id, exclude_predicates="HEADQUARTERED_IN"
    ) == [w["delta"].id]
    with pytest.raises(NoPath):
        # What the allow-list leaves after the exclusion cannot reach Gamma.
        store.paths(PathQuery(
            source=w["alpha"].id,
            target=w["gamma"].id,
            predicates="HEADQUARTERED_IN,PARTNERS_WITH",
            exclude_predicates="headquartered_in",
        ))


def test_filters_combine_and_can_leave_no_path(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    with pytest.raises(NoPath):
        store.paths(PathQuery(
            source=w["alpha"].id, target=w["gamma"].id, exclude_types="Country", min_confidence=0.6,
        ))


def test_neighbourhoods_leave_out_excluded_labels_but_keep_the_centre(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    around = store.neighbors(NeighbourQuery(entity=w["alpha"].id, exclude_types="Country"))
    assert {e.id for e in around.entities} == {w["alpha"].id, w["beta"].id, w["delta"].id}
    assert {f.predicate.value for f in around.facts} == {"OWNS", "PARTNERS_WITH"}
    centre = store.neighbors(NeighbourQuery(entity=w["land"].id, exclude_types="Country"))
    assert {e.id for e in centre.entities} == {w["land"].id, w["alpha"].id, w["gamma"].id}


def test_neighbourhoods_drop_low_confidence_facts_before_walking(
    store: GraphStore, little_world: dict[str, Entity]
) -> None:
    w = little_world
    around = store.neighbors(NeighbourQuery(entity=w["alpha"].id, depth=2, min_confidence=0.6))
    # Delta is three confident hops away (via Freedonia and Gamma), not one.
    assert {e.id for e in around.entities} == {
        w["alpha"].id, w["beta"].id, w["land"].id, w["gamma"].id
    }
    assert all(f.confidence >= 0.6 for f in around.facts)
    without = store.neighbors(NeighbourQuery(
        entity=w["alpha"].id, exclude_predicates=["OWNS", "PARTNERS_WITH"],
    ))
    assert {e.id for e in without.entities} == {w["alpha"].id, w["land"].id}


def test_bad_filters_are_invalid_input(store: GraphStore, little_world: dict[str, Entity]) -> None:
    w = little_world
    with pytest.raises(ValidationError, match="min_confidence"):
        NeighbourQuery(entity=w["alpha"].id, min_confidence=1.5)  # refused when built
    with pytest.raises(InvalidInput, match="unknown entity type"):
        store.paths(PathQuery(source=w["alpha"].id, target=w["gamma"].id, exclude_types="Planet"))
    with pytest.raises(InvalidInput, match="every predicate is excluded"):
        store.neighbors(NeighbourQuery(
            entity=w["alpha"].id, predicates="OWNS", exclude_predicates="OWNS",
        ))
