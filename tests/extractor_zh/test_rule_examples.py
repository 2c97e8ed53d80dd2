"""Every relation rule's own example sentences are its tests: the extractor must read
the example's fact from them, and the fact must name the rule that produced it."""

from __future__ import annotations

import pytest

from sinograph.graph.model.ontology import SYMMETRIC_PREDICATES
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.zh.rule import Example, Rule
from sinograph.loaders.extract.zh.rules import ALL_RULES
from sinograph.loaders.story_input import StoryInput

CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{n}")
    for rule in ALL_RULES
    for n, example in enumerate(rule.examples)
]


def test_every_rule_has_an_example() -> None:
    assert [r.name for r in ALL_RULES if not r.examples] == []


def test_rule_names_are_unique() -> None:
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_reads_its_example(rule: Rule, example: Example) -> None:
    delta = extract(
        StoryInput(text=example.sentence, published=example.published),
        registry=default_registry(),
    )
    forms = {e.id: {e.name, *e.aliases} for e in delta.entities}
    symmetric = rule.predicate in SYMMETRIC_PREDICATES
    found = [
        f
        for f in delta.facts
        if (f.predicate is rule.predicate or rule.by_title)
        and (
            (example.subject in forms[f.subject] and example.object in forms[f.object])
            or (
                symmetric
                and example.subject in forms[f.object]
                and example.object in forms[f.subject]
            )
        )
    ]
    assert found, [(f.subject, f.predicate.value, f.object) for f in delta.facts]
    assert any(rule.name in str(f.attributes.get("rule", "")).split(",") for f in found)
    assert all(f.evidence[0].sentence == example.sentence for f in found)
