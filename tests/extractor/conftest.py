"""Shared helpers for the extractor tests: run the extractor on one text and read
its facts as (subject name, predicate, object name) triples."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sinograph.graph.model.domain import GraphDelta
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput

Triple = tuple[str, str, str]


def run(text: str, published: str | None = "2025-01-15") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def triples(delta: GraphDelta) -> set[Triple]:
    names = {e.id: e.name for e in delta.entities}
    return {(names[f.subject], f.predicate.value, names[f.object]) for f in delta.facts}


def has_fact(delta: GraphDelta, subject: str, predicate: str, obj: str) -> bool:
    """Whether a fact links entities one of whose forms is ``subject`` / ``obj``."""
    forms = {e.id: {e.name.lower(), *(a.lower() for a in e.aliases)} for e in delta.entities}
    return any(
        f.predicate.value == predicate
        and subject.lower() in forms[f.subject]
        and obj.lower() in forms[f.object]
        for f in delta.facts
    )


@pytest.fixture
def extract_text() -> Callable[..., GraphDelta]:
    return run
