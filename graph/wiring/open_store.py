"""Open the store the settings name: the embedded file by default, Neo4j for a neo4j:// URI."""

from __future__ import annotations

from pathlib import Path

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.results import StoreBackup
from sinograph.graph.stores.protocol import GraphStore
from sinograph.graph.wiring.settings import Settings

__all__ = ["open_store", "restore_store"]


def open_store(settings: Settings, *, ensure_schema: bool = True) -> GraphStore:
    """Open (and by default prepare) the configured store.

    Raises ``StoreUnavailable`` with a message naming the store when it cannot be
    reached or opened; the caller decides how to report it (CLI exit 3, HTTP 503).
    """
    store: GraphStore
    if settings.store_kind == "neo4j":
        from sinograph.graph.stores.neo4j import Neo4jStore, connect_neo4j

        driver = connect_neo4j(settings)
        store = Neo4jStore(
            driver,
            database=settings.neo4j_database,
            query_timeout=settings.neo4j_query_timeout,
            batch_size=settings.neo4j_batch_size,
            uri=settings.store,
        )
    else:
        from sinograph.graph.stores.embedded import EmbeddedStore

        store = EmbeddedStore(settings.store)
    if ensure_schema:
        try:
            store.ensure_schema()
        except BaseException:
            store.close()
            raise
    return store


def restore_store(settings: Settings, backup: str | Path, *, force: bool = False) -> StoreBackup:
    """Put the backup file ``backup`` (from ``sinograph backup``) in place of the configured
    embedded store, after checking it; ``force`` replaces an existing store. Everything
    using the store must be stopped first. A Neo4j store is restored with Neo4j's tools."""
    if settings.store_kind == "neo4j":
        raise InvalidInput(
            "a Neo4j database is restored with Neo4j's own tools (`neo4j-admin database "
            "load`); `sinograph load graph.json` reloads a JSON export into any store"
        )
    from sinograph.graph.stores.embedded.files import restore_file

    return restore_file(backup, settings.store, force=force)
