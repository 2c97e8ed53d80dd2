"""Constructions added in round 20 (from the confident wrong facts of the read batches, not
from one story): a word that says where a title reaches ("Global Vice President",
"Regional Director", "head of International") names no employer; a minister's
portfolio ("Minister of Economic Affairs") is no body's name; an office of state written
before a name ("President Lee", "Prime Minister Walsh") is held in no firm the story is
about nor in the outlet that reports it, while a president a firm appoints is the firm's;
"co-CEO" is a title, no name; a headline's departure verb ("Steps Down") is a news verb,
no part of a name (the last three from en-z2, read after its first try); a title that
also opens firms' names ("General Atlantic") is a title only before a person's name, and a
headline's participle ("Shedding") or capitalised "Its" marks a title-case headline, and a
body's site named by its city ("National Computing Centre Jinan") is one name (from en-a3,
read after its first try); a name cut short before a known body keeps no dangling "of
the", and a body "of" two fields ("Academy of Maritime Commerce and Economic
Cooperation") is one name (from en-b3, read after its first try).
Sentences are written for these tests."""

from __future__ import annotations

from tests.extractor.conftest import has_fact, run, triples


def test_a_titles_scope_is_no_employer() -> None:
    delta = run(
        "Investigators questioned the group's Global Vice President Arun Mehta on Monday. "
        "Marta Olsen, chief commercial officer of Brightline Aero and head of International, "
        "said orders were strong."
    )
    got = sorted(triples(delta))
    assert not any(o in ("Global", "International") for _, _, o in got), got
    assert has_fact(delta, "Marta Olsen", "WORKS_FOR", "Brightline Aero"), got


def test_a_ministers_portfolio_is_no_body() -> None:
    delta = run(
        "Lina Berg, Minister of Economic Affairs of Saxony, called the Corvane plant a "
        "milestone."
    )
    got = sorted(triples(delta))
    assert not any(o == "Economic Affairs" for _, _, o in got), got


def test_a_ministry_of_affairs_is_still_a_body() -> None:
    delta = run("The Ministry of Foreign Affairs of Norland sanctioned Corvane Defense on Friday.")
    got = sorted(triples(delta))
    assert any(p == "SANCTIONS" and o == "Corvane Defense" for _, p, o in got), got


def test_a_firm_whose_name_starts_with_a_scope_word_keeps_it() -> None:
    delta = run("Global Foundries Holdings agreed to buy Tessaron Chips for $2 billion.")
    got = sorted(triples(delta))
    assert has_fact(delta, "Global Foundries Holdings", "ACQUIRES", "Tessaron Chips"), got


def test_an_office_of_state_is_held_in_no_firm_nearby() -> None:
    delta = run(
        "Corvane Energy agreed to buy Tessaron Oil for $15 billion. Prime Minister Ben "
        "Walsh has said the Tessaron deal raises hard questions. President Lee has imposed "
        "new tariffs on imported tyres, the Daily Ledger reports."
    )
    got = sorted(triples(delta))
    assert not any(s in ("Ben Walsh", "Lee") and p == "LEADS" for s, p, _ in got), got


def test_a_firms_president_still_leads_it() -> None:
    delta = run("Norvik Motors said its president, Anna Berg, would retire in May.")
    assert has_fact(delta, "Anna Berg", "LEADS", "Norvik Motors"), sorted(triples(delta))


def test_a_president_a_firm_appoints_is_the_firms() -> None:
    delta = run(
        "Norvik Appliances, based in Qingdao, China, announced new leaders on Friday.\n\n"
        "Anna Berg was appointed as president."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Anna Berg", "LEADS", "Norvik Appliances"), got
    assert not has_fact(delta, "Anna Berg", "LEADS", "China"), got


def test_a_shared_title_is_no_name() -> None:
    delta = run("Tallis Robotics said on Monday that Ben Walsh would remain co-CEO.")
    got = sorted(triples(delta))
    assert not any(o.lower() == "co-ceo" for _, _, o in got), got
    assert has_fact(delta, "Ben Walsh", "LEADS", "Tallis Robotics"), got


def test_a_headlines_departure_verb_is_no_part_of_a_name() -> None:
    delta = run(
        "Norvik Founder Anna Berg Steps Down as Chairman\n\n"
        "Norvik Appliances said on Monday that Anna Berg, its founder, would retire."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Anna Berg", "FOUNDED", "Norvik Appliances"), got
    assert not any("Steps" in s for s, _, _ in got), got


def test_a_title_opening_a_firms_name_is_no_title() -> None:
    delta = run(
        "Tallis Robotics raised $300 million from General Atlantic and Brava Capital. "
        "General Li Wen visited the plant."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "General Atlantic", "INVESTS_IN", "Tallis Robotics"), got
    assert not any(s == "Atlantic" for s, _, _ in got), got


def test_a_headlines_participle_marks_title_case() -> None:
    delta = run(
        "Norvik Shedding Its Stake in Tallis Grand Hotels After 88% Gain\n\n"
        "Norvik Group is selling its stake in Tallis Grand Hotels Inc., it said."
    )
    got = sorted(triples(delta))
    names = {s for s, _, _ in got} | {o for _, _, o in got}
    assert not any("Shedding" in n or n.endswith("After") for n in names), got
    assert has_fact(delta, "Norvik Group", "SELLS", "Tallis Grand Hotels Inc."), got


def test_a_bodys_site_named_by_its_city_is_one_name() -> None:
    delta = run(
        "The US added four entities to its list. The entities are Norvik Microelectronics, "
        "the National Computing Centre Jinan, the National Computing Centre Wuxi and the "
        "National Computing Centre Zhengzhou."
    )
    got = sorted(triples(delta))
    for site in ("Jinan", "Wuxi", "Zhengzhou"):
        centre = f"National Computing Centre {site}"
        assert has_fact(delta, "United States", "SANCTIONS", centre), got
    assert not has_fact(delta, "United States", "SANCTIONS", "National Computing Centre"), got


def test_a_name_cut_before_a_known_body_keeps_no_dangling_of_the() -> None:
    delta = run(
        "Li Wen, a spokesman for the Norland Liaison Office of the State Council, said the "
        "ban would stand."
    )
    got = sorted(triples(delta))
    assert has_fact(delta, "Li Wen", "WORKS_FOR", "Norland Liaison Office"), got
    assert not any(o.endswith(("of the", "of")) for _, _, o in got), got


def test_a_body_of_two_fields_is_one_name() -> None:
    delta = run(
        "The Norvik Academy of Maritime Commerce and Economic Cooperation's senior "
        "researcher Zhou Wen said demand rose."
    )
    got = sorted(triples(delta))
    body = "Norvik Academy of Maritime Commerce and Economic Cooperation"
    assert has_fact(delta, "Zhou Wen", "WORKS_FOR", body), got
    assert not any(o == "Economic Cooperation" for _, _, o in got), got
