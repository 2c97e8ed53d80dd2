"""The metrics table's example sentences are its tests (rules/metrics.yaml)."""

from __future__ import annotations

import pytest

from sinograph.loaders.evaluation import fold_name
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.rules.schema import MetricExample, load_metric_table
from sinograph.loaders.story_input import StoryInput

EXAMPLES = list(enumerate(load_metric_table().examples))


def _figures(example: MetricExample) -> set[tuple[str, str, float, str | None, float | None]]:
    delta = extract(
        StoryInput(text=example.text, published=example.published), registry=default_registry()
    )
    names = {e.id: fold_name(e.name) for e in delta.entities}
    return {(names[m.subject], m.name, m.value, m.unit, m.change_pct) for m in delta.metrics}


def _expected(line: str) -> tuple[str, str, float, str | None, float | None]:
    words = line.split()
    change: float | None = None
    if words[-1][:1] in "+-" and words[-1][1:].replace(".", "").isdigit():
        change = float(words.pop())
    unit = words.pop()
    value = float(words.pop())
    measure = words.pop()
    return fold_name(" ".join(words)), measure, value, unit, change


@pytest.mark.parametrize(("n", "example"), EXAMPLES)
def test_metric_example(n: int, example: MetricExample) -> None:
    got = _figures(example)
    wanted = {_expected(line) for line in example.expect}
    assert wanted <= got, f"metrics#{n}: missing {wanted - got}; got {got}"
    if not example.expect:
        assert not got, f"metrics#{n}: no figure wanted; got {got}"


def test_the_table_has_no_word_in_two_lists() -> None:
    table = load_metric_table()
    assert not table.rises & table.falls
    assert not table.measures & (table.rises | table.falls)
