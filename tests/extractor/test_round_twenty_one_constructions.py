"""Constructions added in round 21, from en-d3, read after its first try (kinds, not one
story): a funding round led by investors named in a participle fronted on the raising
verb ("Led by A and B, X raised $1bn in a new round"); "its <firm name> subsidiary"
is that firm, a unit of the possessor, not a unit named after the possessor; a buyer is
whoever leads the consortium it is sold to; "10 per cent of X" reads like "10% of X"; a
passive "hit by" that the duties, a virus or a crackdown did is no sanction; "plans for
a plant" are no deal to buy; a sector written in camel case ("eCommerce") is no name.
Sentences are written for these tests."""

from __future__ import annotations

from tests.extractor.conftest import has_fact, run, triples


def test_a_fronted_led_by_names_the_rounds_investors() -> None:
    delta = run(
        "Led by Brava Capital and Orion Partners, Tallis Robotics raised $50 million in a "
        "new funding round."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Brava Capital", "INVESTS_IN", "Tallis Robotics"), got
    assert has_fact(delta, "Orion Partners", "INVESTS_IN", "Tallis Robotics"), got


def test_a_fronted_participle_of_another_verb_names_no_investor() -> None:
    delta = run("Backed by its founder, Tallis Robotics raised $50 million in a new round.")
    got = sorted(triples(delta))
    assert not any(p == "INVESTS_IN" and s == "Tallis Robotics" for s, p, _ in got), got


def test_a_named_subsidiary_is_the_firm_named() -> None:
    delta = run(
        "Norvik Media agreed to sell 15 per cent of its Orion Music Group subsidiary to a "
        "buyer consortium led by Kestrel Holdings."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Orion Music Group", "SUBSIDIARY_OF", "Norvik Media"), got
    assert has_fact(delta, "Norvik Media", "SELLS", "Orion Music Group"), got
    assert has_fact(delta, "Kestrel Holdings", "ACQUIRES", "Orion Music Group"), got
    assert not any("subsidiary" in o for _, _, o in got), got
    assert not any(p == "SUPPLIES" for _, p, _ in got), got


def test_a_unit_named_by_a_place_is_still_a_unit_of_its_owner() -> None:
    delta = run("Norvik Motors will sell its Kunshan unit to Kestrel Holdings.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Motors Kunshan unit", "SUBSIDIARY_OF", "Norvik Motors"), got


def test_per_cent_is_a_percentage_of_the_firm() -> None:
    small = run("Kestrel Holdings bought 20 per cent of Orion Labs.")
    assert has_fact(small, "Kestrel Holdings", "INVESTS_IN", "Orion Labs"), sorted(triples(small))
    assert not has_fact(small, "Kestrel Holdings", "ACQUIRES", "Orion Labs")
    large = run("Kestrel Holdings bought 70 per cent of Orion Labs.")
    assert has_fact(large, "Kestrel Holdings", "ACQUIRES", "Orion Labs"), sorted(triples(large))


def test_hit_by_duties_or_a_virus_is_no_sanction() -> None:
    delta = run(
        "India will impose new duties on aluminium sheet from Norway. Among the firms hit by "
        "the duties are Tallis Metals and Brava Alloys. Norway suspended salmon from an Orion "
        "Seafood plant that was hit by the virus last week."
    )
    got = sorted(triples(delta))
    assert not any(p == "SANCTIONS" for _, p, _ in got), got


def test_plans_for_a_plant_are_no_purchase() -> None:
    delta = run("Norvik Motors announces plans for $1.2 billion battery plant in Dayton")
    got = sorted(triples(delta))
    assert not any(p == "ACQUIRES" for _, p, _ in got), got


def test_a_camel_case_sector_is_no_name() -> None:
    delta = run(
        "The grocer took shares in Norvik in 2019 and handed over its eCommerce business "
        "Tallis Mart."
    )
    got = sorted(triples(delta))
    assert not any("eCommerce" in (s, o) for s, _, o in got), got


# From en-e3, read after its first try.


def test_a_stake_in_something_named_is_not_the_sellers_own() -> None:
    delta = run("Brava Energy plans to sell refinery venture stake to Norvik Chemical")
    got = sorted(triples(delta))
    assert not has_fact(delta, "Norvik Chemical", "ACQUIRES", "Brava Energy"), got


def test_a_stake_of_no_one_else_is_still_the_sellers() -> None:
    delta = run("Brava Energy will sell a 30% stake to Norvik Chemical.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Chemical", "ACQUIRES", "Brava Energy"), got


def test_a_firms_head_in_one_place_works_for_it() -> None:
    for text in (
        "Norvik Phones' Europe chief Arun Mehta said sales rose.",
        "Arun Mehta, Norvik Phones' head of India operations, said sales rose.",
    ):
        delta = run(text)
        got = sorted(triples(delta))
        assert has_fact(delta, "Arun Mehta", "WORKS_FOR", "Norvik Phones"), got
        assert not any(p == "LEADS" for _, p, _ in got), got


def test_a_states_president_still_leads_it() -> None:
    delta = run("US President Donald Trump said tariffs would rise.")
    assert has_fact(delta, "Donald Trump", "LEADS", "United States"), sorted(triples(delta))


def test_where_a_firm_is_based_is_not_where_it_lists() -> None:
    delta = run(
        "The Shanghai-based firm Tallis Express raised $1.4 billion in its initial public "
        "offering. Orion Freight, based in Shenzhen, raised $300 million in its debut."
    )
    got = sorted(triples(delta))
    assert not any(p == "LISTED_ON" for _, p, _ in got), got
    assert has_fact(delta, "Tallis Express", "HEADQUARTERED_IN", "Shanghai"), got
