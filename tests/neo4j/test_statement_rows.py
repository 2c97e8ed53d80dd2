"""Every row the store sends has the fields its statement reads (``row.x``, ``t.x``).

A missing field would reach Neo4j as ``null`` and be written silently, so the
statements sent to the real test server are recorded on their way (the server
still runs them) and each row is checked against the fields its text reads.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from cypher import all_statements
from graph.errors import InvalidInput
from graph.neo4j_store import Neo4jStore
from graph.neo4j_store import runner as runner_module
from tests.conftest import sample_deltas

pytestmark = pytest.mark.neo4j

_FIELD = re.compile(r"\b(row|t)\.([a-z_]+)")
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
    assert report.facts_added == len({f.key for f in delta.facts}) > 0
    names = _check_fields(sent)
    assert {"write_lock", "stories_create", "entities_create", "facts_create",
            "facts_by_triples"} <= names
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
    with pytest.raises(InvalidInput):
        neo4j_store.search_entities("x", limit=0)
    assert neo4j_store.search_entities("zijin mining", limit=5) == []
    neo4j_store.export_delta()
    names = _check_fields(sent)
    assert {"search_candidates", "export_facts"} <= names
