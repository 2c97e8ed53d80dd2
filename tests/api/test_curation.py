"""The curation routes: writes behind the API key with a required reason, problems from the
error tree (404 unknown, 409 conflicts, 422 no reason), and the log naming the key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings

KEY = {"X-API-Key": "s3cret"}
ZIJIN = "company:zijin-mining-group"


@pytest.fixture
def keyed(db_path: Path, store: EmbeddedStore) -> Iterator[TestClient]:
    settings = make_settings(db_path, api_key="s3cret", api_key_name="review-team")
    with TestClient(create_app(settings, store)) as client:
        yield client


def _a_fact(client: TestClient) -> str:
    page = client.get(f"/entities/{ZIJIN}/timeline").json()
    return str(page["items"][0]["fact"]["key"])


def test_reject_and_restore_need_the_key_and_a_reason(keyed: TestClient) -> None:
    key = _a_fact(keyed)
    assert keyed.post(f"/facts/{key}/reject", json={"reason": "wrong"}).status_code == 401
    missing = keyed.post(f"/facts/{key}/reject", json={}, headers=KEY)
    assert missing.status_code == 422
    blank = keyed.post(f"/facts/{key}/reject", json={"reason": "   "}, headers=KEY)
    assert blank.status_code == 422
    done = keyed.post(f"/facts/{key}/reject", json={"reason": "misread"}, headers=KEY)
    assert done.status_code == 200, done.text
    assert done.json()["actor"] == "api:review-team"
    assert keyed.get(f"/facts/{key}").json()["rejected"] is True
    page = keyed.get(f"/entities/{ZIJIN}/timeline").json()
    assert key not in {i["fact"]["key"] for i in page["items"] if i["fact"]}
    assert [f["key"] for f in keyed.get("/curation/rejected").json()] == [key]
    again = keyed.post(f"/facts/{key}/reject", json={"reason": "misread"}, headers=KEY)
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/curation-conflict"
    restored = keyed.post(f"/facts/{key}/restore", json={"reason": "checked"}, headers=KEY)
    assert restored.status_code == 200
    unknown = keyed.post("/facts/fact:00000000000000000000/reject", json={"reason": "x"},
                         headers=KEY)
    assert unknown.status_code == 404
    log = keyed.get("/curation/log", params={"fact": key}).json()["items"]
    assert [(r["action"], r["reason"]) for r in log] == [
        ("reject_fact", "misread"), ("restore_fact", "checked")]


def test_merge_split_and_edit(client: TestClient) -> None:
    merged = client.post(f"/entities/{ZIJIN}/merge", json={"into": ZIJIN, "reason": "dup"})
    assert merged.status_code == 409
    assert client.post("/entities/company:nope/merge",
                       json={"into": ZIJIN, "reason": "dup"}).status_code == 404
    detail = client.get(f"/entities/{ZIJIN}").json()
    alias = next(a for a in detail["entity"]["aliases"] if a != detail["entity"]["name"])
    split = client.post(f"/entities/{ZIJIN}/split",
                        json={"alias": alias, "name": "Zijin Split Test", "reason": "two firms"})
    assert split.status_code == 200, split.text
    new = split.json()["target"]
    assert split.json()["actor"] == "api:anonymous"
    back = client.post(f"/entities/{new}/merge", json={"into": ZIJIN, "reason": "one firm"})
    assert back.status_code == 200, back.text
    redirected = client.get(f"/entities/{new}").json()
    assert redirected["entity"]["id"] == ZIJIN and redirected["redirected_from"] == new
    edit = client.post(f"/entities/{ZIJIN}/edit",
                       json={"description": "A Fujian gold and copper miner", "reason": "filing"})
    assert edit.status_code == 200
    assert edit.json()["changes"]["description"]["after"] == "A Fujian gold and copper miner"
    bad = client.post(f"/entities/{ZIJIN}/edit",
                      json={"identifiers": {"lei": "not-a-lei"}, "reason": "x"})
    assert bad.status_code == 422
    log = client.get("/curation/log", params={"entity": ZIJIN}).json()["items"]
    assert [r["action"] for r in log] == ["split_entity", "merge_entities", "edit_entity"]
