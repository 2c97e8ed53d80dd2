"""Constructions of the fourth round (found on stories scored first-try, then read):
a technology word between a product's name and its noun, the one held to account for a
deed doing it ("sanctioned X for buying oil"), goods whose origin is written short ("EU
pork"), bare quote tickers ("Norvik NV NRVK.MI said"), an agent phrase naming a unit
("replaced by the unit of Y"). The rule tables' own examples cover the rest of the round
(a fine handed to a firm, cooperating with a probe, an inverted "Included in the list is
X", buying a firm's business and assets). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractor.conftest import has_fact, run


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj"),
    [
        (
            "Norvik Technology recently updated its Lumen AI model with new features.",
            "Norvik Technology",
            "RELEASES",
            "Lumen",
        ),
        (
            "The Treasury Department sanctioned Tallis Petrochemical for buying Iranian "
            "crude oil.",
            "Tallis Petrochemical",
            "IMPORTS",
            "Iranian crude oil",
        ),
        (
            "Tallis Petrochemical was sanctioned on Monday for buying Iranian crude oil.",
            "Tallis Petrochemical",
            "IMPORTS",
            "Iranian crude oil",
        ),
        (
            # a bare quote ticker after each name, as wire copy writes them
            "Norvik NV NRVK.MI said on Thursday it would invest 1.5 billion euros to "
            "acquire about 20% of carmaker Tallis Auto Technology 9863.HK.",
            "Norvik NV",
            "INVESTS_IN",
            "Tallis Auto Technology",
        ),
        (
            "China announced duties of up to 62.4% on EU pork imports on Friday.",
            "China",
            "IMPOSES_TARIFF",
            "EU pork",
        ),
    ],
)
def test_construction_gives_the_fact(text: str, subject: str, predicate: str, obj: str) -> None:
    delta = run(text)
    names = {e.id: e.name for e in delta.entities}
    assert has_fact(delta, subject, predicate, obj), sorted(
        (names[f.subject], f.predicate.value, names[f.object]) for f in delta.facts
    )


def test_the_authority_does_not_do_the_deed_it_punishes() -> None:
    delta = run(
        "The Treasury Department sanctioned Tallis Petrochemical for buying Iranian crude oil."
    )
    assert not has_fact(delta, "Treasury Department", "IMPORTS", "Iranian crude oil")
    assert not has_fact(delta, "US Department of the Treasury", "IMPORTS", "Iranian crude oil")


def test_a_technology_acronym_alone_names_no_product() -> None:
    # "AI" describes the noun; with no name before it there is no product at all
    delta = run("Norvik Technology released a new AI model on Monday.")
    assert not [e for e in delta.entities if e.type.value == "Product"]


def test_an_agent_phrase_holds_no_unit() -> None:
    # "replaced by the local unit of Y": the replaced firm is no unit of Y
    delta = run(
        "Brava Audit worked for Tallis Asset until 2019, after which it was replaced by "
        "the local unit of Kivra Accounting."
    )
    assert not has_fact(delta, "Tallis Asset", "SUBSIDIARY_OF", "Kivra Accounting")
    assert not has_fact(delta, "Brava Audit", "SUBSIDIARY_OF", "Kivra Accounting")
