"""The ``store`` fixture: every contract test runs against every store.

The Neo4j case runs against the server ``SINOGRAPH_TEST_NEO4J_URI`` names (``make
test`` starts one); without it the case is skipped with that reason, or fails
where ``SINOGRAPH_TEST_NEO4J_REQUIRED=1`` (see ``tests/contract/neo4j_factory.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.neo4j_factory import make_neo4j_store, require_neo4j

Opener = Callable[[bool], GraphStore]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """A function opening a handle on the test graph: ``opener(True)`` empties it first."""
    opened: list[GraphStore] = []
    if request.param == "embedded":
        counter = [0]

        def open_embedded(fresh: bool) -> GraphStore:
            if fresh:
                counter[0] += 1
            store = EmbeddedStore(tmp_path / f"graph{counter[0]}.db")
            store.ensure_schema()
            opened.append(store)
            return store

        yield open_embedded
    else:
        require_neo4j()

        def open_neo4j(fresh: bool) -> GraphStore:
            store = make_neo4j_store(wipe=fresh)
            opened.append(store)
            return store

        yield open_neo4j
    for store in opened:
        store.close()


@pytest.fixture
def store(store_opener: Opener) -> GraphStore:
    """An empty store."""
    return store_opener(True)
