"""Constructions added in the tenth wire-copy round: a descriptive noun and a name that the
small parser both reads as the verb's subject ("Robot maker Unitree bought ...") give
the name; a descriptive noun that opens a sentence ("Chipmaker Vantrix Technology said")
is not part of the name after it; control a firm keeps or holds ("retains control of")
is CONTROLS; the holder of a stake that is bought ("buy Y's 40% stake in Z") sells it
and owned it, and the buyer acquires shares that exist; a round "which was led by" an
investor (a passive relative clause) is that investor's investment; "the platform"
refers back to the app firm just named; biofuels are goods; an asset named by two or
three goods ("the copper and cobalt project") keeps them all in its name; who is named,
picked or tapped "to lead" a firm leads it, also when the parser reads "to lead" as an
adverbial; who is slapped or hit with sanctions or curbs is sanctioned. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    "text, subject, predicate, obj",
    [
        ("Robot maker Unitree bought a 10% stake in Lumen Music Group.",
         "Unitree", "INVESTS_IN", "Lumen Music Group"),
        ("Battery maker Harbor Cells agreed to buy Lumen Energy for $2 billion.",
         "Harbor Cells", "ACQUIRES", "Lumen Energy"),
    ],
)
def test_a_descriptor_read_as_a_second_subject_gives_way_to_the_name(
    text: str, subject: str, predicate: str, obj: str
) -> None:
    delta = run(text)
    assert has_fact(delta, subject, predicate, obj), sorted(triples(delta))


def test_a_descriptor_opening_a_sentence_is_not_part_of_the_name() -> None:
    delta = run("Chipmaker Vantrix Technology bought a 10% stake in Lumen Music Group.")
    names = {e.name for e in delta.entities}
    assert "Vantrix Technology" in names, names
    assert not any(name.startswith("Chipmaker") for name in names), names


def test_a_firm_name_opening_a_sentence_keeps_its_first_word() -> None:
    delta = run("Harbor Robotics Technology bought a 10% stake in Lumen Music Group.")
    assert "Harbor Robotics Technology" in {e.name for e in delta.entities}


@pytest.mark.parametrize(
    "text, holder, firm",
    [
        ("Orbis Games retains exclusive control of Lumen Studios after the share sale.",
         "Orbis Games", "Lumen Studios"),
        ("The founder Li Wenjie will keep control of Harbor Robotics through a voting pact.",
         "Li Wenjie", "Harbor Robotics"),
    ],
)
def test_control_kept_or_held_is_control(text: str, holder: str, firm: str) -> None:
    delta = run(text)
    assert has_fact(delta, holder, "CONTROLS", firm), sorted(triples(delta))


def test_control_not_held_is_not_control() -> None:
    delta = run("Norvik Holdings does not have control of Tallis Foods.")
    assert not has_fact(delta, "Norvik Holdings", "CONTROLS", "Tallis Foods")


def test_the_holder_of_a_stake_that_is_bought_sells_it() -> None:
    delta = run("Norvik Group agreed to buy Brava Capital's 40% stake in Tallis Foods.")
    facts = triples(delta)
    assert has_fact(delta, "Brava Capital", "SELLS", "Tallis Foods"), sorted(facts)
    assert has_fact(delta, "Brava Capital", "OWNS", "Tallis Foods"), sorted(facts)
    assert has_fact(delta, "Norvik Group", "ACQUIRES", "Tallis Foods"), sorted(facts)
    assert not has_fact(delta, "Norvik Group", "INVESTS_IN", "Tallis Foods"), sorted(facts)


def test_a_buyer_of_its_own_stake_is_no_seller() -> None:
    delta = run("Norvik Group agreed to buy its own stake in Tallis Foods back.")
    assert not has_fact(delta, "Norvik Group", "SELLS", "Tallis Foods"), sorted(triples(delta))
    assert not has_fact(delta, "Norvik Group", "OWNS", "Tallis Foods"), sorted(triples(delta))


def test_a_round_in_a_passive_relative_clause_is_the_investors() -> None:
    delta = run("Lumen Mobility closed a $500 million round, which was led by Orbis Capital.")
    assert has_fact(delta, "Orbis Capital", "INVESTS_IN", "Lumen Mobility"), sorted(
        triples(delta)
    )


def test_the_platform_refers_to_the_app_firm_just_named() -> None:
    text = (
        "Harbor Tech fined\n\nHarbor Tech said on Monday it would appeal.\n\n"
        "Last year the streaming platform had been fined 9.1 million pounds by the "
        "Information Office in Britain."
    )
    delta = run(text)
    assert has_fact(delta, "Information Office", "FINES", "Harbor Tech"), sorted(triples(delta))


def test_biofuels_are_goods() -> None:
    delta = run("The European Union will impose tariffs on Chinese biodiesel.")
    assert has_fact(delta, "European Union", "IMPOSES_TARIFF", "Chinese biodiesel"), sorted(
        triples(delta)
    )


@pytest.mark.parametrize(
    "text, asset",
    [
        ("Harbor Mining owns the Lantu copper and cobalt mine.",
         "Lantu copper and cobalt mine"),
        ("Harbor Mining owns the Lantu copper, zinc and cobalt mine.",
         "Lantu copper, zinc and cobalt mine"),
    ],
)
def test_an_asset_named_by_several_goods_keeps_them_all(text: str, asset: str) -> None:
    delta = run(text)
    assert has_fact(delta, "Harbor Mining", "OWNS", asset), sorted(triples(delta))


@pytest.mark.parametrize(
    "text",
    [
        "The board has named Li Wenjie to lead Harbor Commercial Bank.",
        "Beijing has tapped veteran banker Li Wenjie to lead Harbor Commercial Bank, "
        "sources said.",
    ],
)
def test_who_is_picked_to_lead_leads(text: str) -> None:
    delta = run(text)
    assert has_fact(delta, "Li Wenjie", "LEADS", "Harbor Commercial Bank"), sorted(
        triples(delta)
    )


def test_who_is_slapped_with_sanctions_is_sanctioned() -> None:
    delta = run("Harbor Space Institute was slapped with sanctions by the Treasury Department.")
    assert has_fact(delta, "Treasury Department", "SANCTIONS", "Harbor Space Institute"), sorted(
        triples(delta)
    )


def test_imports_from_one_country_to_another_are_the_second_ones() -> None:
    delta = run("Shipments of soybeans from Brazil to Japan dropped 8% in March.")
    assert has_fact(delta, "Japan", "IMPORTS", "Brazilian soybeans"), sorted(triples(delta))


def test_a_flow_that_fell_in_a_month_is_dated_by_it() -> None:
    delta = run("Vietnam's imports of copper from Chile fell 9% in October.", "2024-11-20")
    dates = {f.date for f in delta.facts if f.predicate.value == "IMPORTS"}
    assert dates == {"2024-10"}, dates


def test_to_before_a_deal_verb_keeps_the_verb() -> None:
    delta = run("Harbor Mining plans to buy Australian miner Lumen Gold Inc for $2 billion.")
    assert has_fact(delta, "Harbor Mining", "ACQUIRES", "Lumen Gold Inc"), sorted(
        triples(delta)
    )


def test_a_relative_of_a_title_holder_holds_no_title() -> None:
    text = (
        "Harbor Group names CEO\n\nHarbor Group said Li Wei will step down.\n\n"
        "Former minister Li took over as CEO from Chen Bo, a grandson of the founder, in "
        "September."
    )
    delta = run(text)
    assert not any(f.predicate.value == "FOUNDED" for f in delta.facts), sorted(triples(delta))


def test_who_a_post_is_taken_over_from_held_it() -> None:
    delta = run("Li Wei took over as chief executive of Harbor Group from Chen Bo in September.")
    assert has_fact(delta, "Chen Bo", "LEADS", "Harbor Group"), sorted(triples(delta))
    assert has_fact(delta, "Li Wei", "LEADS", "Harbor Group"), sorted(triples(delta))
