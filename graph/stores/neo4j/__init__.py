"""The Neo4j store: ``Neo4jStore`` and the driver factory ``connect_neo4j``."""

from sinograph.graph.stores.neo4j.connection import connect_neo4j, open_driver
from sinograph.graph.stores.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore", "connect_neo4j", "open_driver"]
