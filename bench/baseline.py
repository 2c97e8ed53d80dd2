"""The networkx-only baseline: the same graph and queries in a plain ``MultiDiGraph``.

Nothing is persisted; every record lives in Python objects; traversal reads
networkx's adjacency dicts. It applies the same merge rules
(:mod:`graph.model.merge`), takes the same query objects, runs the one path search
(:class:`graph.stores.pathfinding.PathSearch`) over networkx's adjacency dicts instead of
the compact index, builds the same result models (:mod:`graph.stores.assemble`) and
ranks search hits with the same :class:`graph.stores.hits.MatchSet`, so its answers match
the embedded store's and its figures measure what persistence and the compact index
cost (or save) for the same work.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric, Story
from sinograph.graph.model.errors import EntityNotFound, NoPath
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.merge import (
    close_fact,
    closer_patterns,
    closes,
    closing_date,
    closing_pattern,
    merge_entity,
    merge_fact,
    merge_metric,
    place_facts,
    single_holder_role,
    start_with_sources,
    succession_closures,
)
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.model.queries import (
    NeighbourQuery,
    PathQuery,
    SearchQuery,
    TimelineQuery,
    TimeWindow,
)
from sinograph.graph.model.results import (
    EntityMatch,
    Hop,
    Path,
    PathResult,
    Subgraph,
    TimelinePage,
)
from sinograph.graph.stores.assemble import (
    best_fact,
    date_sort_key,
    earliest_published,
    entity_ref,
    fact_view,
    metric_view,
    ordinals,
    timeline_item,
)
from sinograph.graph.stores.embedded.fuzzy import TrigramIndex
from sinograph.graph.stores.hits import MatchSet
from sinograph.graph.stores.pathfinding import I32, PathSearch

__all__ = ["NetworkxBaseline"]


class NetworkxBaseline:
    """A GraphStore-like graph held in a networkx ``MultiDiGraph`` (edge key = fact key)."""

    def __init__(self) -> None:
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.entities: dict[str, Entity] = {}
        self.stories: dict[str, Story] = {}
        # story id -> publication date, kept as stories arrive: every stored fact looks up
        # when it was first known, and rebuilding this per fact made loading quadratic
        self.published: dict[str, str | None] = {}
        self.metrics: dict[str, Metric] = {}
        self.metrics_of: dict[str, list[str]] = defaultdict(list)
        self.alias_ids: dict[str, set[str]] = defaultdict(set)
        self.alias_norms: list[str] = []
        self.alias_rows: list[tuple[str, str]] = []
        self._sorted_norms: list[tuple[str, str, str]] | None = None
        self._trigrams = TrigramIndex()
        self._numbered: tuple[list[str], dict[str, int]] | None = None

    # ------------------------------------------------------------------ writes

    def upsert(self, delta: GraphDelta) -> None:
        for story in delta.stories:
            if story.id not in self.stories:
                self.stories[story.id] = story
                self.published[story.id] = story.published
        for entity in delta.entities:
            old = self.entities.get(entity.id)
            merged = merge_entity(old, entity) if old else entity
            if merged == old:
                continue
            self.entities[entity.id] = merged
            self.graph.add_node(entity.id)
            known = set(old.aliases) if old else set()
            for alias in merged.aliases:
                norm = normalize_name(alias)
                if alias not in known and norm:
                    self.alias_ids[norm].add(entity.id)
                    self.alias_norms.append(norm)
                    self.alias_rows.append((entity.id, alias))
                    self._sorted_norms = None
        records: dict[str, Fact] = {}
        for fact in delta.facts:
            prior = records.get(fact.key)
            records[fact.key] = merge_fact(prior, fact) if prior else fact
        # one entry per stored fact: two records of one triple listed its facts twice,
        # and place_facts then saw two copies to merge into (the embedded store's merge
        # kept 28 facts fewer at 100k)
        triples = {(r.subject, r.predicate, r.object): r for r in records.values()}
        stored = [f for r in triples.values() for f in self._same_triple(r)]
        placement = place_facts(records.values(), stored)
        for old in placement.rekeyed:
            fact = next(f for f in stored if f.key == old)
            self.graph.remove_edge(fact.subject, fact.object, key=old)
        pending = dict(placement.facts)
        self._close(pending)
        self._succeed(pending)
        for fact in pending.values():
            self._put(fact)
        for metric in delta.metrics:
            old_metric = self.metrics.get(metric.id)
            if old_metric is None:
                self.metrics_of[metric.subject].append(metric.id)
            self.metrics[metric.id] = merge_metric(old_metric, metric) if old_metric else metric

    def _same_triple(self, fact: Fact) -> list[Fact]:
        edges = self.graph.succ.get(fact.subject, {}).get(fact.object, {})
        return [d["fact"] for d in edges.values() if d["predicate"] is fact.predicate]

    def _known_from(self, fact: Fact) -> str | None:
        return earliest_published(fact, self.published)

    def _put(self, fact: Fact) -> None:
        start, end, valid_from, valid_until = ordinals(fact)
        known = self._known_from(fact)
        self.graph.add_edge(
            fact.subject, fact.object, key=fact.key, fact=fact, predicate=fact.predicate,
            start=start, end=end, valid_from=valid_from, valid_until=valid_until,
            known_from=partial_date_ordinal(known) if known else None,
            sources=len({e.story_id for e in fact.evidence}),
        )

    def _succeed(self, pending: dict[str, Fact]) -> None:
        objects = {f.object for f in pending.values()
                   if f.predicate is Predicate.LEADS and single_holder_role(f.role)}
        pool: dict[str, Fact] = {}
        for obj in objects:
            for _subject, edges in self.graph.pred.get(obj, {}).items():
                for key, data in edges.items():
                    if data["predicate"] is Predicate.LEADS and key not in pending:
                        pool[key] = data["fact"]
        if not pool and not objects:
            return
        pool.update({k: f for k, f in pending.items() if f.predicate is Predicate.LEADS})
        known = {k: self._known_from(f) for k, f in pool.items()}
        for key, until in succession_closures(pool.values(), start_with_sources(known)).items():
            pending[key] = close_fact(pool[key], until)

    def _close(self, pending: dict[str, Fact]) -> None:
        patterns = set()
        for fact in pending.values():
            pattern = closing_pattern(fact)
            if pattern:
                patterns.add(pattern)
            patterns.update(closer_patterns(fact))
        if not patterns:
            return
        pool: dict[str, Fact] = {}
        for subject, predicate, obj in patterns:
            for data in self.graph.succ.get(subject, {}).get(obj, {}).values():
                if data["predicate"] is predicate and data["fact"].key not in pending:
                    pool[data["fact"].key] = data["fact"]
        pool.update(pending)
        by_pattern: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for key in sorted(pool):
            f = pool[key]
            by_pattern[(f.subject, f.predicate, f.object)].append(key)
        for closer in sorted(pool.values(), key=lambda f: f.key):
            target_pattern = closing_pattern(closer)
            if target_pattern is None:
                continue
            for key in by_pattern.get(target_pattern, ()):
                if closes(closer, pool[key]):
                    until = closing_date(closer)
                    assert until is not None
                    pool[key] = pending[key] = close_fact(pool[key], until)

    # ------------------------------------------------------------------ reads

    def resolve(self, ref: str) -> Entity:
        if ref in self.entities:
            return self.entities[ref]
        ids = sorted(self.alias_ids.get(normalize_name(ref), ()))
        if not ids:
            raise EntityNotFound(ref)
        return self.entities[ids[0]]

    def _admits(self, predicates: frozenset[str] | None, window: TimeWindow) -> Callable[..., bool]:
        # The window's ordinals once, not per edge (TimeWindow computes them on each access).
        since, until, as_of = window.since_ordinal, window.until_ordinal, window.as_of_ordinal
        is_open = window.is_open

        def admits(data: dict[str, Any]) -> bool:
            if predicates is not None and data["predicate"] not in predicates:
                return False
            if is_open:
                return True
            start = data["start"]
            if start is not None:
                if since is not None and data["end"] < since:
                    return False
                if until is not None and start > until:
                    return False
            if as_of is not None:
                begun = data["valid_from"] if data["valid_from"] is not None else start
                if begun is None:
                    begun = data["known_from"]
                if begun is not None and begun > as_of:
                    return False
                ended = data["valid_until"]
                if ended is not None and ended <= as_of:
                    return False
            return True

        return admits

    def _numbers(self) -> tuple[list[str], dict[str, int]]:
        """Node numbers for the path search: entity ids in sorted order, so numbers order
        paths as ids do (renumbered after writes)."""
        if self._numbered is None or len(self._numbered[0]) != self.graph.number_of_nodes():
            ids = sorted(self.graph.nodes)
            self._numbered = (ids, {node: n for n, node in enumerate(ids)})
        return self._numbered

    def _view(self, fact: Fact):  # type: ignore[no-untyped-def]
        names = {fact.subject: self.entities[fact.subject].name,
                 fact.object: self.entities[fact.object].name}
        return fact_view(fact, names, self.stories)

    def paths(self, query: PathQuery) -> PathResult:
        src, dst = self.resolve(query.source), self.resolve(query.target)
        admits = self._admits(query.traversal.predicates, query.window)
        ids, numbers = self._numbers()
        found = PathSearch(_NetworkxAdjacency(self.graph, ids, numbers, admits)).run(
            numbers[src.id], numbers[dst.id], max_hops=query.max_hops, k=query.k
        )
        node_paths = [[ids[n] for n in path] for path in found]
        if src.id != dst.id and not node_paths:
            raise NoPath(src.name, dst.name, query.max_hops)
        out = []
        for nodes in node_paths:
            hops = []
            for a, b in zip(nodes, nodes[1:], strict=False):
                facts = [d["fact"] for d in self.graph.succ[a].get(b, {}).values() if admits(d)]
                facts += [d["fact"] for d in self.graph.succ[b].get(a, {}).values() if admits(d)]
                view = self._view(best_fact(facts))
                direction = "forward" if view.subject == a and view.object == b else "backward"
                hops.append(Hop(from_id=a, to_id=b, direction=direction, fact=view))
            out.append(Path(nodes=[entity_ref(self.entities[n]) for n in nodes], hops=hops))
        return PathResult(source=entity_ref(src), target=entity_ref(dst), paths=out)

    def distance(self, source: str, target: str) -> int | None:
        """Hops on a shortest path, edge direction ignored (networkx); ``None``: none."""
        try:
            return len(self.raw_shortest_path(source, target)) - 1
        except nx.NetworkXNoPath:
            return None

    def raw_shortest_path(self, source: str, target: str) -> list[str]:
        """networkx's own undirected bidirectional BFS: any shortest path, no evidence."""
        undirected = self.graph.to_undirected(as_view=True)
        return list(nx.bidirectional_shortest_path(undirected, source, target))

    def timeline(self, query: TimelineQuery) -> TimelinePage:
        """One entity's first page (the benchmark's question): ``entity`` and ``limit``."""
        assert query.entity is not None
        limit = query.limit
        ref = self.resolve(query.entity)
        node = ref.id
        facts: dict[str, Fact] = {}
        for adjacency in (self.graph.succ[node], self.graph.pred[node]):
            for keyed in adjacency.values():
                for key, data in keyed.items():
                    facts[key] = data["fact"]
        dated = sorted(
            [(date_sort_key(f.date), f.key) for f in facts.values() if f.date]
            + [(date_sort_key(self.metrics[m].date), m) for m in self.metrics_of.get(node, ())
               if self.metrics[m].date]
        )
        undated = sorted(k for k, f in facts.items() if not f.date)
        undated += sorted(m for m in self.metrics_of.get(node, ()) if not self.metrics[m].date)

        def item(item_id: str):  # type: ignore[no-untyped-def]
            if item_id in facts:
                return timeline_item(self._view(facts[item_id]))
            metric = self.metrics[item_id]
            names = {metric.subject: self.entities[metric.subject].name}
            return timeline_item(metric_view(metric, names, self.stories))

        return TimelinePage(
            entity=entity_ref(ref),
            items=[item(i) for _, i in dated[:limit]],
            undated=[item(i) for i in undated[:limit]],
            undated_total=len(undated),
            next_cursor=None,
        )

    def search_entities(self, search: SearchQuery) -> list[EntityMatch]:
        query, limit = search.text, search.limit
        norm = normalize_name(query)
        hits: MatchSet[str] = MatchSet()
        if query.strip() in self.entities:
            hits.offer_id(query.strip(), query.strip())
        for eid in self.alias_ids.get(norm, ()):
            for alias in self.entities[eid].aliases:
                if normalize_name(alias) == norm:
                    hits.offer_exact(eid, alias, "alias")
        if self._sorted_norms is None:
            self._sorted_norms = sorted(
                (n, eid, alias) for n, (eid, alias) in zip(self.alias_norms, self.alias_rows,
                                                           strict=True)
            )
        rows = self._sorted_norms
        lo = bisect.bisect_right(rows, (norm, "\U0010ffff"))
        hi = bisect.bisect_left(rows, (norm + "\U0010ffff",))
        prefix = sorted(rows[lo:hi], key=lambda r: (len(r[0]), r[0]))[:400]
        for alias_norm, eid, alias in prefix:
            hits.offer_prefix(eid, norm, alias_norm, alias, "alias")
        if hits.wants_fuzzy(norm, limit):
            positions = self._trigrams.candidates(self.alias_norms, norm, 500)
            choices = [self.alias_norms[p] for p in positions]
            for _, score, i in process.extract(norm, choices, scorer=fuzz.WRatio,
                                               score_cutoff=75, limit=limit * 5):
                eid, alias = self.alias_rows[positions[i]]
                hits.offer_fuzzy(eid, round(float(score), 2), alias, "alias")
        return [hit.match(self.entities[eid]) for eid, hit in hits.ranked(str, limit)]

    def neighbors(self, query: NeighbourQuery) -> Subgraph:
        """The open neighbourhood (the benchmark's question): ``entity``, ``depth``, ``limit``."""
        center = self.resolve(query.entity).id
        order: dict[str, int] = {center: 0}
        keys: dict[str, Fact] = {}
        truncated = False
        frontier = [center]
        for level in range(1, query.depth + 1):
            nxt: list[str] = []
            for node in frontier:
                edges = [(o, k, d["fact"]) for o, keyed in self.graph.succ[node].items()
                         for k, d in keyed.items()]
                edges += [(o, k, d["fact"]) for o, keyed in self.graph.pred[node].items()
                          if o != node for k, d in keyed.items()]
                for other, key, fact in sorted(edges, key=lambda e: (e[0], e[1])):
                    if other not in order:
                        if len(order) >= query.limit:
                            truncated = True
                            continue
                        order[other] = level
                        nxt.append(other)
                    keys[key] = fact
            frontier = nxt
        ranked = sorted(order, key=lambda n: (order[n], n))
        return Subgraph(entities=[self.entities[n] for n in ranked],
                        facts=[self._view(keys[k]) for k in sorted(keys)], truncated=truncated)


class _NetworkxAdjacency:
    """The admitted edges of the baseline's ``MultiDiGraph`` as the path search reads them
    (:class:`graph.stores.pathfinding.Adjacency`): node numbers index ``ids``."""

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        ids: list[str],
        numbers: dict[str, int],
        admits: Callable[..., bool],
    ) -> None:
        self.graph, self.ids, self.numbers, self.admits = graph, ids, numbers, admits

    @property
    def n_nodes(self) -> int:
        return len(self.ids)

    def _around(self, node: int) -> list[int]:
        name = self.ids[node]
        return [
            self.numbers[other]
            for adjacency in (self.graph.succ[name], self.graph.pred[name])
            for other, keyed in adjacency.items()
            if any(self.admits(d) for d in keyed.values())
        ]

    def step(self, nodes: I32) -> I32:
        return np.array([m for n in nodes.tolist() for m in self._around(n)], np.int32)

    def around(self, node: int) -> I32:
        return np.array(self._around(node), np.int32)

    def work(self, nodes: I32) -> int:
        return sum(self.degree(n) for n in nodes.tolist())

    def degree(self, node: int) -> int:
        return int(self.graph.degree(self.ids[node]))

    def in_order(self, nodes: I32) -> list[int]:
        return sorted(set(nodes.tolist()))  # numbers follow the sorted ids
