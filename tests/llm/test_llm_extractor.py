"""The language-model extractor against a scripted OpenAI-compatible server on loopback:
what is kept, what is dropped and why, retries, fallbacks and failures."""

from __future__ import annotations

import json

import pytest

from sinograph.graph.model.errors import ExtractionFailed, ModelUnavailable
from sinograph.loaders.extract import default_registry
from sinograph.loaders.llm import LlmConfig, LlmExtractor, ResponseCache
from tests.llm.fake_server import FakeModelServer, Reply
from tests.llm.stories import (
    EMPTY_ANSWER,
    FIRST,
    MINE_ANSWER,
    MINE_STORY,
    SALES_ANSWER,
    SALES_STORY,
)

MARK = "Kestrel copper mine in"


def _triples(extraction: object) -> set[tuple[str, str, str]]:
    delta = extraction.delta  # type: ignore[attr-defined]
    return {(f.subject, f.predicate.value, f.object) for f in delta.facts}


def test_keeps_what_the_story_states_and_drops_the_rest_with_reasons(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER, prompt_tokens=900, completion_tokens=300))
    result = LlmExtractor(config, registry=default_registry()).extract(MINE_STORY)

    assert _triples(result) == {
        ("company:norvik-mining-group", "ACQUIRES", "asset:kestrel-copper-mine"),
        ("company:tallis-resources", "SELLS", "asset:kestrel-copper-mine"),
        ("company:orin-capital", "CONTROLS", "company:tallis-resources"),
        ("person:mara-lindqvist", "LEADS", "company:norvik-mining-group"),
        ("asset:kestrel-copper-mine", "LOCATED_IN", "country:zambia"),
    }
    v = result.verification
    assert v is not None
    assert (v.facts_proposed, v.facts_kept) == (10, 5)
    assert v.facts_dropped == {
        "evidence_not_in_story": 1,
        "name_not_in_story": 1,
        "unknown_predicate": 1,
        "unknown_type": 1,
        "wrong_type": 1,
    }
    assert v.entities_dropped == {"entity_not_in_story": 1, "unknown_type": 1}
    assert v.fields_dropped == {"amount_unsupported": 1, "date_unsupported": 1}
    reasons = {(d.reason, d.item) for d in result.dropped}
    assert ("evidence_not_in_story", "Norvik Mining Group -ACQUIRES-> Orin Capital") in reasons
    assert ("wrong_type", "Mara Lindqvist -ACQUIRES-> Zambia (Person -> Country)") in reasons
    assert result.usage is not None
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (900, 300)


def test_kept_facts_carry_the_storys_sentence_and_checked_values(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    result = LlmExtractor(config, registry=default_registry()).extract(MINE_STORY)
    facts = {(f.subject, f.predicate.value): f for f in result.delta.facts}

    buy = facts[("company:norvik-mining-group", "ACQUIRES")]
    assert buy.date == "2025-06-30"  # "on Monday", published Monday 2025-06-30
    assert buy.amount is not None and (buy.amount.value, buy.amount.currency) == (450e6, "USD")
    assert buy.status is not None and buy.status.value == "agreed"
    assert [(e.sentence, e.extractor) for e in buy.evidence] == [(FIRST, "llm:test-model")]
    assert buy.evidence[0].story_id == MINE_STORY.to_story().id

    sell = facts[("company:tallis-resources", "SELLS")]
    assert sell.amount is None  # $500 million is not in the sentence
    controls = facts[("company:orin-capital", "CONTROLS")]
    assert controls.date is None  # 2024-01-15 is not in the sentence
    # Quoted with a curly apostrophe and a double space: stored as the story writes it.
    leads = facts[("person:mara-lindqvist", "LEADS")]
    assert leads.evidence[0].sentence == (
        "Norvik's chief executive, Mara Lindqvist, said the deal would close in the fourth "
        "quarter."
    )
    names = {e.id: e for e in result.delta.entities}
    # Only forms written in the story are aliases: "Tallis Resources Plc" is not.
    assert names["company:tallis-resources"].aliases == ("Tallis Resources",)
    assert "company:zambezi-holdings" not in names


def test_metrics_are_checked_against_their_sentence(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script("Harbour Motors", Reply.json(SALES_ANSWER))
    result = LlmExtractor(config).extract(SALES_STORY)
    assert [(m.name, m.value, m.change_pct, m.period) for m in result.delta.metrics] == [
        ("deliveries", 42500.0, 18.0, "2025-03")
    ]
    assert result.verification is not None
    assert result.verification.metrics_dropped == {"value_unsupported": 1}
    (supply,) = result.delta.facts
    assert (supply.predicate.value, supply.date) == ("SUPPLIES", "2025-04-01")


def test_code_fenced_json_with_prose_is_read(server: FakeModelServer, config: LlmConfig) -> None:
    fenced = "Here is the graph:\n```json\n" + json.dumps(MINE_ANSWER) + "\n```\nDone."
    server.script(MARK, Reply(content=fenced))
    result = LlmExtractor(config).extract(MINE_STORY)
    assert len(result.delta.facts) == 5


def test_json_schema_is_sent_and_dropped_for_a_server_that_refuses_it(
    config: LlmConfig,
) -> None:
    from tests.llm.fake_server import running_server

    with running_server(json_schema=False) as plain:
        plain.script(MARK, Reply.json(MINE_ANSWER))
        plain.script("Harbour Motors", Reply.json(SALES_ANSWER))
        extractor = LlmExtractor(config.model_copy(update={"base_url": plain.base_url}))
        assert len(extractor.extract(MINE_STORY).delta.facts) == 5
        assert len(extractor.extract(SALES_STORY).delta.facts) == 1
        formats = [(r.get("response_format") or {}).get("type") for r in plain.requests]
        # Refused once, then plain JSON instructions for this story and the next.
        assert formats == ["json_schema", None, None]
        assert "Answer with one JSON object" in plain.requests[1]["messages"][0]["content"]


def test_the_schema_names_every_predicate_and_label(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.json(EMPTY_ANSWER))
    LlmExtractor(config).extract(MINE_STORY)
    (request,) = server.requests
    schema = request["response_format"]["json_schema"]["schema"]
    fact = schema["properties"]["facts"]["items"]["properties"]
    assert "LIFTS_BAN" in fact["predicate"]["enum"] and "OPERATES_IN" in fact["predicate"]["enum"]
    system = request["messages"][0]["content"]
    assert "FOUNDED (Person -> Company)" in system
    assert "InvestorGroup" in system
    story = request["messages"][1]["content"]
    assert "Publication date: 2025-06-30" in story and MINE_STORY.text in story


def test_broken_json_is_sent_back_once_with_the_reason(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(
        MARK,
        Reply(content='{"entities": [}', prompt_tokens=500, completion_tokens=10),
        Reply.json(MINE_ANSWER, prompt_tokens=600, completion_tokens=200),
    )
    result = LlmExtractor(config).extract(MINE_STORY)
    assert len(result.delta.facts) == 5
    retry = server.requests[1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": '{"entities": [}'}
    assert "not valid JSON" in retry[-1]["content"]
    assert result.usage is not None
    assert (result.usage.requests, result.usage.total_tokens) == (2, 1310)


def test_broken_json_twice_fails_the_story(server: FakeModelServer, config: LlmConfig) -> None:
    server.script(MARK, Reply(content="I cannot help with that."))
    with pytest.raises(ExtractionFailed, match="no readable answer") as caught:
        LlmExtractor(config).extract(MINE_STORY)
    assert len(server.requests) == 2
    assert caught.value.details["usage"].requests == 2


def test_a_429_is_retried_after_the_servers_delay(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(
        MARK,
        Reply.failure(429, "slow down", headers={"retry-after-ms": "20"}),
        Reply.json(MINE_ANSWER),
    )
    result = LlmExtractor(config).extract(MINE_STORY)
    assert len(result.delta.facts) == 5
    assert len(server.requests) == 2


def test_rate_limits_that_outlast_the_retries_fail_the_story(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.failure(429, "slow down", headers={"retry-after-ms": "5"}))
    with pytest.raises(ExtractionFailed, match="rate-limiting"):
        LlmExtractor(config).extract(MINE_STORY)
    assert len(server.requests) == 2  # max_retries=1


def test_a_server_error_is_retried(server: FakeModelServer, config: LlmConfig) -> None:
    server.script(MARK, Reply.failure(503, "overloaded", headers={"retry-after-ms": "5"}),
                  Reply.json(MINE_ANSWER))
    assert len(LlmExtractor(config).extract(MINE_STORY).delta.facts) == 5


def test_a_timeout_fails_the_story_after_retrying(
    server: FakeModelServer, config: LlmConfig
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER, delay=1.5))
    fast = config.model_copy(update={"timeout": 0.3})
    with pytest.raises(ExtractionFailed, match="did not answer within 0.3 s"):
        LlmExtractor(fast).extract(MINE_STORY)
    assert len(server.requests) == 2


def test_an_unknown_model_or_an_unreachable_server_is_unavailable(
    server: FakeModelServer, config: LlmConfig
) -> None:
    with pytest.raises(ModelUnavailable, match="not found"):
        LlmExtractor(config.model_copy(update={"model": "no-such-model"})).extract(MINE_STORY)
    closed = config.model_copy(update={"base_url": "http://127.0.0.1:9/v1", "max_retries": 0})
    with pytest.raises(ModelUnavailable, match="cannot reach"):
        LlmExtractor(closed).extract(MINE_STORY)


def test_the_cache_answers_a_second_time_without_a_request(
    server: FakeModelServer, config: LlmConfig, cache: ResponseCache
) -> None:
    server.script(MARK, Reply.json(MINE_ANSWER))
    first = LlmExtractor(config, cache=cache).extract(MINE_STORY)
    second = LlmExtractor(config, cache=cache).extract(MINE_STORY)
    assert len(server.requests) == 1
    assert second.delta == first.delta
    assert second.usage is not None and (second.usage.cached, second.usage.requests) == (1, 0)
    # Another model, or the same model without the cache, asks again.
    LlmExtractor(config).extract(MINE_STORY)
    assert len(server.requests) == 2
    assert len(cache) == 1


def test_a_failed_answer_is_not_cached(
    server: FakeModelServer, config: LlmConfig, cache: ResponseCache
) -> None:
    server.script(MARK, Reply(content="not json"), Reply(content="still not"),
                  Reply.json(MINE_ANSWER))
    with pytest.raises(ExtractionFailed):
        LlmExtractor(config, cache=cache).extract(MINE_STORY)
    assert len(cache) == 0
    assert len(LlmExtractor(config, cache=cache).extract(MINE_STORY).delta.facts) == 5
    assert len(cache) == 1
