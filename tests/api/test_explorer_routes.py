"""The routes the explorer added: one story, traversal filters, and the page's icon."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sinograph.graph.model.queries import NeighbourQuery
from sinograph.graph.stores.embedded import EmbeddedStore

PROBLEM = "application/problem+json"


def test_a_story_is_served_with_its_facts(client: TestClient, store: EmbeddedStore) -> None:
    story = next(s for s in store.export_delta().stories if s.title)
    response = client.get(f"/stories/{story.id}")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["title"]) == (story.id, story.title)
    assert body["publisher"] == story.publisher
    assert body == store.get_story(story.id).model_dump(mode="json")
    assert body["facts"], "every sample story states a fact"
    for fact in body["facts"]:
        assert story.id in {s["story_id"] for s in fact["sources"]}


def test_an_unknown_story_is_a_problem(client: TestClient) -> None:
    response = client.get("/stories/story:00000000000000000000")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["type"] == "/problems/story-not-found"


def test_neighbours_and_paths_take_the_traversal_filters(
    client: TestClient, store: EmbeddedStore
) -> None:
    facts = store.export_delta().facts
    hub = max(
        {f.subject for f in facts},
        key=lambda e: (sum(e in (f.subject, f.object) for f in facts), e),
    )
    params = {"exclude_types": "Country,Region", "min_confidence": 0.8}
    body = client.get(f"/entities/{hub}/neighbors", params=params).json()
    expected = store.neighbors(NeighbourQuery(
        entity=hub, exclude_types="Country,Region", min_confidence=0.8,
    ))
    assert body == expected.model_dump(mode="json")
    assert {e["type"] for e in body["entities"][1:]}.isdisjoint({"Country", "Region"})
    assert all(f["confidence"] >= 0.8 for f in body["facts"])

    excluded = client.get(
        f"/entities/{hub}/neighbors", params=[("exclude_predicates", "OWNS"),
                                              ("exclude_predicates", "LEADS")]
    ).json()
    assert {f["predicate"] for f in excluded["facts"]}.isdisjoint({"OWNS", "LEADS"})


def test_bad_traversal_filters_are_problems(client: TestClient) -> None:
    too_sure = client.get(
        "/paths", params={"source": "Zijin", "target": "Verny Capital", "min_confidence": 1.5}
    )
    assert too_sure.status_code == 422
    planet = client.get(
        "/paths", params={"source": "Zijin", "target": "Verny Capital", "exclude_types": "Planet"}
    )
    assert planet.status_code == 400
    assert "Planet" in planet.json()["detail"]


def test_the_favicon_is_the_explorers_icon(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text.lstrip().startswith("<svg")
