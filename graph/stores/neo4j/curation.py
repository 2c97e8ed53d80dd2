"""Curation on the Neo4j store: reject, restore, merge, split and edit, each inside the
caller's one write transaction (which holds the writers' lock), and the curation log.

The model (README, "The model in Neo4j"):

* a rejected fact keeps its relationship with ``rejected: true``, and so do its
  ``EVIDENCE`` links; every read statement leaves both out, a look-up by key shows
  the fact marked rejected. A re-load of its story lands on the same relationship
  (an upsert never touches the mark) and its new sentences are marked too;
* a fact that moves to another entity (a merge, a split) is deleted with its evidence
  links and written again under its new key through the ordinary upsert
  (:func:`graph.stores.neo4j.writing.upsert_in`, so it joins a fact the other entity
  already states, by the rules of :mod:`graph.model.merge`); its old key (and the keys
  that led to it) become former keys of the fact it landed on, so a link to it still
  answers. Metrics move by being deleted and written again;
* a merged-away entity is deleted with its alias nodes, and a ``:Redirect`` node
  (unique by ``id``) leads its id to the survivor: a read by the old id is one index
  seek more, never a scan, and every later upsert sends the id to the survivor;
* the log is ``:CurationRecord`` nodes (unique by ``id``, read in ``seq`` order), each
  holding its whole record as JSON.

The rules themselves are shared with the embedded store (:mod:`graph.model.curation`,
:func:`graph.model.merge.merge_entity`), so both stores make the same change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sinograph.graph.model.curation import (
    LOADER,
    CurationAction,
    CurationPage,
    CurationRecord,
    Curator,
    EntityEdit,
    edit_changes,
    final_target,
    moved_fact,
    moved_metric,
    new_record,
    split_moves,
    split_plan,
    split_target_taken,
)
from sinograph.graph.model.curation_log import CurationExport
from sinograph.graph.model.domain import Entity, Fact, GraphDelta, Metric
from sinograph.graph.model.errors import CurationConflict, FactNotFound, InvalidInput
from sinograph.graph.model.merge import merge_entity
from sinograph.graph.model.ontology import Predicate
from sinograph.graph.stores.neo4j.reading import entities, facts_from_rows, group_evidence
from sinograph.graph.stores.neo4j.rows import (
    alias_rows,
    curation_row,
    entity_row,
    former_key_rows,
    metric_from_props,
    redirect_row,
    rejected_row,
)
from sinograph.graph.stores.neo4j.runner import Record, TransactionRunner
from sinograph.graph.stores.neo4j.search import resolve
from sinograph.graph.stores.neo4j.writing import read_redirects, upsert_in

__all__ = [
    "curation_export",
    "edit_entity",
    "find_fact",
    "import_curation",
    "log_page",
    "merge_entities",
    "reject_or_restore",
    "rejected_rows",
    "split_entity",
    "write_log",
]

FACT_KEY = re.compile(r"^fact:[0-9a-f]{20}$")
# Every rejected fact, for an export (the listing takes a page).
_ALL = 1 << 40


def find_fact(tx: TransactionRunner, key: str) -> Record:
    """The row of the fact ``key`` names, rejected or not: the fact with that key, else the
    one a former key leads to (a scan, as ``get_fact``); ``FactNotFound``."""
    if not FACT_KEY.match(key):
        raise FactNotFound(key)
    rows = [r for r in tx.run("facts_by_keys", {"keys": [key]}) if r["props"]["key"] == key]
    if not rows:
        rows = tx.run("facts_by_former_key", {"key": key})
    if not rows:
        raise FactNotFound(key)
    return rows[0]


def _fact_of(row: Record) -> Fact:
    return facts_from_rows([row], {})[row["props"]["key"]]


def reject_or_restore(
    tx: TransactionRunner, key: str, curator: Curator, reject: bool
) -> CurationRecord:
    """Mark the fact ``key`` names rejected (``reject``) or shown again, and log it."""
    row = find_fact(tx, key)
    current = row["props"]["key"]
    rejected = bool(row["props"].get("rejected"))
    if reject and rejected:
        raise CurationConflict(f"the fact {current} is rejected already", key=current)
    if not reject and not rejected:
        raise CurationConflict(f"the fact {current} is not rejected", key=current)
    tx.run("fact_set_rejected", {"rows": [rejected_row(_fact_of(row), reject)]})
    action = CurationAction.REJECT_FACT if reject else CurationAction.RESTORE_FACT
    return _logged(tx, new_record(action, curator, fact=current))


def rejected_rows(tx: TransactionRunner, limit: int) -> list[Record]:
    """The first ``limit`` rejected facts by key, through each predicate's rejected index."""
    rows: list[Record] = []
    for predicate in Predicate:
        rows += tx.run("facts_rejected", {"limit": limit}, predicate=predicate)
    rows.sort(key=lambda r: r["props"]["key"])
    return rows[:limit]


# ------------------------------------------------------------------ moves


def _incident(tx: TransactionRunner, entity_id: str) -> tuple[dict[str, Fact], set[str],
                                                                dict[str, list[str]]]:
    """Every fact of an entity (rejected ones too) by key, the rejected keys, and the former
    keys each fact carries."""
    rows = tx.run("entity_incident_facts", {"id": entity_id})
    keys = [r["props"]["key"] for r in rows]
    evidence = group_evidence(tx.read_in_batches("evidence_by_keys", "keys", keys))
    facts = facts_from_rows(rows, evidence)
    rejected = {r["props"]["key"] for r in rows if r["props"].get("rejected")}
    former = {r["props"]["key"]: list(r["props"].get("former_keys") or ()) for r in rows}
    return facts, rejected, former


def _metrics_of(tx: TransactionRunner, entity_id: str) -> dict[str, Metric]:
    rows = tx.run("entity_metrics", {"id": entity_id})
    ids = [r["props"]["id"] for r in rows]
    evidence = group_evidence(tx.read_in_batches("evidence_by_keys", "keys", ids))
    metrics = [metric_from_props(r["props"], evidence.get(r["props"]["id"], ())) for r in rows]
    return {m.id: m for m in metrics}


def _move(
    tx: TransactionRunner,
    entities_: Sequence[Entity],
    facts: dict[str, Fact],
    rejected: set[str],
    former: dict[str, list[str]],
    metrics: dict[str, Metric],
    old: str,
    new: str,
    *,
    retire: bool,
) -> dict[str, Any]:
    """Delete ``facts`` and ``metrics`` of ``old`` and write them again as ``new``'s, with
    ``entities_``; a fact that would join ``new`` to itself is dropped. With ``retire``,
    ``old`` itself is deleted and its id (and every id that led to it) redirects to
    ``new``."""
    moved: dict[str, Fact] = {}
    dropped: list[str] = []
    for key in sorted(facts):
        again = moved_fact(facts[key], old, new)
        if again.subject == again.object:
            dropped.append(key)
        else:
            moved[key] = again
    tx.run("facts_delete", {"id": old, "keys": sorted(facts)})
    tx.run("metrics_delete", {"ids": sorted(metrics)})
    if retire:
        tx.run("entity_delete", {"id": old})
        tx.run("redirects_create", {"rows": [redirect_row(old, new)]})
    again_metrics = [moved_metric(m, new) for m in metrics.values()]
    plan = upsert_in(tx, GraphDelta(entities=tuple(entities_), facts=tuple(moved.values()),
                                    metrics=tuple(again_metrics)))
    # Where each moved record landed: its own key, or the fact it joined.
    landed = {k: key for _p, key, keys in plan.former_keys for k in keys}
    leads: dict[Predicate, dict[str, list[str]]] = defaultdict(dict)
    hide: list[dict[str, Any]] = []
    for key, again in moved.items():
        dest = landed.get(again.key, again.key)
        keys = leads[again.predicate].setdefault(dest, [])
        keys += [k for k in (key, *former.get(key, ())) if k != dest and k not in keys]
        if key in rejected:
            hide.append(rejected_row(again.model_copy(update={"key": dest}), True))
    for predicate in sorted(leads):
        rows = former_key_rows({k: v for k, v in leads[predicate].items() if v})
        tx.run_batches("facts_former_keys", rows, predicate=predicate)
    if hide:
        tx.run("fact_set_rejected", {"rows": hide})
    return {
        "facts_moved": {k: moved[k].key for k in sorted(moved)},
        "facts_dropped": sorted(dropped),
        "metrics_moved": sorted(metrics),
    }


def merge_entities(
    tx: TransactionRunner, source: str, target: str, curator: Curator, *, log: bool = True
) -> CurationRecord:
    """Merge the entity ``source`` names into the one ``target`` names (see the module doc
    and :meth:`graph.stores.protocol.GraphStore.merge_entities`)."""
    gone, survivor = resolve(tx, source), resolve(tx, target)
    if gone.id == survivor.id:
        raise CurationConflict(f"{gone.name} ({gone.id}) cannot be merged with itself: name "
                               "two different entities")
    if gone.type is not survivor.type:
        raise CurationConflict(
            f"{gone.name} ({gone.id}) is a {gone.type.value} and {survivor.name} "
            f"({survivor.id}) a {survivor.type.value}: only entities of one type merge"
        )
    merged = merge_entity(survivor, gone.model_copy(update={"id": survivor.id}))
    facts, rejected, former = _incident(tx, gone.id)
    metrics = _metrics_of(tx, gone.id)
    moves = _move(tx, [merged], facts, rejected, former, metrics, gone.id, survivor.id,
                  retire=True)
    added = sorted(set(merged.aliases) - set(survivor.aliases))
    record = new_record(
        CurationAction.MERGE_ENTITIES, curator, entity=gone.id, target=survivor.id,
        changes={"merged_name": gone.name, "aliases_added": added, **moves},
    )
    return _logged(tx, record) if log else record


def split_entity(
    tx: TransactionRunner, ref: str, alias: str, name: str | None, curator: Curator
) -> CurationRecord:
    """Split ``alias`` off the entity ``ref`` names into a new entity (see
    :meth:`graph.stores.protocol.GraphStore.split_entity`)."""
    entity = resolve(tx, ref)
    new, kept, own = split_plan(entity, alias, name)
    if tx.run("entity_by_ref", {"id": new.id}):
        raise split_target_taken(new.id)
    facts, rejected, former = _incident(tx, entity.id)
    metrics = _metrics_of(tx, entity.id)
    fact_keys, metric_ids = split_moves(entity, own, facts.values(), metrics.values())
    moving = {k: facts[k] for k in fact_keys}
    moving_metrics = {m: metrics[m] for m in metric_ids}
    _replace(tx, kept)
    moves = _move(tx, [new], moving, rejected, former, moving_metrics, entity.id, new.id,
                  retire=False)
    return _logged(tx, new_record(
        CurationAction.SPLIT_ENTITY, curator, entity=entity.id, target=new.id,
        changes={"alias": own, "new_name": new.name,
                 "facts_kept": len(facts) - len(moving), **moves},
    ))


def edit_entity(
    tx: TransactionRunner, ref: str, edit: EntityEdit, curator: Curator
) -> CurationRecord:
    """Set the editable attributes of the entity ``ref`` names; its lookup keys follow."""
    entity = resolve(tx, ref)
    edited, changes = edit_changes(entity, edit)
    _replace(tx, edited)
    return _logged(tx, new_record(CurationAction.EDIT_ENTITY, curator, entity=entity.id,
                                  changes=changes))


def _replace(tx: TransactionRunner, entity: Entity) -> None:
    """Write ``entity`` over its stored record, lookup keys included."""
    props = {k: v for k, v in entity_row(entity)["props"].items() if v is not None}
    tx.run("entity_replace", {"id": entity.id, "props": props, "aliases": alias_rows(entity)})


# -------------------------------------------------------------------- log


def write_log(tx: TransactionRunner, records: Iterable[CurationRecord]) -> int:
    """Append the records not logged yet (by id), in order; returns how many were added."""
    records = list(records)
    if not records:
        return 0
    found = tx.run("curation_known", {"ids": [r.id for r in records]})[0]
    seq, known = int(found["seq"]), set(found["known"])
    rows = []
    for record in records:
        if record.id in known:
            continue
        known.add(record.id)
        seq += 1
        rows.append(curation_row(record, seq))
    if rows:
        tx.run("curation_create", {"rows": rows})
    return len(rows)


def _logged(tx: TransactionRunner, record: CurationRecord) -> CurationRecord:
    write_log(tx, [record])
    return record


def log_page(
    tx: TransactionRunner, *, ids: Sequence[str], fact: str | None, cursor: str | None,
    limit: int,
) -> CurationPage:
    """One page of the log, oldest first, about any of entity ``ids`` or the fact ``fact``."""
    if not 1 <= limit <= 1000:
        raise InvalidInput(f"limit must be between 1 and 1000, got {limit}")
    after = None
    if cursor is not None:
        found = tx.run("curation_position", {"id": cursor})
        if not found:
            raise InvalidInput(f"the cursor {cursor!r} is no record of this log")
        after = int(found[0]["seq"])
    rows = tx.run("curation_page",
                  {"ids": list(ids), "fact": fact, "after": after, "limit": limit})
    items = [CurationRecord.model_validate_json(r["data"]) for r in rows[:limit]]
    more = len(rows) > limit
    return CurationPage(items=items, next_cursor=items[-1].id if more and items else None)


def log_scope(tx: TransactionRunner, entity: str) -> list[str]:
    """The entity ids whose records ``curation_log(entity=...)`` reads: a merged-away id
    itself (its records name it), else the id of the entity ``entity`` names."""
    found = tx.run("entity_by_ref", {"id": entity})
    if found:
        return [found[0]["redirected"] or found[0]["props"]["id"]]
    return [resolve(tx, entity).id]


def curation_export(tx: TransactionRunner) -> CurationExport:
    """The whole log, every redirect and the keys of the rejected facts."""
    return CurationExport(
        log=tuple(CurationRecord.model_validate_json(r["data"])
                  for r in tx.run("curation_all")),
        redirects={r["id"]: r["target"] for r in tx.run("redirects_all")},
        rejected=tuple(r["props"]["key"] for r in rejected_rows(tx, _ALL)),
    )


def import_curation(tx: TransactionRunner, section: CurationExport) -> int:
    """Apply an export's curation section after its graph was loaded (see
    :meth:`graph.stores.protocol.GraphStore.import_curation`); returns the log records
    added."""
    for old, new in sorted(section.redirects.items()):
        target = final_target(section.redirects, new)
        if read_redirects(tx, [old]):
            continue  # merged here already
        stored = entities(tx, [old, target])
        if old in stored and target in stored and old != target:
            # The section's log holds the merge's record; this only redoes it.
            merge_entities(tx, old, target, Curator(actor=LOADER, reason="imported"),
                           log=False)
        elif old not in stored:
            tx.run("redirects_create", {"rows": [redirect_row(old, target)]})
    hide = []
    for key in section.rejected:
        try:
            row = find_fact(tx, key)
        except FactNotFound:
            continue
        if not row["props"].get("rejected"):
            hide.append(rejected_row(_fact_of(row), True))
    if hide:
        tx.run("fact_set_rejected", {"rows": hide})
    return write_log(tx, section.log)
