"""Human-readable output of query results (the ``--json`` flag prints the models instead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.results import (
    EntityMatch,
    FactView,
    GraphStats,
    Path,
    PathResult,
    StorySummary,
    TimelinePage,
)

if TYPE_CHECKING:
    from sinograph.loaders.ingest import IngestReport

__all__ = [
    "entity_label",
    "fact_line",
    "match_line",
    "path_line",
    "plural",
    "print_ingest",
    "print_paths",
    "print_stats",
    "print_timeline",
    "story_line",
]

# Facts about a position: their line names the role.
_ROLE_PREDICATES = frozenset({Predicate.LEADS, Predicate.WORKS_FOR})


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 hop``, ``3 hops``, ``1 entity``, ``2 entities``."""
    if count == 1:
        return f"{count} {singular}"
    if plural_form is None:
        plural_form = singular[:-1] + "ies" if singular.endswith("y") else singular + "s"
    return f"{count} {plural_form}"


def entity_label(name: str, name_zh: str | None) -> str:
    """A name with its Chinese name beside it, when it has one: ``Midea Group 美的集团``."""
    return f"{name} {name_zh}" if name_zh and name_zh != name else name


def match_line(hit: EntityMatch) -> str:
    """One search hit: name, Chinese name, type, how it matched, and whether weakly."""
    e: Entity = hit.entity
    how = f"{hit.match} on {hit.matched_alias!r}"
    if hit.matched_field not in ("alias", "id"):
        how += f" ({hit.matched_field.replace('_', ' ')})"
    weak = ", weak match" if hit.weak else ""
    label = entity_label(e.name, e.name_zh)
    return f"{label}  ({e.type.value}, {how}, {hit.score:g}{weak})  id={e.id}"


def story_line(story: StorySummary) -> str:
    """``2025-06-30  Caixin  Zijin agrees to buy ... (3 facts, 0 metrics)  id=story:...``"""
    counts = f"{plural(story.fact_count, 'fact')}, {plural(story.metric_count, 'metric')}"
    return (
        f"{story.published or 'undated':<10}  {story.publisher or 'unknown publisher'}  "
        f"{story.title or '(no title)'} ({counts})  id={story.id}"
    )


def _arrow(predicate: str, forward: bool) -> str:
    return f"-{predicate}->" if forward else f"<-{predicate}-"


def path_line(path: Path) -> str:
    """``Cantech S.à r.l. -SELLS-> RG Gold <-ACQUIRES- Zijin Mining Group``"""
    parts = [path.nodes[0].name]
    for hop, node in zip(path.hops, path.nodes[1:], strict=True):
        parts.append(_arrow(hop.fact.predicate.value, hop.direction == "forward"))
        parts.append(node.name)
    return " ".join(parts)


def _when(fact: FactView) -> str:
    bits = [fact.date or "undated"]
    if fact.valid_until:
        bits.append(f"ended {fact.valid_until}")
    if fact.status:
        bits.append(fact.status.value)
    if fact.amount:
        bits.append(f"{fact.amount.currency} {fact.amount.value:,.0f}")
    return ", ".join(bits)


def fact_line(fact: FactView) -> str:
    """``Eddie Wu -LEADS-> Alibaba Group Holding (chief executive)  [2023-09]``"""
    role = f" ({fact.role})" if fact.role and fact.predicate in _ROLE_PREDICATES else ""
    return (
        f"{fact.subject_name} -{fact.predicate.value}-> {fact.object_name}{role}"
        f"  [{_when(fact)}]"
    )


def _source_lines(fact: FactView, indent: str) -> list[str]:
    lines = []
    for src in fact.sources:
        where = ", ".join(x for x in (src.publisher, src.title, src.published, src.url) if x)
        lines.append(f'{indent}"{src.sentence}"')
        lines.append(f"{indent}  — {where or src.story_id}")
    return lines


def print_paths(console: Console, result: PathResult) -> None:
    for number, path in enumerate(result.paths, 1):
        console.print(
            f"Path {number} ({plural(len(path.hops), 'hop')}): {path_line(path)}", markup=False
        )
        for step, hop in enumerate(path.hops, 1):
            fact = hop.fact
            console.print(f"  {step}. {fact_line(fact)}", markup=False)
            for line in _source_lines(fact, "     "):
                console.print(line, markup=False)


def print_timeline(console: Console, page: TimelinePage, name_zh: str | None = None) -> None:
    title = entity_label(page.entity.name, name_zh) if page.entity else "the whole graph"
    if page.items or page.next_cursor or not page.undated:
        console.print(f"Timeline of {title}", markup=False, style="bold")
    for item in page.items:
        if item.fact:
            console.print(f"{item.date:<10}  {fact_line(item.fact)}", markup=False)
            for line in _source_lines(item.fact, " " * 12):
                console.print(line, markup=False)
        elif item.metric:
            m = item.metric
            change = f", {m.change_pct:+g}%" if m.change_pct is not None else ""
            console.print(
                f"{item.date:<10}  {m.subject_name}: {m.name} = {m.value:,.6g} {m.unit or ''}"
                f"{change} ({m.period or 'no period'})",
                markup=False,
            )
    if page.undated:
        console.print(
            f"Undated items of {title} ({page.undated_total} in all):", markup=False,
            style="bold",
        )
        for item in page.undated:
            if item.fact:
                console.print(f"  {fact_line(item.fact)}", markup=False)
            elif item.metric:
                console.print(f"  {item.metric.subject_name}: {item.metric.name}", markup=False)
    if page.next_cursor:
        console.print(f"more dated items: --cursor {page.next_cursor}", markup=False)
    if page.undated_next_cursor:
        console.print(f"more undated items: --cursor {page.undated_next_cursor}", markup=False)


def print_stats(console: Console, stats: GraphStats) -> None:
    table = Table(title="sinograph store")
    table.add_column("what")
    table.add_column("count", justify="right")
    for name in ("entities", "facts", "stories", "metrics", "sources"):
        table.add_row(name, str(getattr(stats, name)))
    for group, counts in (
        ("label", stats.by_label),
        ("predicate", stats.by_predicate),
        ("publisher", stats.by_publisher),
    ):
        for key, value in counts.items():
            table.add_row(f"  {group}: {key}", str(value))
    console.print(table)


def print_ingest(console: Console, origin: str, report: IngestReport) -> None:
    u = report.upsert
    console.print(
        f"{origin}: stories {u.stories_added} added / {u.stories_known} known, "
        f"entities {u.entities_added} added / {u.entities_known} known, "
        f"facts {u.facts_added} added / {u.facts_known} known"
        + (f", {u.facts_closed} closed" if u.facts_closed else "")
        + (
            f", metrics {u.metrics_added} added / {u.metrics_known} known"
            if u.metrics_added or u.metrics_known
            else ""
        ),
        markup=False,
    )
