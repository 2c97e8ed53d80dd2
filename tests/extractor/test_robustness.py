"""The extractor never raises and does bounded work, whatever the text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extractor.conftest import has_fact, run

ODD_TEXTS = [
    "",
    " \n\n\t ",
    "\u0000\u202e\ufeff",
    "1 " * 5_000,
    "Alpha Beta Gamma Delta " * 2_000,
    "\u201c\u2018\"'(" * 3_000,
    "$ % HK$ \u00a5 \u20ac" * 1_000,
    "Mr. Dr. Co. Inc. Ltd. S.\u00e0 r.l. " * 1_000,
    "\u4e2d\u56fd\u5e73\u5b89\u4fdd\u9669\u96c6\u56e2" * 500,
    "the the the of of of and and , , ," * 2_000,
]


def test_odd_texts_do_not_raise() -> None:
    for text in ODD_TEXTS:
        delta = run(text)
        assert len(delta.stories) == 1
        for fact in delta.facts:
            assert 0.0 <= fact.confidence <= 1.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text(text: str) -> None:
    delta = run(text)
    assert all(0.0 <= f.confidence <= 1.0 for f in delta.facts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Norvik Group",
                "bought",
                "sold",
                "Tallis Holdings",
                "from",
                "to",
                "its",
                ",",
                "the company",
                "in",
                "2021",
                "$3 billion",
                "said",
                "ban",
                "on",
                "Japan",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_business_word_salad(words: list[str]) -> None:
    run(" ".join(words))


def test_same_input_same_output() -> None:
    text = (
        "Norvik Group agreed on Monday to buy Tallis Holdings from Brenn Capital for $2 "
        "billion. Tallis, a unit of Brenn, is based in Hangzhou. Its chief executive Maria "
        "Keller said the deal would close this year."
    )
    first = run(text).model_dump_json()
    second = run(text).model_dump_json()
    assert first == second


def test_a_long_single_line_is_read_whole() -> None:
    # No time limit here (a wall-clock bound fails on a busy machine): the line must be
    # read to its end, which a catastrophic regular expression would never reach. The
    # time a 1 MB line takes is printed, as a figure.
    line = (
        "Norvik Group, a unit of Brenn Capital (BC), bought 12.5% of Tallis Holdings "
        "for $3 billion on Monday and " * 800
    )[:60_000]
    started = time.perf_counter()
    delta = run(line)
    print(f"\n60,000-character single line: {time.perf_counter() - started:.1f} s")
    assert has_fact(delta, "Norvik Group", "INVESTS_IN", "Tallis Holdings")
    assert has_fact(delta, "Norvik Group", "SUBSIDIARY_OF", "Brenn Capital")
