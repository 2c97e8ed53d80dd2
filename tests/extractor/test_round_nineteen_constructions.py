"""Constructions added in round 19 (from the en-w2 and en-v2 batches): taking a firm off
a blacklist lifts the ban; testing vehicles in a place and stores run "across" a country
are business done there; "its newly launched Z9" was launched by its owner; "E.O. 14032"
is neither a sentence end, a ticker nor a name; a roster may follow its plural noun in the
same sentence ("The entities blacklisted under the order are: A, B, C"), and a long list the
parser breaks up is read whole from the tokens; the chief of a division "for" a firm, and a
former "Halden engineer", work for the firm ("banker" stays a description: "star
Chinese banker X" names no employer); approval (an OK, a green light) given to a firm's bid
approves the bidder (from en-x2, read after its first try); a title-case headline with no
capitalised function word is known by its capitalised verb ("Acme Holdings Buys Beta
Robotics"); a description after "for" is hidden from the parser too, and a bid made for a
firm supplies it nothing (from en-y2, read after its first try). Sentences are written for
these tests."""

from __future__ import annotations

from sinograph.loaders.extract.sentences import split_sentences
from sinograph.loaders.extract.tokens import blank_tickers
from tests.extractor.conftest import has_fact, run, triples


def test_taking_a_firm_off_a_blacklist_lifts_the_ban() -> None:
    delta = run(
        "The US Department of Defense will remove Kestrel Phones from its list of military "
        "firms, court papers showed."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "US Department of Defense", "LIFTS_BAN", "Kestrel Phones"), got
    assert not has_fact(delta, "US Department of Defense", "SANCTIONS", "Kestrel Phones"), got


def test_removing_someone_from_a_meeting_lifts_nothing() -> None:
    delta = run("The Commerce Department removed the chief of Tallis Drones from the meeting.")
    assert not any(p == "LIFTS_BAN" for _, p, _ in triples(delta)), sorted(triples(delta))


def test_testing_in_a_place_and_stores_across_a_country() -> None:
    delta = run(
        "Norvik Auto is already testing driverless taxis in California and Shenzhen. "
        "Brava Cafe Ltd now runs more than 9,000 stores across China."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Auto", "OPERATES_IN", "California"), got
    assert has_fact(delta, "Norvik Auto", "OPERATES_IN", "Shenzhen"), got
    assert has_fact(delta, "Brava Cafe Ltd", "OPERATES_IN", "China"), got


def test_a_newly_launched_product_was_launched_by_its_owner() -> None:
    delta = run("Halden Motors received 200,000 orders for its newly launched Z9 sedan.")
    assert has_fact(delta, "Halden Motors", "RELEASES", "Z9"), sorted(triples(delta))


def test_a_launched_product_with_no_owner_named_is_nobodys_release() -> None:
    delta = run("Halden Motors sold 5,000 units of the newly launched Z9 sedan.")
    assert not has_fact(delta, "Halden Motors", "RELEASES", "Z9"), sorted(triples(delta))


def test_an_executive_order_number_ends_no_sentence_and_is_no_ticker() -> None:
    text = "The entities blacklisted under E.O. 14032 are: Norden Oil Co., Limited and Pike Ltd."
    assert len(split_sentences(text)) == 1
    assert "E.O. 14032" in blank_tickers("under E.O. 14032 are")
    assert blank_tickers("Ford F.N rose") == "Ford     rose"


def test_a_roster_in_the_same_sentence_as_its_plural() -> None:
    delta = run(
        "US sanctions oil shippers\n\n"
        "The entities blacklisted under E.O. 14032 are: China Norden Oil Co., Limited, Kestrel "
        "Shipping Company Limited, Pike 88 Limited, and Vantor Tanker (Ningbo) Crew & Fleet "
        "Services Co, Ltd., the US State Department said."
    )
    got = sorted(triples(delta))
    for firm in ("China Norden Oil Co., Limited", "Kestrel Shipping Company Limited",
                 "Pike 88 Limited"):  # fmt: skip
        # the state, or the department the story quotes: both read the roster
        assert any(p == "SANCTIONS" and o == firm for _, p, o in got), (firm, got)
    assert "E.O." not in {e.name for e in delta.entities}


def test_the_chief_of_a_division_for_a_firm_works_for_the_firm() -> None:
    delta = run("Mark Dune, president of the Asia division for Halden Corporation, said so.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Mark Dune", "WORKS_FOR", "Halden Corporation"), got
    assert not has_fact(delta, "Mark Dune", "LEADS", "Halden Corporation"), got


def test_a_former_firms_engineer_worked_for_it() -> None:
    delta = run("Li Wen, a former Halden engineer, joined Kestrel Bank in May.")
    assert has_fact(delta, "Li Wen", "WORKS_FOR", "Halden"), sorted(triples(delta))


def test_approval_given_to_a_bid_approves_the_bidder() -> None:
    delta = run(
        "The State Council has given its approval to Norvik Oil Co.'s $15 billion bid for "
        "Kestrel Energy."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "State Council", "APPROVES", "Norvik Oil Co."), got
    assert not has_fact(delta, "State Council", "APPROVES", "Kestrel Energy"), got


def test_a_warning_given_approves_nothing() -> None:
    delta = run("The European Commission gave a warning to Norvik Oil on Monday.")
    assert not any(p == "APPROVES" for _, p, _ in triples(delta)), sorted(triples(delta))


def test_a_title_case_headline_given_away_by_its_verb() -> None:
    delta = run(
        "Acme Holdings Buys Beta Robotics for $925 Million\n\n"
        "Acme Holdings said on Monday it agreed to buy Beta Robotics."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Acme Holdings", "ACQUIRES", "Beta Robotics"), got
    names = {e.name for e in delta.entities}
    assert "Acme Holdings Buys Beta Robotics" not in names, names


def test_a_description_after_for_and_a_bid_that_supplies_nothing() -> None:
    delta = run(
        "Norvik Mining made a bid for Canadian miner Kestrel Gold. Tallis Energy produces "
        "battery cells for US carmaker Halden Motors at a plant in Nevada."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Norvik Mining", "ACQUIRES", "Kestrel Gold"), got
    assert not has_fact(delta, "Norvik Mining", "SUPPLIES", "Kestrel Gold"), got
    assert has_fact(delta, "Tallis Energy", "SUPPLIES", "Halden Motors"), got
