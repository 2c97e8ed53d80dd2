"""One or more facts per predicate, each from sentences written for these tests, in
different constructions: active, passive, apposition, relative clause, coordination."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run

CASES: list[tuple[str, str, str, str]] = [
    # deals
    (
        "Norvik Group agreed to acquire Tallis Holdings for $2 billion.",
        "Norvik Group",
        "ACQUIRES",
        "Tallis Holdings",
    ),
    (
        "Tallis Holdings was bought by Norvik Group in March.",
        "Norvik Group",
        "ACQUIRES",
        "Tallis Holdings",
    ),
    (
        "Norvik Group will acquire 60% of Tallis Holdings from Brenn Capital.",
        "Brenn Capital",
        "SELLS",
        "Tallis Holdings",
    ),
    (
        "Brenn Capital sold Tallis Holdings to Norvik Group last year.",
        "Norvik Group",
        "ACQUIRES",
        "Tallis Holdings",
    ),
    (
        "Brenn Capital sold Tallis Holdings to Norvik Group last year.",
        "Brenn Capital",
        "SELLS",
        "Tallis Holdings",
    ),
    (
        "Norvik Group announced the sale of its stake in Tallis Holdings.",
        "Norvik Group",
        "SELLS",
        "Tallis Holdings",
    ),
    (
        "Ostrava Fund will invest $500 million in Tallis Holdings.",
        "Ostrava Fund",
        "INVESTS_IN",
        "Tallis Holdings",
    ),
    (
        "Brenn Capital led a $90 million funding round in Kivra Technologies.",
        "Brenn Capital",
        "INVESTS_IN",
        "Kivra Technologies",
    ),
    (
        "Norvik Group merged with Tallis Holdings in 2021.",
        "Norvik Group",
        "MERGES_WITH",
        "Tallis Holdings",
    ),
    (
        "Norvik Group has partnered with Kivra Technologies to build robots.",
        "Norvik Group",
        "PARTNERS_WITH",
        "Kivra Technologies",
    ),
    (
        "The joint venture between Norvik Group and Kivra Technologies opened.",
        "Norvik Group",
        "PARTNERS_WITH",
        "Kivra Technologies",
    ),
    # structure
    (
        "Norvik Group owns Tallis Holdings and Kivra Technologies.",
        "Norvik Group",
        "OWNS",
        "Kivra Technologies",
    ),
    (
        "Norvik Group sold its 30% stake in Tallis Holdings.",
        "Norvik Group",
        "OWNS",
        "Tallis Holdings",
    ),
    (
        "Tallis Holdings, a firm controlled by Brenn Capital and Ostrava Fund, fell.",
        "Ostrava Fund",
        "CONTROLS",
        "Tallis Holdings",
    ),
    (
        "Kivra Technologies, a unit of Norvik Group, hired staff.",
        "Kivra Technologies",
        "SUBSIDIARY_OF",
        "Norvik Group",
    ),
    (
        "Tallis Holdings listed on the Shanghai Stock Exchange in May.",
        "Tallis Holdings",
        "LISTED_ON",
        "Shanghai Stock Exchange",
    ),
    (
        "Kivra Technologies will supply chips to Norvik Group.",
        "Kivra Technologies",
        "SUPPLIES",
        "Norvik Group",
    ),
    (
        "Kivra Technologies is a key supplier to Norvik Group.",
        "Kivra Technologies",
        "SUPPLIES",
        "Norvik Group",
    ),
    (
        "Brenn Accounting, the auditor of Tallis Holdings, resigned.",
        "Brenn Accounting",
        "AUDITS",
        "Tallis Holdings",
    ),
    # trade
    (
        "Vietnam imported more soybeans from Brazil last year.",
        "Vietnam",
        "IMPORTS",
        "Brazilian soybeans",
    ),
    ("Indonesia banned exports of nickel ore in 2020.", "Indonesia", "BANS", "nickel ore"),
    ("Japan lifted its ban on Chinese pork on Friday.", "Japan", "LIFTS_BAN", "Chinese pork"),
    (
        "Canada imposed a 100% tariff on Chinese electric vehicles.",
        "Canada",
        "IMPOSES_TARIFF",
        "Chinese electric vehicles",
    ),
    (
        "Canada slapped tariffs of 25% on Chinese steel in October.",
        "Canada",
        "IMPOSES_TARIFF",
        "Chinese steel",
    ),
    # products
    (
        "Kivra Technologies launched the Orion X2 smartphone in June.",
        "Kivra Technologies",
        "RELEASES",
        "Orion X2",
    ),
    (
        "The Orion X2 chip was developed by Kivra Technologies.",
        "Kivra Technologies",
        "DEVELOPS",
        "Orion X2",
    ),
    (
        "Kivra Technologies open-sourced its Lumen 3 model.",
        "Kivra Technologies",
        "OPEN_SOURCES",
        "Lumen 3",
    ),
    (
        "Norvik Group is a rival to Kivra Technologies and Tallis Holdings.",
        "Norvik Group",
        "COMPETES_WITH",
        "Tallis Holdings",
    ),
    # people
    (
        "Zhou Hanbin, who founded Kivra Technologies in 2009, retired.",
        "Zhou Hanbin",
        "FOUNDED",
        "Kivra Technologies",
    ),
    (
        "Kivra Technologies founder Zhou Hanbin spoke.",
        "Zhou Hanbin",
        "FOUNDED",
        "Kivra Technologies",
    ),
    (
        "Maria Keller, chief executive of Norvik Group, said sales rose.",
        "Maria Keller",
        "LEADS",
        "Norvik Group",
    ),
    (
        "Norvik Group appointed Maria Keller as chairman of Tallis Holdings.",
        "Maria Keller",
        "LEADS",
        "Tallis Holdings",
    ),
    (
        '"Demand is weak," said Li Wenjie, an analyst at Brenn Capital.',
        "Li Wenjie",
        "WORKS_FOR",
        "Brenn Capital",
    ),
    # regulators
    (
        "The US Commerce Department added Kivra Technologies to its entity list.",
        "US Department of Commerce",
        "SANCTIONS",
        "Kivra Technologies",
    ),
    (
        "The State Administration for Market Regulation fined Norvik Group 1 billion yuan.",
        "State Administration for Market Regulation",
        "FINES",
        "Norvik Group",
    ),
    (
        "The State Administration for Market Regulation launched an investigation into "
        "Norvik Group.",
        "State Administration for Market Regulation",
        "INVESTIGATES",
        "Norvik Group",
    ),
    (
        "The National Medical Products Administration approved Kivra's drug Zelora.",
        "National Medical Products Administration",
        "APPROVES",
        "Zelora",
    ),
    (
        "The State Council pledged support for the property market.",
        "State Council",
        "SUPPORTS",
        "property market",
    ),
    # places
    (
        "Hangzhou-based Kivra Technologies hired 200 people.",
        "Kivra Technologies",
        "HEADQUARTERED_IN",
        "Hangzhou",
    ),
    ("Tallis Holdings is headquartered in Austin, Texas.", "Austin", "LOCATED_IN", "Texas"),
    (
        "Norvik Group will build a battery plant in Szeged, Hungary.",
        "Szeged",
        "LOCATED_IN",
        "Hungary",
    ),
    ("Norvik Group has operations in Chile and Peru.", "Norvik Group", "OPERATES_IN", "Peru"),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), CASES)
def test_fact(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    assert has_fact(delta, subject, predicate, obj), sorted(
        (f.subject, f.predicate.value, f.object) for f in delta.facts
    )


def test_every_predicate_is_covered() -> None:
    from sinograph.graph.model.ontology import Predicate

    assert {p for _, _, p, _ in CASES} == {p.value for p in Predicate}


def test_coordinated_objects_give_one_fact_each() -> None:
    delta = run("Norvik Group owns the brands Avela, Brisk, Coriva and Dunmore.")
    for brand in ("Avela", "Brisk", "Coriva", "Dunmore"):
        assert has_fact(delta, "Norvik Group", "OWNS", brand)


def test_a_name_used_as_modifier_is_no_object() -> None:
    delta = run("Norvik Group received the right to sell Kivra EVs in Europe.")
    assert not has_fact(delta, "Norvik Group", "SELLS", "Kivra")


def test_departure_closes_the_role() -> None:
    delta = run("Maria Keller stepped down as chief executive of Norvik Group on Monday.")
    role = [f for f in delta.facts if f.predicate.value == "LEADS"]
    assert role and role[0].valid_until == "2025-01-13"
