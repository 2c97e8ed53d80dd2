"""A Neo4j store on the test server (``make test`` starts one), for the tests that need it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sinograph.graph.stores.neo4j import Neo4jStore
from tests.contract.neo4j_factory import make_neo4j_store, require_neo4j


@pytest.fixture
def neo4j_store() -> Iterator[Neo4jStore]:
    """An empty store on the test server (skips, or fails where required, without one)."""
    require_neo4j()
    store = make_neo4j_store(wipe=True)
    yield store
    store.close()
