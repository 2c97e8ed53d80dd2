"""Every row the store sends has the fields its statement reads (``row.x``, ``t.x``).

A missing field would reach Neo4j as ``null`` and be written silently, so the
statements sent to the real test server are recorded on their way (the server
still runs them) and each row is checked against the fields its text reads.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from sinograph.cypher import all_statements
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import FactNotFound
from sinograph.graph.model.merge import place_facts
from sinograph.graph.model.queries import (
    UNDATED_POSITION,
    SearchQuery,
    TimelineQuery,
    encode_cursor,
)
from sinograph.graph.stores.neo4j import Neo4jStore
from sinograph.graph.stores.neo4j import runner as runner_module
from tests.conftest import sample_deltas
from tests.contract.builders import DeltaBuilder

pytestmark = pytest.mark.neo4j

_FIELD = re.compile(r"\b(row|t|evidence|alias)\.([a-z_]+)")
# Lists inside a row that a statement unwinds, by the variable it names each item.
_NESTED = {"evidence": "evidence", "alias": "aliases"}
Sent = list[tuple[str, dict[str, Any]]]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Statements (text, parameters) run inside transactions, recorded as they go."""
    recorded: Sent = []
    original = runner_module.bound_statement

    def recording(name: str, params: Any, **kwargs: Any) -> str:
        text = original(name, params, **kwargs)
        recorded.append((text, dict(params)))
        return text

    monkeypatch.setattr(runner_module, "bound_statement", recording)
    return recorded


def _statement_named(text: str) -> str:
    for name, stmt in all_statements().items():
        first = stmt.text.splitlines()[0]
        if text.startswith(first):
            return name
    raise AssertionError(f"unknown statement text: {text[:60]!r}")


def _check_fields(sent: Sent) -> set[str]:
    names = set()
    for text, params in sent:
        names.add(_statement_named(text))
        fields = {f for var, f in _FIELD.findall(text) if var == "row"}
        for row in params.get("rows", []):
            assert fields <= set(row), (text.splitlines()[0], sorted(fields - set(row)))
            for var, column in _NESTED.items():
                if f"UNWIND row.{column} AS {var}" not in text:
                    continue
                wanted = {f for v, f in _FIELD.findall(text) if v == var}
                for item in row[column]:
                    assert wanted <= set(item), (text.splitlines()[0], sorted(wanted - set(item)))
        tfields = {f for var, f in _FIELD.findall(text) if var == "t"}
        for triple in params.get("triples", []):
            assert tfields <= set(triple), text.splitlines()[0]
    return names


def test_an_upsert_sends_complete_rows_in_dependency_order(
    neo4j_store: Neo4jStore, sent: Sent
) -> None:
    store = Neo4jStore(neo4j_store._driver, batch_size=3)
    delta = sample_deltas()[0]
    report = store.upsert(delta)
    assert report.entities_added == len({e.id for e in delta.entities})
    # The two records of the Guotai Junan-Haitong merger are one fact.
    assert report.facts_added == len(place_facts(delta.facts, []).facts) > 0
    assert report.facts_added < len({f.key for f in delta.facts})
    names = _check_fields(sent)
    assert {"write_lock", "stories_create", "entities_create", "facts_create",
            "facts_by_triples", "facts_former_keys", "stories_by_ids"} <= names
    order = [_statement_named(t) for t, _ in sent]
    assert order.index("stories_create") < order.index("entities_create")
    assert order.index("entities_create") < order.index("facts_create")
    batches = [p["rows"] for t, p in sent if "rows" in p]
    assert batches and max(len(b) for b in batches) <= 3
    # The same delta again: nothing is new, so nothing is created.
    sent.clear()
    again = store.upsert(delta)
    assert again.facts_added == 0 and again.entities_added == 0
    assert not {"facts_create", "entities_create"} & {_statement_named(t) for t, _ in sent}


def test_reads_send_the_declared_parameters(neo4j_store: Neo4jStore, sent: Sent) -> None:
    with pytest.raises(ValidationError):
        SearchQuery(text="x", limit=0)  # refused when built, before the store
    assert neo4j_store.search_entities(SearchQuery(text="zijin mining", limit=5)) == []
    neo4j_store.export_delta(as_of="2024")
    page = neo4j_store.timeline(TimelineQuery(
        cursor=encode_cursor(UNDATED_POSITION, "fact:0"), limit=3,
    ))
    assert page.items == [] and page.undated == []
    with pytest.raises(FactNotFound):
        neo4j_store.get_fact("fact:0123456789abcdef0123")
    names = _check_fields(sent)
    assert {"search_candidates", "export_facts", "timeline_all_undated", "facts_by_keys",
            "facts_by_former_key"} <= names
    assert "timeline_all_dated" not in names  # an undated cursor asks for undated items only


def test_a_refining_record_moves_the_stored_fact_to_its_new_key(
    neo4j_store: Neo4jStore, sent: Sent
) -> None:
    b = DeltaBuilder()
    s1 = b.story("Listed", published="2025-01-10")
    dod, catl = b.entity("US Department of Defense", "GovernmentBody"), b.company("CATL")
    undated = b.fact(dod, "SANCTIONS", catl, s1, "The DoD listed CATL.")
    neo4j_store.upsert(b.delta())
    b.facts = []
    dated = b.fact(dod, "SANCTIONS", catl, s1, "It was in January.", date="2025-01")
    sent.clear()
    report = neo4j_store.upsert(b.delta())
    assert (report.facts_added, report.facts_known) == (0, 1)
    names = _check_fields(sent)
    assert {"facts_rekey", "fact_evidence_rekey", "facts_former_keys"} <= names
    assert "facts_create" not in names  # the stored relationship moves, none is added
    rekey = next(p for t, p in sent if _statement_named(t) == "facts_rekey")
    assert rekey["rows"] == [{"old_key": undated.key, "key": dated.key}]
    former = next(p for t, p in sent if _statement_named(t) == "facts_former_keys")
    assert former["rows"] == [{"key": dated.key, "former_keys": [undated.key]}]
    order = [_statement_named(t) for t, _ in sent]
    assert order.index("facts_rekey") < order.index("facts_update")
    written = next(p for t, p in sent if _statement_named(t) == "facts_update")["rows"]
    assert [(r["key"], r["props"]["date"], r["props"]["known_from"]) for r in written] == [
        (dated.key, "2025-01", "2025-01-10")
    ]
    # One fact, under its new key, with both sentences; the old key still finds it.
    assert neo4j_store.stats().facts == 1
    view = neo4j_store.get_fact(undated.key)
    assert view.key == dated.key
    assert sorted(s.sentence for s in view.sources) == [
        "It was in January.", "The DoD listed CATL."
    ]


def test_a_sentence_read_again_by_another_extractor_keeps_one_link_labelled_with_both(
    neo4j_store: Neo4jStore, sent: Sent
) -> None:
    b = DeltaBuilder()
    s1 = b.story("Listed", published="2025-01-10")
    dod, catl = b.entity("US Department of Defense", "GovernmentBody"), b.company("CATL")
    fact = b.fact(dod, "SANCTIONS", catl, s1, "The DoD listed CATL.")
    first = b.delta()

    def read_by(extractor: str) -> GraphDelta:
        facts = tuple(
            f.model_copy(update={"evidence": tuple(
                e.model_copy(update={"extractor": extractor}) for e in f.evidence)})
            for f in first.facts
        )
        return first.model_copy(update={"facts": facts})

    rules, llm = read_by("rules"), read_by("llm:test")
    neo4j_store.upsert(rules)
    sent.clear()
    neo4j_store.upsert(llm)
    names = _check_fields(sent)
    assert "evidence_relabel" in names and "fact_evidence_create" not in names
    view = neo4j_store.get_fact(fact.key)
    assert [(s.sentence, s.extractor) for s in view.sources] == [
        ("The DoD listed CATL.", "rules + llm:test")
    ]
