"""Small builders for test deltas, so each test states only the facts it is about."""

from __future__ import annotations

from typing import Any

from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.ontology import EntityType


class DeltaBuilder:
    """Collects stories, entities and facts and returns a GraphDelta.

    >>> b = DeltaBuilder()
    >>> s = b.story("Deal news", publisher="Caixin", published="2025-06-30")
    >>> a, t = b.company("Acme Group"), b.company("Target Co")
    >>> _ = b.fact(a, "ACQUIRES", t, s, "Acme buys Target.", date="2025-06-29")
    >>> len(b.delta().facts)
    1
    """

    def __init__(self) -> None:
        self.stories: list[Story] = []
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.metrics: list[Metric] = []

    def story(self, title: str, **fields: Any) -> Story:
        story = Story.from_text(f"{title}\n{fields!r}", title=title, **fields)
        self.stories.append(story)
        return story

    def entity(self, name: str, kind: EntityType | str, *aliases: str, **fields: Any) -> Entity:
        entity = Entity(name=name, type=kind, aliases=aliases, **fields)
        self.entities[entity.id] = entity
        return entity

    def company(self, name: str, *aliases: str) -> Entity:
        return self.entity(name, EntityType.COMPANY, *aliases)

    def fact(
        self, subject: Entity, predicate: str, obj: Entity, story: Story, sentence: str,
        **fields: Any,
    ) -> Fact:
        fact = Fact(
            subject=subject.id, predicate=predicate, object=obj.id,
            evidence=[{"story_id": story.id, "sentence": sentence}], **fields,
        )
        self.facts.append(fact)
        return fact

    def metric(self, subject: Entity, story: Story, sentence: str, **fields: Any) -> Metric:
        metric = Metric(
            subject=subject.id, evidence=[{"story_id": story.id, "sentence": sentence}], **fields
        )
        self.metrics.append(metric)
        return metric

    def delta(self) -> GraphDelta:
        return GraphDelta(
            stories=self.stories, entities=list(self.entities.values()), facts=self.facts,
            metrics=self.metrics,
        )
