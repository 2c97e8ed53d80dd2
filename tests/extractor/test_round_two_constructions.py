"""Constructions added in the second wire-copy round: plural subjects, a known short name
opening a longer firm name, "X, in Y's Z province", coordinated tariff nouns, bans ended
or reversed, buying goods from a supplier, signing off accounts, regulators approving a
merger, products referred to as "the models", selling in named countries, one deal
agreed and completed. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run

POSITIVE: list[tuple[str, str, str, str]] = [
    (
        "Norvik Bank will merge with Tallis Bank, the lenders said. "
        "Both are controlled by the Jiangsu government.",
        "Jiangsu government",
        "CONTROLS",
        "Tallis Bank",
    ),
    (
        "Tencent Qingyun, the cloud unit of Tencent Holdings, launched Orion-7 on Monday.",
        "Tencent Qingyun",
        "RELEASES",
        "Orion-7",
    ),
    (
        "Kivra Motors is based in Wuhu, in China's Anhui province.",
        "Wuhu",
        "LOCATED_IN",
        "Anhui",
    ),
    (
        "Kivra Motors, based in the southern city of Shenzhen, makes vans.",
        "Kivra Motors",
        "HEADQUARTERED_IN",
        "Shenzhen",
    ),
    (
        "China will impose a 10% tariff on corn and duties of up to 15% on pork and beef, "
        "the finance ministry said.",
        "China",
        "IMPOSES_TARIFF",
        "beef",
    ),
    (
        "China resumed imports of Australian barley and ended its informal ban on Australian coal.",
        "China",
        "LIFTS_BAN",
        "Australian coal",
    ),
    (
        "Norvik Motors buys battery cells from Tallis Energy for its new vans.",
        "Tallis Energy",
        "SUPPLIES",
        "Norvik Motors",
    ),
    (
        "Regulators said Brenn Audit Co signed off on the accounts of Kivra Property Group.",
        "Brenn Audit Co",
        "AUDITS",
        "Kivra Property Group",
    ),
    (
        "The China Securities Regulatory Commission approved the merger of Norvik Securities "
        "and Tallis Securities on Friday.",
        "China Securities Regulatory Commission",
        "APPROVES",
        "Tallis Securities",
    ),
    (
        "Kivra Labs released Lumen-3 on Monday. The company said it developed the models "
        "in Hangzhou.",
        "Kivra Labs",
        "DEVELOPS",
        "Lumen-3",
    ),
    (
        "Kivra Labs released Lumen-3 on Monday and published the models under an open-source "
        "licence.",
        "Kivra Labs",
        "OPEN_SOURCES",
        "Lumen-3",
    ),
    (
        "Norvik Motors sells cars in Norway and Germany.",
        "Norvik Motors",
        "OPERATES_IN",
        "Germany",
    ),
    (
        "Norvik Group formed a joint venture with Spain's Ebro Works last year.",
        "Norvik Group",
        "PARTNERS_WITH",
        "Ebro Works",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), POSITIVE)
def test_construction_gives_the_fact(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text, published="2025-05-20")
    assert has_fact(delta, subject, predicate, obj), sorted(
        (f.subject, f.predicate, f.object) for f in delta.facts
    )


NEGATIVE: list[tuple[str, str, str, str]] = [
    (
        "Norvik Group bought a stake from Tallis Capital last year.",
        "Tallis Capital",
        "SUPPLIES",
        "Norvik Group",
    ),
    (
        "Norvik Motors sells cars in more than 50 countries.",
        "Norvik Motors",
        "OPERATES_IN",
        "Norway",
    ),
    (
        "Tencent Qingyun, the cloud unit of Tencent Holdings, launched Orion-7 on Monday.",
        "Tencent Holdings",
        "RELEASES",
        "Orion-7",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), NEGATIVE)
def test_construction_invents_nothing(text: str, subject: str, predicate: str, obj: str) -> None:
    assert not has_fact(run(text, published="2025-05-20"), subject, predicate, obj)


def test_one_deal_agreed_and_completed_is_one_fact_with_the_later_status() -> None:
    delta = run(
        "Norvik Group said on Monday it had completed its acquisition of Tallis Works for "
        "$300 million. Norvik Group agreed to buy Tallis Works in March.",
        published="2025-06-03",
    )
    deals = [f for f in delta.facts if f.predicate == "ACQUIRES"]
    assert len(deals) == 1, deals
    assert deals[0].status == "completed"


def test_a_past_month_after_publication_month_is_last_year() -> None:
    delta = run(
        "Norvik Group agreed to buy Tallis Works in November.",
        published="2025-05-07",
    )
    deals = [f for f in delta.facts if f.predicate == "ACQUIRES"]
    assert deals and deals[0].date == "2024-11", deals
