"""Only http(s) links are stored: a `javascript:` (or `data:`, `file:`) url is refused in
every input format, and the explorer's routes carry a strict Content-Security-Policy."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sinograph.api.app import create_app
from sinograph.cli.main import app as cli
from sinograph.graph.model.domain import GraphDelta, Story
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings

BAD_URLS = [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox",
    "//no-scheme.example.com/a",
    "https:///no-host",
]
TEXT = "Zijin Mining Group agreed to buy RG Gold from Cantech for $1.2 billion."

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "links.db"


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    store = EmbeddedStore(db)
    store.ensure_schema()
    with TestClient(create_app(make_settings(db), store)) as c:
        yield c
    store.close()


def _story_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM story").fetchone()[0])


@pytest.mark.parametrize("url", BAD_URLS)
def test_post_story_with_a_non_web_url_is_refused(client: TestClient, db: Path, url: str) -> None:
    response = client.post("/stories", json={"text": TEXT, "published": "2025-06-30", "url": url})
    assert response.status_code == 422, response.text
    assert "http or https" in response.text or "host" in response.text
    assert _story_count(db) == 0


def test_post_story_with_a_web_url_is_stored(client: TestClient) -> None:
    url = "https://news.example.com/zijin"
    response = client.post("/stories", json={"text": TEXT, "published": "2025-06-30", "url": url})
    assert response.status_code == 200, response.text
    story_id = Story.from_text(TEXT, url=url).id
    assert client.get(f"/stories/{story_id}").json()["url"] == url


def test_graph_json_with_a_javascript_url_is_refused(client: TestClient, db: Path) -> None:
    graph = {"stories": [{"text_hash": "ab" * 32, "url": BAD_URLS[0], "title": "x"}]}
    body = json.dumps(graph).encode()
    response = client.post("/stories", files={"file": ("g.json", body, "application/json")})
    assert response.status_code == 400, response.text
    assert "http or https" in response.json()["detail"]
    assert _story_count(db) == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("feed.jsonl", json.dumps({"text": TEXT, "url": BAD_URLS[0]}) + "\n"),
        (
            "feed.rss",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            "<item><title>Zijin buys</title><link>javascript:alert(1)</link>"
            f"<description>{TEXT}</description><pubDate>Mon, 30 Jun 2025 08:00:00 GMT"
            "</pubDate></item></channel></rss>",
        ),
    ],
)
def test_load_refuses_bad_urls_in_every_format(
    tmp_path: Path, db: Path, name: str, content: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["--store", str(db), "load", str(source), "--published",
                                 "2025-06-30"])
    assert result.exit_code == 2, result.output
    assert "http or https" in result.output + (result.stderr or "")
    assert _story_count(db) == 0


def test_load_refuses_graph_json_with_a_bad_url(tmp_path: Path, db: Path) -> None:
    source = tmp_path / "graph.json"
    source.write_text(json.dumps({"stories": [{"text_hash": "cd" * 32, "url": "data:,x"}]}))
    result = runner.invoke(cli, ["--store", str(db), "load", str(source)])
    assert result.exit_code == 2, result.output
    assert not db.exists() or _story_count(db) == 0


def test_a_bad_url_stored_before_the_check_never_comes_back(db: Path) -> None:
    store = EmbeddedStore(db)
    store.ensure_schema()
    try:
        story = Story.from_text(TEXT, url="https://news.example.com/a")
        store.upsert(GraphDelta(stories=(story,)))
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE story SET url = 'javascript:alert(1)'")
    store = EmbeddedStore(db)
    try:
        assert store.get_story(story.id).url is None
        assert all(s.url is None for s in store.export_delta().stories)
    finally:
        store.close()


def test_explorer_routes_send_a_strict_policy(client: TestClient) -> None:
    for path in ("/", "/static/app.js", "/static/explorer.css"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"]
    assert client.get("/health").headers["x-content-type-options"] == "nosniff"
