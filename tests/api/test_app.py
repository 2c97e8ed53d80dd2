"""The app's lifespan, CORS and the explorer page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sinograph.api.app
from sinograph.api.app import create_app
from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.wiring.settings import Settings
from tests.api.support import make_settings


def test_lifespan_opens_and_closes_the_store_it_owns(db_path: Path) -> None:
    app = create_app(make_settings(db_path))
    with TestClient(app) as client:
        assert client.get("/stats").json()["facts"] > 0
        provider = app.state.store_provider
        assert provider.owns_store
        opened = provider.get()
    with pytest.raises(StoreUnavailable):
        opened.stats()  # closed at shutdown


def test_an_injected_store_is_left_open(settings: Settings, store: EmbeddedStore) -> None:
    with TestClient(create_app(settings, store)) as client:
        assert client.get("/health").status_code == 200
    assert store.stats().facts > 0


def test_without_the_lifespan_requests_answer_503(settings: Settings) -> None:
    client = TestClient(create_app(settings))  # not entered: no lifespan
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["type"] == "/problems/store-unavailable"


def test_cors_is_off_unless_origins_are_set(db_path: Path, store: EmbeddedStore) -> None:
    origin = {"Origin": "https://notebooks.example.org"}
    with TestClient(create_app(make_settings(db_path), store)) as client:
        response = client.get("/health", headers=origin)
        assert "access-control-allow-origin" not in response.headers

    allowed = make_settings(db_path, cors_origins=["https://notebooks.example.org"])
    with TestClient(create_app(allowed, store)) as client:
        response = client.get("/health", headers=origin)
        assert response.headers["access-control-allow-origin"] == origin["Origin"]
        other = client.get("/health", headers={"Origin": "https://elsewhere.example.com"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options(
            "/stories",
            headers={
                **origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-API-Key",
            },
        )
        assert preflight.status_code == 200


def test_explorer_page_and_assets_when_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings, store: EmbeddedStore
) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text("<!doctype html><title>explorer</title>")
    (static / "app.js").write_text("export const ok = true;")
    monkeypatch.setattr(sinograph.api.app, "STATIC_DIR", static)
    with TestClient(create_app(settings, store)) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "explorer" in page.text
        assert client.get("/static/app.js").text == "export const ok = true;"
        assert client.get("/docs").status_code == 200
        assert "/" not in client.get("/openapi.json").json()["paths"]


def test_without_explorer_the_root_leads_to_the_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings, store: EmbeddedStore
) -> None:
    monkeypatch.setattr(sinograph.api.app, "STATIC_DIR", tmp_path / "nothing-here")
    with TestClient(create_app(settings, store)) as client:
        response = client.get("/", follow_redirects=False)
        assert response.status_code in {302, 307}
        assert response.headers["location"] == "/docs"
