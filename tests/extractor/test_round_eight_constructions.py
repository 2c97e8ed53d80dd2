"""Constructions added in the eighth wire-copy round: goods made of a material ("steel
wheels", "aluminium foil") are the goods taxed or banned, not the material; an amount
in Korean won does not read as the verb "won"; "on the 31st" is a day of the
publication's month; "chairman of the board (of directors) of X" leads X; a "that"
after a word of saying opens what is said, not a relative clause, so "it" is the one
saying; "X resigned as its auditor" is someone else's auditor; describing words between
"to" and a firm ("to module manufacturer X") do not hide the firm from the parser; units
of power ("300 MW") are no names; a sentence opened by a name in -s and a verb in -s
("Norvik Electronics supplies") is parsed with the name as its subject; a name before a
vehicle's acronym ("its Lumo EV") is a product; a known firm, a place and a unit word
("BYD Singapore Holdings") name the firm's unit. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput
from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    "text, state, goods, predicate",
    [
        ("Mexico imposed tariffs on Chinese steel wheels.", "Mexico", "Chinese steel wheels",
         "IMPOSES_TARIFF"),
        ("The EU banned imports of Chinese aluminium foil.", "European Union",
         "Chinese aluminium foil", "BANS"),
        ("India imposed an anti-dumping duty on copper tubes from China.", "India",
         "Chinese copper tubes", "IMPOSES_TARIFF"),
    ],
)
def test_goods_made_of_a_material_are_the_goods(
    text: str, state: str, goods: str, predicate: str
) -> None:
    delta = run(text)
    assert has_fact(delta, state, predicate, goods), sorted(triples(delta))


def test_a_material_alone_stays_the_material() -> None:
    delta = run("Mexico imposed tariffs on Chinese steel to protect its mills.")
    assert has_fact(delta, "Mexico", "IMPOSES_TARIFF", "Chinese steel"), sorted(triples(delta))


def test_an_amount_in_won_keeps_the_sentence_whole() -> None:
    delta = run("The Fair Trade Commission imposed a fine of 300 million won on Norvik Foods.")
    fines = [f for f in delta.facts if f.predicate.value == "FINES"]
    assert [(f.amount.value, f.amount.currency) for f in fines if f.amount] == [
        (300_000_000.0, "KRW")
    ], sorted(triples(delta))


@pytest.mark.parametrize(
    "published, expected",
    [("2025-08-31", "2025-08-31"), ("2025-09-02", "2025-08-31")],
)
def test_on_the_nth_is_a_day_of_the_publication_month(published: str, expected: str) -> None:
    story = StoryInput(
        text="On the 31st, the Fair Trade Commission fined Tallis Foods 2 million yuan.",
        published=published,
    )
    delta = extract(story, registry=default_registry())
    assert [f.date for f in delta.facts if f.predicate.value == "FINES"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Wan Min has been appointed chairman of the board of directors of Norvik Shipping Co.",
        "Wan Min has been appointed chairman of the board of Norvik Shipping Co.",
        "Wan Min became chairman of Norvik Shipping's board.",
    ],
)
def test_chairman_of_the_board_of_a_firm_leads_it(text: str) -> None:
    delta = run(text)
    assert any(
        s == "Wan Min" and p == "LEADS" and o.startswith("Norvik Shipping")
        for s, p, o in triples(delta)
    ), sorted(triples(delta))


def test_it_after_a_word_of_saying_is_the_one_saying() -> None:
    delta = run(
        "Norvik Holdings said on Thursday that PwC has agreed to resign as its auditor.\n"
        "Norvik said in a filing that it had appointed Tallis CPA as its new auditor."
    )
    assert has_fact(delta, "Tallis CPA", "AUDITS", "Norvik Holdings"), sorted(triples(delta))
    assert has_fact(delta, "PwC", "AUDITS", "Norvik Holdings"), sorted(triples(delta))
    assert not has_fact(delta, "Tallis CPA", "AUDITS", "PwC")


def test_a_relative_that_is_still_read_as_one() -> None:
    """ "X, a supplier that it bought": "that" follows no word of saying, so "it" is not
    the name the relative clause is about."""
    delta = run("Norvik Motors owns Tallis Parts, a supplier that it bought in 2019.")
    assert has_fact(delta, "Norvik Motors", "ACQUIRES", "Tallis Parts"), sorted(triples(delta))


@pytest.mark.parametrize(
    "text",
    [
        "Tallis Energy will sell 300,000 tons of polysilicon to module manufacturer Norvik Solar.",
        "Tallis Energy will supply cells to German carmaker Norvik Solar.",
    ],
)
def test_a_description_after_to_does_not_hide_the_firm(text: str) -> None:
    delta = run(text)
    assert has_fact(delta, "Tallis Energy", "SUPPLIES", "Norvik Solar"), sorted(triples(delta))


def test_a_unit_of_power_is_no_name() -> None:
    delta = run(
        "Tallis Solar said it will supply approximately 300 MW of solar cells and modules "
        "to Hong Kong-based Norvik Holdings, which supplies materials for Brava Energy."
    )
    assert "MW" not in {e.name for e in delta.entities}, sorted(triples(delta))


def test_a_plural_looking_name_before_a_verb_in_s_is_the_subject() -> None:
    delta = run("Norvik Electronics supplies display panels to Tallis Phones and Brava Mobile.")
    for buyer in ("Tallis Phones", "Brava Mobile"):
        assert has_fact(delta, "Norvik Electronics", "SUPPLIES", buyer), sorted(triples(delta))


def test_a_name_before_a_vehicle_acronym_is_the_product() -> None:
    delta = run("Norvik Motors unveiled its new Lumo EV in Shanghai on Tuesday.")
    assert has_fact(delta, "Norvik Motors", "RELEASES", "Lumo"), sorted(triples(delta))
    assert not any(p == "HEADQUARTERED_IN" for _, p, _ in triples(delta)), sorted(triples(delta))


def test_a_known_firm_a_place_and_a_unit_word_name_its_unit() -> None:
    delta = run("BYD Singapore Holdings will buy the plant from Tallis Motors.")
    names = {e.name for e in delta.entities}
    assert "BYD Singapore Holdings" in names, names
    assert "Holdings" not in names, names
