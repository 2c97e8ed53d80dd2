from __future__ import annotations

from tests.extractor.conftest import run


def test_reported_figure_with_change_and_period() -> None:
    delta = run("Norvik Group's revenue rose 12% to $4.5 billion in 2024, the company said.")
    assert delta.metrics, "no metric read"
    metric = delta.metrics[0]
    names = {e.id: e.name for e in delta.entities}
    assert names[metric.subject] == "Norvik Group"
    assert (metric.value, metric.unit) == (4.5e9, "USD")
    assert metric.period == "2024"


def test_change_direction() -> None:
    delta = run("Property sales stood at 300 billion yuan in June, down 20% from a year ago.")
    assert delta.metrics and delta.metrics[0].change_pct == -20


def test_no_measure_no_metric() -> None:
    assert not run("Norvik Group paid $5 million for a painting.").metrics
