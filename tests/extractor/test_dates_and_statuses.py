"""Dates, stages and roles a new user found wrong (issue 11, item 6; issue 12, item 9).

Each case is a sentence of our own; each assertion failed on the token-window extractor.
"""

from __future__ import annotations

from sinograph.graph.model.domain import Fact, GraphDelta
from sinograph.graph.model.ontology import FactStatus
from tests.extractor.conftest import run


def _facts(delta: GraphDelta, subject: str, predicate: str, obj: str) -> list[Fact]:
    names = {e.id: {e.name.lower(), *(a.lower() for a in e.aliases)} for e in delta.entities}
    return [
        f
        for f in delta.facts
        if f.predicate.value == predicate
        and subject.lower() in names[f.subject]
        and obj.lower() in names[f.object]
    ]


def test_a_founding_without_a_date_stays_undated() -> None:
    delta = run("Tallis Robotics, founded by Li Wei, said on Monday it would list in Hong Kong.")
    (founded,) = _facts(delta, "Li Wei", "FOUNDED", "Tallis Robotics")
    assert founded.date is None


def test_a_listed_firm_is_a_standing_state_not_an_event_of_the_day() -> None:
    delta = run("Shares of Hong Kong-listed Tallis Robotics fell on Monday.")
    (listed,) = _facts(delta, "Tallis Robotics", "LISTED_ON", "Hong Kong Stock Exchange")
    assert listed.date is None


def test_a_comparison_year_is_not_the_listing_date() -> None:
    delta = run("Tallis Robotics raised $4 billion in Hong Kong's biggest listing since 2021.")
    (listed,) = _facts(delta, "Tallis Robotics", "LISTED_ON", "Hong Kong Stock Exchange")
    assert listed.date != "2021"


def test_falling_shares_do_not_end_a_listing() -> None:
    delta = run("Tallis Robotics is listed in Hong Kong. Its shares dropped 2.9% on Monday.")
    (listed,) = _facts(delta, "Tallis Robotics", "LISTED_ON", "Hong Kong Stock Exchange")
    assert listed.status is not FactStatus.TERMINATED


def test_a_possessive_in_the_clause_names_the_buyer_not_the_regulator() -> None:
    delta = run(
        "The State Administration for Market Regulation said Nvidia broke antitrust "
        "rules in its purchase of Mellanox."
    )
    assert _facts(delta, "Nvidia", "ACQUIRES", "Mellanox")
    assert not _facts(delta, "State Administration for Market Regulation", "ACQUIRES", "Mellanox")


def test_a_figure_belongs_to_its_possessor_not_to_the_firm_that_reports_it() -> None:
    delta = run("Hengda Real Estate's revenue fell 20% to 50 billion yuan, its auditor PwC said.")
    names = {e.id: e.name for e in delta.entities}
    (metric,) = delta.metrics
    assert names[metric.subject] == "Hengda Real Estate"


def test_coordinated_appointments_give_each_person_their_own_role() -> None:
    delta = run(
        "Norvik Group has appointed Anna Berg as chief executive and Li Wei as chief "
        "financial officer."
    )
    (berg,) = _facts(delta, "Anna Berg", "LEADS", "Norvik Group")
    (li,) = _facts(delta, "Li Wei", "WORKS_FOR", "Norvik Group")
    assert berg.role == "chief executive"
    assert li.role == "chief financial officer"
    assert not _facts(delta, "Li Wei", "LEADS", "Norvik Group")


def test_stages_come_from_the_verbs_that_carry_the_deal() -> None:
    cases = {
        "Norvik Group agreed to buy Tallis Foods.": FactStatus.AGREED,
        "Norvik Group completed its purchase of Tallis Foods.": FactStatus.COMPLETED,
        "Norvik Group bought Tallis Foods in 2019.": FactStatus.COMPLETED,
        "Norvik Group scrapped its bid for Tallis Foods.": FactStatus.TERMINATED,
        "Norvik Group is in talks to buy Tallis Foods.": FactStatus.PROPOSED,
    }
    for text, status in cases.items():
        (deal,) = _facts(run(text), "Norvik Group", "ACQUIRES", "Tallis Foods")
        assert deal.status is status, text


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    delta = run("Norvik Group agreed on Monday to buy Tallis Foods.", published=None)
    (deal,) = _facts(delta, "Norvik Group", "ACQUIRES", "Tallis Foods")
    assert deal.date is None
    dated = run("Norvik Group agreed on Monday to buy Tallis Foods.")
    (deal,) = _facts(dated, "Norvik Group", "ACQUIRES", "Tallis Foods")
    assert deal.date == "2025-01-13"


def test_the_same_agent_doing_the_same_act_later_shares_the_lead_date() -> None:
    delta = run(
        "The securities regulator fined Norvik Tech 600,000 yuan on Tuesday for false "
        "disclosures. The company's chairman apologised at a news conference. "
        "The regulator also fined Tallis Holdings and Brava Capital for their roles.",
        published="2025-05-02",
    )
    fines = {f.object: f.date for f in delta.facts if f.predicate == "FINES"}
    assert len(fines) == 3, delta.facts
    assert set(fines.values()) == {"2025-04-29"}, fines
