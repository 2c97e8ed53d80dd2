"""A rejection or a restore on the embedded store updates the curating process's index in
place (not by a rebuild): the adjacency, the networkx view handed out before the change,
and the index's revision all follow, and a second handle rebuilds to the same graph."""

from __future__ import annotations

from pathlib import Path

from sinograph.graph.model.curation import Curator
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.contract.builders import DeltaBuilder

WHO = Curator(actor="test", reason="checking the in-place index")


def _store(path: Path) -> tuple[EmbeddedStore, str]:
    b = DeltaBuilder()
    story = b.story("Holdings", publisher="Wire", published="2025-02-01")
    alpha, beta, gamma = b.company("Alpha Holdings"), b.company("Beta Mining"), b.company("Gamma")
    b.fact(alpha, "OWNS", beta, story, "Alpha Holdings owns Beta Mining.", date="2024")
    b.fact(beta, "OWNS", gamma, story, "Beta Mining owns Gamma.", date="2024")
    delta = b.delta()
    store = EmbeddedStore(path)
    store.ensure_schema()
    store.upsert(delta)
    key = next(f.key for f in delta.facts if f.subject == "company:alpha-holdings")
    return store, key


def test_a_rejection_updates_the_index_in_place_and_the_networkx_view(tmp_path: Path) -> None:
    store, key = _store(tmp_path / "g.db")
    graph = store.networkx_graph()
    index_before = store._index
    assert graph.number_of_edges() == 2

    store.reject_fact(key, WHO)
    assert store._index is index_before  # no rebuild in the curating process
    assert graph.number_of_edges() == 1
    assert not any(
        data.get("predicate") == "OWNS" and a == "company:alpha-holdings"
        for a, _, data in graph.edges(data=True)
    )

    store.restore_fact(key, WHO)
    assert store._index is index_before
    assert graph.number_of_edges() == 2

    other = EmbeddedStore(tmp_path / "g.db")
    assert other.stats() == store.stats()
    other.close()
    store.close()
