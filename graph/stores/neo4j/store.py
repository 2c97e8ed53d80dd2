"""``Neo4jStore``: the :class:`~graph.stores.protocol.GraphStore` protocol on a Neo4j 5 server.

Entities are ``:Entity:<Label>`` nodes, facts are relationships typed by
predicate between them, stories are ``:Story`` nodes whose ``EVIDENCE`` links
carry the sentences, metrics are ``:Metric`` nodes linked ``ABOUT`` their
subject (README, "The model in Neo4j"). Every statement lives in ``cypher/``.

Each query method runs in one read transaction (one snapshot: a write
committed meanwhile is either wholly in its answer or not at all), and the
traversals run inside the database (:mod:`graph.stores.neo4j.traversal`).
Results are assembled by the same shared functions as the embedded store's
(:mod:`graph.stores.assemble`, :mod:`graph.model.merge`), so both stores answer the same
question with the same result, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import neo4j

from sinograph.graph.model.curation import CurationPage, CurationRecord, Curator, EntityEdit
from sinograph.graph.model.curation_log import CurationExport
from sinograph.graph.model.dates import partial_date_ordinal
from sinograph.graph.model.domain import Entity, Fact, GraphDelta
from sinograph.graph.model.errors import (
    FactNotFound,
    InvalidInput,
    NoPath,
    StoreUnavailable,
    StoryNotFound,
)
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.model.queries import (
    UNDATED_POSITION,
    NeighbourQuery,
    PathQuery,
    SearchQuery,
    TimelineQuery,
    TimeWindow,
    encode_cursor,
)
from sinograph.graph.model.results import (
    EntityDetail,
    EntityMatch,
    EntityRef,
    FactView,
    GraphStats,
    PathResult,
    StoreBackup,
    StoreHealth,
    StoryPage,
    StorySummary,
    StoryView,
    Subgraph,
    TimelineItem,
    TimelinePage,
    UpsertReport,
)
from sinograph.graph.model.story_query import ENTITY_STORIES, StoryQuery, encode_story_cursor
from sinograph.graph.stores.assemble import (
    build_path,
    earliest_published,
    entity_ref,
    metric_view,
    ordinals,
    timeline_item,
)
from sinograph.graph.stores.neo4j import curation
from sinograph.graph.stores.neo4j.curation import curation_export, find_fact
from sinograph.graph.stores.neo4j.reading import (
    alias_entity_ids,
    entities,
    fact_views,
    facts_from_rows,
    filter_params,
    group_evidence,
    metric_views,
    sources,
)
from sinograph.graph.stores.neo4j.rows import entity_from_props, metric_from_props, story_from_props
from sinograph.graph.stores.neo4j.runner import CypherRunner, Record, TransactionRunner
from sinograph.graph.stores.neo4j.search import resolve, resolve_ref, search
from sinograph.graph.stores.neo4j.traversal import (
    facts_among,
    hop_facts,
    neighbourhood,
    shortest_paths,
)
from sinograph.graph.stores.neo4j.writing import read_redirects, upsert_in

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
    "schema_evidence_rejected",
    "schema_redirect_id",
    "schema_redirect_target",
    "schema_curation_id",
    "schema_curation_seq",
    "schema_curation_entity",
    "schema_curation_target",
    "schema_curation_fact",
)
_SCHEMA_PER_PREDICATE = ("schema_fact_key", "schema_fact_sort_key", "schema_fact_date_start",
                         "schema_fact_rejected")
_SCHEMA_NAME = re.compile(r"CREATE (?:FULLTEXT )?(?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS")
_WIPE_BATCH = 10_000
T = TypeVar("T")


class Neo4jStore:
    """The graph in a Neo4j database, reached through a driver the caller owns or hands over.

    ``close()`` closes the driver: one store per driver, one driver per process.

    Example (needs a server)::

        driver = connect_neo4j(get_settings())
        store = Neo4jStore(driver, database="neo4j")
        store.ensure_schema()
        store.upsert(delta)
        query = PathQuery(source="Cantech", target="Zijin Mining Group", max_hops=3)
        print(store.paths(query).paths[0].hops)
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

    def _read(self, work: Any) -> Any:
        """Run ``work(tx)`` in one read transaction (one snapshot of the graph)."""
        return self._runner.read_transaction(work)

    def ensure_schema(self) -> None:
        """Create the missing constraints and indexes (idempotent) and wait until they are online.

        One statement lists what exists, so on a database that has the schema this
        costs two round trips.
        """
        runner = self._runner
        existing = {r["name"] for r in runner.command("schema_names")}
        wanted: list[tuple[str, Predicate | None]] = [(n, None) for n in _SCHEMA_NODE_STATEMENTS]
        wanted += [(n, p) for n in _SCHEMA_PER_PREDICATE for p in Predicate]
        created = False
        for name, predicate in wanted:
            text = runner.statement_text(name, predicate=predicate)
            found = _SCHEMA_NAME.search(text)
            if found is None or found.group(1) not in existing:
                runner.command(name, predicate=predicate)
                created = True
        fact_keys = runner.command("schema_fact_keys_types")
        if fact_keys and sorted(fact_keys[0]["types"] or []) != _ALL_PREDICATES:
            runner.command("schema_drop_fact_keys")  # the ontology gained a predicate
            fact_keys = []
        if not fact_keys:
            runner.command("schema_fact_keys")
            created = True
        if created or len(existing) < len(wanted) + 1:
            runner.command("schema_await", {"seconds": max(1, int(runner.query_timeout))})

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------- scratch databases

    def claim_scratch(self, purpose: str) -> None:
        """Make sure this database may be emptied by :meth:`wipe` (tests, benchmarks).

        A database carrying the ``:SinographScratch`` marker is scratch. An empty
        one is marked now. Any other — one holding data without the marker — is
        refused with :class:`InvalidInput`, so a test or benchmark pointed at real
        data by mistake deletes nothing.
        """
        state = self._runner.command("scratch_state")[0]
        if state["marked"]:
            return
        if state["has_data"]:
            raise InvalidInput(
                f"refusing to use database {self.database!r} on {self._runner.uri} for "
                f"{purpose}: it holds data and is not marked as a scratch database "
                "(a :SinographScratch node); point the tests or benchmark at an empty "
                "database, or at one they created"
            )
        self._runner.command("scratch_mark", {"purpose": purpose})

    def wipe(self) -> None:
        """Delete every node and relationship except the scratch marker (keeps the schema).

        Refuses (:class:`InvalidInput`) on a database :meth:`claim_scratch` did not mark.
        """
        if not self._runner.command("scratch_state")[0]["marked"]:
            raise InvalidInput(
                f"refusing to empty database {self.database!r} on {self._runner.uri}: "
                "it is not marked as a scratch database (see Neo4jStore.claim_scratch)"
            )
        while self._runner.command("wipe_batch", {"limit": _WIPE_BATCH})[0]["deleted"]:
            pass

    # -------------------------------------------------------------------- writes

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        """Write ``delta`` in one transaction, merged with what is stored (see graph.model.merge).

        Upserts serialise on a lock node, send the ids of merged-away entities to their
        survivors, read the records the delta touches, merge them in Python
        (:func:`~graph.stores.neo4j.plan.plan_upsert`) and write the changes as ``UNWIND``
        batches (:func:`graph.stores.neo4j.writing.upsert_in`), so a retry after a
        transient error redoes all of it.
        """
        if delta.is_empty():
            return UpsertReport()

        def work(tx: TransactionRunner) -> UpsertReport:
            tx.run("write_lock")
            return upsert_in(tx, delta).report

        result: UpsertReport = self._runner.write(work)
        return result

    # -------------------------------------------------------------- entities

    def resolve_entity(self, ref: str) -> Entity:
        entity: Entity = self._read(lambda tx: resolve(tx, ref))
        return entity

    def find_entities_by_alias(self, name: str) -> list[Entity]:
        def work(tx: TransactionRunner) -> list[Entity]:
            ids = alias_entity_ids(tx, normalize_name(name))
            found = entities(tx, ids)
            return [found[i] for i in ids if i in found]

        result: list[Entity] = self._read(work)
        return result

    def find_entities_by_aliases(
        self, names: Iterable[str], *, canonical: bool = False, excluding: Iterable[str] = ()
    ) -> dict[str, list[Entity]]:
        norms = sorted({n for n in (normalize_name(x) for x in names) if n})
        if not norms:
            return {}
        skip = frozenset(excluding)

        def work(tx: TransactionRunner) -> dict[str, list[Entity]]:
            if canonical:
                pairs = tx.read_in_batches("alias_entity_names", "norms", norms)
                by_norm: dict[str, list[str]] = {}
                for r in pairs:
                    if normalize_name(r["name"]) == r["norm"]:
                        by_norm.setdefault(r["norm"], []).append(r["id"])
            else:
                rows = tx.read_in_batches("alias_entity_ids_many", "norms", norms)
                by_norm = {r["norm"]: list(r["ids"]) for r in rows}
            by_norm = {n: [i for i in ids if i not in skip] for n, ids in by_norm.items()}
            found = entities(tx, sorted({i for ids in by_norm.values() for i in ids}))
            return {
                norm: [found[i] for i in sorted(set(ids)) if i in found]
                for norm, ids in sorted(by_norm.items())
                if any(i in found for i in ids)
            }

        result: dict[str, list[Entity]] = self._read(work)
        return result

    def get_entity(self, ref: str) -> EntityDetail:
        def work(tx: TransactionRunner) -> EntityDetail:
            entity, redirected = resolve_ref(tx, ref)
            counts = {
                r["predicate"]: int(r["n"])
                for r in tx.run(
                    "entity_fact_counts", {"id": entity.id, "predicates": _ALL_PREDICATES}
                )
            }
            metric_total = int(tx.run("entity_metric_total", {"id": entity.id})[0]["n"])
            found = tx.run("entity_source_count", {"id": entity.id})
            stories = _story_page(tx, StoryQuery(limit=ENTITY_STORIES), entity.id).items
            return EntityDetail(
                entity=entity,
                fact_counts=dict(sorted(counts.items())),
                fact_total=sum(counts.values()),
                metric_total=metric_total,
                source_count=int(found[0]["n"]) if found else 0,
                stories=stories,
                redirected_from=redirected,
            )

        result: EntityDetail = self._read(work)
        return result

    def list_stories(
        self,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> StoryPage:
        query = StoryQuery.build(
            publisher=publisher, since=since, until=until, entity=entity, cursor=cursor,
            limit=limit,
        )

        def work(tx: TransactionRunner) -> StoryPage:
            scope = resolve(tx, query.entity).id if query.entity is not None else None
            return _story_page(tx, query, scope)

        result: StoryPage = self._read(work)
        return result

    def search_entities(self, query: SearchQuery) -> list[EntityMatch]:
        """Id, exact keys (name, alias, Chinese name, ticker, identifier), short forms,
        prefixes, then fuzzy matches, best first.

        Exact, short-form and prefix hits come from the ``Alias.norm`` range index;
        fuzzy candidates from the ``entity_names`` full-text index, scored with
        :func:`graph.model.names.fuzzy_score` as in the embedded store; all in one
        statement (:func:`graph.stores.neo4j.search.search`).
        """
        if not normalize_name(query.text):
            return []
        result: list[EntityMatch] = self._read(
            lambda tx: search(tx, query.text, query.type, query.limit)
        )
        return result

    # ------------------------------------------------------------ traversal

    def paths(self, query: PathQuery) -> PathResult:
        """Up to ``k`` shortest paths between two entities, edge direction ignored.

        The search runs inside Neo4j (``SHORTEST k GROUPS``, see
        :func:`~graph.stores.neo4j.traversal.shortest_paths`); only the paths, the
        fact of each hop and their evidence cross the wire, in one transaction.
        Excluded predicates leave the allow-list; facts below ``min_confidence`` and
        entities of an excluded type (but the two ends) are kept off during the search.
        """
        filters = filter_params(
            query.traversal.predicates, query.window, query.traversal.min_confidence
        )
        excluded = [t.value for t in query.traversal.exclude_types]

        def work(tx: TransactionRunner) -> PathResult:
            source, source_from = resolve_ref(tx, query.source)
            target, target_from = resolve_ref(tx, query.target)
            src, dst = entity_ref(source), entity_ref(target)
            redirects = {old: e.id for old, e in ((source_from, source), (target_from, target))
                         if old is not None}
            if src.id == dst.id:
                raise InvalidInput(
                    f"source and target are the same entity ({src.name}, {src.id});"
                    " a path joins two different entities"
                )
            found = shortest_paths(
                tx, src.id, dst.id, max_hops=query.max_hops, k=query.k, filters=filters,
                exclude_types=excluded, max_degree=query.traversal.max_degree,
            )
            if not found:
                raise NoPath(src.name, dst.name, query.max_hops)
            hops = hop_facts(tx, found, filters)
            views = fact_views(tx, list(hops.values()))
            paths = []
            for path in found:
                refs = [EntityRef(id=i, name=n, type=EntityType(t)) for i, n, t in path.refs]
                ids = path.ids
                facts = [
                    views[hops[(a, b)]["props"]["key"]]
                    for a, b in zip(ids, ids[1:], strict=False)
                ]
                paths.append(build_path(refs, facts))
            return PathResult(source=src, target=dst, paths=paths, redirects=redirects)

        result: PathResult = self._read(work)
        return result

    def neighbors(self, query: NeighbourQuery) -> Subgraph:
        """Entities within ``depth`` hops and the facts that join them (nearest first).

        Each level is one bounded expansion in Cypher (``neighbours_level``), which
        neither walks a fact below ``min_confidence`` nor enters an entity of an
        excluded type; the centre is kept whatever its type.
        """
        filters = filter_params(
            query.traversal.predicates, query.window, query.traversal.min_confidence
        )
        excluded = [t.value for t in query.traversal.exclude_types]

        def work(tx: TransactionRunner) -> Subgraph:
            centre = resolve(tx, query.entity)
            around = neighbourhood(
                tx, centre.id, depth=query.depth, limit=query.limit, filters=filters,
                exclude_types=excluded, max_degree=query.traversal.max_degree,
            )
            level_of = around.level_of
            rows = facts_among(tx, around.expanded, list(level_of), filters)
            views = fact_views(tx, rows)
            found = entities(tx, level_of)
            ranked = sorted(level_of, key=lambda n: (level_of[n], n))
            return Subgraph(
                entities=[found[n] for n in ranked],
                facts=[views[k] for k in sorted(views)],
                truncated=around.truncated,
            )

        result: Subgraph = self._read(work)
        return result

    def subgraph(self, entity_ids: Sequence[str], *, as_of: str | None = None) -> Subgraph:
        """The given entities (ids or names) and every fact among them."""
        filters = filter_params(None, TimeWindow.build(as_of=as_of))

        def work(tx: TransactionRunner) -> Subgraph:
            ids = sorted({resolve(tx, ref).id for ref in entity_ids})
            views = fact_views(tx, facts_among(tx, ids, ids, filters))
            found = entities(tx, ids)
            return Subgraph(
                entities=[found[i] for i in ids], facts=[views[k] for k in sorted(views)]
            )

        result: Subgraph = self._read(work)
        return result

    # -------------------------------------------------------------- timeline

    def timeline(self, query: TimelineQuery) -> TimelinePage:
        """Dated facts and metrics in date order; undated ones in their own section.

        A partial date sorts at the start of its period (``2025`` before
        ``2025-03-01``) and keeps its precision in the output. The first page also
        carries the first undated items; ``undated_next_cursor`` pages through them.
        Pages are cut in Cypher (``ORDER BY``, ``LIMIT``, the cursor in the query).
        """
        result: TimelinePage = self._read(lambda tx: _timeline(tx, query))
        return result

    # --------------------------------------------------------------- misc

    def get_fact(self, key: str) -> FactView:
        if not _FACT_KEY.match(key):
            raise FactNotFound(key)  # not a key this project could have made

        def work(tx: TransactionRunner) -> FactView:
            # By its key, else a key it had before a more precise record refined its date
            # or a merge moved it; a rejected fact is shown, marked so.
            row = find_fact(tx, key)
            view = fact_views(tx, [row])[row["props"]["key"]]
            return view.model_copy(update={"rejected": True}) if row["props"].get(
                "rejected") else view

        result: FactView = self._read(work)
        return result

    def get_story(self, story_id: str) -> StoryView:
        """One story and every fact and metric read from it, found through its evidence
        links (facts by key, metrics by id); raises :class:`StoryNotFound`."""

        def work(tx: TransactionRunner) -> StoryView:
            rows = tx.run("stories_by_ids", {"ids": [story_id]})
            if not rows:
                raise StoryNotFound(story_id)
            story = story_from_props(rows[0]["props"])
            keys = [r["key"] for r in tx.run("story_evidence_keys", {"id": story_id})]
            fact_keys = sorted(k for k in keys if _FACT_KEY.match(k))
            metric_ids = sorted(k for k in keys if not _FACT_KEY.match(k))
            found = sources(tx, keys)
            evidence, stories = found
            rows = tx.read_in_batches("facts_by_keys", "keys", fact_keys)
            views = fact_views(tx, [r for r in rows if not r["props"].get("rejected")], found)
            metrics = [
                metric_from_props(r["props"], evidence.get(r["props"]["id"], ()))
                for r in tx.read_in_batches("metrics_by_ids", "ids", metric_ids)
            ]
            names = {e.id: e.name for e in entities(tx, {m.subject for m in metrics}).values()}
            return StoryView(
                id=story.id,
                title=story.title,
                publisher=story.publisher,
                published=story.published,
                url=story.url,
                facts=[views[k] for k in sorted(views)],
                metrics=[
                    metric_view(m, names, stories) for m in sorted(metrics, key=lambda m: m.id)
                ],
            )

        result: StoryView = self._read(work)
        return result

    def stats(self) -> GraphStats:
        def work(tx: TransactionRunner) -> GraphStats:
            counts = tx.run("stats_counts")[0]

            def grouped(name: str, column: str) -> dict[str, int]:
                return dict(sorted((r[column], int(r["n"])) for r in tx.run(name)))

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

        result: GraphStats = self._read(work)
        return result

    def backup(self, target: str | Path) -> StoreBackup:
        raise InvalidInput(
            "a Neo4j database is backed up with Neo4j's own tools (`neo4j-admin database "
            "dump` with the database stopped, or online backup in Enterprise); "
            "`sinograph export graph.json` is a store-neutral copy"
        )

    def health(self) -> StoreHealth:
        self._runner.command("health_probe")
        return StoreHealth()

    def export_delta(self, *, as_of: str | None = None) -> GraphDelta:
        """Everything stored, as one delta (lossless: loading it elsewhere gives this graph)."""
        window = TimeWindow.build(as_of=as_of)

        def work(tx: TransactionRunner) -> GraphDelta:
            stories = [story_from_props(r["props"]) for r in tx.run("export_stories")]
            found = [entity_from_props(r["props"]) for r in tx.run("export_entities")]
            evidence = group_evidence(tx.run("export_evidence"))
            facts = facts_from_rows(tx.run("export_facts"), evidence)
            metric_props = [r["props"] for r in tx.run("export_metrics")]
            metrics = [metric_from_props(p, evidence.get(p["id"], ())) for p in metric_props]
            published = {s.id: s.published for s in stories}
            curation = curation_export(tx)
            kept = [
                facts[k] for k in sorted(facts)
                if window.is_open or _admitted(window, facts[k], published)
            ]
            return GraphDelta(
                stories=tuple(sorted(stories, key=lambda s: s.id)),
                entities=tuple(sorted(found, key=lambda e: e.id)),
                facts=tuple(kept),
                metrics=tuple(sorted(metrics, key=lambda m: m.id)),
                curation=None if curation.is_empty() else curation,
            )

        result: GraphDelta = self._read(work)
        return result

    # ------------------------------------------------------------- curation
    # Each change is one write transaction under the writers' lock, with its log record
    # (graph.stores.neo4j.curation).

    def _curate(self, work: Callable[[TransactionRunner], T]) -> T:
        def locked(tx: TransactionRunner) -> T:
            tx.run("write_lock")
            return work(tx)

        result: T = self._runner.write(locked)
        return result

    def reject_fact(self, key: str, curator: Curator) -> CurationRecord:
        return self._curate(lambda tx: curation.reject_or_restore(tx, key, curator, True))

    def restore_fact(self, key: str, curator: Curator) -> CurationRecord:
        return self._curate(lambda tx: curation.reject_or_restore(tx, key, curator, False))

    def rejected_facts(self, *, limit: int = 100) -> list[FactView]:
        if not 1 <= limit <= 1000:
            raise InvalidInput(f"limit must be between 1 and 1000, got {limit}")

        def work(tx: TransactionRunner) -> list[FactView]:
            rows = curation.rejected_rows(tx, limit)
            views = fact_views(tx, rows)
            return [views[r["props"]["key"]].model_copy(update={"rejected": True})
                    for r in rows]

        result: list[FactView] = self._read(work)
        return result

    def merge_entities(self, source: str, target: str, curator: Curator) -> CurationRecord:
        return self._curate(lambda tx: curation.merge_entities(tx, source, target, curator))

    def split_entity(
        self, entity: str, alias: str, curator: Curator, *, name: str | None = None
    ) -> CurationRecord:
        return self._curate(lambda tx: curation.split_entity(tx, entity, alias, name, curator))

    def edit_entity(self, entity: str, edit: EntityEdit, curator: Curator) -> CurationRecord:
        return self._curate(lambda tx: curation.edit_entity(tx, entity, edit, curator))

    def curation_log(
        self,
        *,
        entity: str | None = None,
        fact: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> CurationPage:
        def work(tx: TransactionRunner) -> CurationPage:
            ids = curation.log_scope(tx, entity) if entity is not None else []
            return curation.log_page(tx, ids=ids, fact=fact, cursor=cursor, limit=limit)

        result: CurationPage = self._read(work)
        return result

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(ids))
        result: dict[str, str] = self._read(lambda tx: read_redirects(tx, wanted))
        return result

    def curation_export(self) -> CurationExport:
        result: CurationExport = self._read(curation.curation_export)
        return result

    def import_curation(self, section: CurationExport) -> int:
        if section.is_empty():
            return 0
        return self._curate(lambda tx: curation.import_curation(tx, section))


# ---------------------------------------------------------------- helpers


def _admitted(window: TimeWindow, fact: Fact, published: Mapping[str, str | None]) -> bool:
    """The as-of rule of an export (an undated fact starts when its first source appeared)."""
    known = earliest_published(fact, published)
    return window.admits(
        *ordinals(fact), known_from=partial_date_ordinal(known) if known else None
    )


def _story_page(tx: TransactionRunner, query: StoryQuery, entity_id: str | None) -> StoryPage:
    ids = None
    if entity_id is not None:
        ids = [r["id"] for r in tx.run("entity_story_ids", {"id": entity_id})]
    rows = tx.run(
        "stories_page",
        {
            "ids": ids,
            "publisher": query.publisher_norm,
            "since": query.since_low,
            "until": query.until_high,
            "after_low": query.cursor[0] if query.cursor else None,
            "after_id": query.cursor[1] if query.cursor else None,
            "limit": query.limit,
        },
    )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    items = [
        StorySummary(
            id=r["props"]["id"],
            title=r["props"].get("title"),
            publisher=r["props"].get("publisher"),
            published=r["props"].get("published"),
            url=r["props"].get("url"),
            fact_count=int(r["facts"]),
            metric_count=int(r["metrics"]),
        )
        for r in rows
    ]
    cursor = encode_story_cursor(rows[-1]["low"], items[-1].id) if more and rows else None
    return StoryPage(items=items, next_cursor=cursor)


def _timeline(tx: TransactionRunner, query: TimelineQuery) -> TimelinePage:
    ref, redirected = None, None
    if query.entity:
        entity, redirected = resolve_ref(tx, query.entity)
        ref = entity_ref(entity)
    common: dict[str, Any] = {
        "predicates": sorted(p.value for p in (query.predicates or Predicate)),
        # Metrics carry no predicate: asking for some predicates leaves them out.
        "with_metrics": query.predicates is None,
    }
    if ref is not None:
        common["entity"] = ref.id
    w = query.window
    rows: list[Record] = []
    more = False
    if query.wants_dated:
        after_sort, after_id = query.cursor if query.cursor is not None else (None, None)
        rows = tx.run(
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
    undated_rows: list[Record] = []
    undated_total = 0
    undated_next = None
    # As in the embedded store: undated items on the first page (when no date bound is
    # asked for), and on the pages of their own cursor.
    if query.wants_undated:
        found = tx.run(
            "timeline_entity_undated" if ref else "timeline_all_undated",
            {**common, "after_id": query.undated_after, "limit": query.limit + 1},
        )
        if found:
            undated_total = int(found[0]["total"])
            undated_rows = found[0]["items"]
            if len(undated_rows) > query.limit:
                undated_rows = undated_rows[: query.limit]
                undated_next = encode_cursor(UNDATED_POSITION, undated_rows[-1]["id"])
    items = _timeline_items(tx, [*rows, *undated_rows])
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode_cursor(int(last["sort_key"]), last["id"])
    return TimelinePage(
        entity=ref,
        items=items[: len(rows)],
        undated=items[len(rows) :],
        undated_total=undated_total,
        next_cursor=next_cursor,
        undated_next_cursor=undated_next,
        redirected_from=redirected,
    )


def _timeline_items(tx: TransactionRunner, rows: Sequence[Record]) -> list[TimelineItem]:
    """Timeline items of fact and metric rows, in the rows' order; one query for evidence."""
    found = sources(tx, (r["id"] for r in rows))
    facts = fact_views(tx, [r for r in rows if r["kind"] == "fact"], found)
    metrics = metric_views([r for r in rows if r["kind"] == "metric"], found)
    return [
        timeline_item(facts[r["id"]] if r["kind"] == "fact" else metrics[r["id"]])
        for r in rows
    ]
