"""The generality suite: annotated stories written for this project (real events, own
sentences), scored like the development set. ``regression/floor.json`` holds the
scores the extractor must keep; the floor may only go up."""

from __future__ import annotations

import json
from pathlib import Path

from sinograph.cli.commands.extract import score_folder
from sinograph.loaders.evaluation import combine_scores
from sinograph.loaders.extract import default_registry

FOLDER = Path(__file__).parent / "regression"


def test_regression_scores_stay_above_the_floor() -> None:
    floor = json.loads((FOLDER / "floor.json").read_text(encoding="utf-8"))
    results = score_folder(FOLDER, default_registry())
    total = combine_scores(score for _, score in results)
    assert total.f1 >= floor["fact_f1"], total.summary()
    assert (total.core_recall or 0) >= floor["core_recall"], total.summary()
    assert total.precision >= floor["fact_precision"], total.summary()


def test_every_story_has_a_gold_file() -> None:
    stories = sorted(FOLDER.glob("*.txt"))
    assert len(stories) >= 10
    for story in stories:
        assert story.with_name(story.stem + ".gold.json").is_file(), story.name


def test_every_predicate_is_annotated_twice() -> None:
    from sinograph.graph.model.ontology import Predicate

    counts: dict[str, int] = {}
    for gold in FOLDER.glob("*.gold.json"):
        for fact in json.loads(gold.read_text(encoding="utf-8"))["facts"]:
            counts[fact["predicate"]] = counts.get(fact["predicate"], 0) + 1
    assert {p.value for p in Predicate if counts.get(p.value, 0) < 2} == set()
