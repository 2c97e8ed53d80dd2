"""Constructions added in round 18 (from the en-t2 and en-u2 batches and the misses of the
earlier read batches): a description after a hyphenated participle ("Tencent-backed Chinese
robot startup X") is hidden from the parser so the participle describes X; a stake sold
with no other firm named is the seller's own ("will sell a 40% stake to Y": Y acquires part
of the seller); "investors in X's round include A"; a stake given to someone ("gave A a 12%
stake in Y"); construction begun on a site and a contract won in a place are business done
there; a funding round's letter ("Series C+") names nothing; a roster of firms that says
where each is from ("are US-based A, B, ..., and the UK-based C") or ends in places; "X of
America, LLC" stays one name; joined titles and an honorific ("Founder & CEO Dr. X"); the
head of a unit "at" a firm works for the firm. Sentences are written for these tests."""

from __future__ import annotations

from tests.extractor.conftest import has_fact, run, triples


def test_a_description_after_a_hyphenated_participle_is_skipped() -> None:
    delta = run(
        "Kelio Robotics raised money\n\n"
        "Tencent-backed Chinese robot startup Kelio Robotics raised $200 million on Monday."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Tencent", "INVESTS_IN", "Kelio Robotics"), got


def test_a_stake_sold_with_no_other_firm_named_is_the_sellers_own() -> None:
    delta = run("Palmer Foods said it would sell a 40 percent stake to Yantai Grain.")
    assert has_fact(delta, "Yantai Grain", "ACQUIRES", "Palmer Foods"), sorted(triples(delta))


def test_a_stake_in_another_firm_is_not_the_sellers_own() -> None:
    for text in (
        "Palmer Foods sold its stake in Corvo Dairy to Yantai Grain.",
        "Palmer Foods sold a stake in Corvo Dairy to Yantai Grain.",
    ):
        delta = run(text)
        got = sorted(triples(delta))
        assert not has_fact(delta, "Yantai Grain", "ACQUIRES", "Palmer Foods"), got
        assert has_fact(delta, "Yantai Grain", "ACQUIRES", "Corvo Dairy"), got


def test_investors_in_a_named_firms_round() -> None:
    delta = run(
        "Norvik Energy raised money last year. Investors in Zorvex Robotics' latest funding "
        "round include Marden Capital and Fenwick Motors."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Marden Capital", "INVESTS_IN", "Zorvex Robotics"), got
    assert has_fact(delta, "Fenwick Motors", "INVESTS_IN", "Zorvex Robotics"), got
    assert not has_fact(delta, "Marden Capital", "INVESTS_IN", "Norvik Energy"), got


def test_a_round_letter_names_nothing() -> None:
    delta = run(
        "Tallis Motors raised $300 million in a Series C+ round. Investors in the Series C+ "
        "round include Brava Capital and Orion Securities."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Brava Capital", "INVESTS_IN", "Tallis Motors"), got
    names = {e.name for e in delta.entities}
    assert not any(name.startswith("Series") for name in names), names


def test_a_stake_given_is_held() -> None:
    delta = run("The Kestrel Motors deal gave Ostrava Fund a 12 per cent stake in the carmaker.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Ostrava Fund", "INVESTS_IN", "Kestrel Motors"), got
    assert has_fact(delta, "Ostrava Fund", "OWNS", "Kestrel Motors"), got


def test_a_warning_given_is_no_stake() -> None:
    delta = run("Kestrel Motors gave Ostrava Fund a warning about Corvo Parts.")
    assert not has_fact(delta, "Ostrava Fund", "INVESTS_IN", "Corvo Parts"), sorted(
        triples(delta)
    )


def test_construction_begun_and_a_contract_won_are_business_in_a_place() -> None:
    delta = run(
        "Halden Power began construction of a solar park in Chile last week. "
        "Carrow Rail won a $3 billion rail contract in Kenya."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Halden Power", "OPERATES_IN", "Chile"), got
    assert has_fact(delta, "Carrow Rail", "OPERATES_IN", "Kenya"), got


def test_construction_delayed_or_a_deal_signed_somewhere_is_not() -> None:
    delta = run(
        "Halden Power delayed the construction of a plant in Chile. "
        "Carrow Rail signed a supply deal in Beijing on Monday."
    )
    got = sorted(triples(delta))
    assert not has_fact(delta, "Halden Power", "OPERATES_IN", "Chile"), got
    assert not has_fact(delta, "Carrow Rail", "OPERATES_IN", "Beijing"), got


def test_a_roster_that_says_where_each_firm_is_from() -> None:
    delta = run(
        "China adds firms to unreliable entity list\n\n"
        "China has added six defence firms to its unreliable entity list, the Ministry of "
        "Commerce said.\n"
        "The firms on the new list are US-based Norden Aero, Kestrel Systems of America, "
        "LLC, Vantor, Inc., Halden Corporation, Pike Labs, Inc., and the UK-based Brava "
        "Defense, Inc., along with their units in Japan and Europe."
    )
    got = sorted(triples(delta))
    for firm in ("Norden Aero", "Kestrel Systems of America, LLC", "Vantor, Inc.",
                 "Halden Corporation", "Pike Labs, Inc.", "Brava Defense, Inc."):  # fmt: skip
        assert has_fact(delta, "China", "SANCTIONS", firm), (firm, got)
    assert not any(s == "China" and o in ("Japan", "Europe") for s, _, o in triples(delta)), got


def test_a_roster_of_places_is_no_roster_of_firms() -> None:
    delta = run(
        "Washington blacklisted three firms on Monday. The firms are based in Japan, Korea "
        "and Vietnam, officials said."
    )
    got = sorted(triples(delta))
    assert not any(p == "SANCTIONS" and o in ("Japan", "Korea", "Vietnam") for _, p, o in
                   triples(delta)), got  # fmt: skip


def test_joined_titles_and_an_honorific_before_a_name() -> None:
    delta = run(
        "Brava Capital is the lead investor, says Tallis Robotics Founder & CEO Dr. Anna Berg."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Anna Berg", "FOUNDED", "Tallis Robotics"), got
    assert has_fact(delta, "Anna Berg", "LEADS", "Tallis Robotics"), got


def test_the_head_of_a_unit_at_a_firm_works_for_the_firm() -> None:
    delta = run(
        '"We like it," says Mark Dune, general manager of the Cloud Group at Halden '
        "Corporation."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Mark Dune", "WORKS_FOR", "Halden Corporation"), got
    assert not has_fact(delta, "Mark Dune", "LEADS", "Halden Corporation"), got
