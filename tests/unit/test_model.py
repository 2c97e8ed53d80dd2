"""Unit tests of the domain model: ids, dates, validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sinograph.graph.model.dates import date_precision, parse_partial_date, partial_date_end_ordinal
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Story
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ids import entity_id, fact_key, normalize_name
from sinograph.graph.model.ontology import EntityType, Predicate, parse_entity_type, parse_predicate


def test_entity_ids_are_stable_and_typed() -> None:
    a = Entity(name="Zijin Mining Group", type="Company")
    b = Entity(name="  zijin   MINING group ", type=EntityType.COMPANY)
    assert a.id == b.id == "company:zijin-mining-group"
    assert Entity(name="Zijin Mining Group", type="Asset").id != a.id
    assert entity_id(EntityType.COMPANY, "紫金矿业") == "company:紫金矿业"
    assert entity_id(EntityType.COMPANY, "!!!").startswith("company:x")


def test_normalize_name_folds_case_accents_punctuation_and_articles() -> None:
    assert normalize_name("Cantech S.à r.l.") == "cantech s a r l"
    assert normalize_name("The Hong Kong Exchanges’s") == "hong kong exchanges"
    assert normalize_name("ÉCOLE") == "ecole"
    assert normalize_name("Газпром") == "газпром"
    assert normalize_name("שלום Mining") == "שלום mining"
    assert normalize_name("snake_case") == "snake case"


def test_entity_aliases_include_the_name_sorted_and_unique() -> None:
    e = Entity(name="Baidu", type="Company", aliases=["百度", "Baidu", " ", "BIDU"])
    assert e.aliases == ("BIDU", "Baidu", "百度")


def test_blank_or_unknown_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Entity(name="   ", type="Company")
    with pytest.raises(ValidationError):
        Entity(name="X", type="Firm")
    with pytest.raises(ValidationError):
        Fact(subject="a", predicate="BUYS", object="b")
    with pytest.raises(ValidationError):
        Fact(subject="a", predicate="OWNS", object="b", confidence=1.5)
    with pytest.raises(ValidationError):
        Fact(subject="a", predicate="OWNS", object="b", date="2025-02-30")


def test_fact_key_depends_on_subject_predicate_object_and_date_only() -> None:
    base = dict(subject="company:a", predicate="OWNS", object="company:b", date="2025")
    one = Fact(**base, confidence=0.5, evidence=[{"story_id": "s1", "sentence": "x"}])
    two = Fact(**base, confidence=0.9, stake_pct=10)
    assert one.key == two.key == fact_key("company:a", Predicate.OWNS, "company:b", "2025")
    assert Fact(**{**base, "date": "2025-01"}).key != one.key


def test_the_extractor_report_shape_loads_as_a_fact() -> None:
    fact = Fact.model_validate(
        {"subject": "company:a", "predicate": "SELLS", "object": "asset:b",
         "evidence": "A sold B.", "source": "story:1", "subject_name": "A"}
    )
    assert fact.evidence[0].story_id == "story:1"
    assert fact.evidence[0].sentence == "A sold B."


def test_story_ids_follow_the_url_else_the_text() -> None:
    a = Story.from_text("text one", url="https://example.com/a")
    b = Story.from_text("text two", url="https://example.com/a")
    assert a.id == b.id
    assert Story.from_text("text one").id != Story.from_text("text two").id


def test_delta_json_round_trip_is_lossless() -> None:
    s = Story.from_text("t", title="T", published="2025-06")
    e1, e2 = Entity(name="A Co", type="Company"), Entity(name="B Co", type="Company")
    f = Fact(subject=e1.id, predicate="OWNS", object=e2.id, stake_pct=12.5, date="2025",
             attributes={"scope": "all"}, evidence=[{"story_id": s.id, "sentence": "A owns B."}])
    delta = GraphDelta(stories=[s], entities=[e1, e2], facts=[f])
    assert GraphDelta.model_validate_json(delta.model_dump_json()) == delta


@pytest.mark.parametrize(
    ("value", "precision"), [("2025-06-29", "day"), ("2025-06", "month"), ("2025", "year")]
)
def test_partial_dates_keep_their_precision(value: str, precision: str) -> None:
    assert parse_partial_date(value) == value
    assert date_precision(value) == precision


@pytest.mark.parametrize("value", ["2025-6", "25", "2025-00", "2025-02-29", "June 2025", ""])
def test_bad_dates_are_invalid_input(value: str) -> None:
    with pytest.raises(InvalidInput):
        parse_partial_date(value)


def test_period_end_of_a_partial_date() -> None:
    from datetime import date

    assert partial_date_end_ordinal("2024-02") == date(2024, 2, 29).toordinal()
    assert partial_date_end_ordinal("2024") == date(2024, 12, 31).toordinal()


def test_parse_names_of_labels_and_predicates() -> None:
    assert parse_predicate(" lifts_ban ") is Predicate.LIFTS_BAN
    assert parse_entity_type("governmentbody") is EntityType.GOVERNMENT_BODY
    with pytest.raises(InvalidInput, match="unknown predicate"):
        parse_predicate("MATCH (n) DELETE n")
    with pytest.raises(InvalidInput, match="unknown entity type"):
        parse_entity_type("Company`) DETACH DELETE")


def test_extreme_but_valid_dates_and_forged_cursors() -> None:
    from sinograph.graph.model.queries import TimeWindow, decode_cursor, encode_cursor

    assert TimeWindow.build(since="0001", until="9999-12", as_of="9999").until_ordinal
    with pytest.raises(InvalidInput):
        TimeWindow.build(as_of="2023-02-29")
    with pytest.raises(InvalidInput, match="bad cursor"):
        decode_cursor(encode_cursor(10**30, "fact:x"))
    with pytest.raises(InvalidInput, match="bad cursor"):
        decode_cursor(encode_cursor(-5, "fact:x"))


def test_graphml_replaces_characters_xml_cannot_hold() -> None:
    import io

    import networkx as nx

    from sinograph.graph.exports.formats import delta_to_graphml

    s = Story.from_text("t")
    a = Entity(name="Ctrl\x01 Group", type="Company")
    b = Entity(name="B Co", type="Company")
    f = Fact(subject=a.id, predicate="OWNS", object=b.id,
             evidence=[{"story_id": s.id, "sentence": "bell \x07 here"}])
    g = nx.read_graphml(io.BytesIO(delta_to_graphml(GraphDelta(stories=[s], entities=[a, b],
                                                               facts=[f]))))
    assert g.nodes[a.id]["label"] == "Ctrl\ufffd Group"
