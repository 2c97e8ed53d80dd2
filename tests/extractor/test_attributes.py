from __future__ import annotations

from tests.extractor.conftest import run


def fact(text: str, predicate: str, published: str | None = "2025-01-15"):  # type: ignore[no-untyped-def]
    delta = run(text, published)
    found = [f for f in delta.facts if f.predicate.value == predicate]
    assert found, [f.predicate.value for f in delta.facts]
    return found[0]


def test_amount_with_currency_and_conversion() -> None:
    f = fact(
        "Norvik Group agreed on Monday to buy Tallis Holdings for HK$7.8 billion (US$1 billion).",
        "ACQUIRES",
    )
    assert f.amount is not None
    assert (f.amount.currency, f.amount.value) == ("HKD", 7.8e9)


def test_amount_in_the_control_chain() -> None:
    f = fact("Norvik Group signed a $750 million agreement to buy Tallis Holdings.", "ACQUIRES")
    assert f.amount is not None and f.amount.value == 7.5e8


def test_price_per_share_is_not_the_deal_value() -> None:
    f = fact("Norvik Group will buy Tallis Holdings at $12 each.", "ACQUIRES")
    assert f.amount is None


def test_stake() -> None:
    # a minority stake is an investment (the development sets' convention), with its share
    f = fact("Norvik Group will acquire 45% of Tallis Holdings.", "INVESTS_IN")
    assert f.stake_pct == 45


def test_relative_date_resolves_against_publication() -> None:
    assert fact("Norvik Group on Monday agreed to buy Tallis Holdings.", "ACQUIRES").date == (
        "2025-01-13"
    )


def test_absolute_date_keeps_its_precision() -> None:
    assert fact("Norvik Group bought Tallis Holdings in March 2019.", "ACQUIRES").date == "2019-03"
    assert fact("Norvik Group bought Tallis Holdings in 2019.", "ACQUIRES").date == "2019"


def test_status_cues() -> None:
    assert fact("Norvik Group plans to buy Tallis Holdings.", "ACQUIRES").status.value == "proposed"
    assert (
        fact("Norvik Group completed its purchase of Tallis Holdings.", "ACQUIRES").status.value
        == "completed"
    )
    assert (
        fact("Norvik Group called off its plan to buy Tallis Holdings.", "ACQUIRES").status.value
        == "terminated"
    )
    assert fact("Norvik Group has agreed to buy Tallis Holdings.", "ACQUIRES").status.value == (
        "agreed"
    )


def test_role_period() -> None:
    f = fact("Maria Keller chaired Norvik Group from March 2011 to October 2014.", "LEADS")
    assert (f.date, f.valid_from, f.valid_until) == ("2011-03", "2011-03", "2014-10")


def test_evidence_and_story() -> None:
    delta = run("Norvik Group agreed to buy Tallis Holdings. Analysts cheered.")
    f = delta.facts[0]
    assert f.evidence[0].sentence == "Norvik Group agreed to buy Tallis Holdings."
    assert f.evidence[0].story_id == delta.stories[0].id
