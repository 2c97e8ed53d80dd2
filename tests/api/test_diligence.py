"""``GET /entities/{id}/dossier`` and ``POST /screen`` on the sample graph."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_dossier_as_json_markdown_and_html(client: TestClient) -> None:
    reply = client.get("/entities/Zijin Mining Group/dossier", params={"as_of": "2025-12"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["entity"]["id"] == "company:zijin-mining-group" and body["as_of"] == "2025-12"
    deal = next(d for d in body["deals"] if d["fact"]["predicate"] == "ACQUIRES")
    assert deal["counterparty"]["name"] == "RG Gold"
    assert [f["subject_name"] for f in deal["other_parties"]] == ["Cantech S.à r.l."]
    assert {f["subject_name"] for f in deal["party_owners"]} == {
        "Verny Capital", "Resource Capital Funds"
    }
    assert body["sources"] and body["citations"][deal["fact"]["key"]] == [1]
    md = client.get("/entities/company:zijin-mining-group/dossier", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Dossier: Zijin Mining Group")
    page = client.get("/entities/company:zijin-mining-group/dossier", params={"format": "html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text and "Cantech" in page.text


def test_dossier_errors(client: TestClient) -> None:
    assert client.get("/entities/Nobody Whatsoever Holdings/dossier").status_code == 404
    assert client.get("/entities/Harbour Peak/dossier").status_code == 409
    assert client.get("/entities/Zijin/dossier", params={"format": "pdf"}).status_code == 422
    assert client.get("/entities/Zijin/dossier", params={"max_hops": 9}).status_code == 422


def test_screen_answers_each_name_with_reasons(client: TestClient) -> None:
    names = [
        {"name": "Zijin Mining Group"},
        {"name": "Zijn Mining Group"},
        {"name": "Harbour Peak"},
        {"name": "Nobody Whatsoever Trading"},
        {"name": "Cantech", "country": "Luxembourg"},
    ]
    reply = client.post("/screen", json={"names": names, "as_of": "2025-12", "hops": 2})
    assert reply.status_code == 200, reply.text
    got = [(r["status"], r["reasons"]) for r in reply.json()]
    assert got[0] == ("matched", ["exact"])
    assert got[1] == ("matched", ["fuzzy"])
    assert got[2][0] == "ambiguous" and len(reply.json()[2]["candidates"]) == 2
    assert got[3] == ("no_match", [])
    assert got[4][0] == "matched"


def test_screen_rejects_bad_bodies(client: TestClient) -> None:
    assert client.post("/screen", json={"names": []}).status_code == 422
    assert client.post("/screen", json={"names": [{"name": "  "}]}).status_code == 422
    assert client.post("/screen", json={"names": [{"name": "X"}], "hops": 9}).status_code == 422
    bad_date = client.post("/screen", json={"names": [{"name": "X"}], "as_of": "2025-13"})
    assert bad_date.status_code == 400
    assert "month must be" in bad_date.json()["detail"]


# Twenty counterparties as an analyst's list has them: exact names, aliases, a Chinese name,
# tickers, misspellings, unknown firms and one name two firms share.
TWENTY = [
    ("Zijin Mining Group", "matched", ["exact"], "company:zijin-mining-group"),
    ("Alibaba", "matched", ["alias"], "company:alibaba-group-holding"),
    ("百度", "matched", ["name_zh"], "company:baidu"),
    ("BABA", "matched", ["identifier"], "company:alibaba-group-holding"),
    ("300750.SZ", "matched", ["identifier"], "company:catl"),
    ("Huawei Technologies", "matched", ["alias"], "company:huawei"),
    ("Micron", "matched", ["alias"], "company:micron-technology"),
    ("Sun Art Retail Group", "matched", ["exact"], "company:sun-art-retail-group"),
    ("Ant Group", "matched", ["exact"], "company:ant-group"),
    ("Leapmotor", "matched", ["exact"], "company:leapmotor"),
    ("Zjin Mining Group", "matched", ["fuzzy"], "company:zijin-mining-group"),
    ("Stellantus", "matched", ["fuzzy"], "company:stellantis"),
    ("Micorn Technology", "matched", ["fuzzy"], "company:micron-technology"),
    ("Haitong Securites", "matched", ["fuzzy"], "company:haitong-securities"),
    ("Evergrnde", "matched", ["fuzzy"], "company:china-evergrande-group"),
    ("Nobody Whatsoever Trading", "no_match", [], None),
    ("Blue Lotus Shipping", "no_match", [], None),
    ("Quasar Widget Works", "no_match", [], None),
    ("Harbour Peak", "ambiguous", [], None),
    ("Cantech", "matched", ["alias"], "company:cantech-s-a-r-l"),
]


def test_screen_twenty_names(client: TestClient) -> None:
    names = [{"name": n} for n, *_ in TWENTY]
    # Alibaba held Sun Art until 2025-01-01: as of the end of 2024 it was still the owner.
    reply = client.post("/screen", json={"names": names, "as_of": "2024-12-31", "hops": 2})
    assert reply.status_code == 200, reply.text
    results = reply.json()
    got = [
        (r["input"]["name"], r["status"], r["reasons"], r["entity"] and r["entity"]["id"])
        for r in results
    ]
    assert got == [tuple(t) for t in TWENTY]
    flags = {r["input"]["name"]: [(f["flag"], f["exposure"]["relation"]) for f in r["flags"]]
             for r in results}
    assert flags["Huawei Technologies"] == [("sanctioned", "self")]
    assert sorted(flags["Micron"]) == [("banned", "self"), ("under investigation", "self")]
    # Sun Art is flagged through its owner, Alibaba, with the path. Alibaba's stake in Ant
    # Group is known only from a story of mid-2025: as of 2024 it does not count yet.
    assert ("fined", "owner") in flags["Sun Art Retail Group"]
    assert flags["Ant Group"] == []
    later = client.post("/screen", json={"names": [{"name": "Ant Group"}], "as_of": "2025-12"})
    assert [(f["flag"], f["exposure"]["relation"]) for f in later.json()[0]["flags"]] == [
        ("under investigation", "owner"), ("fined", "owner")
    ]
    sun_art = next(r for r in results if r["input"]["name"] == "Sun Art Retail Group")
    path = next(f for f in sun_art["flags"] if f["flag"] == "fined")["exposure"]["path"]
    assert [(p["subject_name"], p["predicate"]) for p in path] == [
        ("Alibaba Group Holding", "OWNS")
    ]
    # A misspelt name's flags say the match is fuzzy.
    micorn = next(r for r in results if r["input"]["name"] == "Micorn Technology")
    assert micorn["flags"] and all(not f["match_certain"] and f["note"] for f in micorn["flags"])
    assert flags["Zijin Mining Group"] == [] and flags["Leapmotor"] == []


def test_paths_and_neighbours_take_max_degree(client: TestClient) -> None:
    params = {"source": "Verny Capital", "target": "Zijin Mining Group"}
    assert client.get("/paths", params=params).status_code == 200
    hubless = client.get("/paths", params={**params, "max_degree": 1})
    assert hubless.status_code == 404 and hubless.json()["type"] == "/problems/no-path"
    assert client.get("/paths", params={**params, "max_degree": 0}).status_code == 422
    # RG Gold has three facts: with at most one, only Zijin's one-fact neighbours stay.
    around = client.get("/entities/Zijin Mining Group/neighbors", params={"max_degree": 1})
    assert {e["id"] for e in around.json()["entities"]} == {
        "company:zijin-mining-group", "region:fujian", "country:kyrgyzstan"
    }
