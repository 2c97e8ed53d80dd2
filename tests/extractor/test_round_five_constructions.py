"""Constructions of the fifth round (found on the extractor's own gaps in sentences written
for probing, then on a batch scored first-try and read): a tenure word opening a sentence
("Former Norvik Motors chairman ..."), a known firm's name plus a sector word naming a
second firm ("Norvik Tourism"), one name for goods whatever number the story writes, an
export noun whose compound says what goods move, a city's stock exchange written in lower
case, a noun tagged as an adverb in an object's place, a hyphenated owner word that
belongs to its own name only, headlines whose verb follows the opening name ("Norvik
names X as chief executive"), and a list after the headline sharing the headline act's
date. The rule tables' own examples cover the rest of the round
(being under investigation, joining a firm, investing in a place, cooperation agreements,
trade restrictions and export controls, taking a firm private, cutting a stake, shares
traded on an exchange). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj"),
    [
        (
            "Police detain tycoon\n\nFormer Norvik Motors chairman Li Wei was detained on "
            "Monday. Norvik Motors said it was not involved.",
            "Li Wei",
            "LEADS",
            "Norvik Motors",
        ),
        (
            "Fosun said it is reducing its stake in Fosun Tourism.",
            "Fosun International",
            "OWNS",
            "Fosun Tourism",
        ),
        (
            "China resumed imports of Australian lobsters.",
            "China",
            "LIFTS_BAN",
            "Australian lobster",
        ),
        ("China banned gallium exports to the United States.", "China", "BANS", "gallium"),
        (
            "Shares of Norvik Retail on the Frankfurt stock exchange rose 7% on Wednesday.",
            "Norvik Retail",
            "LISTED_ON",
            "Frankfurt Stock Exchange",
        ),
        (
            "Brava Capital led a 500 million yuan funding round in Tallis Robotics.",
            "Brava Capital",
            "INVESTS_IN",
            "Tallis Robotics",
        ),
        (
            "Rivals include Lumen-owner Norvik Holdings and Kestrel-operator Tallis Group.",
            "Tallis Group",
            "OWNS",
            "Kestrel",
        ),
    ],
)
def test_round_five_construction(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    assert has_fact(delta, subject, predicate, obj), sorted(triples(delta))


def test_a_tenure_word_is_no_part_of_a_name() -> None:
    delta = run(
        "Police detain tycoon\n\nFormer Norvik Motors chairman Li Wei was detained on Monday. "
        "Norvik Motors said it was not involved."
    )
    assert not any(e.name.startswith("Former") for e in delta.entities)


def test_each_hyphenated_owner_word_belongs_to_its_own_name() -> None:
    delta = run("Rivals include Lumen-owner Norvik Holdings and Kestrel-operator Tallis Group.")
    assert not has_fact(delta, "Tallis Group", "OWNS", "Lumen")
    assert not has_fact(delta, "Norvik Holdings", "OWNS", "Kestrel")


def test_singular_and_plural_goods_are_one_node() -> None:
    one = run("China banned Australian lobster in 2020.")
    other = run("China resumed imports of Australian lobsters in 2024.")
    ids = {e.id for e in one.entities if e.type.value == "Commodity"}
    assert ids and ids == {e.id for e in other.entities if e.type.value == "Commodity"}


def test_an_export_ban_to_a_country_still_names_the_country() -> None:
    assert has_fact(run("China banned exports to Russia."), "China", "BANS", "Russia")


def test_a_list_after_the_headline_shares_the_headline_acts_date() -> None:
    # the headline names one target under the department; the list names it again under
    # the department's bureau, with the others of the same act
    delta = run(
        "US Department of Commerce blacklists Norvik Institute\n\n"
        "WASHINGTON - The United States will add several companies to its Entity List, the "
        "US Department of Commerce said in a notice published on Friday.\n\n"
        "The notice gave no reason.\n\n"
        "The Bureau of Industry and Security added Norvik Institute, Tallis Computing and "
        "Kestrel Microsystems to the Entity List.",
        published="2019-06-22",
    )
    names = {e.id: e.name for e in delta.entities}
    dates = {names[f.object]: f.date for f in delta.facts if f.predicate.value == "SANCTIONS"}
    assert dates.get("Tallis Computing") == "2019-06-21", dates
    assert dates.get("Kestrel Microsystems") == "2019-06-21", dates


@pytest.mark.parametrize(
    ("headline", "subject", "predicate", "obj"),
    [
        (
            "Norvik Group to buy Tallis Foods for $2 billion",
            "Norvik Group",
            "ACQUIRES",
            "Tallis Foods",
        ),
        ("Tallis Foods names Li Wei as chief executive", "Li Wei", "LEADS", "Tallis Foods"),
        (
            "Tallis Motors teams up with Norvik Energy on batteries",
            "Tallis Motors",
            "PARTNERS_WITH",
            "Norvik Energy",
        ),
        (
            "Tallis Robotics shares jump 40% in Hong Kong debut",
            "Tallis Robotics",
            "LISTED_ON",
            "Hong Kong Stock Exchange",
        ),
    ],
)
def test_a_headline_whose_verb_follows_a_name(
    headline: str, subject: str, predicate: str, obj: str
) -> None:
    # the body names the firms, so the headline's capitalised words are known names
    body = f"{subject} and {obj} were named in a report on Monday."
    delta = run(f"{headline}\n\n{body}")
    assert has_fact(delta, subject, predicate, obj), sorted(triples(delta))


def test_a_name_before_a_descriptor_keeps_its_noun_phrase() -> None:
    delta = run(
        "Norvik assembler Tallis Precision set to buy a plant\n\n"
        "Tallis Precision and Norvik were named in a report on Monday."
    )
    assert has_fact(delta, "Tallis Precision", "SUPPLIES", "Norvik"), sorted(triples(delta))
