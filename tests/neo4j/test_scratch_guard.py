"""The tests and benchmarks never empty a database that holds someone's data.

A database is emptied only when it carries the ``:SinographScratch`` marker,
which :meth:`Neo4jStore.claim_scratch` puts only on an empty database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.stores.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


def _run(store: Neo4jStore, text: str) -> list[dict[str, object]]:
    records, _, _ = store._driver.execute_query(text, database_=store.database)
    return [r.data() for r in records]


@pytest.fixture
def unmarked(neo4j_store: Neo4jStore) -> Iterator[Neo4jStore]:
    """The test database with its marker removed; the marker is put back afterwards."""
    _run(neo4j_store, "MATCH (m:SinographScratch) DELETE m")
    try:
        yield neo4j_store
    finally:
        _run(neo4j_store, "MERGE (:SinographScratch {id: 'scratch'})")


def test_a_database_with_data_and_no_marker_is_refused_and_kept(unmarked: Neo4jStore) -> None:
    _run(unmarked, "CREATE (:Precious {id: 'keep me'})")
    with pytest.raises(InvalidInput, match="not marked as a scratch database"):
        unmarked.wipe()
    with pytest.raises(InvalidInput, match="holds data and is not marked"):
        unmarked.claim_scratch("a test")
    assert _run(unmarked, "MATCH (n:Precious) RETURN n.id AS id") == [{"id": "keep me"}]
    assert _run(unmarked, "MATCH (m:SinographScratch) RETURN count(m) AS n") == [{"n": 0}]
    _run(unmarked, "MATCH (n:Precious) DELETE n")


def test_an_empty_database_is_marked_and_then_may_be_emptied(unmarked: Neo4jStore) -> None:
    with pytest.raises(InvalidInput):
        unmarked.wipe()  # empty, but not claimed yet
    unmarked.claim_scratch("a test")
    marker = _run(unmarked, "MATCH (m:SinographScratch) RETURN m.purpose AS purpose")
    assert marker == [{"purpose": "a test"}]
    _run(unmarked, "CREATE (:Entity {id: 'x'})")
    unmarked.claim_scratch("a test")  # marked: fine even with data now
    unmarked.wipe()
    assert _run(unmarked, "MATCH (n) RETURN labels(n) AS labels") == [
        {"labels": ["SinographScratch"]}
    ]
