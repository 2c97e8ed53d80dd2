"""Contract: one fact per event, and as-of answers that say what they rest on (issue 12, 1-2)."""

from __future__ import annotations

import itertools

import pytest

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Story
from sinograph.graph.model.ids import fact_key
from sinograph.graph.model.queries import NeighbourQuery, PathQuery
from sinograph.graph.stores.protocol import GraphStore
from tests.contract.builders import DeltaBuilder
from tests.contract.conftest import Opener


def _load_each(store: GraphStore, b: DeltaBuilder, facts: list[Fact]) -> None:
    """Upsert ``facts`` one delta each (as separate stories would arrive)."""
    for fact in facts:
        store.upsert(GraphDelta(stories=b.stories, entities=list(b.entities.values()),
                                facts=[fact]))


def _sanctions(b: DeltaBuilder) -> tuple[Entity, Entity, list[Story]]:
    dod = b.entity("US Department of Defense", "GovernmentBody", "DoD")
    catl = b.company("CATL")
    stories = [b.story(f"Story {i}", published=f"2025-01-{10 + i}") for i in range(4)]
    return dod, catl, stories


@pytest.mark.parametrize("dated_first", [False, True])
def test_an_undated_and_a_dated_record_of_one_event_are_one_fact(
    store: GraphStore, dated_first: bool
) -> None:
    b = DeltaBuilder()
    dod, catl, (s1, s2, _, _) = _sanctions(b)
    undated = b.fact(dod, "SANCTIONS", catl, s1, "The Pentagon listed CATL.")
    dated = b.fact(dod, "SANCTIONS", catl, s2, "In January 2025 the DoD added CATL.",
                   date="2025-01")
    _load_each(store, b, [dated, undated] if dated_first else [undated, dated])
    assert store.stats().facts == 1
    (fact,) = store.export_delta().facts
    assert fact.date == "2025-01"
    assert fact.key == dated.key == fact_key(dod.id, fact.predicate, catl.id, "2025-01")
    view = store.get_fact(dated.key)
    assert {s.sentence for s in view.sources} == {
        "The Pentagon listed CATL.", "In January 2025 the DoD added CATL."
    }


@pytest.mark.parametrize(
    "order", list(itertools.permutations([None, "2025", "2025-01", "2025-01-06"]))[::5]
)
def test_a_more_precise_date_refines_a_less_precise_one_in_any_order(
    store: GraphStore, order: tuple[str | None, ...]
) -> None:
    b = DeltaBuilder()
    dod, catl, stories = _sanctions(b)
    facts = [
        b.fact(dod, "SANCTIONS", catl, story, f"Sentence {date}.", date=date)
        for story, date in zip(stories, order, strict=True)
    ]
    _load_each(store, b, facts)
    exported = store.export_delta()
    assert [f.date for f in exported.facts] == ["2025-01-06"]
    assert len(exported.facts[0].evidence) == 4
    # Every key a record had finds the one fact, under its final key.
    final = fact_key(dod.id, facts[0].predicate, catl.id, "2025-01-06")
    for fact in facts:
        assert store.get_fact(fact.key).key == final
    # Loading everything again adds nothing and keeps the key.
    report = store.upsert(b.delta())
    assert (report.facts_added, report.facts_known) == (0, 4)
    assert [f.key for f in store.export_delta().facts] == [final]


def test_records_of_one_event_in_one_delta_are_one_fact(store: GraphStore) -> None:
    b = DeltaBuilder()
    gtja = b.company("Guotai Junan Securities")
    haitong = b.company("Haitong Securities")
    s1, s2 = b.story("Merger", published="2024-10-10"), b.story("Again", published="2025-03-01")
    b.fact(gtja, "MERGES_WITH", haitong, s1, "Guotai Junan will merge with Haitong.")
    b.fact(gtja, "MERGES_WITH", haitong, s2, "The merger was agreed in 2024.", date="2024")
    b.fact(gtja, "MERGES_WITH", haitong, s2, "The merger was approved.", date="2024-10")
    report = store.upsert(b.delta())
    assert (report.facts_added, report.facts_known) == (1, 0)
    assert [f.date for f in store.export_delta().facts] == ["2024-10"]


def test_a_durative_state_undated_and_dated_is_one_fact(store: GraphStore) -> None:
    b = DeltaBuilder()
    zhang, alibaba = b.entity("Daniel Zhang", "Person"), b.company("Alibaba Group Holding")
    s1, s2 = b.story("Profile", published="2019-09-10"), b.story("History", published="2016-01-04")
    undated = b.fact(zhang, "LEADS", alibaba, s1, "Alibaba's chief executive Daniel Zhang said.",
                     role="chief executive")
    dated = b.fact(zhang, "LEADS", alibaba, s2, "Zhang became chief executive in 2015.",
                   date="2015", role="CEO")
    _load_each(store, b, [undated, dated])
    (fact,) = store.export_delta().facts
    assert (fact.date, fact.role, len(fact.evidence)) == ("2015", "chief executive", 2)


def test_genuinely_different_dates_stay_separate_facts(store: GraphStore) -> None:
    b = DeltaBuilder()
    samr, alibaba = b.entity("SAMR", "GovernmentBody"), b.company("Alibaba Group Holding")
    china, seafood = b.entity("China", "Country"), b.entity("Japanese seafood", "Commodity")
    s = b.story("History", published="2025-10-01")
    b.fact(samr, "FINES", alibaba, s, "SAMR fined Alibaba in 2021.", date="2021-04-10")
    b.fact(samr, "FINES", alibaba, s, "SAMR fined Alibaba again in 2023.", date="2023")
    b.fact(china, "BANS", seafood, s, "China banned Japanese seafood.", date="2023-08-24")
    b.fact(china, "LIFTS_BAN", seafood, s, "China lifted the ban.", date="2025-06-29")
    b.fact(china, "BANS", seafood, s, "China banned it again.", date="2025-09")
    store.upsert(b.delta())
    facts = store.export_delta().facts
    assert sorted((f.predicate.value, f.date) for f in facts) == [
        ("BANS", "2023-08-24"), ("BANS", "2025-09"), ("FINES", "2021-04-10"),
        ("FINES", "2023"), ("LIFTS_BAN", "2025-06-29"),
    ]
    bans = {f.date: f for f in facts if f.predicate.value == "BANS"}
    assert bans["2023-08-24"].valid_until == "2025-06-29"
    assert bans["2025-09"].valid_until is None


def test_different_amounts_or_roles_are_different_facts(store: GraphStore) -> None:
    b = DeltaBuilder()
    samr, firm = b.entity("SAMR", "GovernmentBody"), b.company("Meituan")
    wu, alibaba = b.entity("Eddie Wu", "Person"), b.company("Alibaba Group Holding")
    s = b.story("Fines", published="2021-12-01")
    b.fact(samr, "FINES", firm, s, "A fine of 3.4 billion yuan.", date="2021",
           amount={"value": 3.44e9, "currency": "CNY"})
    b.fact(samr, "FINES", firm, s, "A fine of 500,000 yuan in October.", date="2021-10",
           amount={"value": 5e5, "currency": "CNY"})
    b.fact(wu, "LEADS", alibaba, s, "Wu, chairman of Taobao.", date="2023", role="chairman")
    b.fact(wu, "LEADS", alibaba, s, "Wu became chief executive.", date="2023-09",
           role="chief executive")
    store.upsert(b.delta())
    assert store.stats().facts == 4


def test_facts_added_and_known_count_facts_and_records(store: GraphStore) -> None:
    b = DeltaBuilder()
    dod, catl, (s1, s2, s3, _) = _sanctions(b)
    b.fact(dod, "SANCTIONS", catl, s1, "Listed.", date="2025")
    first = store.upsert(b.delta())
    assert (first.facts_added, first.facts_known) == (1, 0)
    b.facts = []
    b.fact(dod, "SANCTIONS", catl, s2, "Listed on 6 January.", date="2025-01-06")
    b.fact(dod, "SANCTIONS", catl, s3, "Listed in 2024.", date="2024")
    second = store.upsert(b.delta())
    assert (second.facts_added, second.facts_known) == (1, 1)
    assert sorted(f.date for f in store.export_delta().facts) == ["2024", "2025-01-06"]


def test_refined_keys_survive_reopening(store_opener: Opener) -> None:
    first = store_opener(True)
    b = DeltaBuilder()
    dod, catl, (s1, s2, _, _) = _sanctions(b)
    undated = b.fact(dod, "SANCTIONS", catl, s1, "Listed.")
    dated = b.fact(dod, "SANCTIONS", catl, s2, "Listed in January.", date="2025-01")
    _load_each(first, b, [undated, dated])
    first.close()
    again = store_opener(False)
    assert again.get_fact(undated.key).key == dated.key
    assert again.stats().facts == 1


# -------------------------------------------------------------------- as of


def _alibaba_chiefs(b: DeltaBuilder) -> tuple[Fact, Fact]:
    zhang, wu = b.entity("Daniel Zhang", "Person"), b.entity("Eddie Wu", "Person")
    alibaba = b.company("Alibaba Group Holding")
    old = b.story("Zhang named", published="2015-05-07")
    new = b.story("Wu named", published="2023-06-20")
    zhang_leads = b.fact(zhang, "LEADS", alibaba, old, "Zhang will be chief executive.",
                         date="2015-05", role="chief executive")
    wu_leads = b.fact(wu, "LEADS", alibaba, new, "Wu takes over as CEO in September.",
                      date="2023-09", role="CEO")
    return zhang_leads, wu_leads


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_newer_holder_of_the_same_role_closes_the_older_tenure(
    store: GraphStore, newest_first: bool
) -> None:
    b = DeltaBuilder()
    zhang, wu = _alibaba_chiefs(b)
    _load_each(store, b, [wu, zhang] if newest_first else [zhang, wu])
    assert store.get_fact(zhang.key).valid_until == "2023-09"
    assert store.get_fact(wu.key).valid_until is None
    chiefs = {f.subject_name for f in store.neighbors(NeighbourQuery(
        entity="Alibaba Group Holding", as_of="2024-06-01",
    )).facts}
    assert chiefs == {"Eddie Wu"}
    before = {f.subject_name for f in store.neighbors(NeighbourQuery(
        entity="Alibaba Group Holding", as_of="2022-06-01",
    )).facts}
    assert before == {"Daniel Zhang"}


def test_other_roles_and_the_same_person_do_not_close_a_tenure(store: GraphStore) -> None:
    b = DeltaBuilder()
    zhang, wu = _alibaba_chiefs(b)
    tsai = b.entity("Joe Tsai", "Person")
    alibaba = b.entities["company:alibaba-group-holding"]
    s = b.story("Reshuffle", published="2023-06-20")
    chair = b.fact(tsai, "LEADS", alibaba, s, "Tsai becomes chairman.", date="2023-09",
                   role="chairman")
    again = b.fact(b.entities["person:daniel-zhang"], "LEADS", alibaba, s,
                   "Zhang was named chief executive again.", date="2019", role="CEO")
    store.upsert(GraphDelta(stories=b.stories, entities=list(b.entities.values()),
                            facts=[zhang, chair, again]))
    assert store.get_fact(zhang.key).valid_until is None
    assert store.get_fact(again.key).valid_until is None
    assert store.get_fact(chair.key).valid_until is None
    assert wu.key not in {f.key for f in store.export_delta().facts}


def test_an_undated_fact_is_known_only_from_its_earliest_source(store: GraphStore) -> None:
    b = DeltaBuilder()
    wu, alibaba = b.entity("Eddie Wu", "Person"), b.company("Alibaba Group Holding")
    later = b.story("Results", published="2024-02-07")
    first = b.story("Reshuffle", published="2023-09-12")
    b.fact(wu, "LEADS", alibaba, later, "Chief executive Eddie Wu said.", role="chief executive")
    b.fact(wu, "LEADS", alibaba, first, "Eddie Wu, the new chief executive, said.",
           role="chief executive")
    store.upsert(b.delta())
    assert store.neighbors(NeighbourQuery(entity="Eddie Wu", as_of="2022-06-01")).facts == []
    with pytest.raises(Exception, match="no path"):
        store.paths(PathQuery(
            source="Eddie Wu", target="Alibaba Group Holding", as_of="2023-09-11",
        ))
    (fact,) = store.neighbors(NeighbourQuery(entity="Eddie Wu", as_of="2023-09-12")).facts
    assert fact.valid_from_source == "published"
    assert fact.sources[0].published == "2023-09-12"
    assert store.export_delta(as_of="2023-06").facts == ()
    assert len(store.export_delta(as_of="2023-10").facts) == 1


def test_valid_from_source_says_what_an_as_of_answer_rests_on(store: GraphStore) -> None:
    b = DeltaBuilder()
    zhang, wu = _alibaba_chiefs(b)
    yi = b.entity("Yi Huiman", "Person")
    csrc = b.entity("China Securities Regulatory Commission", "GovernmentBody")
    s = b.story("Undated", published=None)
    since = b.fact(yi, "LEADS", csrc, s, "Yi led the CSRC from 2019.", valid_from="2019-01")
    nothing = b.fact(yi, "WORKS_FOR", csrc, s, "Yi worked at the CSRC.")
    store.upsert(b.delta())
    assert store.get_fact(zhang.key).valid_from_source == "date"
    assert store.get_fact(since.key).valid_from_source == "valid_from"
    assert store.get_fact(nothing.key).valid_from_source is None
    # With nothing to date it, a standing relation is still shown as of any date.
    assert nothing.key in {f.key for f in store.neighbors(NeighbourQuery(
        entity="Yi Huiman", as_of="2000",
    )).facts}
    assert wu.key in {f.key for f in store.neighbors(NeighbourQuery(entity="Eddie Wu")).facts}


@pytest.mark.parametrize("completed_first", [False, True])
def test_two_stages_of_one_deal_are_one_fact(store: GraphStore, completed_first: bool) -> None:
    b = DeltaBuilder()
    gtja, haitong = b.company("Guotai Junan Securities"), b.company("Haitong Securities")
    s1, s2 = b.story("Plan", published="2024-09-06"), b.story("Done", published="2025-03-15")
    announced = b.fact(gtja, "MERGES_WITH", haitong, s1, "The brokers announced a merger.",
                       date="2024-09", status="announced")
    completed = b.fact(gtja, "MERGES_WITH", haitong, s2, "The merger was completed in March.",
                       date="2025-03", status="completed")
    _load_each(store, b, [completed, announced] if completed_first else [announced, completed])
    (fact,) = store.export_delta().facts
    assert (fact.date, fact.status, fact.attributes) == (
        "2025-03", "completed", {"announced_date": "2024-09"}
    )
    assert store.get_fact(announced.key).key == completed.key
    # Two completed purchases years apart are two deals.
    b.facts = []
    b.fact(gtja, "ACQUIRES", haitong, s1, "It bought a stake in 2015.", date="2015",
           status="completed")
    b.fact(gtja, "ACQUIRES", haitong, s2, "It bought the rest in 2025.", date="2025",
           status="completed")
    store.upsert(b.delta())
    assert store.stats().facts == 3


@pytest.mark.parametrize("dated_first", [False, True])
def test_one_sentence_read_by_two_extractors_into_one_fact_names_both(
    store: GraphStore, dated_first: bool
) -> None:
    from sinograph.loaders.extractor import stamp_extractor

    b = DeltaBuilder()
    dod, catl, (s1, s2, _, _) = _sanctions(b)
    sentence = "In January the DoD added CATL to its list."
    # The rules miss the date, the model reads it: one event, one sentence, two extractors.
    undated = b.fact(dod, "SANCTIONS", catl, s1, sentence)
    dated = b.fact(dod, "SANCTIONS", catl, s1, sentence, date="2025-01")
    other = b.fact(dod, "SANCTIONS", catl, s2, "CATL is on the list.")
    by_rules = GraphDelta(stories=b.stories, entities=list(b.entities.values()),
                          facts=[undated, other])
    by_model = GraphDelta(stories=b.stories, entities=list(b.entities.values()), facts=[dated])
    deltas = [stamp_extractor(by_rules, "rules"), stamp_extractor(by_model, "llm:qwen2.5:7b")]
    for delta in reversed(deltas) if dated_first else deltas:
        store.upsert(delta)
    (fact,) = store.export_delta().facts
    assert (fact.key, fact.date) == (dated.key, "2025-01")
    assert {(e.sentence, e.extractor) for e in fact.evidence} == {
        (sentence, "rules + llm:qwen2.5:7b"),
        ("CATL is on the list.", "rules"),
    }
    view = store.get_fact(undated.key)
    assert view.key == dated.key
    assert {(s.sentence, s.extractor) for s in view.sources} == {
        (sentence, "rules + llm:qwen2.5:7b"),
        ("CATL is on the list.", "rules"),
    }
