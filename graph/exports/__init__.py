"""Export formats built from a GraphDelta, whatever store it came from: JSON, GraphML,
neo4j-admin CSV."""
