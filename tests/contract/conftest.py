"""The ``store`` fixture: every contract test runs against every store.

The Neo4j case runs when ``SINOGRAPH_TEST_NEO4J_URI`` (and ``..._USER`` /
``..._PASSWORD``) name a server, and is skipped with that reason otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.store import GraphStore

NEO4J_SKIP = (
    "Neo4j contract run skipped: set SINOGRAPH_TEST_NEO4J_URI (and SINOGRAPH_TEST_NEO4J_USER, "
    "SINOGRAPH_TEST_NEO4J_PASSWORD) to a Neo4j 5 server to run it"
)

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
        if not os.environ.get("SINOGRAPH_TEST_NEO4J_URI"):
            pytest.skip(NEO4J_SKIP)
        from tests.contract.neo4j_factory import make_neo4j_store

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
