"""Constructions added in the ninth wire-copy round: goods the lexicon does not list are
read from how a trade act names them (a plural noun qualified by its origin right after
a trade word: "suspend the import of Norway's mangoes"), but people and products an
origin qualifies stay what they are; an industry's gerund narrows generic goods
("drilling equipment", "chipmaking equipment"); "imports from the United States" take the
country past its article, while imports "from three US firms" are the firms'; "poultry
meat" is poultry; goods of the European Union are "EU" goods; a surname and a hyphenated
given name ("Kwak Jae-sun", "Chen Chi-chung") name a person; a capitalised word of a
firm's name ("Sable Partners") triggers no rule; a name in apposition to a kind of product
("a new smartphone, the Orion 5") is the product, with its number; "the Dutch government"
is the Netherlands; a pronoun after a relative clause set off by commas refers to the main
clause's subject. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run, triples


@pytest.mark.parametrize(
    "text, state, predicate, goods",
    [
        ("Brazil said it would suspend the import of Norway's mangoes starting June 1.",
         "Brazil", "BANS", "Norwegian mangoes"),
        ("Peru imposed duties on Chilean grapes last week.", "Peru", "IMPOSES_TARIFF",
         "Chilean grapes"),
        ("Japan banned Thai pineapples in March.", "Japan", "BANS", "Thai pineapples"),
    ],
)
def test_goods_the_lexicon_does_not_list(text: str, state: str, predicate: str, goods: str) -> None:
    delta = run(text)
    assert has_fact(delta, state, predicate, goods), sorted(triples(delta))


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Japan banned Chinese students from the laboratories.", "Chinese students"),
        ("The ministry ordered a ban on 40 Chinese apps.", "Chinese apps"),
        ("Shares of Chilean grape growers fell after the duties.", "Chilean grape"),
    ],
)
def test_people_and_products_are_not_traded_goods(text: str, absent: str) -> None:
    delta = run(text)
    commodities = {e.name for e in delta.entities if e.type.value == "Commodity"}
    assert not any(absent in name for name in commodities), commodities


@pytest.mark.parametrize(
    "text, goods",
    [
        ("Korea will tighten export controls on drilling equipment from June 1.",
         "drilling equipment"),
        ("Korea imposed export controls on chipmaking equipment.", "chipmaking equipment"),
    ],
)
def test_an_industry_narrows_generic_goods(text: str, goods: str) -> None:
    delta = run(text)
    assert has_fact(delta, "South Korea", "BANS", goods), sorted(triples(delta))


def test_a_rising_price_is_no_kind_of_goods() -> None:
    delta = run("Peru imposed tariffs on steel after rising steel prices.")
    names = {e.name for e in delta.entities}
    assert "rising steel" not in names, names


def test_imports_from_the_united_states_are_american_goods() -> None:
    delta = run("Japan lifted a ban on beef imports from the United States.")
    assert has_fact(delta, "Japan", "LIFTS_BAN", "American beef"), sorted(triples(delta))
    assert not has_fact(delta, "Japan", "LIFTS_BAN", "United States"), sorted(triples(delta))


def test_imports_from_named_firms_are_the_firms() -> None:
    delta = run("Japan suspended beef imports from three US firms, including Kestrel Foods.")
    assert has_fact(delta, "Japan", "BANS", "Kestrel Foods"), sorted(triples(delta))


def test_poultry_meat_is_poultry() -> None:
    delta = run("Korea scrapped a ban on American poultry meat last week.")
    assert has_fact(delta, "South Korea", "LIFTS_BAN", "American poultry"), sorted(triples(delta))
    assert not has_fact(delta, "South Korea", "LIFTS_BAN", "meat"), sorted(triples(delta))


def test_goods_of_the_european_union_are_eu_goods() -> None:
    delta = run("China opened an anti-dumping probe into pork from the European Union.")
    assert has_fact(delta, "China", "INVESTIGATES", "EU pork"), sorted(triples(delta))


@pytest.mark.parametrize("name", ["Kwak Jae-sun", "Chen Chi-chung", "Park Ji-won"])
def test_hyphenated_east_asian_given_names_are_people(name: str) -> None:
    delta = run(f"{name} attended the signing ceremony in Seoul on Monday.")
    people = {e.name for e in delta.entities if e.type.value == "Person"}
    assert name in people, people


def test_a_word_of_a_firms_name_triggers_no_rule() -> None:
    delta = run(
        "Tallis Robotics raised $150 million in a round led by Orion Ventures, with "
        "participation from existing investors Juniper Capital and Sable Partners."
    )
    assert has_fact(delta, "Sable Partners", "INVESTS_IN", "Tallis Robotics"), sorted(
        triples(delta)
    )
    assert not has_fact(delta, "Juniper Capital", "PARTNERS_WITH", "Sable Partners"), sorted(
        triples(delta)
    )


@pytest.mark.parametrize(
    "text, maker, product",
    [
        ("Tallis Mobile launched a new smartphone, the Orion 5, on Tuesday.", "Tallis Mobile",
         "Orion 5"),
        ("Norvik Motors unveiled its first electric pickup, the Ranger X, on Monday.",
         "Norvik Motors", "Ranger X"),
    ],
)
def test_a_name_in_apposition_to_a_kind_of_product_is_the_product(
    text: str, maker: str, product: str
) -> None:
    delta = run(text)
    assert has_fact(delta, maker, "RELEASES", product), sorted(triples(delta))


def test_the_government_a_demonym_names_is_the_state() -> None:
    delta = run("The Dutch government fined Kestrel Semiconductor on Friday.")
    assert has_fact(delta, "Netherlands", "FINES", "Kestrel Semiconductor"), sorted(
        triples(delta)
    )


def test_a_mexican_state_is_a_place_not_mexico_acting() -> None:
    delta = run("Norvik Motors will build a factory in the Mexican state of Nuevo Leon.")
    assert has_fact(delta, "Norvik Motors", "OPERATES_IN", "Nuevo Leon"), sorted(triples(delta))


def test_a_pronoun_after_a_relative_clause_is_the_main_subject() -> None:
    delta = run(
        "Norvik Motors, in which Brava Capital holds a minority interest, said it would "
        "build a plant in Spain."
    )
    assert has_fact(delta, "Norvik Motors", "OPERATES_IN", "Spain"), sorted(triples(delta))
    assert not has_fact(delta, "Brava Capital", "OPERATES_IN", "Spain"), sorted(triples(delta))


def test_a_product_a_kind_of_product_is_called_is_the_product() -> None:
    delta = run("Tallis Robotics unveiled a humanoid robot called Atlas X on Monday.")
    assert has_fact(delta, "Tallis Robotics", "RELEASES", "Atlas X"), sorted(triples(delta))


@pytest.mark.parametrize(
    "text, firm, plant, place",
    [
        ("Norvik Motors will build a $1 billion battery plant in Turkey.", "Norvik Motors",
         "Norvik Motors Turkey battery plant", "Turkey"),
        ("Tallis Motors plans to invest $500 million in a new factory in Hungary.",
         "Tallis Motors", "Tallis Motors Hungary factory", "Hungary"),
    ],
)
def test_a_plant_built_somewhere_is_invested_in_and_located_there(
    text: str, firm: str, plant: str, place: str
) -> None:
    delta = run(text)
    assert has_fact(delta, firm, "INVESTS_IN", plant), sorted(triples(delta))
    assert has_fact(delta, plant, "LOCATED_IN", place), sorted(triples(delta))


def test_a_plant_run_somewhere_is_no_new_investment() -> None:
    delta = run("Norvik Motors operates a battery plant in Turkey.")
    assert not any(p == "INVESTS_IN" for _, p, _ in triples(delta)), sorted(triples(delta))
