"""Constructions added in the eleventh wire-copy round: one origin for every item of a list
of goods also when an item is a commodity the registry knows ("U.S. wheat, corn and
cotton": the known "cotton" was read twice and cut the list); a firm's own office, branch
or plant placed by "in" or by a place name before it ("its Shanghai office") is business
done there; goods bought from a firm's plant or terminal are supplied by the firm; who
a firm's round attracts invests in it (only when the round's firm is said); "the round"
or "the latest round" told of without a firm is the one the story's firm raised (after
"raised $600 million" or "closed its round", not after a purchase); "co-led" and
"co-founded" read as "led" and "founded"; a headline that capitalises a plural kind of
firm ("Hong Kong-Based Firms", "12 Korean Banks Fined") names no firm. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    "text, state, goods",
    [
        ("Canada will put a 15% tariff on U.S. wheat, corn and cotton from June.",
         "Canada", ["American wheat", "American corn", "American cotton"]),
        ("Mexico set a 10% tariff on American soybeans, pork and beef.",
         "Mexico", ["American soybeans", "American pork", "American beef"]),
    ],
)
def test_one_origin_for_every_item_of_a_list_of_goods(
    text: str, state: str, goods: list[str]
) -> None:
    delta = run(text)
    got = sorted(triples(delta))
    for item in goods:
        assert has_fact(delta, state, "IMPOSES_TARIFF", item), got
    assert not has_fact(delta, state, "IMPOSES_TARIFF", "cotton"), got


@pytest.mark.parametrize(
    "text, firm, place",
    [
        ("Inspectors searched Harbor Advisory's office in Shanghai on Monday.",
         "Harbor Advisory", "Shanghai"),
        ("The raid closed Harbor Advisory's Beijing office for a week.",
         "Harbor Advisory", "Beijing"),
        ("Lumen Bank's branches in London and Paris grew fast last year.",
         "Lumen Bank", "Paris"),
    ],
)
def test_a_firms_own_site_in_a_place_is_business_there(
    text: str, firm: str, place: str
) -> None:
    delta = run(text)
    assert has_fact(delta, firm, "OPERATES_IN", place), sorted(triples(delta))


def test_a_site_without_its_owner_places_no_firm() -> None:
    delta = run("An office in Berlin will serve Harbor Advisory's clients.")
    assert not has_fact(delta, "Harbor Advisory", "OPERATES_IN", "Berlin"), sorted(
        triples(delta)
    )


def test_goods_bought_from_a_firms_plant_are_supplied_by_the_firm() -> None:
    delta = run("Lumen Gas will buy LNG for 20 years from Harbor Energy's export terminal.")
    assert has_fact(delta, "Harbor Energy", "SUPPLIES", "Lumen Gas"), sorted(triples(delta))


def test_who_a_firms_round_attracts_invests_in_the_firm() -> None:
    delta = run("Lumen AI's latest round attracted new investors including Harbor Capital.")
    assert has_fact(delta, "Harbor Capital", "INVESTS_IN", "Lumen AI"), sorted(triples(delta))


def test_a_round_without_its_firm_gives_no_investment() -> None:
    delta = run("Lumen AI raised $300 million. The round attracted Harbor Capital.")
    assert not has_fact(delta, "Harbor Capital", "INVESTS_IN", "Lumen AI"), sorted(
        triples(delta)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Harbor Storage raised $600 million in its Series C round. The round was co-led by "
        "Lumen Capital and the Orbis Green Fund.",
        "Harbor Storage raised $600 million. Lumen Capital led the round.",
        "Harbor Storage closed its Series C round on Monday. Lumen Capital also took part "
        "in the latest round.",
    ],
)
def test_the_round_told_of_before_is_the_raisers(text: str) -> None:
    delta = run(text)
    assert has_fact(delta, "Lumen Capital", "INVESTS_IN", "Harbor Storage"), sorted(
        triples(delta)
    )


def test_a_purchase_is_no_round_to_refer_back_to() -> None:
    delta = run("Harbor Storage completed a $5 billion purchase of Lumen Mines. "
                "The round was led by Orbis Capital.")
    assert not has_fact(delta, "Orbis Capital", "INVESTS_IN", "Harbor Storage"), sorted(
        triples(delta)
    )


def test_who_co_founded_a_firm_founded_it() -> None:
    delta = run("Li Wenjie co-founded Harbor Robotics in 2015.")
    assert has_fact(delta, "Li Wenjie", "FOUNDED", "Harbor Robotics"), sorted(triples(delta))


@pytest.mark.parametrize(
    "headline",
    [
        "Lumeria Restricts Exports to Hong Kong-Based Firms Over Drone Parts",
        "12 Korean Banks Fined by Regulator Over Late Filings",
    ],
)
def test_a_headline_capitalising_a_kind_of_firm_names_no_firm(headline: str) -> None:
    delta = run(f"{headline}\n\nThe European Union sanctioned Harbor Drones on Monday.")
    names = {e.name for e in delta.entities}
    assert not names & {"Firms", "Banks Fined", "Banks"}, names
    assert has_fact(delta, "European Union", "SANCTIONS", "Harbor Drones"), sorted(
        triples(delta)
    )


def test_trading_against_the_offer_price_is_a_debut_on_the_storys_exchange() -> None:
    delta = run("Two firms debut in Hong Kong. Lumen Robotics opened 8% above its offer price "
                "of HK$20 and ended 12% higher.")
    assert has_fact(delta, "Lumen Robotics", "LISTED_ON", "Hong Kong Stock Exchange"), sorted(
        triples(delta)
    )


def test_an_ordinary_close_is_no_debut() -> None:
    delta = run("Hong Kong shares fell on Monday. Lumen Robotics closed 3% lower at HK$20.")
    assert not has_fact(delta, "Lumen Robotics", "LISTED_ON", "Hong Kong Stock Exchange")
