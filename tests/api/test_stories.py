"""``POST /stories``: JSON stories, uploaded files, the API key and the size limit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.ontology import EntityType
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.wiring.settings import Settings
from tests.api.support import make_settings

KEY = "correct horse battery staple"

# Our own sentences about entities the sample graph already knows.
STORY = {
    "text": "Zijin Mining Group said on Monday it had completed its purchase of RG Gold "
    "from Cantech S.à r.l., paying $1.2 billion for the mine in Kazakhstan.",
    "title": "Zijin completes RG Gold purchase",
    "published": "2025-07-07",
    "publisher": "Test Wire",
    "url": "https://news.example.com/zijin-completes-rg-gold",
}


def problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["type"] == kind
    return body


@pytest.fixture
def keyed_client(db_path: Path, store: EmbeddedStore) -> Iterator[TestClient]:
    settings = make_settings(db_path, api_key=KEY, max_body_bytes=4_000)
    with TestClient(create_app(settings, store)) as client:
        yield client


def test_writes_need_the_key_when_one_is_configured(keyed_client: TestClient) -> None:
    missing = problem(keyed_client.post("/stories", json=STORY), 401, "/problems/unauthorized")
    assert "X-API-Key" in missing["detail"]
    assert keyed_client.post("/stories", json=STORY).headers["www-authenticate"]
    problem(
        keyed_client.post("/stories", json=STORY, headers={"X-API-Key": KEY + "x"}),
        401,
        "/problems/unauthorized",
    )
    # With the right key the request gets past the check to body validation.
    checked = keyed_client.post("/stories", json={"title": "no text"}, headers={"X-API-Key": KEY})
    body = problem(checked, 422, "/problems/validation-error")
    assert ["body", "text"] in [issue["loc"] for issue in body["errors"]]
    # Reads stay open.
    assert keyed_client.get("/health").json()["writes"] == "protected"


def test_health_says_writes_are_open_without_a_key(client: TestClient) -> None:
    assert client.get("/health").json()["writes"] == "open"


def test_body_over_the_limit_answers_413_before_it_is_read(keyed_client: TestClient) -> None:
    big = {**STORY, "text": "x" * 10_000}
    body = problem(
        keyed_client.post("/stories", json=big, headers={"X-API-Key": KEY}),
        413,
        "/problems/input-too-large",
    )
    assert body["status"] == 413


def test_streamed_body_over_the_limit_answers_413(keyed_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        # No Content-Length: the server must count as it reads.
        yield b'{"text": "'
        for _ in range(100):
            yield b"y" * 100
        yield b'"}'

    response = keyed_client.post(
        "/stories",
        content=chunks(),
        headers={"X-API-Key": KEY, "Content-Type": "application/json"},
    )
    problem(response, 413, "/problems/input-too-large")


def test_other_media_types_answer_415(client: TestClient) -> None:
    response = client.post(
        "/stories", content=b"plain words", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"text": ""}', b'{"text": "a", "published": "2025-13"}', b'{"text": 5}'],
)
def test_bad_json_stories_answer_422(client: TestClient, body: bytes) -> None:
    response = client.post("/stories", content=body, headers={"Content-Type": "application/json"})
    problem(response, 422, "/problems/validation-error")


def test_json_story_is_extracted_and_written_once(client: TestClient, store: EmbeddedStore) -> None:
    before = store.stats()
    first = client.post("/stories", json=STORY)
    assert first.status_code == 200, first.text
    report = first.json()
    assert report["stories_read"] == 1
    assert report["stories_written"] == 1
    assert report["upsert"]["stories_added"] == 1
    assert report["upsert"]["entities_known"] >= 1  # Zijin was already in the graph
    assert store.stats().stories == before.stories + 1

    again = client.post("/stories", json=STORY).json()
    assert again["upsert"]["stories_known"] == 1
    assert again["upsert"]["stories_added"] == 0
    assert again["upsert"]["facts_added"] == 0
    assert again["upsert"]["entities_added"] == 0


def test_uploaded_json_lines_report_bad_lines_by_upload_name(client: TestClient) -> None:
    lines = [json.dumps(STORY), "{this line is broken", json.dumps({**STORY, "url": None})]
    response = client.post(
        "/stories",
        files={"file": ("batch.jsonl", "\n".join(lines).encode(), "application/x-ndjson")},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["stories_read"] == 2
    assert report["problems"]
    for item in report["problems"]:
        assert item["origin"].startswith("batch.jsonl")
        assert "sinograph-upload" not in item["origin"] + item["message"]


def test_uploaded_text_file_with_fallback_date(client: TestClient, store: EmbeddedStore) -> None:
    text = STORY["text"]
    response = client.post(
        "/stories",
        files={"file": ("zijin.txt", text.encode(), "text/plain")},
        data={"published": "2025-07-08", "publisher": "Upload Wire"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["stories_written"] == 1
    assert "Upload Wire" in store.stats().by_publisher


def test_uploaded_graph_json_is_upserted_as_it_is(client: TestClient, store: EmbeddedStore) -> None:
    delta = GraphDelta(entities=(Entity(name="Qingdao Test Fisheries", type=EntityType.COMPANY),))
    response = client.post(
        "/stories",
        files={"file": ("extra.json", delta.model_dump_json().encode(), "application/json")},
    )
    assert response.status_code == 200, response.text
    assert response.json()["upsert"]["entities_added"] == 1
    assert store.resolve_entity("Qingdao Test Fisheries").type is EntityType.COMPANY


def test_unreadable_upload_answers_400_with_problems(client: TestClient) -> None:
    response = client.post(
        "/stories", files={"file": ("blob.txt", b"\x00\x01\x02\x03" * 50, "text/plain")}
    )
    body = problem(response, 400, "/problems/invalid-input")
    assert body["problems"]
    assert body["problems"][0]["origin"].startswith("blob.txt")


def test_multipart_without_a_file_answers_400(client: TestClient) -> None:
    response = client.post("/stories", data={"publisher": "x"}, files={"other": ("a.txt", b"a")})
    problem(response, 400, "/problems/invalid-input")


def test_settings_fixture_has_no_key(settings: Settings) -> None:
    # The shared fixtures run with open writes; the keyed client sets its own.
    assert settings.api_key is None
