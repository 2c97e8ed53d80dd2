"""Shared fixtures: the sample graph and a fresh settings cache per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import GraphDelta
from graph.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_graph_files() -> list[Path]:
    return sorted((SAMPLES / "graph").glob("*.json"))


def sample_deltas() -> list[GraphDelta]:
    return [GraphDelta.model_validate_json(p.read_text("utf-8")) for p in sample_graph_files()]


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    # Each test reads its own environment; nothing leaks from the developer's .env.
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
