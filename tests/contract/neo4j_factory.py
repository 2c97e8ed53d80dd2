"""Opens the Neo4j store for the contract suite from ``SINOGRAPH_TEST_NEO4J_*`` variables.

``SINOGRAPH_TEST_NEO4J_URI`` names the server (e.g. ``neo4j://localhost:7687``),
``SINOGRAPH_TEST_NEO4J_USER`` (default ``neo4j``), ``SINOGRAPH_TEST_NEO4J_PASSWORD``
and ``SINOGRAPH_TEST_NEO4J_DATABASE`` (default ``neo4j``). The database is emptied
for each test that asks for a fresh graph: point this at a scratch database.
"""

from __future__ import annotations

import os

from graph.neo4j_store import Neo4jStore, open_driver
from graph.store import GraphStore

__all__ = ["make_neo4j_store"]


def make_neo4j_store(*, wipe: bool = True) -> GraphStore:
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
    store = Neo4jStore(driver, database=database, query_timeout=120.0, batch_size=1_000, uri=uri)
    try:
        if wipe:
            store.wipe()
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store
