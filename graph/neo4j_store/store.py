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

from graph.assemble import (
    build_path,
    earliest_published,
    entity_ref,
    fact_view,
    metric_view,
    ordinals,
    timeline_item,
)
from graph.dates import partial_date_ordinal
from graph.embedded.index import EdgeInfo
from graph.errors import (
    FactNotFound,
    InvalidInput,
    NoPath,
    StoreUnavailable,
)
from graph.hits import MatchSet
from graph.ids import normalize_name
from graph.model import Entity, Fact, GraphDelta, Metric, Story
from graph.names import FUZZY_KINDS, WEAK_SCORE, fuzzy_scores, short_form
from graph.neo4j_store.plan import Lookups, StoredRecords, UpsertPlan, lookups, plan_upsert
from graph.neo4j_store.rows import (
    EvidenceRow,
    alias_rows,
    entity_from_props,
    entity_row,
    evidence_rows,
    fact_from_props,
    fact_row,
    former_key_rows,
    metric_from_props,
    metric_row,
    rekey_rows,
    story_from_props,
    story_row,
)
from graph.neo4j_store.runner import CypherRunner, TransactionRunner
from graph.neo4j_store.search import fulltext_query
from graph.neo4j_store.traversal import RemoteAdjacency
from graph.ontology import EntityType, Predicate
from graph.pathfinding import k_shortest_simple_paths
from graph.queries import (
    UNDATED_POSITION,
    NeighborQuery,
    PathQuery,
    TimelineQuery,
    TimeWindow,
    encode_cursor,
)
from graph.resolver import RESOLVE_LIMIT, choose_entity
from graph.results import (
    EntityDetail,
    EntityMatch,
    FactView,
    GraphStats,
    PathResult,
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
        """The one entity ``ref`` names: an id, else the shared rule of
        :func:`graph.resolver.choose_entity` over this store's search."""
        if not ref or not ref.strip():
            raise InvalidInput("an entity id or name is required")
        by_id = self._entities([ref])
        if ref in by_id:
            return by_id[ref]
        return choose_entity(ref, self._search(ref, None, RESOLVE_LIMIT, resolving=True))

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
        """Id, exact keys (name, alias, Chinese name, ticker, identifier), short forms,
        prefixes, then fuzzy matches, best first.

        Fuzzy candidates come from the ``entity_names`` full-text index and are
        scored with :func:`graph.names.fuzzy_score`, as in the embedded store.
        """
        if not 1 <= limit <= 100:
            raise InvalidInput(f"limit must be between 1 and 100, got {limit}")
        return self._search(query, entity_type, limit)

    def _search(
        self, query: str, entity_type: EntityType | None, limit: int, *, resolving: bool = False
    ) -> list[EntityMatch]:
        """``resolving`` stops at the first tier with a hit: :func:`choose_entity` never
        looks further."""
        norm = normalize_name(query)
        if not norm:
            return []
        runner = self._runner
        hits: MatchSet[str] = MatchSet()
        types: dict[str, str] = {}

        def typed(eid: str) -> bool:
            if entity_type is None:
                return True
            if eid not in types:
                types.update({i: e.type.value for i, e in self._entities([eid]).items()})
            return types.get(eid) == entity_type.value

        stripped = query.strip()
        if self._entities([stripped]) and typed(stripped):
            hits.offer(stripped, 0, 100.0, stripped, "id")
        for row in runner.read("aliases_exact", {"norm": norm, "limit": 200}):
            if typed(row["entity_id"]):
                rank = 2 if row["kind"] == "short_name" else 1
                hits.offer(row["entity_id"], rank, 100.0, row["alias"], row["kind"])
        short = short_form(norm)
        if short and short != norm and not hits.has_rank(1):
            for row in runner.read("aliases_exact", {"norm": short, "limit": 200}):
                if typed(row["entity_id"]):
                    hits.offer(row["entity_id"], 2, 100.0, row["alias"], "short_name")
        if resolving and len(hits):
            return self._matches(hits, limit)
        for row in runner.read("aliases_prefix", {"norm": norm, "limit": 400}):
            if typed(row["entity_id"]):
                score = round(100.0 * len(norm) / len(row["norm"]), 2)
                hits.offer(row["entity_id"], 3, score, row["alias"], row["kind"])
        if resolving and len(hits):
            return self._matches(hits, limit)
        if len(hits) < limit and len(short or norm) >= 3:
            candidates = runner.read(
                "entities_fulltext",
                {"lucene": fulltext_query(short or norm),
                 "limit": max(_FULLTEXT_CANDIDATES, limit * 20)},
            )
            choices = runner.read_in_batches(
                "aliases_of_entities", "ids", sorted({r["id"] for r in candidates})
            )
            choices = [row for row in choices if row["kind"] in FUZZY_KINDS]
            scores = fuzzy_scores(norm, [row["norm"] for row in choices])
            for row, score in zip(choices, scores, strict=True):
                if score >= WEAK_SCORE and typed(row["entity_id"]):
                    hits.offer(row["entity_id"], 4, score, row["alias"], row["kind"])
        return self._matches(hits, limit)

    def _matches(self, hits: MatchSet[str], limit: int) -> list[EntityMatch]:
        ranked = hits.ranked(str, limit)
        entities = self._entities([eid for eid, _ in ranked])
        return [hit.match(entities[eid]) for eid, hit in ranked if eid in entities]

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
    ) -> PathResult:
        """Up to ``k`` shortest paths between two entities, edge direction ignored.

        Neo4j supplies the facts around the endpoints; the search itself is the
        shared :func:`k_shortest_simple_paths`, so ties break the same way as in
        the embedded store (by the sequence of entity ids).
        """
        query = PathQuery.build(
            source, target, max_hops=max_hops, k=k, predicates=predicates,
            since=since, until=until, as_of=as_of,
        )
        src = self._resolve(query.source)
        dst = self._resolve(query.target)
        if src.id == dst.id:
            raise InvalidInput(
                f"source and target are the same entity ({src.name}, {src.id});"
                " a path joins two different entities"
            )
        adjacency = RemoteAdjacency(self._runner, query.predicates, query.window)
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
    ) -> Subgraph:
        """Entities within ``depth`` hops and the facts that join them (nearest first)."""
        query = NeighborQuery.build(
            entity, depth=depth, predicates=predicates, since=since, until=until,
            as_of=as_of, limit=limit,
        )
        center = self._resolve(query.entity)
        adjacency = RemoteAdjacency(self._runner, query.predicates, query.window)
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
                    if not adjacency.admitted(edge):
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
                if other in wanted and adjacency.admitted(edge):
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
        """Dated facts and metrics in date order; undated ones in their own section.

        A partial date sorts at the start of its period (``2025`` before
        ``2025-03-01``) and keeps its precision in the output. The first page also
        carries the first undated items; ``undated_next_cursor`` pages through them.
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
        items: list[TimelineItem] = []
        more = False
        rows: list[Any] = []
        if query.wants_dated:
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
        undated_next = None
        # As in the embedded store: undated items on the first page (when no date bound is
        # asked for), and on the pages of their own cursor.
        if query.wants_undated:
            found = runner.read(
                "timeline_entity_undated" if ref else "timeline_all_undated",
                {**common, "after_id": query.undated_after, "limit": query.limit + 1},
            )
            if found:
                undated_total = int(found[0]["total"])
                page = found[0]["items"]
                if len(page) > query.limit:
                    page = page[: query.limit]
                    undated_next = encode_cursor(UNDATED_POSITION, page[-1]["id"])
                undated = self._timeline_items(page)
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
            undated_next_cursor=undated_next,
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
        if key in facts:
            return self._fact_views([facts[key]])[0]
        # A key the fact had before a more precise record refined its date.
        rows = self._runner.read("facts_by_former_key", {"key": key})
        facts = self._facts_from_rows(rows)
        if not facts:
            raise FactNotFound(key)
        return self._fact_views(list(facts.values()))[0]

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
        published = {s.id: s.published for s in stories}
        kept = [
            facts[k] for k in sorted(facts)
            if window.is_open or _admitted(window, facts[k], published)
        ]
        return GraphDelta(
            stories=tuple(sorted(stories, key=lambda s: s.id)),
            entities=tuple(sorted(entities, key=lambda e: e.id)),
            facts=tuple(kept),
            metrics=tuple(sorted(metrics, key=lambda m: m.id)),
        )


# ---------------------------------------------------------------- helpers


def _admitted(window: TimeWindow, fact: Fact, published: Mapping[str, str | None]) -> bool:
    """The as-of rule of an export (an undated fact starts when its first source appeared)."""
    known = earliest_published(fact, published)
    return window.admits(
        *ordinals(fact), known_from=partial_date_ordinal(known) if known else None
    )


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
    fact_rows += tx.read_in_batches("facts_leads_into", "ids", wanted.leads_objects)
    metric_rows = tx.read_in_batches("metrics_by_ids", "ids", wanted.metric_ids)
    keys = [r["props"]["key"] for r in fact_rows] + [r["props"]["id"] for r in metric_rows]
    evidence = _group_evidence(tx.read_in_batches("evidence_by_keys", "keys", sorted(set(keys))))
    stored.facts = _facts_from_rows(fact_rows, evidence)
    cited = {story for pairs in evidence.values() for story, _sentence, _extractor in pairs}
    cited |= set(wanted.story_ids)
    for row in tx.read_in_batches("stories_by_ids", "ids", sorted(cited)):
        stored.published[row["props"]["id"]] = row["props"].get("published")
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
    # A fact whose date was refined keeps its relationship and evidence under the new key.
    rekeys: dict[Predicate, list[tuple[str, str]]] = defaultdict(list)
    for predicate, old, new in plan.rekeys:
        rekeys[predicate].append((old, new))
    for predicate in sorted(rekeys):
        tx.run_batches("facts_rekey", rekey_rows(rekeys[predicate]), predicate=predicate)
    tx.run_batches("fact_evidence_rekey", rekey_rows((old, new) for _p, old, new in plan.rekeys))
    by_predicate: dict[Predicate, list[Fact]] = defaultdict(list)
    for fact in plan.facts:
        by_predicate[fact.predicate].append(fact)
    for predicate in sorted(by_predicate):
        rows = [fact_row(f, plan.known_from.get(f.key)) for f in by_predicate[predicate]]
        tx.run_batches("facts_upsert", rows, predicate=predicate)
    former: dict[Predicate, dict[str, list[str]]] = defaultdict(dict)
    for predicate, key, keys in plan.former_keys:
        former[predicate][key] = keys
    for predicate in sorted(former):
        tx.run_batches("facts_former_keys", former_key_rows(former[predicate]),
                       predicate=predicate)
    tx.run_batches(
        "fact_evidence_upsert",
        [r for f in plan.facts for r in evidence_rows(f.key, f.subject, f.evidence)],
    )
    tx.run_batches("metrics_upsert", [metric_row(m) for m in plan.metrics])
    tx.run_batches(
        "metric_evidence_upsert",
        [r for m in plan.metrics for r in evidence_rows(m.id, m.id, m.evidence)],
    )
