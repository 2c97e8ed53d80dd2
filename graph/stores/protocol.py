"""The one storage protocol every backend implements.

The API and the CLI depend on :class:`GraphStore` only; ``EmbeddedStore``
(SQLite + networkx, the default) and ``Neo4jStore`` implement it and pass the
same contract suite (``tests/contract``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from sinograph.graph.model.curation import CurationPage, CurationRecord, Curator, EntityEdit
from sinograph.graph.model.curation_log import CurationExport
from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.queries import NeighbourQuery, PathQuery, SearchQuery, TimelineQuery
from sinograph.graph.model.results import (
    EntityDetail,
    EntityMatch,
    FactView,
    GraphStats,
    PathResult,
    StoreBackup,
    StoreHealth,
    StoryPage,
    StoryView,
    Subgraph,
    TimelinePage,
    UpsertReport,
)

__all__ = ["GraphStore"]


@runtime_checkable
class GraphStore(Protocol):
    """Domain verbs over a graph of entities, facts, metrics and stories.

    Example, on the embedded store::

        store = EmbeddedStore("sinograph.db")
        store.ensure_schema()
        store.upsert(delta)
        result = store.paths(PathQuery(source="Cantech", target="Zijin Mining Group", k=1))
        for hop in result.paths[0].hops:
            print(hop.fact.predicate, hop.direction, hop.fact.sources[0].sentence)
    """

    def ensure_schema(self) -> None:
        """Create or migrate the schema; idempotent."""

    def close(self) -> None:
        """Release connections; the store cannot be used afterwards."""

    def upsert(self, delta: GraphDelta) -> UpsertReport:
        """Write a delta atomically with the merge rules of :mod:`graph.model.merge`.

        Raises ``InvalidInput`` when a fact or metric names an entity or story that is
        neither in the delta nor in the store; nothing of that delta is written.
        """

    def resolve_entity(self, ref: str) -> Entity:
        """The entity whose id is ``ref``, else the one entity with that name or alias.

        Raises ``EntityNotFound`` or ``AmbiguousEntity`` (with the candidates).
        """

    def find_entities_by_alias(self, name: str) -> list[Entity]:
        """Every entity one of whose aliases equals ``name`` (case- and accent-insensitive)."""

    def find_entities_by_aliases(
        self, names: Iterable[str], *, canonical: bool = False, excluding: Iterable[str] = ()
    ) -> dict[str, list[Entity]]:
        """:meth:`find_entities_by_alias` for many names at once, by normalised name
        (:func:`graph.model.ids.normalize_name`); names no entity has are left out. With
        ``canonical``, only the entities whose canonical name has that form; entities whose
        id is in ``excluding`` are left out. (A bulk load asks this of every name in a
        batch, leaving out the batch's own entities: the store answers from its alias index
        and reads no entity that merely shares a short form.)"""

    def get_entity(self, ref: str) -> EntityDetail:
        """Detail of one entity (id or unambiguous name)."""

    def search_entities(self, query: SearchQuery) -> list[EntityMatch]:
        """Ranked search: id, exact key, short form, prefix, then fuzzy; each hit says which."""

    def neighbors(self, query: NeighbourQuery) -> Subgraph:
        """Entities within ``query.depth`` hops (either direction) and the facts between them,
        nearest first, at most ``query.limit`` entities (``truncated`` says when cut).

        The query's traversal filter (:attr:`NeighbourQuery.traversal
        <graph.model.queries.NeighbourQuery.traversal>`) keeps the walk off excluded
        predicates, low-confidence facts, excluded labels and hubs; the centre entity itself
        is always kept.
        """

    def paths(self, query: PathQuery) -> PathResult:
        """Up to ``query.k`` shortest simple paths, ignoring edge direction, shortest first.

        Ties are ordered by the sequence of entity ids along the path. Each hop
        carries the fact that joins its two entities (the best-sourced one when
        several do), its true direction, date, evidence and sources. A path never
        passes through an entity of an excluded type (its two ends may have one),
        nor through a hub with more than ``max_degree`` facts, nor uses a fact of an
        excluded predicate or below ``min_confidence``.
        Raises ``EntityNotFound``/``AmbiguousEntity`` for a bad endpoint, ``InvalidInput``
        when both name the same entity, and ``NoPath`` when both exist but nothing joins
        them within ``max_hops``.
        """

    def timeline(self, query: TimelineQuery) -> TimelinePage:
        """Facts (and metrics) of one entity, or of the whole graph, in date order; undated
        ones in a section of their own, each section paged with its own cursor."""

    def get_fact(self, key: str) -> FactView:
        """One fact with every source; raises ``FactNotFound``."""

    def get_story(self, story_id: str) -> StoryView:
        """One story with every fact and metric read from it; raises ``StoryNotFound``."""

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
        """Stories newest first (undated last), one page of ``limit`` after ``cursor``.

        ``publisher`` matches case-insensitively; a story is inside ``[since, until]``
        when its publication date overlaps it; ``entity`` (an id or name) keeps the
        stories behind its facts and metrics. See :class:`graph.model.story_query.StoryQuery`.
        """

    def subgraph(self, entity_ids: Sequence[str], *, as_of: str | None = None) -> Subgraph:
        """The given entities and every fact among them."""

    def stats(self) -> GraphStats:
        """Counts by label, predicate, story and publisher."""

    def backup(self, target: str | Path) -> StoreBackup:
        """Write a consistent copy of the whole store to the new file ``target``, also while
        others write; ``InvalidInput`` for a store that is backed up with its own tools
        (Neo4j: ``neo4j-admin database dump``)."""

    def health(self) -> StoreHealth:
        """A cheap probe (milliseconds, no scan): the store answers, its schema version and
        whether it is read-only; ``StoreUnavailable`` when it does not answer."""

    def export_delta(self, *, as_of: str | None = None) -> GraphDelta:
        """The whole graph (or as it stood on ``as_of``) as one re-loadable delta."""

    # ------------------------------------------------------------- curation
    # Every change below is one transaction and one record in the curation log
    # (graph.model.curation); ``curator`` says who makes it and why.

    def reject_fact(self, key: str, curator: Curator) -> CurationRecord:
        """Hide a fact from every read (a look-up by key still shows it, marked rejected);
        loading its story again never brings it back. ``FactNotFound``;
        ``CurationConflict`` when it is rejected already."""

    def restore_fact(self, key: str, curator: Curator) -> CurationRecord:
        """Undo a rejection. ``FactNotFound``; ``CurationConflict`` when it is not rejected."""

    def rejected_facts(self, *, limit: int = 100) -> list[FactView]:
        """The rejected facts (marked ``rejected``), by key; reads hide them unless asked."""

    def merge_entities(self, source: str, target: str, curator: Curator) -> CurationRecord:
        """Merge ``source`` into ``target``: its names, attributes it alone has, facts (with
        their evidence) and metrics move to ``target``; a fact between the two is dropped.
        ``source``'s id then redirects to ``target`` in every read and every later load.
        ``CurationConflict`` for one entity, or two of different types."""

    def split_entity(
        self, entity: str, alias: str, curator: Curator, *, name: str | None = None
    ) -> CurationRecord:
        """Split ``alias`` off ``entity`` into a new entity (named ``name``, else the alias),
        moving the facts and metrics whose every evidence sentence names the alias and
        none of the entity's other names (:func:`graph.model.curation.split_moves`).
        ``CurationConflict`` for the entity's own name or an alias it lacks, or a new
        entity that exists already."""

    def edit_entity(self, entity: str, edit: EntityEdit, curator: Curator) -> CurationRecord:
        """Set an entity's ``name_zh``, ``country``, ``identifiers`` or ``description``
        (its lookup keys follow); the record keeps the values before and after."""

    def curation_log(
        self,
        *,
        entity: str | None = None,
        fact: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> CurationPage:
        """The curation log oldest first, or the records about one entity id or fact key."""

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        """Of ``ids``, those of merged-away entities, each with its survivor's id."""

    def curation_export(self) -> CurationExport:
        """The whole log, every redirect and the keys of the rejected facts."""

    def import_curation(self, section: CurationExport) -> int:
        """Apply an export's curation section after its graph was loaded: add the log
        records not stored yet, the redirects (merging a stored entity that the
        section says is merged), and mark its rejected facts. Returns the number of log
        records added; importing the same section again changes nothing."""
