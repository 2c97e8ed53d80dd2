"""Contract: identifiers and stock codes are stored, exported and found by search."""

from __future__ import annotations

from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.protocol import GraphStore

MOUTAI = Entity(
    name="Kweichow Moutai",
    type="Company",
    tickers=("600519.SH",),
    identifiers={"uscc": "91520000214434146R"},
)
TENCENT = Entity(name="Tencent Holdings", type="Company", tickers=("0700.HK",))
ALIBABA = Entity(
    name="Alibaba Group Holding", type="Company", tickers=("BABA.US", "9988.HK"),
    identifiers={"lei": "HWUPKR0MPOU8FGXBT394", "isin": "US0378331005", "cik": "0001577552"},
)


def _hit(store: GraphStore, query: str) -> tuple[str, str, str]:
    hits = store.search_entities(SearchQuery(text=query))
    assert hits, f"nothing found for {query!r}"
    return hits[0].entity.id, hits[0].match, hits[0].matched_field


def test_tickers_in_every_common_spelling_find_their_entity(store: GraphStore) -> None:
    store.upsert(GraphDelta(entities=(MOUTAI, TENCENT, ALIBABA)))
    assert _hit(store, "600519.SS") == (MOUTAI.id, "exact", "ticker")
    assert _hit(store, "600519.SH") == (MOUTAI.id, "exact", "ticker")
    assert _hit(store, "700.HK") == (TENCENT.id, "exact", "ticker")
    assert _hit(store, "0700.HK") == (TENCENT.id, "exact", "ticker")
    assert _hit(store, "BABA") == (ALIBABA.id, "exact", "ticker")
    assert store.resolve_entity("600519.SS").id == MOUTAI.id


def test_identifiers_are_stored_found_and_exported(store: GraphStore) -> None:
    store.upsert(GraphDelta(entities=(MOUTAI, ALIBABA)))
    assert _hit(store, "91520000214434146R") == (MOUTAI.id, "exact", "identifier")
    assert _hit(store, "hwupkr0mpou8fgxbt394") == (ALIBABA.id, "exact", "identifier")
    assert _hit(store, "0001577552") == (ALIBABA.id, "exact", "identifier")
    detail = store.get_entity("91520000214434146R")
    assert detail.entity.identifiers == {"uscc": "91520000214434146R"}
    exported = {e.id: e for e in store.export_delta().entities}
    assert exported[ALIBABA.id].identifiers == {
        "cik": "0001577552", "isin": "US0378331005", "lei": "HWUPKR0MPOU8FGXBT394"
    }


def test_a_later_record_adds_identifiers_and_keeps_the_stored_ones(store: GraphStore) -> None:
    store.upsert(GraphDelta(entities=(MOUTAI,)))
    later = Entity(
        name="Kweichow Moutai", type="Company", identifiers={"isin": "CNE0000018R8"}
    )
    store.upsert(GraphDelta(entities=(later,)))
    stored = store.resolve_entity(MOUTAI.id)
    assert stored.identifiers == {"isin": "CNE0000018R8", "uscc": "91520000214434146R"}
    assert store.resolve_entity("CNE0000018R8").id == MOUTAI.id
