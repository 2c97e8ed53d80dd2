"""The synthetic news generator: deterministic, realistic in shape, valid models."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.synthetic import SyntheticNews, parse_size
from sinograph.graph.model.domain import Fact, GraphDelta


def _load(facts: int, seed: int = 7, batch: int = 500) -> list[GraphDelta]:
    return list(SyntheticNews(facts=facts, seed=seed).deltas(batch_facts=batch))


def test_the_same_seed_gives_the_same_graph_and_another_seed_another() -> None:
    first = [f.key for d in _load(1_500) for f in d.facts]
    again = [f.key for d in _load(1_500) for f in d.facts]
    other = [f.key for d in _load(1_500, seed=8) for f in d.facts]
    assert first == again
    assert first != other


def test_batches_hold_the_asked_number_of_fact_records() -> None:
    deltas = _load(2_300, batch=500)
    assert [len(d.facts) for d in deltas] == [500, 500, 500, 500, 300]


def test_every_delta_is_self_contained_and_valid() -> None:
    for delta in _load(1_200):
        named = {f.subject for f in delta.facts} | {f.object for f in delta.facts}
        named |= {m.subject for m in delta.metrics}
        assert named <= {e.id for e in delta.entities}
        cited = {e.story_id for f in delta.facts for e in f.evidence}
        assert cited <= {s.id for s in delta.stories}
        for fact in delta.facts[:50]:
            assert Fact.model_validate(fact.model_dump()) == fact


def test_the_shape_is_news_like() -> None:
    facts = [f for d in _load(6_000) for f in d.facts]
    degree: Counter[str] = Counter()
    for fact in facts:
        degree[fact.subject] += 1
        degree[fact.object] += 1
    counts = sorted(degree.values())
    # A power law: hubs far above the median, and many entities seen once or twice.
    assert counts[-1] > 40 * counts[len(counts) // 2]
    assert sum(1 for c in counts if c <= 2) > len(counts) // 4
    precision = Counter(len(f.date) if f.date else 0 for f in facts)
    assert {0, 4, 7, 10} <= set(precision)
    assert precision[10] > precision[7] > precision[4] > 0
    years = {f.date[:4] for f in facts if f.date}
    assert len(years) >= 10
    # Facts told again by later stories, and facts that end.
    assert len({f.key for f in facts}) < 0.9 * len(facts)
    assert any(f.valid_until for f in facts)
    assert any(f.predicate == "LIFTS_BAN" for f in facts)
    # Surface forms: aliases, some shared by several entities.
    entities = {e.id: e for d in _load(6_000) for e in d.entities}
    owners: Counter[str] = Counter(a for e in entities.values() for a in e.aliases)
    assert any(n > 1 for n in owners.values())
    assert sum(1 for e in entities.values() if len(e.aliases) > 1) > len(entities) // 3


def test_stories_for_the_extractor_are_deterministic_prose() -> None:
    news = SyntheticNews(facts=5_000, seed=3)
    stories = list(news.stories(20))
    assert stories == list(SyntheticNews(facts=5_000, seed=3).stories(20))
    assert len({s.url for s in stories}) == 20
    words = sum(len(s.text.split()) for s in stories)
    assert words > 20 * 50
    assert all(s.published[:2] == "20" and s.text.endswith("\n") for s in stories)


@pytest.mark.parametrize(("text", "size"), [("10k", 10_000), ("1m", 1_000_000), ("2.5k", 2_500)])
def test_sizes_parse(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "k", "-3", "ten"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)
