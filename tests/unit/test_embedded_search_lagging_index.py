"""A search whose read snapshot holds entities the in-memory index has not taken in yet.

A writer commits and only then updates the index, and a reader refreshes its index and
then opens its snapshot: between the two, another process (or thread) can commit. The
search must still answer — the new entities ranked by the ids the snapshot gives them —
instead of failing with an index error (seen once in a fresh-clone `make test`, readers
in four threads against a writing thread). Here the lag is made certain: a second handle
writes, and the reading handle's refresh is held back for one search."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.contract.builders import DeltaBuilder


def _firms(names: list[str]) -> DeltaBuilder:
    b = DeltaBuilder()
    story = b.story("Firms", publisher="Wire", published="2025-02-01")
    hub = b.company("Hub Holdings")
    for name in names:
        b.fact(hub, "OWNS", b.company(name), story, f"Hub Holdings owns {name}.")
    return b


def test_search_ranks_entities_the_index_has_not_taken_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lag.db"
    reader = EmbeddedStore(path)
    reader.ensure_schema()
    reader.upsert(_firms(["Firm Alpha"]).delta())
    assert [m.entity.name for m in reader.search_entities(SearchQuery(text="Firm"))]

    writer = EmbeddedStore(path)
    writer.ensure_schema()
    writer.upsert(_firms(["Firm Beta", "Firm Gamma"]).delta())
    writer.close()

    # the reader's index stays where it was while its snapshot sees the new rows
    monkeypatch.setattr(reader, "_refresh", lambda conn: None)
    names = [m.entity.name for m in reader.search_entities(SearchQuery(text="Firm"))]
    assert {"Firm Alpha", "Firm Beta", "Firm Gamma"} <= set(names), names
    monkeypatch.undo()

    # once refreshed, the same question gives the same entities in the same order
    again = [m.entity.name for m in reader.search_entities(SearchQuery(text="Firm"))]
    assert sorted(again) == sorted(names)
    reader.close()
