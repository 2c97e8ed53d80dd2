"""Every rule's example sentences are its tests: each must give the facts it lists
and none of those it marks absent (rules are data: loaders/extract/rules/*.yaml)."""

from __future__ import annotations

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import Predicate
from sinograph.loaders.evaluation import fold_name
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.rules.schema import Example, load_rule_tables
from sinograph.loaders.story_input import StoryInput


def _cases() -> list[tuple[str, Example]]:
    cases: list[tuple[str, Example]] = []
    for table in load_rule_tables():
        for rule in table.rules:
            cases.extend(
                (f"{table.domain}:{rule.id}#{n}", ex) for n, ex in enumerate(rule.examples)
            )
        cases.extend(
            (f"{table.domain}:titles#{n}", ex) for n, ex in enumerate(table.title_examples)
        )
    return cases


def _split(fact: str) -> tuple[str, Predicate, str]:
    words = fact.split()
    for k, word in enumerate(words):
        if word in Predicate.__members__:
            return " ".join(words[:k]), Predicate(word), " ".join(words[k + 1 :])
    raise AssertionError(f"no predicate in {fact!r}")


def _holds(delta: GraphDelta, fact: str) -> bool:
    subject, predicate, obj = _split(fact)
    names: dict[str, set[str]] = {
        e.id: {fold_name(e.name), *(fold_name(a) for a in e.aliases)} for e in delta.entities
    }
    for f in delta.facts:
        if f.predicate is not predicate:
            continue
        ends = [(f.subject, f.object)]
        if predicate in (Predicate.MERGES_WITH, Predicate.PARTNERS_WITH, Predicate.COMPETES_WITH):
            ends.append((f.object, f.subject))
        for s, o in ends:
            if fold_name(subject) in names.get(s, set()) and fold_name(obj) in names.get(o, set()):
                return True
    return False


def _show(delta: GraphDelta) -> str:
    names = {e.id: e.name for e in delta.entities}
    return "; ".join(
        f"{names[f.subject]} {f.predicate.value} {names[f.object]}" for f in delta.facts
    )


@pytest.mark.parametrize(("name", "example"), _cases(), ids=[c[0] for c in _cases()])
def test_rule_example(name: str, example: Example) -> None:
    # every rule is tested, including those whose facts sit below the default threshold
    delta = extract(
        StoryInput(text=example.text, published=example.published),
        registry=default_registry(),
        min_confidence=0.0,
    )
    for fact in example.expect:
        assert _holds(delta, fact), f"{name}: missing {fact!r}; got: {_show(delta)}"
    for fact in example.absent:
        assert not _holds(delta, fact), f"{name}: unexpected {fact!r}; got: {_show(delta)}"


def test_every_rule_has_a_positive_example() -> None:
    for table in load_rule_tables():
        for rule in table.rules:
            assert any(ex.expect for ex in rule.examples), f"{table.domain}:{rule.id}"


def test_rule_examples_quote_no_evaluation_story() -> None:
    """Rule examples are our own sentences: none may come from the shared evaluation texts."""
    from pathlib import Path

    shared = Path(__file__).resolve().parents[3] / "shared" / "eval"
    if not shared.is_dir():
        pytest.skip(f"no shared evaluation folder at {shared}")
    texts = [p.read_text(encoding="utf-8") for p in shared.rglob("*.txt")]
    for name, example in _cases():
        words = example.text.split()
        # any run of 8 words copied verbatim from a story would show
        for k in range(max(0, len(words) - 7)):
            run = " ".join(words[k : k + 8])
            assert not any(run in t for t in texts), f"{name} quotes an evaluation story: {run!r}"
