"""The read routes over the sample graph, through the app's lifespan."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.queries import PathQuery
from sinograph.graph.stores.embedded import EmbeddedStore

ZIJIN = "company:zijin-mining-group"
VERNY = "company:verny-capital"


def facts_in(document: Any) -> Iterator[dict[str, Any]]:
    """Every fact object anywhere in a JSON document."""
    if isinstance(document, dict):
        if {"key", "predicate", "subject", "object", "sources"} <= document.keys():
            yield document
        for value in document.values():
            yield from facts_in(value)
    elif isinstance(document, list):
        for value in document:
            yield from facts_in(value)


def assert_sourced(fact: dict[str, Any]) -> None:
    assert "date" in fact, fact
    assert fact["sources"], f"fact {fact['key']} has no source"
    for source in fact["sources"]:
        assert source["story_id"].startswith("story:")
        assert source["sentence"].strip()


def test_health_is_a_probe_and_stats_has_the_counts(
    client: TestClient, store: EmbeddedStore
) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["store"] == "embedded"
    assert body["writes"] == "open"
    assert body["schema_version"] >= 4 and body["read_only"] is False
    assert "counts" not in body
    stats = client.get("/stats").json()
    assert stats == store.stats().model_dump(mode="json")
    assert stats["facts"] > 0


def test_search_ranks_exact_then_prefix_then_fuzzy(client: TestClient) -> None:
    exact = client.get("/entities", params={"q": "Zijin"}).json()
    assert exact[0]["entity"]["id"] == ZIJIN
    assert exact[0]["match"] == "exact"

    prefix = client.get("/entities", params={"q": "Zijin Min"}).json()
    assert prefix[0]["entity"]["id"] == ZIJIN
    assert prefix[0]["match"] == "prefix"

    fuzzy = client.get("/entities", params={"q": "Zjiin Mining Grup"}).json()
    assert ZIJIN in [hit["entity"]["id"] for hit in fuzzy]
    assert {hit["match"] for hit in fuzzy} == {"fuzzy"}


def test_search_filters_by_type_and_limit(client: TestClient) -> None:
    hits = client.get("/entities", params={"q": "Huawei", "type": "Product"}).json()
    assert all(hit["entity"]["type"] == "Product" for hit in hits)
    many = client.get("/entities", params={"q": "capital", "limit": 1}).json()
    assert len(many) == 1


def test_entity_detail(client: TestClient) -> None:
    body = client.get(f"/entities/{ZIJIN}").json()
    assert body["entity"]["type"] == "Company"
    assert "Zijin" in body["entity"]["aliases"]
    assert body["fact_counts"]["ACQUIRES"] >= 1
    assert body["fact_total"] == sum(body["fact_counts"].values())
    assert body["source_count"] >= 1
    by_name = client.get("/entities/Zijin Mining").json()
    assert by_name == body


def test_neighbors_with_filters(client: TestClient) -> None:
    body = client.get(f"/entities/{VERNY}/neighbors", params={"depth": 2}).json()
    ids = [e["id"] for e in body["entities"]]
    assert ids[0] == VERNY
    assert "company:cantech-s-a-r-l" in ids
    assert "asset:rg-gold" in ids
    for fact in body["facts"]:
        assert_sourced(fact)

    only_sells = client.get(
        f"/entities/{VERNY}/neighbors", params={"depth": 2, "predicates": "sells,CONTROLS"}
    ).json()
    assert {f["predicate"] for f in only_sells["facts"]} <= {"SELLS", "CONTROLS"}
    assert "SELLS" in {f["predicate"] for f in only_sells["facts"]}

    small = client.get(f"/entities/{ZIJIN}/neighbors", params={"limit": 2}).json()
    assert len(small["entities"]) == 2
    assert small["truncated"] is True


def test_neighbors_as_of_hides_later_facts(client: TestClient) -> None:
    before = client.get(f"/entities/{ZIJIN}/neighbors", params={"as_of": "2024"}).json()
    assert "ACQUIRES" not in {f["predicate"] for f in before["facts"]}
    after = client.get(f"/entities/{ZIJIN}/neighbors", params={"as_of": "2025-12"}).json()
    assert "ACQUIRES" in {f["predicate"] for f in after["facts"]}


def test_paths_by_name_carry_evidence_on_every_hop(client: TestClient) -> None:
    response = client.get(
        "/paths", params={"source": "Verny Capital", "target": "Zijin Mining Group"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["source"]["id"] == VERNY
    assert body["target"]["id"] == ZIJIN
    assert body["paths"], "expected at least one path"
    shortest = body["paths"][0]
    assert [n["id"] for n in shortest["nodes"]] == [
        VERNY,
        "company:cantech-s-a-r-l",
        "asset:rg-gold",
        ZIJIN,
    ]
    for path in body["paths"]:
        assert len(path["hops"]) == len(path["nodes"]) - 1
        for hop in path["hops"]:
            assert_sourced(hop["fact"])
            ends = {hop["fact"]["subject"], hop["fact"]["object"]}
            assert ends == {hop["from_id"], hop["to_id"]}
    assert shortest["hops"][2]["direction"] == "backward"  # Zijin ACQUIRES RG Gold


def test_paths_respect_k_and_predicates(client: TestClient) -> None:
    one = client.get("/paths", params={"source": VERNY, "target": ZIJIN, "k": 1}).json()
    assert len(one["paths"]) == 1
    blocked = client.get("/paths", params={"source": VERNY, "target": ZIJIN, "predicates": "OWNS"})
    assert blocked.status_code == 404
    assert blocked.json()["type"] == "/problems/no-path"


def test_entity_timeline_in_date_order_with_pages(client: TestClient) -> None:
    first = client.get(f"/entities/{ZIJIN}/timeline", params={"limit": 1}).json()
    assert first["entity"]["id"] == ZIJIN
    assert len(first["items"]) == 1
    whole = client.get(f"/entities/{ZIJIN}/timeline").json()
    dates = [item["date"] for item in whole["items"]]
    assert dates == sorted(dates)
    assert whole["undated_total"] >= 1  # HEADQUARTERED_IN has no date

    page = client.get("/timeline", params={"limit": 5}).json()
    seen = [item["fact"]["key"] if item["fact"] else item["metric"]["id"] for item in page["items"]]
    while page["next_cursor"]:
        page = client.get("/timeline", params={"limit": 5, "cursor": page["next_cursor"]}).json()
        seen += [
            item["fact"]["key"] if item["fact"] else item["metric"]["id"] for item in page["items"]
        ]
    everything = client.get("/timeline", params={"limit": 1000}).json()
    assert seen == [
        item["fact"]["key"] if item["fact"] else item["metric"]["id"]
        for item in everything["items"]
    ]
    assert len(seen) > 5


def test_timeline_window_and_predicates(client: TestClient) -> None:
    body = client.get(
        "/timeline", params={"since": "2025", "until": "2025-06", "predicates": "ACQUIRES,SELLS"}
    ).json()
    assert body["items"]
    for item in body["items"]:
        assert item["kind"] == "fact"
        assert item["fact"]["predicate"] in {"ACQUIRES", "SELLS"}
        assert "2025-01" <= item["date"][:7] <= "2025-06"
    assert body["undated"] == []


def test_fact_with_every_source(client: TestClient, store: EmbeddedStore) -> None:
    key = store.paths(PathQuery(source=VERNY, target=ZIJIN)).paths[0].hops[0].fact.key
    body = client.get(f"/facts/{key}").json()
    assert body["key"] == key
    assert_sourced(body)
    assert body["sources"][0]["title"]


def test_subgraph_by_entity_is_cytoscape_json(client: TestClient) -> None:
    body = client.get("/subgraph", params={"entity": "Zijin", "depth": 1}).json()
    elements = body["elements"]
    node_ids = {n["data"]["id"] for n in elements["nodes"]}
    assert ZIJIN in node_ids
    assert all(n["group"] == "nodes" and n["data"]["label"] for n in elements["nodes"])
    assert elements["edges"]
    for edge in elements["edges"]:
        data = edge["data"]
        assert edge["group"] == "edges"
        assert data["id"] == data["key"]
        assert data["source"] == data["subject"] and data["target"] == data["object"]
        assert {data["source"], data["target"]} <= node_ids
        assert data["label"] == data["predicate"] == edge["classes"]
        assert_sourced(data)


def test_subgraph_by_ids_keeps_only_facts_among_them(client: TestClient) -> None:
    ids = [VERNY, "company:cantech-s-a-r-l", ZIJIN]
    body = client.get("/subgraph", params={"ids": ids}).json()
    assert {n["data"]["id"] for n in body["elements"]["nodes"]} == set(ids)
    assert [e["data"]["predicate"] for e in body["elements"]["edges"]] == ["CONTROLS"]


def test_export_json_round_trips(client: TestClient, store: EmbeddedStore, tmp_path: Path) -> None:
    response = client.get("/export", params={"format": "json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    delta = GraphDelta.model_validate_json(response.content)
    fresh = EmbeddedStore(tmp_path / "fresh.db")
    fresh.ensure_schema()
    try:
        fresh.upsert(delta)
        assert fresh.export_delta() == store.export_delta()
    finally:
        fresh.close()


def test_export_as_of_drops_later_facts(client: TestClient, store: EmbeddedStore) -> None:
    full = GraphDelta.model_validate_json(client.get("/export").content)
    earlier = GraphDelta.model_validate_json(
        client.get("/export", params={"as_of": "2020"}).content
    )
    assert 0 < len(earlier.facts) < len(full.facts)
    assert earlier == store.export_delta(as_of="2020")


def test_export_graphml_parses(client: TestClient, store: EmbeddedStore) -> None:
    response = client.get("/export", params={"format": "graphml"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content))
    stats = store.stats()
    assert graph.number_of_nodes() == stats.entities
    assert graph.number_of_edges() == stats.facts
    assert graph.nodes[ZIJIN]["label"] == "Zijin Mining Group"


ROUTES_WITH_FACTS = [
    f"/entities/{VERNY}/neighbors?depth=2",
    f"/entities/{ZIJIN}/timeline",
    "/timeline?limit=1000",
    f"/paths?source={VERNY}&target={ZIJIN}",
    f"/subgraph?entity={ZIJIN}&depth=2",
]


@pytest.mark.parametrize("url", ROUTES_WITH_FACTS)
def test_every_fact_in_a_response_has_date_evidence_and_source(
    client: TestClient, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    facts = list(facts_in(response.json()))
    assert facts, f"{url} returned no facts"
    for fact in facts:
        assert_sourced(fact)


def test_problem_types_are_documented(client: TestClient) -> None:
    kinds = client.get("/problems").json()
    assert {k["type"] for k in kinds} >= {"/problems/no-path", "/problems/entity-not-found"}
    one = client.get("/problems/no-path").json()
    assert one["status"] == 404
    assert client.get("/problems/nothing-like-this").status_code == 404


def test_openapi_has_examples_on_every_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert client.get("/docs").status_code == 200
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            ok = operation["responses"]["200"]["content"]
            assert any("example" in media for media in ok.values()), f"{method} {path}"
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], (
                        f"{method} {path} {status}"
                    )
    assert json.dumps(schema)  # serialisable


def test_undated_timeline_items_are_reachable_through_their_cursor(client: TestClient) -> None:
    first = client.get("/timeline", params={"limit": 3}).json()
    assert first["undated_total"] > 3 and first["undated_next_cursor"]
    seen = [i["fact"]["key"] if i["fact"] else i["metric"]["id"] for i in first["undated"]]
    cursor = first["undated_next_cursor"]
    while cursor:
        page = client.get("/timeline", params={"limit": 3, "cursor": cursor})
        assert page.status_code == 200
        body = page.json()
        assert body["items"] == [] and body["next_cursor"] is None
        seen += [i["fact"]["key"] if i["fact"] else i["metric"]["id"] for i in body["undated"]]
        cursor = body["undated_next_cursor"]
    assert len(seen) == len(set(seen)) == first["undated_total"]
