"""Building result records from stored data, shared by every store.

Both stores fetch raw facts, entities and stories and hand them to these
functions, so ordering and tie-breaks are the same whatever the backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sinograph.graph.model.dates import (
    date_precision,
    partial_date_end_ordinal,
    partial_date_ordinal,
)
from sinograph.graph.model.domain import Entity, Evidence, Fact, Metric, Story
from sinograph.graph.model.results import (
    EntityRef,
    FactView,
    Hop,
    MetricView,
    Path,
    SourceRef,
    TimelineItem,
)

__all__ = [
    "best_fact",
    "earliest_published",
    "build_path",
    "date_sort_key",
    "entity_ref",
    "fact_view",
    "metric_view",
    "ordinals",
    "timeline_item",
]

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def date_sort_key(value: str | None) -> int | None:
    """Sort key of a partial date: the start of its period, a coarser date first.

    >>> date_sort_key("2025") < date_sort_key("2025-01") < date_sort_key("2025-01-01")
    True
    >>> date_sort_key("2025-01-01") < date_sort_key("2025-01-02")
    True
    """
    if value is None:
        return None
    return partial_date_ordinal(value) * 3 + _PRECISION_RANK[date_precision(value)]


def ordinals(fact: Fact) -> tuple[int | None, int | None, int | None, int | None]:
    """Day ordinals (date start, date end, valid_from, valid_until) used by time windows."""
    start = partial_date_ordinal(fact.date) if fact.date else None
    end = partial_date_end_ordinal(fact.date) if fact.date else None
    valid_from = partial_date_ordinal(fact.valid_from) if fact.valid_from else None
    valid_until = partial_date_ordinal(fact.valid_until) if fact.valid_until else None
    return start, end, valid_from, valid_until


def earliest_published(fact: Fact, published: Mapping[str, str | None]) -> str | None:
    """The publication date of a fact's earliest source (``published``: story id -> date):
    from then on the fact was known to hold."""
    dates = [d for e in fact.evidence if (d := published.get(e.story_id)) is not None]
    return min(dates, key=partial_date_ordinal) if dates else None


def entity_ref(entity: Entity) -> EntityRef:
    return EntityRef(id=entity.id, name=entity.name, type=entity.type)


def _sources(evidence: Iterable[Evidence], stories: Mapping[str, Story]) -> list[SourceRef]:
    refs = []
    for item in evidence:
        story_id, sentence = item.story_id, item.sentence
        story = stories.get(story_id)
        refs.append(
            SourceRef(
                story_id=story_id,
                sentence=sentence,
                extractor=item.extractor,
                title=story.title if story else None,
                publisher=story.publisher if story else None,
                published=story.published if story else None,
                url=story.url if story else None,
            )
        )
    # Oldest report first; undated stories after dated ones.
    refs.sort(key=lambda r: (r.published is None, r.published or "", r.story_id, r.sentence))
    return refs


def fact_view(fact: Fact, names: Mapping[str, str], stories: Mapping[str, Story]) -> FactView:
    """A fact with its entity names and resolved sources."""
    return FactView(
        key=fact.key,
        subject=fact.subject,
        subject_name=names.get(fact.subject, fact.subject),
        predicate=fact.predicate,
        object=fact.object,
        object_name=names.get(fact.object, fact.object),
        date=fact.date,
        date_precision=date_precision(fact.date) if fact.date else None,
        amount=fact.amount,
        stake_pct=fact.stake_pct,
        status=fact.status,
        role=fact.role,
        valid_from=fact.valid_from,
        valid_until=fact.valid_until,
        confidence=fact.confidence,
        attributes=dict(fact.attributes),
        sources=_sources(fact.evidence, stories),
    )


def metric_view(
    metric: Metric, names: Mapping[str, str], stories: Mapping[str, Story]
) -> MetricView:
    return MetricView(
        id=metric.id,
        subject=metric.subject,
        subject_name=names.get(metric.subject, metric.subject),
        name=metric.name,
        value=metric.value,
        unit=metric.unit,
        change_pct=metric.change_pct,
        period=metric.period,
        reported_by=metric.reported_by,
        date=metric.date,
        sources=_sources(metric.evidence, stories),
    )


def timeline_item(view: FactView | MetricView) -> TimelineItem:
    date = view.date
    precision = date_precision(date) if date else None
    if isinstance(view, FactView):
        return TimelineItem(kind="fact", date=date, date_precision=precision, fact=view)
    return TimelineItem(kind="metric", date=date, date_precision=precision, metric=view)


def best_fact(facts: Iterable[Fact]) -> Fact:
    """The fact to show for a hop when several join the same two entities:
    the best-sourced one, then the smallest key (a stable tie-break)."""
    return min(facts, key=lambda f: (-len(f.evidence), f.key))


def build_path(nodes: Sequence[EntityRef], facts: Sequence[FactView]) -> Path:
    """A path from its entities and the fact joining each consecutive pair.

    Each hop's direction says whether its fact points the way the path walks.
    """
    hops = [
        Hop(
            from_id=a.id,
            to_id=b.id,
            direction="forward" if fact.subject == a.id and fact.object == b.id else "backward",
            fact=fact,
        )
        for (a, b), fact in zip(zip(nodes, nodes[1:], strict=False), facts, strict=True)
    ]
    return Path(nodes=list(nodes), hops=hops)
