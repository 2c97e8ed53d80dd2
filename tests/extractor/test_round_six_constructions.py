"""Constructions of the sixth round (probe sentences written per predicate, then a batch
scored first-try and read): a launched product's version number written apart from its
name ("released Orion 3"), a hyphenated product name the small parser reads as an
adverb right after the verb, an event noun's "by" agent that the parser hangs on the
active verb carrying the noun ("approved the takeover of X by Y"), the one blamed as the
doer of the act it is blamed for ("investigating X for the acquisition of Y"), and a
description with an industry word between its country and its noun ("the U.S. chip
company"). The rule tables' own examples cover the rest (a pact to work through a joint
venture; Chinese funding rounds whose investors are listed after 由 or named as 跟投方).
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from sinograph.loaders.extract.sentences import split_sentences
from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj"),
    [
        ("Kivra Labs released Orion 3 on Monday.", "Kivra Labs", "RELEASES", "Orion 3"),
        (
            "Vela Robotics released Vela-3, an open-source reasoning model.",
            "Vela Robotics",
            "OPEN_SOURCES",
            "Vela-3",
        ),
        (
            "Regulators in Beijing approved the takeover of Nordwind Chemicals by Jinling "
            "Petrochemical.",
            "Jinling Petrochemical",
            "ACQUIRES",
            "Nordwind Chemicals",
        ),
        (
            "Regulators are investigating Vantrix Systems for the $6.9 billion acquisition of "
            "Israeli chip firm Tallis Networks in 2019.",
            "Vantrix Systems",
            "ACQUIRES",
            "Tallis Networks",
        ),
        (
            "Shares of Nvidia fell after China's market regulator said it is investigating the "
            "high-flying U.S. chip company over suspected antitrust violations.",
            "State Administration for Market Regulation",
            "INVESTIGATES",
            "Nvidia",
        ),
        (
            "Norvik Motors and Tallis Auto signed a pact to build cars through a joint venture "
            "in Valencia.",
            "Norvik Motors",
            "PARTNERS_WITH",
            "Tallis Auto",
        ),
        (
            "Norway said on Tuesday it is banning exports to Japan of gallium, germanium and "
            "other metals.",
            "Norway",
            "BANS",
            "germanium",
        ),
        (
            "Norway responded by implementing tariffs of its own on coal.",
            "Norway",
            "IMPOSES_TARIFF",
            "coal",
        ),
        (
            "Norway's state-owned Brava Group agreed to sell its stake. It will sell the stake "
            "in Tallis Holdings to a unit of private equity firm Kestrel Partners.",
            "Brava Group",
            "SELLS",
            "Tallis Holdings",
        ),
    ],
)
def test_round_six_construction(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    assert has_fact(delta, subject, predicate, obj), sorted(triples(delta))


def test_a_number_after_a_launched_name_is_not_a_quantity() -> None:
    # the version number joins the name only after a launch verb, never a count
    delta = run("Kivra Labs launched Orion 2 in March and sold 3 million units.")
    assert has_fact(delta, "Kivra Labs", "RELEASES", "Orion 2"), sorted(triples(delta))
    assert not any(e.name.endswith("3") for e in delta.entities)


def test_a_weekday_after_the_verb_is_no_object() -> None:
    # "released Monday ..." names a day, not the thing released
    delta = run("Kivra Labs released Monday a statement on its chips.")
    assert not any(f.predicate.value == "RELEASES" for f in delta.facts), sorted(triples(delta))


def test_a_deadline_by_clause_names_no_buyer() -> None:
    delta = run("The board approved the sale of Tallis Foods by March.")
    assert not any(f.predicate.value == "ACQUIRES" for f in delta.facts), sorted(triples(delta))


def test_a_possessor_before_a_firm_is_not_what_it_refers_to() -> None:
    delta = run(
        "Norway's state-owned Brava Group agreed to sell its stake. It will sell the stake "
        "in Tallis Holdings to a unit of private equity firm Kestrel Partners."
    )
    assert not has_fact(delta, "Norway", "SELLS", "Tallis Holdings"), sorted(triples(delta))


def test_a_description_its_own_clause_defines_is_not_the_last_firm_named() -> None:
    # "the holding company managing ..." is a firm of its own, not Tallis Holdings
    delta = run(
        "Tallis Holdings agreed to sell its stake to Brava Group. Brava Group owns 52% of the "
        "holding company managing Norvik Coffee's shops in Norway."
    )
    assert not has_fact(delta, "Brava Group", "OWNS", "Tallis Holdings"), sorted(triples(delta))


def test_an_export_ban_to_a_country_names_the_goods_not_the_country() -> None:
    delta = run("Norway said it is banning exports to Japan of gallium and germanium.")
    assert has_fact(delta, "Norway", "BANS", "gallium"), sorted(triples(delta))
    assert not has_fact(delta, "Norway", "BANS", "Japan"), sorted(triples(delta))


def test_the_company_a_reporter_reports_on_is_not_the_reporter() -> None:
    delta = run(
        "Smartphone maker Tallis Phones said its chief executive resigned. Zhao has led "
        "Tallis Phones since it was spun off from Norvik Group in 2020. In October, Kestrel "
        "News reported the company had secured fresh funding from investors including Brava "
        "Telecom."
    )
    assert has_fact(delta, "Brava Telecom", "INVESTS_IN", "Tallis Phones"), sorted(triples(delta))
    assert not has_fact(delta, "Brava Telecom", "INVESTS_IN", "Norvik Group")


def test_hr_is_a_department_not_a_firm() -> None:
    delta = run("Li Wei joined Tallis Phones in 2021, serving as president of HR.")
    assert not any(e.name == "HR" for e in delta.entities), sorted(triples(delta))


def test_a_subject_the_parser_hangs_on_the_verb_as_a_compound() -> None:
    delta = run("Norvik Motors competes with Kestrel Auto in Southeast Asia.")
    assert has_fact(delta, "Norvik Motors", "COMPETES_WITH", "Kestrel Auto"), sorted(
        triples(delta)
    )


def test_a_firm_has_no_seat_in_a_continent() -> None:
    delta = run("Norvik Motors competes with Kestrel Auto in Southeast Asia.")
    assert not any(f.predicate.value == "HEADQUARTERED_IN" for f in delta.facts), sorted(
        triples(delta)
    )


def test_a_roster_of_people_with_titles_and_firms() -> None:
    # "Name, Title, Firm; Name, Title, Firm; ...": each person holds a post at the firm
    # of the same item, not at the roster's last firm
    delta = run(
        "The ministry named ten executives, i.e., Anna Berg, Vice President, Norvik "
        "Systems Inc.; Li Wei, Director, Tallis Aerospace Corp.; Tom Reed, Co-Founder and "
        "CEO, Kestrel Drones Inc."
    )
    assert has_fact(delta, "Anna Berg", "WORKS_FOR", "Norvik Systems Inc."), sorted(
        triples(delta)
    )
    assert has_fact(delta, "Li Wei", "WORKS_FOR", "Tallis Aerospace Corp."), sorted(
        triples(delta)
    )
    assert has_fact(delta, "Tom Reed", "LEADS", "Kestrel Drones Inc."), sorted(triples(delta))
    assert not has_fact(delta, "Anna Berg", "WORKS_FOR", "Kestrel Drones Inc.")


def test_semicolons_split_a_roster_but_not_a_list_sharing_one_verb() -> None:
    roster = (
        "Named were Anna Berg, Vice President, Norvik Systems; Li Wei, Director, Tallis "
        "Aerospace; Tom Reed, Chief Executive, Kestrel Drones."
    )
    names = (
        "The entities include: Norvik Computing and two aliases; Tallis Micro and five "
        "aliases; Kestrel Systems and nine aliases."
    )
    assert len(split_sentences(roster)) == 3
    assert len(split_sentences(names)) == 1


def test_names_ending_in_ai_are_firms_and_share_classes_are_no_part_of_them() -> None:
    delta = run(
        "Shares in Vela AI ADR closed lower after the startup raised $413 million in an "
        "initial public offering that debuted on the Nasdaq stock exchange."
    )
    assert has_fact(delta, "Vela AI", "LISTED_ON", "Nasdaq"), sorted(triples(delta))
    assert not any(e.type.value == "Person" for e in delta.entities)


def test_a_department_of_the_something_is_one_name() -> None:
    delta = run("The Department of the Treasury sanctioned Tallis Shipping on Monday.")
    assert has_fact(delta, "Department of the Treasury", "SANCTIONS", "Tallis Shipping"), sorted(
        triples(delta)
    )


def test_a_new_stake_is_an_investment() -> None:
    delta = run("Kestrel Capital will buy a 10% stake in Norvik Apparel.")
    assert has_fact(delta, "Kestrel Capital", "INVESTS_IN", "Norvik Apparel"), sorted(
        triples(delta)
    )
