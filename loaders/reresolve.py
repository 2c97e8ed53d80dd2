"""Re-resolution when a graph file arrives: the step that makes loads order-independent.

A story read before a graph file resolves its names against what is stored then,
so a firm the graph file names later may already be stored apart under the id the
extractor gave it (``company:hong-kong-stock-exchange`` beside the graph file's
``company:hong-kong-exchanges-and-clearing``, which lists "Hong Kong Stock Exchange"
among its aliases). Loaded the other way round, the story would have resolved to the
graph file's entity. So, before each batch of a graph file is written:

1. its ids go through the store's redirects (an entity merged away earlier is its
   survivor: :func:`graph.model.curation.redirect_delta`);
2. a stored entity of the same type and another id whose canonical name is one of a
   record's names, or that has the record's canonical name among its aliases, is
   merged into the record's entity (the graph file's id survives), with a redirect and
   a curation log record made by ``loader``.

The result is the graph a load in the other order gives. A stored entity that a graph
file declared (it carries :data:`~loaders.graph_json.GRAPH_FILE_MARK`) is never merged
this way: two graph files that give one name to two entities of one type keep both, in
any order, and the name then finds both (``sinograph merge`` joins them by hand).
"""

from __future__ import annotations

from sinograph.graph.model.curation import LOADER, Curator, redirect_delta
from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.graph_json import GRAPH_FILE_MARK

__all__ = ["reresolve"]


def _norms(entity: Entity) -> frozenset[str]:
    return frozenset(n for n in (normalize_name(a) for a in (entity.name, *entity.aliases)) if n)


def _splits(
    record: Entity,
    mine: frozenset[str],
    found: dict[str, list[Entity]],
    by_canonical: dict[str, list[Entity]],
) -> list[Entity]:
    """The stored entities that are ``record`` stored apart (see the module doc): those of
    its type whose canonical name is one of its names (``mine``), and those that list its
    canonical name among theirs."""
    out: dict[str, Entity] = {}
    candidates = [
        *found.get(normalize_name(record.name), ()),
        *(e for n in mine for e in by_canonical.get(n, ())),
    ]
    for stored in candidates:
        declared = stored.attributes.get(GRAPH_FILE_MARK) is True
        if stored.id != record.id and stored.type is record.type and not declared:
            out[stored.id] = stored
    return [out[k] for k in sorted(out)]


def reresolve(store: GraphStore, delta: GraphDelta) -> GraphDelta:
    """``delta`` (a graph file's batch) through the store's redirects, after merging into
    its entities the stored entities that are them stored apart (see the module doc)."""
    ids = {e.id for e in delta.entities} | {f.subject for f in delta.facts}
    ids |= {f.object for f in delta.facts} | {m.subject for m in delta.metrics}
    delta = redirect_delta(delta, store.redirects(ids))
    if not delta.entities:
        return delta
    norms = [_norms(e) for e in delta.entities]  # normalize_name is memoised
    # those named by one of a record's names, and those that list a record's own name
    own_ids = [e.id for e in delta.entities]
    by_canonical = store.find_entities_by_aliases(
        sorted(set().union(*norms)), canonical=True, excluding=own_ids
    )
    found = store.find_entities_by_aliases([e.name for e in delta.entities], excluding=own_ids)
    for record, mine in zip(delta.entities, norms, strict=True):
        splits = _splits(record, mine, found, by_canonical)
        if not splits:
            continue
        store.upsert(GraphDelta(entities=(record,)))  # the survivor must exist to merge into
        for stored in splits:
            store.merge_entities(
                stored.id,
                record.id,
                Curator(
                    actor=LOADER,
                    reason=f"a graph file's entity {record.id} ({record.name}) names "
                    f"{stored.name!r}, stored apart as {stored.id}",
                ),
            )
    return delta
