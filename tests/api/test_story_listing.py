"""``GET /stories`` and ``GET /entities/{id}/stories`` on the sample graph."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_stories_are_listed_newest_first_and_paged(client: TestClient) -> None:
    first = client.get("/stories", params={"limit": 5})
    assert first.status_code == 200, first.text
    body = first.json()
    assert len(body["items"]) == 5 and body["next_cursor"]
    dates = [s["published"] for s in body["items"]]
    assert dates == sorted(dates, reverse=True)
    rest = client.get("/stories", params={"limit": 500, "cursor": body["next_cursor"]}).json()
    ids = [s["id"] for s in body["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == client.get("/stats").json()["stories"]
    assert rest["next_cursor"] is None


def test_stories_by_entity_window_and_publisher(client: TestClient) -> None:
    zijin = client.get("/stories", params={"entity": "Zijin Mining Group"}).json()["items"]
    assert zijin and all(s["fact_count"] >= 1 for s in zijin)
    same = client.get("/entities/company:zijin-mining-group/stories").json()["items"]
    assert [s["id"] for s in same] == [s["id"] for s in zijin]
    story = client.get(f"/stories/{zijin[0]['id']}").json()
    assert any("company:zijin-mining-group" in (f["subject"], f["object"]) for f in story["facts"])
    in_2025 = client.get("/stories", params={"since": "2025", "until": "2025"}).json()["items"]
    assert in_2025 and all(s["published"].startswith("2025") for s in in_2025)
    nobody = client.get("/stories", params={"publisher": "No Such Wire"}).json()
    assert nobody == {"items": [], "next_cursor": None}


def test_entity_detail_lists_stories(client: TestClient) -> None:
    detail = client.get("/entities/company:zijin-mining-group").json()
    assert detail["stories"] and detail["stories"][0]["id"].startswith("story:")
    assert len(detail["stories"]) <= detail["source_count"]


def test_bad_story_listing_requests(client: TestClient) -> None:
    assert client.get("/stories", params={"cursor": "garbage"}).status_code == 400
    assert client.get("/stories", params={"limit": 0}).status_code == 422
    missing = client.get("/stories", params={"entity": "Nobody Whatsoever Holdings"})
    assert missing.status_code == 404
    assert client.get("/entities/Harbour Peak/stories").status_code == 409
