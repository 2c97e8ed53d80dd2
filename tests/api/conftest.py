"""API test fixtures: an embedded store loaded with ``samples/graph`` and a TestClient.

The sample store is built once per session and copied for each test, so tests
that write never see each other's changes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.wiring.settings import Settings
from tests.api.support import AMBIGUOUS, ISLAND, make_settings, sample_deltas


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed SQLite file holding the sample graph plus the two test extras."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    store = EmbeddedStore(path)
    try:
        store.ensure_schema()
        for delta in sample_deltas():
            store.upsert(delta)
        store.upsert(AMBIGUOUS)
        store.upsert(GraphDelta(entities=(ISLAND,)))
    finally:
        store.close()
    return path


@pytest.fixture
def db_path(sample_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "graph.db"
    shutil.copyfile(sample_db, path)
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[EmbeddedStore]:
    opened = EmbeddedStore(db_path)
    opened.ensure_schema()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return make_settings(db_path)


@pytest.fixture
def client(settings: Settings, store: EmbeddedStore) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client
