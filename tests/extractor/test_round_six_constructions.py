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
