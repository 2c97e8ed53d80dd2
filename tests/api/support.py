"""Helpers shared by the API tests: the sample graph, test extras and isolated settings."""

from __future__ import annotations

from pathlib import Path

from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.wiring.settings import Settings

__all__ = ["AMBIGUOUS", "AMBIGUOUS_NAME", "ISLAND", "make_settings", "sample_deltas"]

SAMPLE_GRAPH = Path(__file__).resolve().parents[2] / "samples" / "graph"

# Two firms that share an alias, so that the name is ambiguous.
AMBIGUOUS_NAME = "Harbour Peak"
AMBIGUOUS = GraphDelta(
    entities=(
        Entity(name="Harbour Peak Capital", type=EntityType.COMPANY, aliases=(AMBIGUOUS_NAME,)),
        Entity(name="Harbour Peak Logistics", type=EntityType.COMPANY, aliases=(AMBIGUOUS_NAME,)),
    )
)
# An entity with no facts at all: it exists, but no path reaches it.
ISLAND = Entity(name="Lone Islet Holdings", type=EntityType.COMPANY)


def sample_deltas() -> list[GraphDelta]:
    files = sorted(SAMPLE_GRAPH.glob("*.json"))
    assert files, f"no sample graph files in {SAMPLE_GRAPH}"
    return [GraphDelta.model_validate_json(f.read_text(encoding="utf-8")) for f in files]


def make_settings(store_path: Path | str, **overrides: object) -> Settings:
    """Settings that ignore the developer's environment and ``.env``."""
    values: dict[str, object] = {"store": str(store_path), "api_key": None, "cors_origins": []}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]
