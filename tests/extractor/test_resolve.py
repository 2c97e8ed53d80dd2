"""Cross-story resolution against a real embedded store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Story
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.resolve import names_compatible, resolve_against_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path / "graph.db")
    s.ensure_schema()
    yield s
    s.close()


def delta_with(*entities: Entity, facts: tuple[Fact, ...] = ()) -> GraphDelta:
    story = Story.from_text(" ".join(e.name for e in entities))
    return GraphDelta(stories=(story,), entities=entities, facts=facts)


def test_alias_table_merges_short_names(store: EmbeddedStore) -> None:
    zijin = Entity(name="Zijin Mining Group", type="Company", aliases=("Zijin",))
    store.upsert(delta_with(zijin))
    short = Entity(name="Zijin", type="Company")
    mine = Entity(name="Talas gold mine", type="Asset")
    fact = Fact(subject=short.id, predicate="ACQUIRES", object=mine.id)
    resolved = resolve_against_store(delta_with(short, mine, facts=(fact,)), store)
    assert zijin.id in {e.id for e in resolved.entities}
    assert resolved.facts[0].subject == zijin.id
    store.upsert(resolved)
    assert store.resolve_entity("Zijin").id == zijin.id


def test_fuzzy_with_guards(store: EmbeddedStore) -> None:
    ccb = Entity(name="China Construction Bank", type="Company")
    geely = Entity(name="Geely Holding", type="Company")
    store.upsert(delta_with(ccb, geely))
    cmb = Entity(name="China Merchants Bank", type="Company")
    auto = Entity(name="Geely Auto", type="Company")
    typo = Entity(name="China Construction Bank Corp", type="Company")
    resolved = resolve_against_store(delta_with(cmb, auto, typo), store)
    ids = {e.id for e in resolved.entities}
    assert cmb.id in ids and auto.id in ids
    assert ccb.id in ids and typo.id not in ids


def test_two_stored_candidates_are_left_alone(store: EmbeddedStore) -> None:
    store.upsert(
        delta_with(
            Entity(name="Acme Bank", type="Company", aliases=("Acme",)),
            Entity(name="Acme Motors", type="Company", aliases=("Acme",)),
        )
    )
    acme = Entity(name="Acme", type="Company")
    resolved = resolve_against_store(delta_with(acme), store)
    assert [e.id for e in resolved.entities] == [acme.id]


def test_types_must_agree(store: EmbeddedStore) -> None:
    store.upsert(delta_with(Entity(name="Jordan", type="Country")))
    person = Entity(name="Jordan", type="Person")
    assert resolve_against_store(delta_with(person), store).entities[0].id == person.id


def test_name_guards() -> None:
    assert names_compatible("Zijin Mining", "Zijin Mining Group")
    assert not names_compatible("China Construction Bank", "China Merchants Bank")
    assert not names_compatible("Geely Auto", "Geely Holding")
