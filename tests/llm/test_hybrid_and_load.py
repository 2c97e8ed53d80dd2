"""Loading with a model: hybrid merging with the rules, the load going on past a failed
story, the cache making a re-load free — through ingest, the CLI and POST /stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sinograph.api.app import create_app
from sinograph.cli.main import app as cli_app
from sinograph.graph.model.errors import ModelUnavailable
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.extract import default_registry
from sinograph.loaders.extractor import RulesExtractor
from sinograph.loaders.ingest import ingest_stories
from sinograph.loaders.llm import HybridExtractor, LlmConfig, LlmExtractor, ResponseCache
from sinograph.loaders.story_input import StoryInput
from tests.api.support import make_settings
from tests.llm.fake_server import FakeModelServer, Reply
from tests.llm.stories import FIRST, MINE_ANSWER, MINE_STORY, MINE_TEXT, SALES_ANSWER, SALES_STORY

MARK = "Kestrel copper mine in"
BROKEN = StoryInput(text="Quillon Foods said it would list its shares in Singapore next year.",
                    published="2025-05-02", origin="broken.txt")


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    opened = EmbeddedStore(tmp_path / "graph.db")
    opened.ensure_schema()
    return opened


def test_hybrid_joins_the_rules_and_the_model_into_one_graph(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    registry = default_registry()
    rules = RulesExtractor(registry).extract(MINE_STORY).delta
    model = LlmExtractor(config, registry=registry).extract(MINE_STORY).delta
    hybrid = HybridExtractor(LlmExtractor(config, registry=registry), RulesExtractor(registry))
    assert hybrid.name == "rules + llm:test-model"
    both = hybrid.extract(MINE_STORY).delta

    triples = {(f.subject, f.predicate, f.object) for f in both.facts}
    assert triples == {(f.subject, f.predicate, f.object) for f in (*rules.facts, *model.facts)}
    assert len({e.id for e in both.entities}) == len(both.entities)
    buy = next(f for f in both.facts if f.predicate.value == "ACQUIRES")
    rules_buy = next(f for f in rules.facts if f.predicate.value == "ACQUIRES")
    # the sentence both read is one source credited to both (the rules may also cite
    # the headline)
    assert (FIRST, "rules + llm:test-model") in [(e.sentence, e.extractor) for e in buy.evidence]
    assert buy.confidence > rules_buy.confidence
    # The model quoted another sentence for the mine's location: both are sources.
    zambia = next(e.id for e in both.entities if e.name == "Zambia")
    located = next(
        f for f in both.facts if f.predicate.value == "LOCATED_IN" and f.object == zambia
    )
    assert {e.extractor for e in located.evidence} >= {"llm:test-model"}


def test_a_load_goes_on_past_a_story_the_model_cannot_read(
    server: FakeModelServer, config: LlmConfig, store: EmbeddedStore
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER, prompt_tokens=1000, completion_tokens=400))
    server.script("Quillon Foods", Reply(content="{broken"))
    server.script("Harbour Motors", Reply.json(SALES_ANSWER, prompt_tokens=500,
                                               completion_tokens=100))
    extractor = LlmExtractor(config, registry=default_registry())
    report = ingest_stories(store, [MINE_STORY, BROKEN, SALES_STORY], extractor=extractor,
                            registry=default_registry())
    assert (report.stories_read, report.stories_written, report.stories_failed) == (3, 2, 1)
    assert [p.origin for p in report.problems] == ["broken.txt"]
    assert "no readable answer" in report.problems[0].message
    assert report.extractor == "llm:test-model"
    assert report.verification is not None and report.verification.facts_kept == 6
    assert report.verification.facts_dropped["evidence_not_in_story"] == 1
    assert report.usage is not None
    assert report.usage.prompt_tokens == 1000 + 500 + 2 * 120  # the broken story's two tries
    # Nothing of the failed story was written.
    stories = {s.id for s in store.export_delta().stories}
    assert BROKEN.to_story().id not in stories and MINE_STORY.to_story().id in stories


def test_an_unreachable_model_stops_the_load_and_keeps_what_was_written(
    server: FakeModelServer, config: LlmConfig, store: EmbeddedStore
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    server.script("Quillon Foods", Reply.failure(401, "bad key"))
    extractor = LlmExtractor(config.model_copy(update={"max_concurrency": 1}))
    with pytest.raises(ModelUnavailable, match="refused the key"):
        ingest_stories(store, [MINE_STORY, BROKEN, SALES_STORY], extractor=extractor)
    assert store.stats().stories == 1


def test_a_hybrid_reload_is_free_and_changes_nothing(
    server: FakeModelServer, config: LlmConfig, store: EmbeddedStore, tmp_path: Path
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    server.script("Harbour Motors", Reply.json(SALES_ANSWER))
    registry = default_registry()

    def load() -> object:
        cache = ResponseCache(tmp_path / "answers.sqlite")
        hybrid = HybridExtractor(LlmExtractor(config, registry=registry, cache=cache),
                                 RulesExtractor(registry))
        return ingest_stories(store, [MINE_STORY, SALES_STORY], extractor=hybrid,
                              registry=registry)

    first = load()
    graph = store.export_delta()
    second = load()
    assert len(server.requests) == 2
    assert second.usage is not None and (second.usage.cached, second.usage.total_tokens) == (2, 0)
    assert second.upsert.facts_added == 0 and second.upsert.entities_added == 0
    assert store.export_delta() == graph
    assert first.upsert.facts_added == len(graph.facts)  # type: ignore[attr-defined]
    extractors = {e.extractor for f in graph.facts for e in f.evidence}
    assert extractors == {"rules", "llm:test-model", "rules + llm:test-model"}


# ------------------------------------------------------------------ command line

runner = CliRunner()


@pytest.fixture
def model_env(server: FakeModelServer, monkeypatch: pytest.MonkeyPatch) -> FakeModelServer:
    monkeypatch.setenv("SINOGRAPH_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("SINOGRAPH_LLM_MODEL", server.model)
    monkeypatch.setenv("SINOGRAPH_LLM_MAX_RETRIES", "1")
    monkeypatch.setenv("SINOGRAPH_LLM_TIMEOUT", "5")
    return server


def _write_story(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "mine.txt"
    path.write_text(MINE_TEXT, encoding="utf-8")
    return path


def test_cli_load_with_the_model_reports_drops_and_tokens_then_uses_the_cache(
    model_env: FakeModelServer, tmp_path: Path
) -> None:
    model_env.script(MARK, Reply.json(MINE_ANSWER, prompt_tokens=1500, completion_tokens=500))
    folder = tmp_path / "news"
    _write_story(folder)
    db = tmp_path / "g.db"
    args = ["--store", str(db), "load", str(folder), "--published", "2025-06-30",
            "--extractor", "llm", "--verbose"]
    result = runner.invoke(cli_app, args)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "model: 5 of 10 facts kept" in out
    assert "evidence not in story 1" in out and "unknown predicate 1" in out
    assert "dropped fact (evidence not in story): Norvik Mining Group -ACQUIRES-> Orin" in out
    assert "tokens: 1500 prompt + 500 completion = 2000 in 1 requests, 2000 per story" in out
    assert (tmp_path / "g.llm-cache.sqlite").exists()

    again = runner.invoke(cli_app, args[:-1])
    assert again.exit_code == 0, again.stderr
    assert "0 in 0 requests; 1 stories from the cache" in again.stdout
    assert "facts 0 added / 5 known" in again.stdout
    assert len(model_env.requests) == 1

    runner.invoke(cli_app, [*args[:-1], "--no-cache"])
    assert len(model_env.requests) == 2


def test_cli_extract_prints_the_model_block_and_per_fact_extractor(
    model_env: FakeModelServer, tmp_path: Path
) -> None:
    model_env.script(MARK, Reply.json(MINE_ANSWER))
    path = _write_story(tmp_path / "in")
    result = runner.invoke(cli_app, ["extract", str(path), "--published", "2025-06-30",
                                     "--extractor", "llm", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["extractor"] == "llm:test-model"
    assert {f["extractor"] for f in report["facts"]} == {"llm:test-model"}
    assert report["model"]["verification"]["facts_dropped"]["wrong_type"] == 1
    assert len(report["model"]["dropped"]) == 9


def test_cli_eval_scores_the_model_on_gold(model_env: FakeModelServer, tmp_path: Path) -> None:
    model_env.script(MARK, Reply.json(MINE_ANSWER))
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "mine.txt").write_text(MINE_TEXT, encoding="utf-8")
    gold = {
        "published": "2025-06-30",
        "entities": [{"name": "Norvik Mining Group", "type": "Company", "aliases": ["Norvik"]},
                     {"name": "Kestrel copper mine", "type": "Asset", "aliases": []},
                     {"name": "Orin Capital", "type": "Company", "aliases": []}],
        "facts": [{"subject": "Norvik Mining Group", "predicate": "ACQUIRES",
                   "object": "Kestrel copper mine", "date": "2025-06-30", "core": True},
                  {"subject": "Norvik Mining Group", "predicate": "ACQUIRES",
                   "object": "Orin Capital", "date": None}],
    }
    (folder / "mine.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(cli_app, ["eval", str(folder), "--extractor", "llm", "--json",
                                     "--no-cache"])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    # The invented acquisition of Orin Capital was dropped, so it is a miss, not a hit.
    assert (summary["gold_facts"], summary["extracted_facts"]) == (2, 5)
    assert summary["fact_recall"] == 0.5 and summary["date_accuracy"] == 1.0
    assert summary["model"]["verification"]["facts_kept"] == 5


def test_cli_without_a_model_configured_says_what_to_set(tmp_path: Path) -> None:
    path = _write_story(tmp_path / "in")
    result = runner.invoke(cli_app, ["extract", str(path), "--extractor", "hybrid"])
    assert result.exit_code == 2
    assert "SINOGRAPH_LLM_BASE_URL" in result.stderr


# ------------------------------------------------------------------ HTTP API


def test_post_stories_with_the_model_answers_what_was_kept_and_dropped(
    server: FakeModelServer, tmp_path: Path
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER, prompt_tokens=800, completion_tokens=200))
    settings = make_settings(tmp_path / "api.db", llm_base_url=server.base_url,
                             llm_model=server.model, llm_max_retries=0)
    body = {"text": MINE_TEXT, "published": "2025-06-30", "extractor": "hybrid"}
    with TestClient(create_app(settings)) as client:
        answer = client.post("/stories", json=body)
        assert answer.status_code == 200, answer.text
        report = answer.json()
        assert report["extractor"] == "rules + llm:test-model"
        assert report["verification"]["facts_dropped"]["unknown_predicate"] == 1
        assert report["usage"]["prompt_tokens"] == 800
        assert any(d["reason"] == "wrong_type" for d in report["dropped"])
        assert report["upsert"]["facts_added"] >= 5
        rules_only = client.post("/stories", json={**body, "extractor": "rules"}).json()
        assert rules_only["extractor"] == "rules" and rules_only["usage"] is None


def test_post_stories_model_problems_are_400_and_503(server: FakeModelServer,
                                                     tmp_path: Path) -> None:
    body = {"text": MINE_TEXT, "published": "2025-06-30", "extractor": "llm"}
    with TestClient(create_app(make_settings(tmp_path / "a.db"))) as client:
        unconfigured = client.post("/stories", json=body)
        assert unconfigured.status_code == 400
        assert "SINOGRAPH_LLM_BASE_URL" in unconfigured.json()["detail"]
    down = make_settings(tmp_path / "b.db", llm_base_url="http://127.0.0.1:9/v1",
                         llm_model="m", llm_max_retries=0)
    with TestClient(create_app(down)) as client:
        unreachable = client.post("/stories", json=body)
        assert unreachable.status_code == 503
        assert unreachable.json()["type"] == "/problems/model-unavailable"
        assert "127.0.0.1:9" not in unreachable.text


def test_an_upload_chooses_its_extractor_in_a_form_part(
    server: FakeModelServer, tmp_path: Path
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    settings = make_settings(tmp_path / "up.db", llm_base_url=server.base_url,
                             llm_model=server.model, llm_max_retries=0)
    files = {"file": ("mine.txt", MINE_TEXT.encode(), "text/plain")}
    with TestClient(create_app(settings)) as client:
        answer = client.post("/stories", files=files,
                             data={"published": "2025-06-30", "extractor": "llm"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["verification"]["facts_kept"] == 5
        wrong = client.post("/stories", files=files, data={"extractor": "gpt"})
        assert wrong.status_code == 400 and "unknown extractor" in wrong.json()["detail"]
    assert len(server.requests) == 1
