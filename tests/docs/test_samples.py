"""The samples are the first thing users see: none of what a reviewer marked wrong (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

from sinograph.graph.model.queries import SearchQuery
from sinograph.graph.stores.embedded import EmbeddedStore

REVIEW = json.loads((Path(__file__).parent / "samples_review.json").read_text("utf-8"))


def test_the_samples_hold_no_fact_or_entity_a_reviewer_marked_wrong(samples_store: Path) -> None:
    store = EmbeddedStore(samples_store)
    store.ensure_schema()
    try:
        graph = store.export_delta()
    finally:
        store.close()
    names = {e.id: e.name for e in graph.entities}
    facts = {(names[f.subject], f.predicate.value, names[f.object]) for f in graph.facts}
    assert len(facts) > 50, "the samples did not load"
    for wrong in REVIEW["wrong_facts"]:
        triple = (wrong["subject"], wrong["predicate"], wrong["object"])
        assert triple not in facts, f"{triple}: {wrong['why']}"
    for wrong in REVIEW["wrong_entities"]:
        assert wrong["name"] not in names.values(), f"{wrong['name']}: {wrong['why']}"
    publishers = {s.publisher for s in graph.stories if s.publisher}
    for spelling in REVIEW["one_publisher_spelled_once"]:
        variants = {p for p in publishers if p.casefold() == spelling.casefold()}
        assert variants == {spelling}, f"one publisher, several spellings: {sorted(variants)}"


def test_sample_entities_the_registry_knows_carry_its_attributes(samples_store: Path) -> None:
    store = EmbeddedStore(samples_store)
    store.ensure_schema()
    try:
        catl = store.get_entity("company:catl").entity
        assert (catl.name_zh, catl.country) == ("宁德时代", "China")
        for query, entity_id in (
            ("宁德时代", "company:catl"),
            ("2899.HK", "company:zijin-mining-group"),
            ("阿里巴巴集团", "company:alibaba-group-holding"),
        ):
            hit = store.search_entities(SearchQuery(text=query))[0]
            assert (hit.entity.id, hit.match) == (entity_id, "exact"), query
    finally:
        store.close()


def test_the_sample_counts_the_docs_give_are_the_samples() -> None:
    import re

    from sinograph.loaders.inputs import read_stories
    from sinograph.loaders.story_input import StoryInput
    from tests.conftest import ROOT, SAMPLES

    text = (ROOT / "docs" / "inputs.md").read_text("utf-8")
    (said,) = re.findall(r"samples/stories/` holds one file per format \((\d+) stories", text)
    stories = [s for s in read_stories(SAMPLES / "stories") if isinstance(s, StoryInput)]
    assert int(said) == len(stories)
