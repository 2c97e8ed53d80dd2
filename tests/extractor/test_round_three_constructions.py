"""Constructions added in the third round: a dateline kept out of the parse, "as"
hung on the appointed person, a named product before any common noun ("its Kestrel
hatchback"), the parent of a bought unit as its seller, headquarters kept or moved,
participles the tagger calls adjectives, "their" as a coordinated subject, a country
opening a firm's name after a dateline, hyphenated and plural titles, "the post of
governor", a colon spelling out "two companies:", a possessor right before a title,
"making him the largest shareholder", a preposition on the noun a patient is part of,
tariffs as a state's act, a business sold without a name ("its appliance division"),
"it" in a relative clause, lists of goods the parser breaks, "the two", "Approved by X,",
model codes after a family's name, tickers in brackets, one origin for a list of goods,
raids, hyphenated given names after a title, a firm's equipment banned, "X, operator
of Y", units named by a country, "the parent company of", a place modifying a
description, exchange suffixes in brackets.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run

POSITIVE: list[tuple[str, str, str, str]] = [
    (
        # "the U.S. chipmaker": the place modifies the description; "it" is the firm
        "Norvik Corp was charged on Monday (NVC.O). The regulator said the U.S. chipmaker "
        "broke commitments it made during its acquisition of Tallis Technologies Ltd.",
        "Norvik Corp",
        "ACQUIRES",
        "Tallis Technologies Ltd.",
    ),
    (
        # a firm's name ending in a country is the firm's unit there
        "Norvik India is a wholly owned subsidiary of the China-based Norvik group.",
        "Norvik India",
        "SUBSIDIARY_OF",
        "Norvik",
    ),
    (
        "Kestrel Holdings - the parent company of Tallis Cars - will sign a deal in July.",
        "Tallis Cars",
        "SUBSIDIARY_OF",
        "Kestrel Holdings",
    ),
    (
        "Norvik Cars chief executive Jean-Marc Gales took the helm of the marque in 2014.",
        "Jean-Marc Gales",
        "LEADS",
        "Norvik Cars",
    ),
    (
        # "group managing director" is a title, not a firm's description
        "Syed Albar, group managing director of Kestrel Holdings, said the deal was good.",
        "Syed Albar",
        "LEADS",
        "Kestrel Holdings",
    ),
    (
        "Li Wen, director-general of the Kestrel Industry Alliance, said demand was weak.",
        "Li Wen",
        "LEADS",
        "Kestrel Industry Alliance",
    ),
    (
        # one origin for every item of a list of goods, written before or after it
        "Canada will put a 25% tariff on imports of steel and aluminum made in China.",
        "Canada",
        "IMPOSES_TARIFF",
        "Chinese steel",
    ),
    (
        "Canada will put a tariff on Chinese steel and aluminium from October.",
        "Canada",
        "IMPOSES_TARIFF",
        "Chinese aluminium",
    ),
    (
        "The Enforcement Directorate raided the offices of Tallis Mobile on Tuesday.",
        "Enforcement Directorate",
        "INVESTIGATES",
        "Tallis Mobile",
    ),
    (
        "Norvik Heavy Industry Corp and Tallis Shipbuilding Corp will reorganise. "
        "The two will merge into one corporation.",
        "Norvik Heavy Industry Corp",
        "MERGES_WITH",
        "Tallis Shipbuilding Corp",
    ),
    (
        "Approved by the State Council, Norvik Heavy Industry Corp and Tallis Shipbuilding "
        "Corp will merge.",
        "State Council",
        "APPROVES",
        "Tallis Shipbuilding Corp",
    ),
    (
        # a family's name with a model code is one product; "AI" ends a firm's name
        "Kestrel AI released Kimi K2, its largest open model, on Friday.",
        "Kestrel AI",
        "RELEASES",
        "Kimi K2",
    ),
    (
        # a ticker in brackets does not end the sentence
        "Norvik Holdings Ltd (0700.HK) and Kestrel Group won a bid to buy a controlling "
        "stake in Tallis Rail.",
        "Kestrel Group",
        "ACQUIRES",
        "Tallis Rail",
    ),
    (
        # "it" inside a relative clause about X is not X
        "Norvik Group plans to sell its stake in Kestrel Pictures, the studio that it bought "
        "in 2016.",
        "Norvik Group",
        "ACQUIRES",
        "Kestrel Pictures",
    ),
    (
        "Norway announced tariffs on coal, liquefied natural gas and farm machinery.",
        "Norway",
        "IMPOSES_TARIFF",
        "farm machinery",
    ),
    (
        # a tariff is the state's act, whichever ministry announces it
        "Norway's finance ministry said it will impose a 15% tariff on coal imports.",
        "Norway",
        "IMPOSES_TARIFF",
        "coal",
    ),
    (
        "Norvik Group agreed to buy Kestrel Electric's century-old appliance division for "
        "$5.4 billion.",
        "Kestrel Electric",
        "SELLS",
        "appliance division",
    ),
    (
        "Norvik Group agreed to buy Kestrel Electric's century-old appliance division for "
        "$5.4 billion.",
        "Norvik Group",
        "ACQUIRES",
        "appliance division",
    ),
    (
        "Li Wen has bought a 9.7% stake in Norvik Motors, making him the German group's "
        "largest single shareholder, a filing showed on Friday.",
        "Li Wen",
        "OWNS",
        "Norvik Motors",
    ),
    (
        "Norvik Lithium signed a deal with Tallis Motors in 2018 to supply a fifth of its "
        "output to the carmaker.",
        "Norvik Lithium",
        "SUPPLIES",
        "Tallis Motors",
    ),
    (
        # "Di" ends a person's name; it is no connector like "Banca di ..."
        "Zhang Di, vice-president of Norvik Labs, said demand was strong.",
        "Zhang Di",
        "WORKS_FOR",
        "Norvik Labs",
    ),
    (
        "The company said former Norvik Labs directors Li Wen, Bao Min and Chen Jun had left.",
        "Chen Jun",
        "WORKS_FOR",
        "Norvik Labs",
    ),
    (
        "The parliament removed Li Wen from the post of governor of Norvik Bank.",
        "Li Wen",
        "LEADS",
        "Norvik Bank",
    ),
    (
        "The United States announced new sanctions on Thursday. The sanctions targeted two "
        "companies: Kestrel Aero Co Ltd and Tallis Engine Co Ltd., as well as Brava Optics "
        "and its general director, Ivan Petrov, the agency said.",
        "United States",
        "SANCTIONS",
        "Tallis Engine Co Ltd.",
    ),
    (
        "The sanctions also named Brava Optics and Brava Optics's General Director, Ivan Petrov.",
        "Ivan Petrov",
        "LEADS",
        "Brava Optics",
    ),
    (
        "NANJING, May 4 (Newswire) - Norvik Holdings will merge with Tallis Industry Co "
        "through a share swap.",
        "Norvik Holdings",
        "MERGES_WITH",
        "Tallis Industry Co",
    ),
    (
        "TIANJIN, June 3 - Norvik Motors appointed Lu Weibing as president on Tuesday.",
        "Lu Weibing",
        "LEADS",
        "Norvik Motors",
    ),
    (
        "Norvik Motors launched its Kestrel hatchback in April.",
        "Norvik Motors",
        "RELEASES",
        "Kestrel",
    ),
    (
        "Norvik Phones unveiled the Tallis X9 handset on Monday.",
        "Norvik Phones",
        "RELEASES",
        "Tallis X9",
    ),
    (
        "Norvik Group completed its acquisition of Tallis Appliances, the appliance "
        "business of Kestrel Electric.",
        "Kestrel Electric",
        "SELLS",
        "Tallis Appliances",
    ),
    (
        "Norvik Retail moved its headquarters from Nanjing to Singapore in 2022.",
        "Norvik Retail",
        "HEADQUARTERED_IN",
        "Singapore",
    ),
    (
        "Norvik Group and Tallis Foods said their merger would close in May.",
        "Norvik Group",
        "MERGES_WITH",
        "Tallis Foods",
    ),
    (
        # a country opening a firm's name right after a dateline stays in the name
        "HANGZHOU, May 8 - China Kestrel Chemical Corp and Tallis Group completed their merger.",
        "China Kestrel Chemical Corp",
        "MERGES_WITH",
        "Tallis Group",
    ),
    (
        "The buyer said Kestrel Motors would remain headquartered in Gothenburg.",
        "Kestrel Motors",
        "HEADQUARTERED_IN",
        "Gothenburg",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), POSITIVE)
def test_construction_gives_the_fact(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text, published="2025-06-05")
    assert has_fact(delta, subject, predicate, obj), sorted(
        (f.subject, f.predicate, f.object) for f in delta.facts
    )


NEGATIVE: list[tuple[str, str, str, str]] = [
    (
        "Kestrel Electric sold its appliance business to Norvik Group for $5 billion.",
        "Kestrel Electric",
        "SUPPLIES",
        "Norvik Group",
    ),
    (
        "Norway's finance ministry said it will impose a 15% tariff on coal imports.",
        "Norway finance ministry",
        "IMPOSES_TARIFF",
        "coal",
    ),
    (
        "Norvik Group said its cloud business grew 20% last year.",
        "Norvik Group",
        "SELLS",
        "cloud business",
    ),
    (
        # heading a team of the firm is working for it, not leading it
        "Li Wen, head of the company's AI model team at Norvik Labs, said demand was strong.",
        "Li Wen",
        "LEADS",
        "Norvik Labs",
    ),
    (
        "The United States announced new sanctions on Thursday. The sanctions targeted two "
        "companies: Kestrel Aero Co Ltd and Tallis Engine Co Ltd., Voice Daily News reported.",
        "United States",
        "SANCTIONS",
        "Voice Daily News",
    ),
    (
        # a stake in a unit is bought from the unit or the market, not sold by the parent
        "Norvik Group bought a 20% stake in Tallis Appliances, a unit of Kestrel Electric.",
        "Kestrel Electric",
        "SELLS",
        "Tallis Appliances",
    ),
    (
        "Norvik Retail moved its headquarters from Nanjing to Singapore in 2022.",
        "Norvik Retail",
        "HEADQUARTERED_IN",
        "Nanjing",
    ),
    (
        # the city of the dateline is not the subject of the sentence
        "NANJING, May 4 - Norvik Holdings will merge with Tallis Industry Co.",
        "Nanjing",
        "MERGES_WITH",
        "Tallis Industry Co",
    ),
    (
        "Norvik Group and Tallis Foods raised their prices.",
        "Norvik Group",
        "MERGES_WITH",
        "Tallis Foods",
    ),
    (
        "Norvik Motors is based in Wuhu, in China's Anhui province.",
        "Norvik Motors",
        "HEADQUARTERED_IN",
        "Anhui",
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj"), NEGATIVE)
def test_construction_invents_nothing(text: str, subject: str, predicate: str, obj: str) -> None:
    assert not has_fact(run(text, published="2025-06-05"), subject, predicate, obj)


def test_buying_once_and_selling_later_are_two_deals() -> None:
    delta = run(
        "Norvik Group plans to sell its stake in Kestrel Pictures, the studio that it bought "
        "in 2016 for $3.5 billion.",
        published="2025-06-05",
    )
    sells = [f for f in delta.facts if f.predicate == "SELLS"]
    assert sells, delta.facts
    assert all(f.status != "completed" and f.date is None for f in sells), sells


def test_a_sentence_opening_the_never_makes_a_country_a_firm() -> None:
    # "The" seen capitalised after a quote elsewhere must not join "The United States"
    delta = run(
        "The United States announced new sanctions on Norvik Aero on Thursday. "
        '"The drones were made abroad," an official said.',
        published="2025-06-05",
    )
    types = {e.name: e.type for e in delta.entities}
    assert types.get("United States") == "Country", types
    assert any(f.predicate == "SANCTIONS" for f in delta.facts), delta.facts
