"""Rule confidences come from measured precision; every extractor honours one floor."""

from __future__ import annotations

import pytest

from sinograph.graph.model.domain import Entity, Evidence, Fact, GraphDelta
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.loaders.extract import extract
from sinograph.loaders.extract.calibration import (
    Calibration,
    RuleStats,
    calibrated_confidence,
    fit,
    key_of,
    shipped_calibration,
)
from sinograph.loaders.extract.rules.schema import load_rule_tables
from sinograph.loaders.extractor import confident_part
from sinograph.loaders.story_input import StoryInput


def test_a_rule_that_is_always_right_outranks_one_that_is_always_wrong() -> None:
    rows = [("good", "ACQUIRES", True)] * 6 + [("bad", "ACQUIRES", False)] * 6
    table = fit(rows)
    assert table.rules["good"].confidence > 0.6 > table.rules["bad"].confidence
    assert table.overall_precision == 0.5


def test_a_rule_seen_once_stays_near_its_predicate() -> None:
    rows = (
        [("common", "FINES", True)] * 9 + [("common", "FINES", False)] + [("rare", "FINES", False)]
    )
    table = fit(rows)
    # one wrong fact does not send a rule to zero: it is shrunk toward FINES (9 of 11)
    assert 0.5 < table.rules["rare"].confidence < table.rules["common"].confidence


def test_titles_are_pooled_per_predicate() -> None:
    assert key_of("title:chief executive", "LEADS") == "title:LEADS"
    table = fit([("title:chairman", "LEADS", True), ("title:ceo", "LEADS", False)])
    assert set(table.rules) == {"title:LEADS"}
    assert table.rules["title:LEADS"].facts == 2


def test_an_unmeasured_rule_keeps_its_own_confidence() -> None:
    table = Calibration(rules={"x": RuleStats(facts=3, right=3, confidence=0.9)})
    assert calibrated_confidence("x", "OWNS", 0.5, table) == 0.9
    assert calibrated_confidence("y", "OWNS", 0.55, table) == 0.55


def test_the_shipped_table_names_only_rules_that_exist() -> None:
    table = shipped_calibration()
    assert table.rules, "loaders/extract/rules/calibration.yaml is missing or empty"
    ids = {rule.id for t in load_rule_tables() for rule in t.rules}
    titles = {f"title:{p.value}" for p in Predicate}
    # rules of the story-level steps (not in the YAML tables) are named in code
    story_level = {"seller-parent", "named-unit", "succession", "build-plant", "?"}
    unknown = set(table.rules) - ids - titles - story_level
    assert not unknown, f"stale calibration keys (re-run tools/calibrate_rules.py): {unknown}"


def test_extracted_facts_carry_the_measured_confidence() -> None:
    delta = extract(
        StoryInput(text="Norvik Group bought Tallis Foods on Monday.", published="2025-06-03"),
        min_confidence=0.0,
    )
    fact = next(f for f in delta.facts if f.predicate is Predicate.ACQUIRES)
    stats = shipped_calibration().rules.get(key_of(str(fact.attributes["rule"]), "ACQUIRES"))
    assert stats is not None
    assert fact.confidence == pytest.approx(stats.confidence, abs=0.051)


def test_the_floor_drops_facts_and_the_entities_only_they_named() -> None:
    a, b, c = (Entity(id=f"company:{n}", name=n.title(), type=EntityType.COMPANY) for n in "abc")
    ev = (Evidence(story_id="story:1", sentence="A bought B. A owns C."),)
    sure = Fact(
        subject=a.id, predicate=Predicate.ACQUIRES, object=b.id, confidence=0.9, evidence=ev
    )
    weak = Fact(subject=a.id, predicate=Predicate.OWNS, object=c.id, confidence=0.4, evidence=ev)
    delta = GraphDelta(entities=(a, b, c), facts=(sure, weak))
    kept = confident_part(delta, 0.5)
    assert [f.predicate for f in kept.facts] == [Predicate.ACQUIRES]
    assert {e.id for e in kept.entities} == {a.id, b.id}
    assert confident_part(delta, 0.3) == delta
