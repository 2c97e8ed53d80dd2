"""``Neo4jStore``: the :class:`~graph.store.GraphStore` protocol on a Neo4j 5 server.

Entities are ``:Entity:<Label>`` nodes, facts are relationships typed by
predicate between them, stories are ``:Story`` nodes whose ``EVIDENCE`` links
carry the sentences, metrics are ``:Metric`` nodes linked ``ABOUT`` their
subject (see ``docs/neo4j.md`` for the diagram). Every statement lives in
``cypher/``.

Results are assembled by the same shared functions as the embedded store's
(:mod:`graph.assemble`, :mod:`graph.pathfinding`, :mod:`graph.merge`), so both
stores answer the same question with the same result, in the same order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import neo4j
from rapidfuzz import fuzz, process

from graph.assemble import (
    build_path,
    entity_ref,
    fact_view,
    metric_view,
    ordinals,
    timeline_item,
)
from graph.embedded.index import EdgeInfo
from graph.errors import (
    AmbiguousEntity,
    EntityNotFound,
    FactNotFound,
    InvalidInput,
    NoPath,
    StoreUnavailable,
    StoryNotFound,
)
from graph.ids import normalize_name
from graph.model import Entity, Fact, GraphDelta, Metric, Story
from graph.neo4j_store.plan import Lookups, StoredRecords, UpsertPlan, lookups, plan_upsert
from graph.neo4j_store.rows import (
    EvidenceRow,
    alias_rows,
    entity_from_props,
    entity_row,
    evidence_rows,
    fact_from_props,
    fact_row,
    metric_from_props,
    metric_row,
    story_from_props,
    story_row,
)
from graph.neo4j_store.runner import CypherRunner, TransactionRunner
from graph.neo4j_store.search import fulltext_query
from graph.neo4j_store.traversal import RemoteAdjacency
from graph.ontology import EntityType, Predicate
from graph.pathfinding import k_shortest_simple_paths
from graph.queries import NeighborQuery, PathQuery, TimelineQuery, TimeWindow, encode_cursor
from graph.results import (
    EntityDetail,
    EntityMatch,
    FactView,
    GraphStats,
    MatchKind,
    PathResult,
    StoryView,
    Subgraph,
    TimelineItem,
    TimelinePage,
    UpsertReport,
)

__all__ = ["Neo4jStore"]

_FACT_KEY = re.compile(r"^fact:[0-9a-f]{20}$")
_ALL_PREDICATES = sorted(p.value for p in Predicate)
_SCHEMA_NODE_STATEMENTS = (
    "schema_meta_id",
    "schema_entity_id",
    "schema_story_id",
    "schema_metric_id",
    "schema_alias_key",
    "schema_entity_type",
    "schema_alias_norm",
    "schema_metric_sort_key",
    "schema_metric_subject",
    "schema_evidence_key",
    "schema_entity_names",
)
_SCHEMA_PER_PREDICATE = ("schema_fact_key", "schema_fact_sort_key", "schema_fact_date_start")
# Candidate entities the full-text index proposes for fuzzy ranking.
_FULLTEXT_CANDIDATES = 200


class Neo4jStore:
    """The graph in a Neo4j database, reached through a driver the caller owns or hands over.

    ``close()`` closes the driver: one store per driver, one driver per process.

    Example (needs a server)::

        driver = connect_neo4j(get_settings())
        store = Neo4jStore(driver, database="neo4j")
        store.ensure_schema()
        store.upsert(delta)
        print(store.paths("Cantech", "Zijin Mining Group", max_hops=3).paths[0].hops)
        store.close()
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        *,
        database: str = "neo4j",
        query_timeout: float = 30.0,
        batch_size: int = 1_000,
        uri: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise InvalidInput(f"batch_size must be at least 1, got {batch_size}")
        self._driver = driver
        self._runner_ = CypherRunner(
            driver,
            uri=uri or "the Neo4j server",
            database=database,
            query_timeout=query_timeout,
            batch_size=batch_size,
        )
        self._closed = False

    # ------------------------------------------------------------------ plumbing

    @property
    def _runner(self) -> CypherRunner:
        if self._closed:
            raise StoreUnavailable("the Neo4j store is closed")
        return self._runner_

    @property
    def database(self) -> str:
        return self._runner_.database

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent) and wait until they are online."""
        runner = self._runner
        for name in _SCHEMA_NODE_STATEMENTS:
            runner.command(name)
        for name in _SCHEMA_PER_PREDICATE:
            for predicate in Predicate:
                runner.command(name, predicate=predicate)
        existing = runner.command("schema_fact_keys_types")
        if existing and sorted(existing[0]["types"] or []) != _ALL_PREDICATES:
            runner.command("schema_drop_fact_keys")  # the ontology gained a predicate
        runner.command("schema_fact_keys")
        runner.command("schema_await", {"seconds": max(1, int(runner.query_timeout))})

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def wipe(self) -> None:
        """Delete every node and relationship of the database (keeps the schema)."""
        while self._runner.command("wipe_batch", {"limit": 10_000})[0]["deleted"]:
            pass

    # -------------------------------------------------------------------- writes

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        """Write ``delta`` in one transaction, merged with what is stored (see graph.merge).

        Upserts serialise on a lock node, read the records the delta touches,
        merge them in Python (:func:`plan_upsert`) and write the changes as
        ``UNWIND`` batches, so a retry after a transient error redoes all of it.
        """
        if delta.is_empty():
            return UpsertReport()
        wanted = lookups(delta)

        def work(tx: TransactionRunner) -> UpsertReport:
            tx.run("write_lock")
            plan = plan_upsert(delta, _read_stored(tx, wanted))
            _write_plan(tx, plan)
            return plan.report

        return self._runner.write(work)

    # ---------------------------------------------------------------- loading

    def _entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._runner.read_in_batches("entities_by_ids", "ids", sorted(set(ids)))
        return {e.id: e for e in (entity_from_props(r["props"]) for r in rows)}

    def _stories(self, ids: Iterable[str]) -> dict[str, Story]:
        rows = self._runner.read_in_batches("stories_by_ids", "ids", sorted(set(ids)))
        return {s.id: s for s in (story_from_props(r["props"]) for r in rows)}

    def _evidence(self, keys: Iterable[str]) -> dict[str, list[EvidenceRow]]:
        rows = self._runner.read_in_batches("evidence_by_keys", "keys", sorted(set(keys)))
        return _group_evidence(rows)

    def _facts_from_rows(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, Fact]:
        evidence = self._evidence(r["props"]["key"] for r in rows)
        return _facts_from_rows(rows, evidence)

    def _metrics_from_props(self, props: Sequence[Mapping[str, Any]]) -> dict[str, Metric]:
        evidence = self._evidence(p["id"] for p in props)
        metrics = (metric_from_props(p, evidence.get(p["id"], ())) for p in props)
        return {m.id: m for m in metrics}

    def _facts_by_edges(self, edges: Iterable[tuple[str, str, str, str]]) -> dict[str, Fact]:
        """Facts given (subject, predicate, object, key) of each."""
        triples = [
            {"subject": s, "predicate": p, "object": o, "key": k}
            for s, p, o, k in sorted(set(edges))
        ]
        rows = self._runner.read_in_batches("facts_by_triples", "triples", triples)
        return self._facts_from_rows(rows)

    def _fact_views(self, facts: Sequence[Fact]) -> list[FactView]:
        entities = self._entities([f.subject for f in facts] + [f.object for f in facts])
        names = {eid: e.name for eid, e in entities.items()}
        stories = self._stories(e.story_id for f in facts for e in f.evidence)
        return [fact_view(f, names, stories) for f in facts]

    # -------------------------------------------------------------- entities

    def _resolve(self, ref: str) -> Entity:
        if not ref or not ref.strip():
            raise InvalidInput("an entity id or name is required")
        by_id = self._entities([ref])
        if ref in by_id:
            return by_id[ref]
        norm = normalize_name(ref)
        ids = self._alias_ids(norm)
        if not ids:
            raise EntityNotFound(ref)
        entities = self._entities(ids)
        if len(entities) == 1:
            return next(iter(entities.values()))
        canonical = [e for e in entities.values() if normalize_name(e.name) == norm]
        if len(canonical) == 1:
            return canonical[0]
        candidates = [
            {"id": e.id, "name": e.name, "type": e.type.value}
            for e in sorted(entities.values(), key=lambda e: e.id)
        ]
        raise AmbiguousEntity(ref, candidates)

    def _alias_ids(self, norm: str) -> list[str]:
        if not norm:
            return []  # aliases with no letters or digits are never indexed
        return [r["id"] for r in self._runner.read("alias_entity_ids", {"norm": norm})]

    def resolve_entity(self, ref: str) -> Entity:
        return self._resolve(ref)

    def find_entities_by_alias(self, name: str) -> list[Entity]:
        ids = self._alias_ids(normalize_name(name))
        found = self._entities(ids)
        return [found[i] for i in ids if i in found]

    def get_entity(self, ref: str) -> EntityDetail:
        entity = self._resolve(ref)
        runner = self._runner
        counts = {
            r["predicate"]: int(r["n"])
            for r in runner.read(
                "entity_fact_counts", {"id": entity.id, "predicates": _ALL_PREDICATES}
            )
        }
        counts = dict(sorted(counts.items()))
        metric_total = int(runner.read("entity_metric_total", {"id": entity.id})[0]["n"])
        sources = runner.read("entity_source_count", {"id": entity.id})
        return EntityDetail(
            entity=entity,
            fact_counts=counts,
            fact_total=sum(counts.values()),
            metric_total=metric_total,
            source_count=int(sources[0]["n"]) if sources else 0,
        )

    def search_entities(
        self, query: str, *, entity_type: EntityType | None = None, limit: int = 10
    ) -> list[EntityMatch]:
        """Exact alias, then prefix, then fuzzy matches, best first.

        Fuzzy candidates come from the ``entity_names`` full-text index and are
        ranked with the embedded store's scorer (rapidfuzz ``WRatio`` over aliases).
        """
        if not 1 <= limit <= 100:
            raise InvalidInput(f"limit must be between 1 and 100, got {limit}")
        norm = normalize_name(query)
        if not norm:
            return []
        runner = self._runner
        hits: dict[str, tuple[int, float, str]] = {}  # entity id -> (kind rank, score, alias)
        types: dict[str, str] = {}

        def offer(eid: str, rank: int, score: float, alias: str) -> None:
            best = hits.get(eid)
            if best is None or (rank, -score, alias) < (best[0], -best[1], best[2]):
                hits[eid] = (rank, score, alias)

        def typed(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
            if entity_type is None or not rows:
                return rows
            unknown = [eid for eid, _alias in rows if eid not in types]
            if unknown:
                types.update({eid: e.type.value for eid, e in self._entities(unknown).items()})
            return [r for r in rows if types.get(r[0]) == entity_type.value]

        stripped = query.strip()
        if self._entities([stripped]):
            offer(stripped, 0, 100.0, stripped)
        exact = runner.read("aliases_exact", {"norm": norm, "limit": 200})
        for eid, alias in typed([(r["entity_id"], r["alias"]) for r in exact]):
            offer(eid, 1, 100.0, alias)
        prefix = runner.read("aliases_prefix", {"norm": norm, "limit": 400})
        for row in prefix:
            eid, alias, alias_norm = row["entity_id"], row["alias"], row["norm"]
            if entity_type and not typed([(eid, alias)]):
                continue
            offer(eid, 2, round(100.0 * len(norm) / len(alias_norm), 2), alias)
        if len(hits) < limit and len(norm) >= 3:
            candidates = runner.read(
                "entities_fulltext",
                {"lucene": fulltext_query(norm), "limit": max(_FULLTEXT_CANDIDATES, limit * 20)},
            )
            choices = runner.read_in_batches(
                "aliases_of_entities", "ids", sorted({r["id"] for r in candidates})
            )
            choices.sort(key=lambda r: (r["norm"], r["entity_id"], r["alias"]))
            norms = [r["norm"] for r in choices]
            for _choice, score, pos in process.extract(
                norm, norms, scorer=fuzz.WRatio, score_cutoff=75, limit=limit * 5
            ):
                eid, alias = choices[pos]["entity_id"], choices[pos]["alias"]
                if entity_type and not typed([(eid, alias)]):
                    continue
                offer(eid, 3, round(float(score), 2), alias)
        ranked = sorted(hits.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))[:limit]
        entities = self._entities([eid for eid, _ in ranked])
        kinds: dict[int, MatchKind] = {0: "id", 1: "exact", 2: "prefix", 3: "fuzzy"}
        return [
            EntityMatch(entity=entities[eid], match=kinds[rank], score=score, matched_alias=alias)
            for eid, (rank, score, alias) in ranked
            if eid in entities
        ]

    # ------------------------------------------------------------ traversal

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        k: int = 5,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        exclude_predicates: Iterable[str] | str | None = None,
        exclude_types: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
    ) -> PathResult:
        """Up to ``k`` shortest paths between two entities, edge direction ignored.

        Neo4j supplies the facts around the endpoints; the search itself is the
        shared :func:`k_shortest_simple_paths`, so ties break the same way as in
        the embedded store (by the sequence of entity ids).
        """
        query = PathQuery.build(
            source, target, max_hops=max_hops, k=k, predicates=predicates,
            since=since, until=until, as_of=as_of, exclude_predicates=exclude_predicates,
            exclude_types=exclude_types, min_confidence=min_confidence,
        )
        src = self._resolve(query.source)
        dst = self._resolve(query.target)
        adjacency = RemoteAdjacency(
            self._runner, query.predicates, query.window, query.traversal, keep=(src.id, dst.id)
        )
        adjacency.prefetch_ball(dst.id, query.max_hops)
        node_paths = k_shortest_simple_paths(
            adjacency.neighbours, src.id, dst.id,
            max_hops=query.max_hops, k=query.k, sort_key=lambda n: n,
        )
        if src.id != dst.id and not node_paths:
            raise NoPath(src.name, dst.name, query.max_hops)
        hop_edges = []
        for nodes in node_paths:
            edges = []
            for a, b in zip(nodes, nodes[1:], strict=False):
                admitted = adjacency.edges_between(a, b)
                edges.append(min(admitted, key=lambda e: (-e.n_sources, e.key)))
            hop_edges.append(edges)
        facts = self._facts_by_edges(
            (e.subject, e.predicate.value, e.object, e.key) for edges in hop_edges for e in edges
        )
        views = {v.key: v for v in self._fact_views([facts[k] for k in sorted(facts)])}
        entities = self._entities({n for p in node_paths for n in p})
        paths = [
            build_path(
                [entity_ref(entities[n]) for n in nodes], [views[edge.key] for edge in edges]
            )
            for nodes, edges in zip(node_paths, hop_edges, strict=True)
        ]
        return PathResult(source=entity_ref(src), target=entity_ref(dst), paths=paths)

    def neighbors(
        self,
        entity: str,
        *,
        depth: int = 1,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        limit: int = 200,
        exclude_predicates: Iterable[str] | str | None = None,
        exclude_types: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
    ) -> Subgraph:
        """Entities within ``depth`` hops and the facts that join them (nearest first)."""
        query = NeighborQuery.build(
            entity, depth=depth, predicates=predicates, since=since, until=until,
            as_of=as_of, limit=limit, exclude_predicates=exclude_predicates,
            exclude_types=exclude_types, min_confidence=min_confidence,
        )
        center = self._resolve(query.entity)
        adjacency = RemoteAdjacency(
            self._runner, query.predicates, query.window, query.traversal, keep=(center.id,)
        )
        order: dict[str, int] = {center.id: 0}
        edges_seen: dict[str, tuple[str, str, str, str]] = {}
        truncated = False
        frontier = [center.id]
        for level in range(1, query.depth + 1):
            adjacency.prefetch(frontier)
            nxt: list[str] = []
            for node in frontier:
                edges = sorted(adjacency.edges_of(node), key=lambda oe: (oe[0], oe[1].key))
                for other, edge in edges:
                    if not adjacency.admits(other, edge):
                        continue
                    if other not in order:
                        if len(order) >= query.limit:
                            truncated = True
                            continue
                        order[other] = level
                        nxt.append(other)
                    edges_seen[edge.key] = _edge_ref(edge)
            frontier = nxt
        facts = self._facts_by_edges(edges_seen.values())
        views = self._fact_views([facts[k] for k in sorted(facts)])
        entities = self._entities(order)
        ranked = sorted(order, key=lambda n: (order[n], n))
        return Subgraph(entities=[entities[n] for n in ranked], facts=views, truncated=truncated)

    def subgraph(self, entity_ids: Sequence[str], *, as_of: str | None = None) -> Subgraph:
        """The given entities (ids or names) and every fact among them."""
        window = TimeWindow.build(as_of=as_of)
        ids = sorted({self._resolve(ref).id for ref in entity_ids})
        wanted = set(ids)
        adjacency = RemoteAdjacency(self._runner, None, window)
        adjacency.prefetch(ids)
        edges_seen: dict[str, tuple[str, str, str, str]] = {}
        for node in ids:
            for other, edge in adjacency.edges_of(node):
                if other in wanted and adjacency.admits(other, edge):
                    edges_seen[edge.key] = _edge_ref(edge)
        facts = self._facts_by_edges(edges_seen.values())
        views = self._fact_views([facts[k] for k in sorted(facts)])
        entities = self._entities(ids)
        return Subgraph(entities=[entities[i] for i in ids], facts=views)

    # -------------------------------------------------------------- timeline

    def timeline(
        self,
        entity: str | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        predicates: Iterable[str] | str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> TimelinePage:
        """Dated facts and metrics in date order; undated ones apart on the first page.

        A partial date sorts at the start of its period (``2025`` before
        ``2025-03-01``) and keeps its precision in the output.
        """
        query = TimelineQuery.build(
            entity, predicates=predicates, since=since, until=until, cursor=cursor, limit=limit
        )
        ref = self._resolve(query.entity) if query.entity else None
        runner = self._runner
        common: dict[str, Any] = {
            "predicates": sorted(p.value for p in (query.predicates or Predicate)),
            # Metrics carry no predicate: asking for some predicates leaves them out.
            "with_metrics": query.predicates is None,
        }
        if ref is not None:
            common["entity"] = ref.id
        w = query.window
        after_sort, after_id = query.cursor if query.cursor is not None else (None, None)
        rows = runner.read(
            "timeline_entity_dated" if ref else "timeline_all_dated",
            {
                **common,
                "since": w.since_ordinal,
                "until": w.until_ordinal,
                "after_sort": after_sort,
                "after_id": after_id,
                "limit": query.limit + 1,
            },
        )
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        items = self._timeline_items(rows)
        undated: list[TimelineItem] = []
        undated_total = 0
        # As in the embedded store: undated items on the first page, and only when no
        # date bound is asked for.
        if query.cursor is None and w.since is None and w.until is None:
            found = runner.read(
                "timeline_entity_undated" if ref else "timeline_all_undated",
                {**common, "limit": query.limit},
            )
            if found:
                undated_total = int(found[0]["total"])
                undated = self._timeline_items(found[0]["items"])
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = encode_cursor(int(last["sort_key"]), last["id"])
        return TimelinePage(
            entity=entity_ref(ref) if ref else None,
            items=items,
            undated=undated,
            undated_total=undated_total,
            next_cursor=next_cursor,
        )

    def _timeline_items(self, rows: Sequence[Mapping[str, Any]]) -> list[TimelineItem]:
        fact_rows = [r for r in rows if r["kind"] == "fact"]
        facts = self._facts_from_rows(fact_rows)
        metrics = self._metrics_from_props([r["props"] for r in rows if r["kind"] == "metric"])
        entities = self._entities(
            [f.subject for f in facts.values()]
            + [f.object for f in facts.values()]
            + [m.subject for m in metrics.values()]
        )
        names = {eid: e.name for eid, e in entities.items()}
        stories = self._stories(
            [e.story_id for f in facts.values() for e in f.evidence]
            + [e.story_id for m in metrics.values() for e in m.evidence]
        )
        items = []
        for row in rows:
            if row["kind"] == "fact":
                items.append(timeline_item(fact_view(facts[row["id"]], names, stories)))
            else:
                items.append(timeline_item(metric_view(metrics[row["id"]], names, stories)))
        return items

    # --------------------------------------------------------------- misc

    def get_fact(self, key: str) -> FactView:
        if not _FACT_KEY.match(key):
            raise FactNotFound(key)  # not a key this project could have made
        rows = self._runner.read("facts_by_keys", {"keys": [key]})
        facts = self._facts_from_rows(rows)
        if key not in facts:
            raise FactNotFound(key)
        return self._fact_views([facts[key]])[0]

    def get_story(self, story_id: str) -> StoryView:
        stories = self._stories([story_id])
        if story_id not in stories:
            raise StoryNotFound(story_id)
        story = stories[story_id]
        keys = [r["key"] for r in self._runner.read("story_evidence_keys", {"id": story_id})]
        fact_keys = sorted(k for k in keys if _FACT_KEY.match(k))
        metric_ids = sorted(k for k in keys if k.startswith("metric:"))
        rows = self._runner.read_in_batches("facts_by_keys", "keys", fact_keys)
        facts = self._facts_from_rows(rows)
        metric_rows = self._runner.read_in_batches("metrics_by_ids", "ids", metric_ids)
        metrics = self._metrics_from_props([r["props"] for r in metric_rows])
        views = self._fact_views([facts[k] for k in sorted(facts)])
        subjects = self._entities(m.subject for m in metrics.values())
        names = {eid: e.name for eid, e in subjects.items()}
        sources = self._stories(e.story_id for m in metrics.values() for e in m.evidence)
        return StoryView(
            id=story.id,
            title=story.title,
            publisher=story.publisher,
            published=story.published,
            url=story.url,
            facts=views,
            metrics=[metric_view(metrics[m], names, sources) for m in sorted(metrics)],
        )

    def stats(self) -> GraphStats:
        runner = self._runner
        counts = runner.read("stats_counts")[0]

        def grouped(name: str, column: str) -> dict[str, int]:
            return dict(sorted((r[column], int(r["n"])) for r in runner.read(name)))

        by_predicate = grouped("stats_by_predicate", "predicate")
        return GraphStats(
            entities=int(counts["entities"]),
            facts=sum(by_predicate.values()),
            stories=int(counts["stories"]),
            metrics=int(counts["metrics"]),
            sources=int(counts["sources"]),
            by_label=grouped("stats_by_label", "label"),
            by_predicate=by_predicate,
            by_publisher=grouped("stats_by_publisher", "publisher"),
        )

    def export_delta(self, *, as_of: str | None = None) -> GraphDelta:
        """Everything stored, as one delta (lossless: loading it elsewhere gives this graph)."""
        window = TimeWindow.build(as_of=as_of)
        runner = self._runner
        stories = [story_from_props(r["props"]) for r in runner.read("export_stories")]
        entities = [entity_from_props(r["props"]) for r in runner.read("export_entities")]
        evidence = _group_evidence(runner.read("export_evidence"))
        facts = _facts_from_rows(runner.read("export_facts"), evidence)
        metric_props = [r["props"] for r in runner.read("export_metrics")]
        metrics = [metric_from_props(p, evidence.get(p["id"], ())) for p in metric_props]
        kept = [
            facts[k] for k in sorted(facts) if window.is_open or window.admits(*ordinals(facts[k]))
        ]
        return GraphDelta(
            stories=tuple(sorted(stories, key=lambda s: s.id)),
            entities=tuple(sorted(entities, key=lambda e: e.id)),
            facts=tuple(kept),
            metrics=tuple(sorted(metrics, key=lambda m: m.id)),
        )


# ---------------------------------------------------------------- helpers


def _edge_ref(edge: EdgeInfo) -> tuple[str, str, str, str]:
    return (edge.subject, edge.predicate.value, edge.object, edge.key)


def _group_evidence(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[EvidenceRow]]:
    evidence: dict[str, list[EvidenceRow]] = defaultdict(list)
    for row in rows:
        evidence[row["key"]].append((row["story_id"], row["sentence"], row.get("extractor")))
    return evidence


def _facts_from_rows(
    rows: Iterable[Mapping[str, Any]], evidence: Mapping[str, Sequence[EvidenceRow]]
) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for row in rows:
        key = row["props"]["key"]
        facts[key] = fact_from_props(
            row["subject"], row["predicate"], row["object"], row["props"], evidence.get(key, ())
        )
    return facts


def _read_stored(tx: TransactionRunner, wanted: Lookups) -> StoredRecords:
    """The stored records an upsert needs, read inside its transaction."""
    stored = StoredRecords()
    stored.story_ids = {
        r["props"]["id"] for r in tx.read_in_batches("stories_by_ids", "ids", wanted.story_ids)
    }
    for row in tx.read_in_batches("entities_by_ids", "ids", wanted.entity_ids):
        entity = entity_from_props(row["props"])
        stored.entities[entity.id] = entity
    triples = [
        {"subject": s, "predicate": p.value, "object": o, "key": None}
        for s, p, o in wanted.triples
    ]
    fact_rows = tx.read_in_batches("facts_by_triples", "triples", triples)
    metric_rows = tx.read_in_batches("metrics_by_ids", "ids", wanted.metric_ids)
    keys = [r["props"]["key"] for r in fact_rows] + [r["props"]["id"] for r in metric_rows]
    evidence = _group_evidence(tx.read_in_batches("evidence_by_keys", "keys", sorted(set(keys))))
    stored.facts = _facts_from_rows(fact_rows, evidence)
    for row in metric_rows:
        metric = metric_from_props(row["props"], evidence.get(row["props"]["id"], ()))
        stored.metrics[metric.id] = metric
    return stored


def _write_plan(tx: TransactionRunner, plan: UpsertPlan) -> None:
    """Write what :func:`plan_upsert` decided, stories first so evidence can link to them."""
    tx.run_batches("stories_create", [story_row(s) for s in plan.stories])
    by_type: dict[EntityType, list[Entity]] = defaultdict(list)
    for entity in plan.entities:
        by_type[entity.type].append(entity)
    for entity_type in sorted(by_type):
        rows = [entity_row(e) for e in by_type[entity_type]]
        tx.run_batches("entities_upsert", rows, entity_type=entity_type)
    tx.run_batches("aliases_upsert", [r for e in plan.entities for r in alias_rows(e)])
    by_predicate: dict[Predicate, list[Fact]] = defaultdict(list)
    for fact in plan.facts:
        by_predicate[fact.predicate].append(fact)
    for predicate in sorted(by_predicate):
        rows = [fact_row(f) for f in by_predicate[predicate]]
        tx.run_batches("facts_upsert", rows, predicate=predicate)
    tx.run_batches(
        "fact_evidence_upsert",
        [r for f in plan.facts for r in evidence_rows(f.key, f.subject, f.evidence)],
    )
    tx.run_batches("metrics_upsert", [metric_row(m) for m in plan.metrics])
    tx.run_batches(
        "metric_evidence_upsert",
        [r for m in plan.metrics for r in evidence_rows(m.id, m.id, m.evidence)],
    )
