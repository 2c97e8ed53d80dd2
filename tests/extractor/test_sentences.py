from __future__ import annotations

import pytest

from sinograph.loaders.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from sinograph.loaders.extract.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tallis S.à r.l. sold it. Mr. Li spoke.", ["Tallis S.à r.l. sold it.", "Mr. Li spoke."]),
        (
            "Shares of Acme Corp. rose. The Co. fell.",
            ["Shares of Acme Corp. rose.", "The Co. fell."],
        ),
        (
            "The U.S. Treasury acted on Feb. 8 in No. 3 case.",
            ["The U.S. Treasury acted on Feb. 8 in No. 3 case."],
        ),
        (
            "Dr. Wang met Robert F. Kennedy Jr. in Beijing.",
            ["Dr. Wang met Robert F. Kennedy Jr. in Beijing."],
        ),
        ("Sales rose 3.5%. Profit fell!", ["Sales rose 3.5%.", "Profit fell!"]),
        (
            "\u201cWe will grow,\u201d she said. Then she left.",
            ["\u201cWe will grow,\u201d she said.", "Then she left."],
        ),
        (
            "Bids by Acme Inc. and Beta Ltd. were late.",
            ["Bids by Acme Inc. and Beta Ltd. were late."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_lines_and_headlines() -> None:
    text = "Acme buys Beta\n\nAcme said on Monday it would buy Beta. It paid cash."
    sentences = split_sentences(text)
    assert [s.headline for s in sentences] == [True, False, False]
    assert [s.paragraph for s in sentences] == [0, 1, 1]


def test_dateline_is_skipped_for_parsing() -> None:
    sentence = split_sentences("BEIJING, May 3 (Xinhua) -- Acme rose.")[0]
    assert sentence.text[sentence.body_start :] == "Acme rose."


def test_offsets_point_into_the_text() -> None:
    text = "First one.  Second one.\nThird."
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_long_sentences_are_cut() -> None:
    text = "word " * (MAX_SENTENCE_CHARS // 2)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in split_sentences(text))


def test_tokens_keep_names_and_split_possessives() -> None:
    words = [t.text for t in tokenize("Hangzhou-based Kivra's Orion 3.5 and X2-0915 at U.S. Corp.")]
    assert words == [
        "Hangzhou",
        "-based",
        "Kivra",
        "'s",
        "Orion",
        "3.5",
        "and",
        "X2-0915",
        "at",
        "U.S.",
        "Corp.",
    ]
