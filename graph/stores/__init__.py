"""The GraphStore protocol, its two backends (embedded SQLite + in-memory index, Neo4j) and
what they share (assembly of results, search hits, the resolver, path search)."""
