"""Opens the Neo4j store for the tests from ``SINOGRAPH_TEST_NEO4J_*`` variables.

``SINOGRAPH_TEST_NEO4J_URI`` names the server (``make test`` starts one and sets
it, see ``tools/neo4j-test-server``), ``SINOGRAPH_TEST_NEO4J_USER`` (default
``neo4j``), ``SINOGRAPH_TEST_NEO4J_PASSWORD`` and ``SINOGRAPH_TEST_NEO4J_DATABASE``
(default ``neo4j``). A test that asks for a fresh graph empties the database, and
only a database that is empty or already marked as scratch is used: one holding
other data is refused (:meth:`Neo4jStore.claim_scratch`), so pointing the tests
at real data deletes nothing.

``SINOGRAPH_TEST_NEO4J_REQUIRED=1`` (set by ``make test`` where Java and Maven
are present) turns the skip of a Neo4j test without a server into a failure.
"""

from __future__ import annotations

import os

import pytest

from sinograph.graph.stores.neo4j import Neo4jStore, open_driver

__all__ = ["NEO4J_SKIP", "make_neo4j_store", "neo4j_configured", "require_neo4j"]

NEO4J_SKIP = (
    "Neo4j tests skipped: no server. `make test` starts one where Java and Maven are "
    "installed; else set SINOGRAPH_TEST_NEO4J_URI (and _USER, _PASSWORD) to a Neo4j 5.26+ "
    "server whose database is empty or a sinograph test database"
)


def neo4j_configured() -> bool:
    return bool(os.environ.get("SINOGRAPH_TEST_NEO4J_URI"))


def neo4j_required() -> bool:
    return os.environ.get("SINOGRAPH_TEST_NEO4J_REQUIRED") == "1"


def require_neo4j() -> None:
    """Skip the calling test when no server is configured — or fail, where one must be."""
    if neo4j_configured():
        return
    if neo4j_required():
        pytest.fail("SINOGRAPH_TEST_NEO4J_REQUIRED=1 but no SINOGRAPH_TEST_NEO4J_URI is set")
    pytest.skip(NEO4J_SKIP)


def make_neo4j_store(*, wipe: bool = True, batch_size: int = 1_000) -> Neo4jStore:
    """A store on the test server with the schema in place; emptied first when ``wipe``."""
    uri = os.environ["SINOGRAPH_TEST_NEO4J_URI"]
    database = os.environ.get("SINOGRAPH_TEST_NEO4J_DATABASE", "neo4j")
    driver = open_driver(
        uri,
        user=os.environ.get("SINOGRAPH_TEST_NEO4J_USER", "neo4j"),
        password=os.environ.get("SINOGRAPH_TEST_NEO4J_PASSWORD", ""),
        database=database,
        connect_timeout=5.0,
        query_timeout=120.0,
    )
    store = Neo4jStore(
        driver, database=database, query_timeout=120.0, batch_size=batch_size, uri=uri
    )
    try:
        store.claim_scratch("sinograph tests")
        if wipe:
            store.wipe()
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store
