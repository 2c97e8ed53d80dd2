"""Failures to reach Neo4j are real and quick: a closed port, a port that never answers."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.stores.neo4j import Neo4jStore, connect_neo4j, open_driver
from sinograph.graph.stores.neo4j.connection import redact_uri
from sinograph.graph.wiring.settings import Settings


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A local port that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()


def test_a_closed_port_fails_fast_and_names_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    port = _closed_port()
    monkeypatch.setenv("SINOGRAPH_STORE", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("SINOGRAPH_NEO4J_PASSWORD", "hunter2")
    monkeypatch.setenv("SINOGRAPH_NEO4J_CONNECT_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        connect_neo4j(Settings())
    elapsed = time.monotonic() - started
    print(f"closed port refused in {elapsed:.3f} s")
    assert f"127.0.0.1:{port}" in caught.value.message
    assert "hunter2" not in caught.value.message
    assert "cannot reach Neo4j" in caught.value.message


def test_credentials_in_the_uri_are_refused_without_echoing_them() -> None:
    with pytest.raises(StoreUnavailable, match="not in the URI") as caught:
        open_driver("neo4j://neo4j:hunter2@127.0.0.1:7687", user="neo4j", password="",
                    database="neo4j", connect_timeout=1, query_timeout=1)
    assert "hunter2" not in caught.value.message


@pytest.mark.timeout(30)
def test_a_silent_server_fails_within_the_connect_timeout(silent_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="cannot reach Neo4j"):
        open_driver(
            f"neo4j://127.0.0.1:{silent_port}", user="neo4j", password="x", database="neo4j",
            connect_timeout=0.5, query_timeout=1.0,
        )
    print(f"silent server given up on after {time.monotonic() - started:.3f} s")


def test_a_store_on_an_unreachable_server_raises_store_unavailable() -> None:
    import neo4j

    port = _closed_port()
    driver = neo4j.GraphDatabase.driver(
        f"bolt://127.0.0.1:{port}", auth=("neo4j", "x"), connection_timeout=0.5,
        connection_acquisition_timeout=1.0, max_transaction_retry_time=0.5,
    )
    store = Neo4jStore(driver, database="neo4j", query_timeout=1.0, uri=f"bolt://127.0.0.1:{port}")
    try:
        with pytest.raises(StoreUnavailable, match="cannot reach Neo4j"):
            store.stats()
        with pytest.raises(StoreUnavailable):
            store.ensure_schema()
    finally:
        store.close()
    with pytest.raises(StoreUnavailable, match="closed"):
        store.stats()


def test_a_non_neo4j_uri_is_refused_before_connecting() -> None:
    with pytest.raises(StoreUnavailable, match="not a Neo4j URI"):
        open_driver("ftp://x", user="u", password="p", database="neo4j",
                    connect_timeout=1, query_timeout=1)


@pytest.mark.parametrize(
    ("uri", "shown"),
    [
        ("neo4j+s://user:pw@db.example.com:7687", "neo4j+s://db.example.com:7687"),
        ("bolt://localhost", "bolt://localhost"),
        ("bolt://u:p@[::1]:7687/x?y=1", "bolt://[::1]:7687/x?y=1"),
    ],
)
def test_uris_are_shown_without_credentials(uri: str, shown: str) -> None:
    assert redact_uri(uri) == shown
