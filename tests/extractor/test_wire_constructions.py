"""Constructions common in wire and business-press copy that the first rules missed:
appositions with a possessor, appointments by a firm, passive penalties attributed to a
regulator, "remains its rival", "whose customers include", "-listed", "its unit, X",
relative clauses inside lists, negation. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run

POSITIVE: list[tuple[str, str, str, str]] = [
    (
        "Marta Olsen, Norvik Group's chief executive, said the plan would work.",
        "Marta Olsen",
        "LEADS",
        "Norvik Group",
    ),
    (
        "Norvik Group appointed Li Wenjie as president on Tuesday, replacing Zhou Hanbin.",
        "Li Wenjie",
        "LEADS",
        "Norvik Group",
    ),
    (
        "Norvik Group appointed Li Wenjie as president on Tuesday, replacing Zhou Hanbin.",
        "Zhou Hanbin",
        "LEADS",
        "Norvik Group",
    ),
    (
        "Founder Zhou Hanbin was fined 20 million yuan, the China Securities Regulatory "
        "Commission said.",
        "China Securities Regulatory Commission",
        "FINES",
        "Zhou Hanbin",
    ),
    (
        "Kivra Motors launched its Orion sedan in May. Analysts say Brenn Auto remains its "
        "main rival.",
        "Kivra Motors",
        "COMPETES_WITH",
        "Brenn Auto",
    ),
    (
        "Tallis Battery, whose customers include Norvik Motors and Brenn Auto, grew fast.",
        "Tallis Battery",
        "SUPPLIES",
        "Brenn Auto",
    ),
    (
        "Tallis Battery raised money. Norvik Motors is among its biggest customers.",
        "Tallis Battery",
        "SUPPLIES",
        "Norvik Motors",
    ),
    (
        "Norvik Group will invest 1 billion euros in a new subsidiary of Tallis Holdings.",
        "Norvik Group",
        "INVESTS_IN",
        "Tallis Holdings",
    ),
    (
        "Norvik Group proposed to buy the shares it does not already own in Tallis Holdings.",
        "Norvik Group",
        "ACQUIRES",
        "Tallis Holdings",
    ),
    (
        "Brenn Capital agreed to sell its Indian unit, Tallis Manufacturing, which makes "
        "phones for Kivra, to Norvik Group for $125 million.",
        "Norvik Group",
        "ACQUIRES",
        "Tallis Manufacturing",
    ),
    (
        "Norvik Group completed its acquisition of Tallis Holdings from Brenn Capital on Monday.",
        "Brenn Capital",
        "SELLS",
        "Tallis Holdings",
    ),
    (
        "Norvik Group plans to list Tallis Holdings, its premium car unit, next year.",
        "Tallis Holdings",
        "SUBSIDIARY_OF",
        "Norvik Group",
    ),
    (
        "Norvik Group said on Monday its Hong Kong-listed shares rose 5%.",
        "Norvik Group",
        "LISTED_ON",
        "Hong Kong Stock Exchange",
    ),
    (
        "Norvik Group signed a deal with Tallis Motors, its long-time joint venture partner.",
        "Norvik Group",
        "PARTNERS_WITH",
        "Tallis Motors",
    ),
    (
        "Norvik Group will invest $700 million in Tallis Motors, and the two companies will "
        "jointly develop two models.",
        "Norvik Group",
        "PARTNERS_WITH",
        "Tallis Motors",
    ),
    (
        "Kivra Labs released its Orion models on Tuesday and made them available for free "
        "download.",
        "Kivra Labs",
        "OPEN_SOURCES",
        "Orion",
    ),
    (
        "The Norvik Agency and the Ministry of Finance on Friday fined Tallis Holdings "
        "40 million yuan.",
        "Norvik Agency",
        "FINES",
        "Tallis Holdings",
    ),
    (
        "Ottawa will also levy a 25% surtax on Chinese steel from October.",
        "Canada",
        "IMPOSES_TARIFF",
        "Chinese steel",
    ),
    (
        "Norvik Group, the U.S. chipmaker led by Marta Olsen, agreed to buy Tallis.",
        "Marta Olsen",
        "LEADS",
        "Norvik Group",
    ),
    (
        "Rasmus Holm, a former Norvik Group executive, was appointed Tallis Holdings' chief "
        "executive.",
        "Rasmus Holm",
        "WORKS_FOR",
        "Norvik Group",
    ),
    (
        '"It is a surprise," said Kenji Mori, a securities strategist at Brenn Securities.',
        "Kenji Mori",
        "WORKS_FOR",
        "Brenn Securities",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), POSITIVE)
def test_construction_gives_the_fact(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    assert has_fact(delta, subject, predicate, obj), [
        (f.predicate.value, f.evidence) for f in delta.facts
    ]


NEGATIVE: list[tuple[str, str, str, str]] = [
    # a verb after a bare comma is not a list item
    (
        "The carmaker, which is backed by Brenn Capital, overtook Norvik Motors in sales.",
        "Norvik Motors",
        "INVESTS_IN",
        "Brenn Capital",
    ),
    # negation states no fact
    (
        "Norvik Group does not own Tallis Holdings.",
        "Norvik Group",
        "OWNS",
        "Tallis Holdings",
    ),
    # "X, the group's finance chief": the person is not the group
    (
        "Tallis Holdings said on Monday that Li Wenjie had resigned. Sara Lind, the group's "
        "chief financial officer, will replace him.",
        "Sara Lind",
        "HEADQUARTERED_IN",
        "Tallis Holdings",
    ),
    # a sum of money is not a site
    (
        "The central bank launched a 500 billion yuan swap facility in Shanghai.",
        "billion yuan swap facility",
        "LOCATED_IN",
        "Shanghai",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), NEGATIVE)
def test_construction_invents_nothing(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    assert not has_fact(delta, subject, predicate, obj)


def test_successor_takes_the_post_the_predecessor_left() -> None:
    delta = run(
        "Tallis Holdings said on Monday that Li Wenjie had resigned as chief executive. "
        "Sara Lind, the group's chief financial officer, will replace him."
    )
    assert has_fact(delta, "Li Wenjie", "LEADS", "Tallis Holdings")
    assert has_fact(delta, "Sara Lind", "LEADS", "Tallis Holdings")


def test_known_goods_qualified_by_origin_are_their_own_commodity() -> None:
    delta = run("Canada will impose a 100% tariff on electric vehicles imported from China.")
    assert has_fact(delta, "Canada", "IMPOSES_TARIFF", "Chinese electric vehicles")


def test_headline_country_gives_way_to_the_body_that_acted() -> None:
    delta = run(
        "China opens probe into Norvik Group\n\n"
        "China's State Administration for Market Regulation has launched an investigation "
        "into Norvik Group, state media said on Monday."
    )
    acts = [f for f in delta.facts if f.predicate.value == "INVESTIGATES"]
    names = {e.id: e.name for e in delta.entities}
    assert [names[f.subject] for f in acts] == ["State Administration for Market Regulation"]


def _metrics(text: str) -> list[tuple[str, float | None, str | None]]:
    delta = run(text, published="2024-03-27")
    return [(m.name, m.change_pct, m.period) for m in delta.metrics]


def test_change_before_the_amount_and_the_period_named_with_it() -> None:
    found = _metrics(
        "Norvik Motors said on Tuesday its net profit for 2023 rose 80.7% to 30 billion yuan."
    )
    assert ("net profit", 80.7, "2023") in found


def test_a_figure_opening_the_next_sentence_keeps_the_firm() -> None:
    found = _metrics(
        "Norvik Motors said its net profit rose 10% to 3 billion yuan. "
        "Revenue climbed 42% to 60 billion yuan."
    )
    assert ("revenue", 42.0, None) in found


def test_a_change_stated_in_the_next_sentence_is_attached() -> None:
    found = _metrics(
        "Norvik Motors said its net profit for 2023 was 3 billion yuan. "
        "That was down 12% from a year earlier."
    )
    assert ("net profit", -12.0, "2023") in found
