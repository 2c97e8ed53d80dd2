"""Hostile names, texts and parameters are stored and returned exactly, and never reach a query."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings
from tests.contract.builders import DeltaBuilder

HOSTILE = [
    'O\'Brien "Quoted" Holdings',
    "`Backtick` Capital",
    "x') RETURN 1; MATCH (n) DETACH DELETE n //",
    "Robert'); DROP TABLE entities;-- Ltd",
    "Ctrl\x01\x02 Group",
    "\u202eReversed\u202c Mining \u05e9\u05dc\u05d5\u05dd",
    "混合 Scripts 有限公司 Ltd",
    "Very " + "long " * 300 + "Group",
]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = EmbeddedStore(tmp_path / "hostile.db")
    store.ensure_schema()
    with TestClient(create_app(make_settings(tmp_path / "hostile.db"), store)) as c:
        yield c
    store.close()


def _upload(client: TestClient, payload: dict[str, object]) -> object:
    body = json.dumps(payload).encode("utf-8")
    return client.post("/stories", files={"file": ("graph.json", body, "application/json")})


def test_hostile_names_round_trip_exactly_through_the_api(client: TestClient) -> None:
    b = DeltaBuilder()
    s = b.story('Hostile "story" `title`', publisher="Pub'; --", published="2025-01-01")
    entities = [b.company(name, name + " `alias`") for name in HOSTILE]
    for a, t in zip(entities, entities[1:], strict=False):
        b.fact(a, "SUPPLIES", t, s, f"{a.name} supplies {t.name} \"'`;")
    response = _upload(client, b.delta().model_dump(mode="json"))
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    for entity in entities:
        got = client.get(f"/entities/{quote(entity.id, safe='')}")
        assert got.status_code == 200, got.text
        assert got.json()["entity"]["name"] == entity.name
        assert entity.name + " `alias`" in got.json()["entity"]["aliases"]
        # Search takes up to 500 characters: the long name is found by its prefix.
        hits = client.get("/entities", params={"q": entity.name[:400], "limit": 3}).json()
        assert hits[0]["entity"]["id"] == entity.id
    path = client.get(
        "/paths", params={"source": HOSTILE[0], "target": entities[-2].id, "k": 1, "max_hops": 6}
    )
    assert path.status_code == 200, path.text
    sentences = [h["fact"]["sources"][0]["sentence"] for h in path.json()["paths"][0]["hops"]]
    assert sentences[0] == f"{HOSTILE[0]} supplies {HOSTILE[1]} \"'`;"


@pytest.mark.parametrize("value", [*HOSTILE, "%", "_", "\\", "*", "'", "\x00", "a" * 5000])
def test_hostile_query_parameters_never_cause_a_server_error(
    client: TestClient, value: str
) -> None:
    for url, params in (
        ("/entities", {"q": value}),
        ("/paths", {"source": value, "target": value}),
        ("/paths", {"source": "x", "target": "y", "predicates": value}),
        ("/timeline", {"since": value}),
        ("/subgraph", {"ids": value}),
    ):
        response = client.get(url, params=params)
        assert response.status_code < 500, (url, value, response.text)
        if response.status_code >= 400:
            assert response.headers["content-type"].startswith("application/problem+json")
            assert "Traceback" not in response.text


def test_labels_and_predicates_outside_the_ontology_are_rejected(client: TestClient) -> None:
    bad_label = {"entities": [{"name": "Acme", "type": "Company`) DETACH DELETE n //"}]}
    response = _upload(client, bad_label)
    assert 400 <= response.status_code < 500  # type: ignore[attr-defined]
    assert "type" in response.text  # type: ignore[attr-defined]
    bad_predicate = client.get(
        "/paths", params={"source": "a", "target": "b", "predicates": "OWNS]->() DELETE n//"}
    )
    assert bad_predicate.status_code in (400, 422)
    assert "unknown predicate" in bad_predicate.text
    assert client.get("/stats").json()["entities"] == 0
