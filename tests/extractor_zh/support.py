"""Helpers the Chinese construction tests share: extract one text, read its facts as
(subject name, predicate, object name) triples, and the names one sentence's units find."""

from __future__ import annotations

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.ontology import EntityType
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.zh.entities import EntityTable
from sinograph.loaders.extract.zh.mentions import StoryState, read_sentence
from sinograph.loaders.story_input import StoryInput

Triple = tuple[str, str, str]


def run(text: str, published: str = "2025-07-01") -> GraphDelta:
    return extract(StoryInput(text=text, published=published), registry=default_registry())


def triples(delta: GraphDelta) -> set[Triple]:
    names = {e.id: e.name for e in delta.entities}
    return {(names[f.subject], f.predicate.value, names[f.object]) for f in delta.facts}


def names_of(text: str, kind: EntityType, published: str = "2025-07-01") -> set[str]:
    """The surfaces of ``kind`` that reading the one sentence ``text`` finds."""
    table = EntityTable(default_registry())
    units = read_sentence(text, table, published, StoryState())
    return {u.text for u in units if u.kind == "entity" and table.get(u.entity).type is kind}
