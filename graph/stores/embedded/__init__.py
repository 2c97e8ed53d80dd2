"""The embedded store: SQLite for durability, networkx for traversal."""

from sinograph.graph.stores.embedded.store import EmbeddedStore

__all__ = ["EmbeddedStore"]
