"""Constructions added in the ninth wire-copy round: goods the lexicon does not list are
read from how a trade act names them (a plural noun qualified by its origin right after
a trade word: "suspend the import of Norway's mangoes"), but people and products an
origin qualifies stay what they are; an industry's gerund narrows generic goods
("drilling equipment", "chipmaking equipment"); "imports from the United States" take the
country past its article, while imports "from three US firms" are the firms'; "poultry
meat" is poultry; goods of the European Union are "EU" goods; a surname and a hyphenated
given name ("Kwak Jae-sun", "Chen Chi-chung") name a person. Sentences are written for
these tests."""

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
        ("India issued an order banning 59 Chinese apps.", "Chinese apps"),
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
    delta = run("Japan lifted its ban on US poultry meat and eggs on Thursday.")
    assert has_fact(delta, "Japan", "LIFTS_BAN", "American poultry"), sorted(triples(delta))
    assert not has_fact(delta, "Japan", "LIFTS_BAN", "meat"), sorted(triples(delta))


def test_goods_of_the_european_union_are_eu_goods() -> None:
    delta = run("China opened an anti-dumping probe into pork from the European Union.")
    assert has_fact(delta, "China", "INVESTIGATES", "EU pork"), sorted(triples(delta))


@pytest.mark.parametrize("name", ["Kwak Jae-sun", "Chen Chi-chung", "Park Ji-won"])
def test_hyphenated_east_asian_given_names_are_people(name: str) -> None:
    delta = run(f"{name} attended the signing ceremony in Seoul on Monday.")
    people = {e.name for e in delta.entities if e.type.value == "Person"}
    assert name in people, people
