"""Constructions added in the seventh wire-copy round: a verb that raises a tariff
("double", "triple", "tighten") acts through its subject; "the administration/government
of X" is X; bare goods after the one origin-qualified kind of them are that kind; in
"A's copper imports from B" A imports and B is the origin; a known firm's name, more
words and a legal form name its unit ("BYD Auto Japan Inc"); a name that runs into an
amount ends before it; who issues an order "banning X" bans X; who announces a measure
stated in the passive takes it; the second in post ("deputy head", "vice governor")
works there and does not lead; three or more firms separated by commas alone (a
headline's list) are a list. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput
from tests.extractor.conftest import has_fact, run, triples


def _all_facts(text: str) -> GraphDelta:
    # import-noun facts sit below the default confidence floor: read them all
    story = StoryInput(text=text, published="2025-01-15")
    return extract(story, registry=default_registry(), min_confidence=0.0)


@pytest.mark.parametrize(
    "text, subject",
    [
        ("The government of Japan will triple tariffs on Chinese steel.", "Japan"),
        ("The United States will double tariffs on Chinese steel next month.", "United States"),
        (
            "The administration of US President Ann Holt finalised a plan to double "
            "tariffs on Chinese steel.",
            "United States",
        ),
    ],
)
def test_a_tariff_raised_by_a_state_or_its_government(text: str, subject: str) -> None:
    delta = run(text)
    assert has_fact(delta, subject, "IMPOSES_TARIFF", "Chinese steel"), sorted(triples(delta))
    assert not has_fact(delta, "Ann Holt", "IMPOSES_TARIFF", "Chinese steel")


def test_bare_goods_are_the_one_kind_the_story_qualified() -> None:
    delta = run(
        "China lifted its ban on Australian barley in August. China first banned barley in 2020."
    )
    assert has_fact(delta, "China", "BANS", "Australian barley"), sorted(triples(delta))
    assert "barley" not in {e.name for e in delta.entities}


def test_bare_goods_stay_bare_when_two_origins_are_named() -> None:
    delta = run(
        "China lifted bans on Australian barley and Canadian barley. "
        "China first banned barley in 2020."
    )
    assert ("China", "BANS", "barley") in triples(delta), sorted(triples(delta))


def test_the_possessor_of_a_flow_noun_imports_and_from_names_the_origin() -> None:
    delta = _all_facts("Vietnam's copper imports from Chile rose 45% in August.")
    assert has_fact(delta, "Vietnam", "IMPORTS", "Chilean copper"), sorted(triples(delta))
    assert "Vietnamese copper" not in {e.name for e in delta.entities}


def test_a_possessor_before_goods_with_no_flow_noun_is_still_their_origin() -> None:
    delta = run("China banned Australia's barley in 2020.")
    assert has_fact(delta, "China", "BANS", "Australian barley"), sorted(triples(delta))


def test_a_known_firm_a_country_and_a_legal_form_name_its_unit() -> None:
    delta = run(
        "Stores will open in 22 cities, said Kenji Sato, BYD Auto Japan Inc chief executive."
    )
    assert has_fact(delta, "Kenji Sato", "LEADS", "BYD Auto Japan Inc"), sorted(triples(delta))
    assert "Inc" not in {e.name for e in delta.entities}


def test_a_name_that_runs_into_an_amount_ends_before_it() -> None:
    delta = run(
        "The Securities and Futures Commission fined China Industrial Securities "
        "International Brokerage HK$3.5 million on Monday."
    )
    assert has_fact(
        delta,
        "Securities and Futures Commission",
        "FINES",
        "China Industrial Securities International Brokerage",
    ), sorted(triples(delta))


def test_who_issues_an_order_banning_goods_bans_them() -> None:
    delta = run("India on Monday issued an order banning 59 Chinese apps, including TikTok.")
    assert has_fact(delta, "India", "BANS", "TikTok"), sorted(triples(delta))


@pytest.mark.parametrize(
    "text",
    [
        "New export controls will be imposed on gallium and germanium, the Ministry of "
        "Commerce announced on Thursday.",
        "The Ministry of Commerce announced that export controls will be imposed on gallium.",
    ],
)
def test_who_announces_a_measure_takes_it(text: str) -> None:
    delta = run(text)
    assert has_fact(delta, "Ministry of Commerce", "BANS", "gallium"), sorted(triples(delta))


def test_an_announcer_who_cannot_act_takes_no_measure() -> None:
    delta = run("Tariffs will be raised on Chinese steel, an analyst at Norvik Bank announced.")
    assert not [f for f in delta.facts if f.predicate.value == "IMPOSES_TARIFF"]


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "The State Council named Kang Li as deputy head of the China Securities "
            "Regulatory Commission.",
            "Kang Li",
            "China Securities Regulatory Commission",
        ),
        (
            "Kang Li, vice governor of the People's Bank of China, spoke on Monday.",
            "Kang Li",
            "People's Bank of China",
        ),
    ],
)
def test_the_second_in_post_works_there_and_does_not_lead(
    text: str, person: str, body: str
) -> None:
    delta = run(text)
    assert has_fact(delta, person, "WORKS_FOR", body), sorted(triples(delta))
    assert not has_fact(delta, person, "LEADS", body), sorted(triples(delta))


def test_the_head_still_leads() -> None:
    delta = run("Pan Gongsheng, governor of the People's Bank of China, spoke on Monday.")
    assert has_fact(delta, "Pan Gongsheng", "LEADS", "People's Bank of China"), sorted(
        triples(delta)
    )


def test_a_headline_list_of_three_firms_without_and_is_a_list() -> None:
    delta = run("Chinese AI start-up Norvik raises US$700 million from Alibaba, Tencent, Xiaomi")
    for investor in ("Alibaba", "Tencent", "Xiaomi"):
        assert has_fact(delta, investor, "INVESTS_IN", "Norvik"), sorted(triples(delta))
