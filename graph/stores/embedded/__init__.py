"""The embedded store: SQLite for durability, networkx for traversal."""

from graph.stores.embedded.store import EmbeddedStore

__all__ = ["EmbeddedStore"]
