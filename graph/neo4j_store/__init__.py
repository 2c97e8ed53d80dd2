"""The Neo4j store: ``Neo4jStore`` and the driver factory ``connect_neo4j``."""

from graph.neo4j_store.connection import connect_neo4j, open_driver
from graph.neo4j_store.store import Neo4jStore

__all__ = ["Neo4jStore", "connect_neo4j", "open_driver"]
