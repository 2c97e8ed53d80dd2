"""Every row the store sends has the fields its statement reads (``row.x``, ``t.x``).

No server runs here, so the driver is replaced by a recorder that answers every
read with no records (an empty database) and keeps what each statement was
sent; the statements themselves are checked by the Cypher lint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from cypher import all_statements
from graph.errors import InvalidInput
from graph.merge import place_facts
from graph.neo4j_store import Neo4jStore
from tests.conftest import sample_deltas

_FIELD = re.compile(r"\b(row|t)\.([a-z_]+)")


class RecordingTx:
    def __init__(self, sent: list[tuple[str, dict[str, Any]]]) -> None:
        self.sent = sent

    def run(self, text: str, params: dict[str, Any]) -> list[Any]:
        self.sent.append((text, params))
        return []


class RecordingDriver:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.closed = False

    @contextmanager
    def session(self, **_config: Any) -> Iterator[RecordingDriver]:
        yield self

    def execute_write(self, work: Callable[[RecordingTx], Any]) -> Any:
        return work(RecordingTx(self.sent))

    def execute_query(self, query: Any, params: dict[str, Any], **_kw: Any) -> Any:
        self.sent.append((query.text, params))
        return [], None, []

    def close(self) -> None:
        self.closed = True


def _statement_named(text: str) -> str:
    for name, stmt in all_statements().items():
        first = stmt.text.splitlines()[0]
        if text.startswith(first):
            return name
    raise AssertionError(f"unknown statement text: {text[:60]!r}")


def _check_fields(sent: list[tuple[str, dict[str, Any]]]) -> set[str]:
    names = set()
    for text, params in sent:
        names.add(_statement_named(text))
        fields = {f for var, f in _FIELD.findall(text) if var == "row"}
        for row in params.get("rows", []):
            assert fields <= set(row), (text.splitlines()[0], sorted(fields - set(row)))
        tfields = {f for var, f in _FIELD.findall(text) if var == "t"}
        for triple in params.get("triples", []):
            assert tfields <= set(triple), text.splitlines()[0]
    return names


def test_an_upsert_sends_complete_rows_in_dependency_order() -> None:
    driver = RecordingDriver()
    store = Neo4jStore(driver, batch_size=3)  # type: ignore[arg-type]
    delta = sample_deltas()[0]
    report = store.upsert(delta)
    assert report.entities_added == len({e.id for e in delta.entities})
    # The two records of the Guotai Junan-Haitong merger are one fact.
    assert report.facts_added == len(place_facts(delta.facts, []).facts) > 0
    assert report.facts_added < len({f.key for f in delta.facts})
    names = _check_fields(driver.sent)
    assert {"write_lock", "stories_create", "entities_upsert", "aliases_upsert", "facts_upsert",
            "fact_evidence_upsert", "facts_by_triples", "facts_former_keys",
            "stories_by_ids"} <= names
    order = [_statement_named(t) for t, _ in driver.sent]
    assert order.index("stories_create") < order.index("entities_upsert")
    batches = [p["rows"] for t, p in driver.sent if "rows" in p]
    assert batches and max(len(b) for b in batches) <= 3


def test_reads_send_the_declared_parameters() -> None:
    driver = RecordingDriver()
    store = Neo4jStore(driver)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.search_entities("x", limit=0)
    assert store.search_entities("zijin mining", limit=5) == []
    store.export_delta(as_of="2024")
    from graph.errors import FactNotFound
    from graph.queries import UNDATED_POSITION, encode_cursor

    page = store.timeline(cursor=encode_cursor(UNDATED_POSITION, "fact:0"), limit=3)
    assert page.items == [] and page.undated == []
    with pytest.raises(FactNotFound):
        store.get_fact("fact:0123456789abcdef0123")
    names = _check_fields(driver.sent)
    assert {"aliases_exact", "aliases_prefix", "entities_fulltext", "export_facts",
            "timeline_all_undated", "facts_by_keys", "facts_by_former_key"} <= names
    assert "timeline_all_dated" not in names  # an undated cursor asks for undated items only
    store.close()
    assert driver.closed


class _Record(dict[str, Any]):
    def data(self) -> dict[str, Any]:
        return dict(self)


class StoredFactTx(RecordingTx):
    """Answers the upsert's reads as a database holding one undated fact would."""

    def __init__(self, sent: list[tuple[str, dict[str, Any]]], stored: Any, story: Any) -> None:
        super().__init__(sent)
        self.stored, self.story = stored, story

    def run(self, text: str, params: dict[str, Any]) -> list[Any]:
        return [_Record(r) for r in self._answer(text, params)]

    def _answer(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        from graph.neo4j_store.rows import fact_row, story_row

        self.sent.append((text, params))
        name = _statement_named(text)
        fact = self.stored
        if name == "facts_by_triples":
            return [{"subject": fact.subject, "predicate": fact.predicate.value,
                     "object": fact.object, "props": fact_row(fact)["props"]}]
        if name == "evidence_by_keys" and fact.key in params["keys"]:
            return [{"key": fact.key, "story_id": e.story_id, "sentence": e.sentence}
                    for e in fact.evidence]
        if name == "stories_by_ids":
            return [{"props": story_row(self.story)["props"]}]
        return []


def test_a_refining_record_sends_complete_rekey_rows() -> None:
    from tests.contract.builders import DeltaBuilder

    b = DeltaBuilder()
    s1 = b.story("Listed", published="2025-01-10")
    dod, catl = b.entity("US Department of Defense", "GovernmentBody"), b.company("CATL")
    undated = b.fact(dod, "SANCTIONS", catl, s1, "The DoD listed CATL.")
    b.facts = []
    dated = b.fact(dod, "SANCTIONS", catl, s1, "It was in January.", date="2025-01")
    driver = RecordingDriver()
    sent = driver.sent
    driver.execute_write = lambda work: work(StoredFactTx(sent, undated, s1))  # type: ignore[method-assign]
    store = Neo4jStore(driver, batch_size=3)  # type: ignore[arg-type]
    report = store.upsert(b.delta())
    assert (report.facts_added, report.facts_known) == (0, 1)
    names = _check_fields(sent)
    assert {"facts_rekey", "fact_evidence_rekey", "facts_former_keys"} <= names
    rekey = next(p for t, p in sent if _statement_named(t) == "facts_rekey")
    assert rekey["rows"] == [{"old_key": undated.key, "key": dated.key}]
    former = next(p for t, p in sent if _statement_named(t) == "facts_former_keys")
    assert former["rows"] == [{"key": dated.key, "former_keys": [undated.key]}]
    order = [_statement_named(t) for t, _ in sent]
    assert order.index("facts_rekey") < order.index("facts_upsert")
    written = next(p for t, p in sent if _statement_named(t) == "facts_upsert")["rows"]
    assert [(r["key"], r["props"]["date"], r["props"]["known_from"]) for r in written] == [
        (dated.key, "2025-01", "2025-01-10")
    ]
