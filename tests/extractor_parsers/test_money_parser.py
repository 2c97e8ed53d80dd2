"""find_money: amounts, currencies, magnitudes, bracketed alternatives and prices."""

from __future__ import annotations

import pytest

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.extract.amounts import MoneyMention, find_money


def _one(text: str) -> MoneyMention:
    found = find_money(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The unit raised $1.2bn from investors.", 1.2e9, "USD"),
        ("a $1.2 billion bond", 1.2e9, "USD"),
        ("valued at US$93 billion", 93e9, "USD"),
        ("worth U.S.$4 million", 4e6, "USD"),
        ("RMB 339 billion in sales", 339e9, "CNY"),
        ("Rmb12bn of loans", 12e9, "CNY"),
        ("339 billion yuan of bonds", 339e9, "CNY"),
        ("a 20 billion renminbi fund", 20e9, "CNY"),
        ("CNY 5bn facility", 5e9, "CNY"),
        ("USD30.7 billion order book", 30.7e9, "USD"),
        ("12.3 billion Hong Kong dollars", 12.3e9, "HKD"),
        ("HK$5.6 million fine", 5.6e6, "HKD"),
        ("3.6 billion dollars", 3.6e9, "USD"),
        ("3.6 billion US dollars", 3.6e9, "USD"),
        ("£250m takeover", 250e6, "GBP"),
        ("20 million pounds sterling", 20e6, "GBP"),
        ("€4.1 billion", 4.1e9, "EUR"),
        ("7 billion euros", 7e9, "EUR"),
        ("S$800 million", 800e6, "SGD"),
        ("NT$1.5 trillion", 1.5e12, "TWD"),
        ("A$2bn", 2e9, "AUD"),
        ("C$300k", 300e3, "CAD"),
        ("5 trillion won", 5e12, "KRW"),
        ("₩2.4tn", 2.4e12, "KRW"),
        ("Rs 500 crore", 5e9, "INR"),
        ("40,000 rupees", 40e3, "INR"),
        ("¥10 billion", 10e9, "CNY"),
        ("JP¥300 billion", 300e9, "JPY"),
        ("¥300 billion yen", 300e9, "JPY"),
        ("450 billion yen", 450e9, "JPY"),
        ("1,234.5 million yuan", 1234.5e6, "CNY"),
        ("$12,500", 12500.0, "USD"),
        ("$5mn", 5e6, "USD"),
        ("$5m", 5e6, "USD"),
        ("$7.5 mln", 7.5e6, "USD"),
        ("$50k", 50e3, "USD"),
        ("a $1.2-billion plan", 1.2e9, "USD"),
        ("two billion yuan", 2e9, "CNY"),
        ("half a billion dollars", 0.5e9, "USD"),
        ("5 billion USD", 5e9, "USD"),
        ("an investment of 80亿元", 8e9, "CNY"),
        ("1.5万亿美元", 1.5e12, "USD"),
        ("MOP$3 billion", 3e9, "MOP"),
        ("R$10 billion", 10e9, "BRL"),
        ("2 billion tenge", 2e9, "KZT"),
    ],
)
def test_value_and_currency(text: str, value: float, currency: str) -> None:
    mention = _one(text)
    assert mention.value == pytest.approx(value)
    assert mention.currency == currency
    assert text[mention.start : mention.end] == mention.text


def test_span_leaves_out_the_words_around() -> None:
    text = "Shares rose after the HK$7.8bn deal."
    mention = _one(text)
    assert mention.text == "HK$7.8bn"
    assert (mention.start, mention.end) == (22, 30)


def test_bracketed_second_currency_is_an_alternative() -> None:
    text = "Sales reached HK$731.2 billion ($93 billion) last year."
    mention = _one(text)
    assert mention.currency == "HKD"
    assert mention.value == pytest.approx(731.2e9)
    assert mention.alternatives == ((pytest.approx(93e9), "USD"),)
    assert mention.text == "HK$731.2 billion ($93 billion)"


def test_bracketed_alternative_after_a_word_currency() -> None:
    mention = _one("It paid 7.5 billion yuan (about $1.04 billion) for the stake.")
    assert (mention.currency, mention.alternatives) == ("CNY", ((pytest.approx(1.04e9), "USD"),))


def test_two_bracketed_alternatives() -> None:
    mention = _one("a fine of HK$10 million (US$1.28 million; €1.1 million)")
    assert [c for _, c in mention.alternatives] == ["USD", "EUR"]


def test_euro_with_code_in_brackets() -> None:
    mention = _one("€4.1 billion (4.3 billion USD)")
    assert mention.alternatives == ((pytest.approx(4.3e9), "USD"),)


def test_brackets_without_money_are_not_alternatives() -> None:
    found = find_money("HK$5 billion (including fees) and $2 billion later")
    assert [(m.currency, m.alternatives) for m in found] == [("HKD", ()), ("USD", ())]


@pytest.mark.parametrize(
    "text",
    [
        "about $5bn",
        "around 300 million yuan",
        "nearly HK$2 billion",
        "more than US$10 billion",
        "up to $3 billion",
        "roughly €1bn",
        "an estimated $40 million",
        "~$5m",
        "$5bn-plus",
        "$2 billion or so",
    ],
)
def test_approximate(text: str) -> None:
    assert _one(text).approximate


def test_exact_is_not_approximate() -> None:
    assert not _one("It paid $5bn for the mine.").approximate


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The shares were priced at HK$202.5 each.", "each"),
        ("Brent traded at $80 a barrel", "barrel"),
        ("gold at $3,300 an ounce", "ounce"),
        ("a dividend of 0.5 yuan per share", "share"),
        ("iron ore at $95/t", "t"),
    ],
)
def test_prices_per_unit(text: str, per: str) -> None:
    mention = _one(text)
    assert mention.per == per
    assert mention.per_unit


def test_total_is_not_per_unit() -> None:
    assert not _one("a $3 billion loan").per_unit


def test_per_unit_after_brackets() -> None:
    mention = _one("HK$202.5 (US$25.8) each")
    assert (mention.per, mention.alternatives) == ("each", ((pytest.approx(25.8), "USD"),))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1-2 billion", [(1e9, "USD"), (2e9, "USD")]),
        ("1 to 2 billion yuan", [(1e9, "CNY"), (2e9, "CNY")]),
        ("between 3 and 4 billion euros", [(3e9, "EUR"), (4e9, "EUR")]),
        ("between $1 billion and $2 billion", [(1e9, "USD"), (2e9, "USD")]),
        ("$100-200", [(100.0, "USD"), (200.0, "USD")]),
    ],
)
def test_ranges(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(m.value, m.currency) for m in find_money(text)] == [
        (pytest.approx(v), c) for v, c in expected
    ]


def test_year_before_an_amount_is_not_part_of_a_range() -> None:
    found = find_money("profit rose in 2024 to $5 billion")
    assert [(m.text, m.value) for m in found] == [("$5 billion", 5e9)]


@pytest.mark.parametrize(
    "text",
    [
        "It sold 3.6 billion units.",
        "Revenue rose 12% to 339 billion.",
        "The A380 and H20 chips",
        "try 5 times",
        "10 million pounds of pork",
        "The 5G rollout cost nothing",
        "in 2025 and 2026",
        "",
    ],
)
def test_no_money(text: str) -> None:
    assert find_money(text) == []


def test_several_amounts_in_order() -> None:
    text = "It raised $300m in 2023, RMB 2bn in 2024 and 1.5 billion euros this year."
    found = find_money(text)
    assert [(m.currency, m.value) for m in found] == [
        ("USD", 300e6),
        ("CNY", 2e9),
        ("EUR", 1.5e9),
    ]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_dollar_and_yen_defaults_can_be_changed() -> None:
    assert find_money("$5 billion", dollar_sign="HKD")[0].currency == "HKD"
    assert find_money("¥5 billion", yen_sign="JPY")[0].currency == "JPY"
    assert find_money("HK$5 billion", dollar_sign="SGD")[0].currency == "HKD"


def test_bad_default_currency_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="dollar_sign"):
        find_money("$5", dollar_sign="dollars")


def test_mentions_are_frozen() -> None:
    mention = _one("$5bn")
    with pytest.raises(ValueError):
        mention.value = 1.0  # type: ignore[misc]


@pytest.mark.timeout(300)
def test_long_single_line_input_finishes() -> None:
    # Digits, spaces, dollar signs and commas in a 1 MB line: every pattern must stay
    # linear. The timeout only catches a hang; it is not a speed requirement.
    unit = "$1,2 34,567$ $$,,9 1, $"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    found = find_money(text)
    assert found
    assert all(m.currency == "USD" for m in found)
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "text",
    ["$" * 200_000, "1," * 100_000, " " * 199_999 + "$", "9" * 200_000],
)
def test_degenerate_long_inputs_finish(text: str) -> None:
    assert isinstance(find_money(text), list)
