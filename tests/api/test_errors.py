"""Every error is an RFC 9457 problem, mapped from the domain errors in one place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

import sinograph.api.store_provider
from sinograph.api.app import create_app
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.wiring.settings import Settings
from tests.api.support import AMBIGUOUS_NAME, ISLAND, make_settings

PROBLEM = "application/problem+json"


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "status"} <= body.keys()
    return body


def test_unknown_entity_and_no_path_are_different_404s(client: TestClient) -> None:
    unknown = problem(
        client.get("/paths", params={"source": "No Such Firm", "target": "Zijin"}), 404
    )
    assert unknown["type"] == "/problems/entity-not-found"
    assert unknown["ref"] == "No Such Firm"

    no_path = problem(client.get("/paths", params={"source": ISLAND.id, "target": "Zijin"}), 404)
    assert no_path["type"] == "/problems/no-path"
    assert no_path["type"] != unknown["type"]
    assert no_path["max_hops"] == 4

    assert problem(client.get("/entities/nobody"), 404)["type"] == "/problems/entity-not-found"
    assert problem(client.get("/facts/fact:0000"), 404)["type"] == "/problems/fact-not-found"


def test_ambiguous_name_answers_409_with_candidates(client: TestClient) -> None:
    body = problem(client.get("/paths", params={"source": AMBIGUOUS_NAME, "target": "Zijin"}), 409)
    assert body["type"] == "/problems/ambiguous-entity"
    assert sorted(c["name"] for c in body["candidates"]) == [
        "Harbour Peak Capital",
        "Harbour Peak Logistics",
    ]
    assert all(c["id"].startswith("company:") for c in body["candidates"])
    # The same name answers everywhere an entity is named.
    assert problem(client.get(f"/entities/{AMBIGUOUS_NAME}"), 409)["candidates"]


@pytest.mark.parametrize(
    "url",
    [
        "/paths?source=Zijin&target=Verny Capital&predicates=OWNS,NOT_A_PREDICATE",
        "/timeline?since=2025-06&until=2024",
        "/timeline?cursor=not-a-cursor",
        "/entities/company:zijin-mining-group/timeline?since=2025-02-30",
        "/subgraph",
        "/subgraph?entity=Zijin&ids=company:baidu",
        "/subgraph?ids=company:baidu&as_of=2023-02-29",
        "/export?as_of=2023-02-29",
    ],
)
def test_bad_parameters_answer_400(client: TestClient, url: str) -> None:
    body = problem(client.get(url), 400)
    assert body["type"] == "/problems/invalid-input"
    assert body["detail"]


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("/paths?source=Zijin&target=Baidu&max_hops=7", ["query", "max_hops"]),
        ("/paths?source=Zijin", ["query", "target"]),
        ("/entities?q=x&limit=0", ["query", "limit"]),
        ("/entities?q=x&type=Planet", ["query", "type"]),
        ("/timeline?since=June", ["query", "since"]),
        ("/export?format=csv", ["query", "format"]),
    ],
)
def test_schema_violations_answer_422_with_locations(
    client: TestClient, url: str, where: list[str]
) -> None:
    body = problem(client.get(url), 422)
    assert body["type"] == "/problems/validation-error"
    assert where in [issue["loc"] for issue in body["errors"]]


def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    assert problem(client.get("/no/such/route"), 404)["type"] == "about:blank"
    wrong_method = client.delete("/health")
    assert problem(wrong_method, 405)["title"] == "Method Not Allowed"
    assert "GET" in wrong_method.headers["allow"]


def test_unopenable_store_answers_503(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "missing-folder" / "graph.db")
    with TestClient(create_app(settings)) as client:
        body = problem(client.get("/health"), 503)
        assert body["type"] == "/problems/store-unavailable"
        assert client.get("/health").headers["retry-after"]
        # The server's paths stay on the server.
        assert "missing-folder" not in client.get("/health").text
        assert problem(client.get("/entities", params={"q": "x"}), 503)


def test_store_that_appears_later_is_opened_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no waiting in a test
    monkeypatch.setattr(sinograph.api.store_provider, "RETRY_PAUSE_SECONDS", 0.0)
    folder = tmp_path / "later"
    with TestClient(create_app(make_settings(folder / "graph.db"))) as client:
        problem(client.get("/health"), 503)
        folder.mkdir()
        assert client.get("/health").status_code == 200


@pytest.fixture
def failing_client(settings: Settings, store: EmbeddedStore) -> Iterator[TestClient]:
    app = create_app(settings, store)
    router = APIRouter()

    @router.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail from /srv/internal/db.sqlite")

    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_unexpected_errors_are_generic_500s_logged_on_the_server(
    failing_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("ERROR", logger="sinograph.api"):
        response = failing_client.get("/boom")
    body = problem(response, 500)
    assert body["type"] == "/problems/internal-error"
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    logged = [r for r in caplog.records if r.name == "sinograph.api"]
    assert logged and logged[0].exc_info is not None
    assert "secret detail" in str(logged[0].exc_info[1])
