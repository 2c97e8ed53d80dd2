"""The extractor never raises, whatever text it is given (its work grows about
linearly with the input: tests/reliability/test_extractor_growth.py counts it)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract import extract
from sinograph.loaders.story_input import StoryInput

words = st.sampled_from(
    [
        "Zijin",
        "Mining",
        "Group",
        "acquired",
        "sold",
        "Ltd",
        "Co.",
        "S.à r.l.",
        "$1.2bn",
        "HK$",
        "RMB",
        "yuan",
        "billion",
        "%",
        "on Monday",
        "last September",
        "the company",
        "its",
        "CEO",
        "founder",
        "banned",
        "lifted",
        "tariff",
        "of",
        "and",
        "from",
        "by",
        "(",
        ")",
        '"',
        "“",
        "”",
        "'",
        ",",
        ".",
        "\n",
        "Inc.",
        "U.S.",
        "China",
        "Japan",
        "紫金矿业",
        "\u202e",
        "\x00",
        "—",
        "1,234,567",
        "2025",
        "Feb.",
        "No.",
    ]
)
texts = st.one_of(
    st.text(max_size=2_000),
    st.lists(words, max_size=400).map(" ".join),
)


def _run(text: str) -> GraphDelta:
    return extract(StoryInput(text=text, published="2025-07-01", origin="fuzz"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_random_text_never_raises(text: str) -> None:
    delta = _run(text)
    ids = {e.id for e in delta.entities}
    for fact in delta.facts:
        assert fact.subject in ids and fact.object in ids
        assert 0.0 <= fact.confidence <= 1.0
        assert fact.evidence


def test_pathological_inputs_finish() -> None:
    cases = [
        "",
        " " * 10_000,
        "1" * 200_000,
        " ".join(str(i) for i in range(20_000)),
        " ".join(f"Capital{i} Group" for i in range(3_000)),
        "“" * 5_000 + "Zijin acquired RG Gold" + "”" * 5_000,
        "(" * 5_000 + "Zijin Mining Group" + ")" * 5_000,
        "Zijin Mining Group acquired " + ", ".join(f"Firm{i} Ltd" for i in range(2_000)) + ".",
        "A" * 100_000 + ".",
        "$" * 50_000 + "1,2" * 20_000,
    ]
    for text in cases:
        _run(text)
