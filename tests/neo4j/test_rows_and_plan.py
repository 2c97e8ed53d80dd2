"""Row building round-trips, and the upsert plan merges exactly as the embedded store does.

The plan test replays the sample graph and a series of overlapping, closing and
conflicting deltas through :func:`plan_upsert` over a dict-backed record set
(what Neo4j would hold) and through a real ``EmbeddedStore``, and compares the
reports and the final graphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.neo4j.plan import StoredRecords, lookups, plan_upsert
from sinograph.graph.stores.neo4j.rows import (
    alias_rows,
    entity_from_props,
    entity_row,
    fact_from_props,
    fact_row,
    metric_from_props,
    metric_row,
    story_from_props,
    story_row,
)
from tests.conftest import sample_deltas
from tests.contract.builders import DeltaBuilder


def _evidence(fact: Fact | Metric) -> list[tuple[str, str, str | None]]:
    return [(e.story_id, e.sentence, e.extractor) for e in fact.evidence]


def test_sample_records_round_trip_through_their_rows() -> None:
    deltas = sample_deltas()
    assert deltas, "the samples are missing"
    for delta in deltas:
        for story in delta.stories:
            assert story_from_props(story_row(story)["props"]) == story
        for entity in delta.entities:
            assert entity_from_props(entity_row(entity)["props"]) == entity
        for fact in delta.facts:
            row = fact_row(fact)
            back = fact_from_props(
                row["subject"], fact.predicate.value, row["object"], row["props"], _evidence(fact)
            )
            assert back == fact
        for metric in delta.metrics:
            assert metric_from_props(metric_row(metric)["props"], _evidence(metric)) == metric


_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20).filter(
    lambda s: s.strip() != ""
)
_scalar = st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False,
                    allow_infinity=False), _text)


@settings(max_examples=60, deadline=None)
@given(
    name=_text,
    kind=st.sampled_from(list(EntityType)),
    aliases=st.lists(_text, max_size=4),
    attributes=st.dictionaries(_text, _scalar, max_size=3),
    name_zh=st.none() | _text,
)
def test_any_entity_round_trips(
    name: str, kind: EntityType, aliases: list[str], attributes: dict[str, object],
    name_zh: str | None,
) -> None:
    entity = Entity(name=name, type=kind, aliases=tuple(aliases), attributes=attributes,
                    name_zh=name_zh)
    assert entity_from_props(entity_row(entity)["props"]) == entity
    for row in alias_rows(entity):
        assert row["norm"] and row["entity_id"] == entity.id
        assert row["alias"] in {*entity.aliases, entity.name_zh, *entity.tickers}


@settings(max_examples=60, deadline=None)
@given(
    predicate=st.sampled_from(list(Predicate)),
    date=st.none() | st.sampled_from(["2024", "2025-02", "2025-06-29"]),
    until=st.none() | st.sampled_from(["2025", "2026-01-31"]),
    amount=st.none() | st.floats(min_value=0, max_value=1e13),
    stake=st.none() | st.floats(min_value=0, max_value=100),
    confidence=st.floats(min_value=0, max_value=1),
    attributes=st.dictionaries(_text, _scalar, max_size=3),
)
def test_any_fact_round_trips(
    predicate: Predicate, date: str | None, until: str | None, amount: float | None,
    stake: float | None, confidence: float, attributes: dict[str, object],
) -> None:
    fact = Fact(
        subject="company:a", predicate=predicate, object="company:b", date=date,
        valid_until=until, amount={"value": amount, "currency": "CNY"} if amount is not None
        else None, stake_pct=stake, confidence=confidence, attributes=attributes,
        evidence=[{"story_id": "story:1", "sentence": "A and B."}],
    )
    row = fact_row(fact)
    assert row["props"]["n_sources"] == 1
    back = fact_from_props(row["subject"], predicate.value, row["object"], row["props"],
                           _evidence(fact))
    assert back == fact


class DictRecords:
    """What a Neo4j database would hold, kept in dicts and written from upsert plans."""

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}
        self.entities: dict[str, Entity] = {}
        self.facts: dict[str, Fact] = {}
        self.metrics: dict[str, Metric] = {}

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        wanted = lookups(delta)
        triples = {(s, p.value, o) for s, p, o in wanted.triples}
        facts = {
            k: f for k, f in self.facts.items()
            if (f.subject, f.predicate.value, f.object) in triples
            or (f.predicate is Predicate.LEADS and f.object in wanted.leads_objects)
        }
        cited = {e.story_id for f in facts.values() for e in f.evidence} | set(wanted.story_ids)
        stored = StoredRecords(
            story_ids={s for s in wanted.story_ids if s in self.stories},
            entities={e: self.entities[e] for e in wanted.entity_ids if e in self.entities},
            facts=facts,
            metrics={m: self.metrics[m] for m in wanted.metric_ids if m in self.metrics},
            published={s: self.stories[s].published for s in cited if s in self.stories},
        )
        plan = plan_upsert(delta, stored)
        self.stories.update({s.id: s for s in plan.stories})
        self.entities.update({e.id: e for e in plan.entities})
        for _predicate, old, new in plan.rekeys:
            self.facts[new] = self.facts.pop(old)
        self.facts.update({f.key: f for f in plan.facts})
        self.metrics.update({m.id: m for m in plan.metrics})
        return plan.report

    def export(self) -> GraphDelta:
        return GraphDelta(
            stories=tuple(self.stories[k] for k in sorted(self.stories)),
            entities=tuple(self.entities[k] for k in sorted(self.entities)),
            facts=tuple(self.facts[k] for k in sorted(self.facts)),
            metrics=tuple(self.metrics[k] for k in sorted(self.metrics)),
        )


def _history() -> list[GraphDelta]:
    b = DeltaBuilder()
    s1 = b.story("Ban news", publisher="Wire", published="2023-08-24")
    s2 = b.story("Ban lifted", publisher="Wire", published="2025-06-29")
    s3 = b.story("Boss leaves", published="2025-03-01")
    china = b.entity("China", EntityType.COUNTRY)
    seafood = b.entity("Japanese seafood", EntityType.COMMODITY, "seafood from Japan")
    boss = b.entity("Li Wei", EntityType.PERSON)
    firm = b.company("Acme Group", "Acme")
    b.fact(china, "BANS", seafood, s1, "China bans seafood.", date="2023-08-24",
           status="announced")
    first = b.delta()
    b = DeltaBuilder()
    b.stories, b.entities = [s2, s3], {e.id: e for e in (china, seafood, boss, firm)}
    b.fact(china, "LIFTS_BAN", seafood, s2, "China lifts the ban.", date="2025-06-29")
    b.fact(boss, "LEADS", firm, s3, "Li leads Acme.", date="2020", role="CEO")
    b.fact(china, "BANS", seafood, s2, "The ban, again.", date="2023-08-24",
           status="completed", confidence=0.7)
    b.metric(firm, s3, "Acme sales rose.", name="sales", value=1.0e9, unit="CNY",
             period="2024")
    second = b.delta()
    b = DeltaBuilder()
    b.stories, b.entities = [s3], {boss.id: boss, firm.id: firm.model_copy(
        update={"aliases": ("Acme", "Acme Group", "Acme Grp"), "country": "CN"})}
    b.fact(boss, "LEADS", firm, s3, "Li stepped down.", valid_until="2025-02-28")
    b.metric(firm, s3, "Acme sales rose 5%.", name="sales", value=1.0e9, period="2024",
             change_pct=5.0)
    third = b.delta()
    # One event told undated then dated, and holders of one position in both orders.
    wang, zhou = b.entity("Wang Fang", EntityType.PERSON), b.entity("Zhou Min", EntityType.PERSON)
    b = DeltaBuilder()
    b.stories, b.entities = [s2, s3], {e.id: e for e in (china, firm, boss, wang, zhou)}
    b.fact(china, "SANCTIONS", firm, s3, "China sanctioned Acme.")
    b.fact(wang, "LEADS", firm, s3, "Wang became chief executive.", date="2025-03",
           role="chief executive")
    fourth = b.delta()
    b.facts = []
    b.fact(china, "SANCTIONS", firm, s2, "China sanctioned Acme in June.", date="2025-06")
    b.fact(zhou, "LEADS", firm, s2, "Zhou was CEO before Li.", date="2018", role="CEO")
    fifth = b.delta()
    return [first, second, third, fourth, fifth, second, first, fourth]


def test_plans_build_the_same_graph_and_reports_as_the_embedded_store(tmp_path: Path) -> None:
    embedded = EmbeddedStore(tmp_path / "g.db")
    embedded.ensure_schema()
    records = DictRecords()
    try:
        for delta in [*sample_deltas(), *_history(), *reversed(sample_deltas())]:
            assert records.upsert(delta) == embedded.upsert(delta)
        assert records.export() == embedded.export_delta()
        closed = [f for f in records.facts.values() if f.valid_until]
        assert closed, "the history should close the ban and the LEADS fact"
        sanctions = [f for f in records.facts.values()
                     if f.predicate is Predicate.SANCTIONS and f.object == "company:acme-group"]
        assert [f.date for f in sanctions] == ["2025-06"]
        zhou = [f for f in records.facts.values() if f.subject == "person:zhou-min"]
        assert [f.valid_until for f in zhou] == ["2020"]
    finally:
        embedded.close()


def test_a_plan_refuses_what_the_embedded_store_refuses(tmp_path: Path) -> None:
    b = DeltaBuilder()
    s = b.story("Orphan")
    a, t = b.company("Alpha"), b.company("Beta")
    b.fact(a, "OWNS", t, s, "Alpha owns Beta.")
    orphan = GraphDelta(facts=b.delta().facts)
    records = DictRecords()
    with pytest.raises(InvalidInput, match="neither in the input nor stored") as mine:
        records.upsert(orphan)
    embedded = EmbeddedStore(tmp_path / "g.db")
    embedded.ensure_schema()
    try:
        with pytest.raises(InvalidInput) as theirs:
            embedded.upsert(orphan)
        assert mine.value.message == theirs.value.message
        retyped = GraphDelta(entities=(Entity(name="Alpha", type=EntityType.PERSON),))
        records.upsert(GraphDelta(entities=(a,)))
        embedded.upsert(GraphDelta(entities=(a,)))
        with pytest.raises(InvalidInput, match="stored as") as mine:
            records.upsert(GraphDelta(entities=(a.model_copy(update={"type": EntityType.PERSON}),)))
        with pytest.raises(InvalidInput) as theirs:
            embedded.upsert(
                GraphDelta(entities=(a.model_copy(update={"type": EntityType.PERSON}),))
            )
        assert mine.value.message == theirs.value.message
        assert retyped.entities[0].id != a.id  # a renamed type is another entity id
    finally:
        embedded.close()
