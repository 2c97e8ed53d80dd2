"""Open the store the settings name: the embedded file by default, Neo4j for a neo4j:// URI."""

from __future__ import annotations

from graph.stores.protocol import GraphStore
from graph.wiring.settings import Settings

__all__ = ["open_store"]


def open_store(settings: Settings, *, ensure_schema: bool = True) -> GraphStore:
    """Open (and by default prepare) the configured store.

    Raises ``StoreUnavailable`` with a message naming the store when it cannot be
    reached or opened; the caller decides how to report it (CLI exit 3, HTTP 503).
    """
    store: GraphStore
    if settings.store_kind == "neo4j":
        from graph.stores.neo4j import Neo4jStore, connect_neo4j

        driver = connect_neo4j(settings)
        store = Neo4jStore(
            driver,
            database=settings.neo4j_database,
            query_timeout=settings.neo4j_query_timeout,
            batch_size=settings.neo4j_batch_size,
            uri=settings.store,
        )
    else:
        from graph.stores.embedded import EmbeddedStore

        store = EmbeddedStore(settings.store)
    if ensure_schema:
        try:
            store.ensure_schema()
        except BaseException:
            store.close()
            raise
    return store
