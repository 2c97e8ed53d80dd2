"""Domain records to Neo4j property maps and back, as pure functions.

Neo4j properties hold scalars and lists of scalars only, so maps (``attributes``)
travel as JSON text and an amount as two properties. Every ``*_row`` function
has an inverse (``*_from_props``) and the pair round-trips exactly; the store
relies on that to compare a stored record with its merge.

Derived properties (date ordinals, sort keys, source counts) are written for
the indexes and traversal filters; the inverses ignore them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sinograph.graph.model.curation_log import CurationRecord
from sinograph.graph.model.dates import date_precision, partial_date_ordinal
from sinograph.graph.model.domain import Entity, Evidence, Fact, Metric, Story, stored_story_url
from sinograph.graph.model.names import lookup_keys
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.assemble import date_sort_key, ordinals

__all__ = [
    "ALIAS_KEY_SEPARATOR",
    "EvidenceRow",
    "Row",
    "alias_rows",
    "curation_row",
    "entity_from_props",
    "entity_row",
    "evidence_rows",
    "fact_from_props",
    "fact_row",
    "former_key_rows",
    "group_by",
    "metric_from_props",
    "metric_row",
    "redirect_row",
    "rekey_rows",
    "rejected_row",
    "story_from_props",
    "story_row",
]

Row = dict[str, Any]
# One EVIDENCE link as read back: (story id, sentence, extractor or None).
EvidenceRow = tuple[str, str, str | None]

# Separates entity id and alias in an Alias node's key; ids and names never contain it.
ALIAS_KEY_SEPARATOR = "\x1f"


def _attributes_json(attributes: Mapping[str, Any]) -> str | None:
    return json.dumps(dict(sorted(attributes.items())), ensure_ascii=False) if attributes else None


def _attributes(props: Mapping[str, Any]) -> dict[str, Any]:
    raw = props.get("attributes_json")
    return dict(json.loads(raw)) if raw else {}


def story_row(story: Story) -> Row:
    """``{"id", "props"}`` for ``stories_create``."""
    return {
        "id": story.id,
        "props": {
            "id": story.id,
            "title": story.title,
            "publisher": story.publisher,
            "published": story.published,
            "url": story.url,
            "text_hash": story.text_hash,
        },
    }


def story_from_props(props: Mapping[str, Any]) -> Story:
    return Story(
        id=props["id"],
        title=props.get("title"),
        publisher=props.get("publisher"),
        published=props.get("published"),
        url=stored_story_url(props.get("url")),
        text_hash=props["text_hash"],
    )


def entity_row(entity: Entity) -> Row:
    """``{"id", "props"}`` for ``entities_create`` / ``entities_update``."""
    return {
        "id": entity.id,
        "props": {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type.value,
            "aliases": list(entity.aliases),
            "name_zh": entity.name_zh,
            "country": entity.country,
            "tickers": list(entity.tickers),
            "identifiers_json": _identifiers_json(entity.identifiers),
            "description": entity.description,
            "attributes_json": _attributes_json(entity.attributes),
        },
    }


def _identifiers_json(identifiers: Mapping[str, str]) -> str | None:
    if not identifiers:
        return None
    return json.dumps(dict(sorted(identifiers.items())), ensure_ascii=False)


def entity_from_props(props: Mapping[str, Any]) -> Entity:
    return Entity(
        id=props["id"],
        name=props["name"],
        type=EntityType(props["type"]),
        aliases=tuple(props.get("aliases") or ()),
        name_zh=props.get("name_zh"),
        country=props.get("country"),
        tickers=tuple(props.get("tickers") or ()),
        identifiers=json.loads(props.get("identifiers_json") or "{}"),
        description=props.get("description"),
        attributes=_attributes(props),
    )


def alias_rows(entity: Entity) -> list[Row]:
    """One row per lookup key of the entity (:func:`graph.model.names.lookup_keys`), for the
    alias nodes of ``entities_create`` / ``entities_update``: its aliases, Chinese name,
    tickers, identifiers and short forms.

    >>> [(r["norm"], r["kind"]) for r in alias_rows(Entity(name="The Zijin Group",
    ...                                                     type=EntityType.COMPANY))]
    [('zijin group', 'alias'), ('zijin', 'short_name')]
    """
    rows = []
    for norm, surface, kind in lookup_keys(entity):
        # Aliases keep the key they always had; other kinds of key say which they are.
        key = f"{entity.id}{ALIAS_KEY_SEPARATOR}{surface}"
        if kind != "alias":
            key += f"{ALIAS_KEY_SEPARATOR}{kind}"
        rows.append(
            {"key": key, "entity_id": entity.id, "alias": surface, "norm": norm, "kind": kind}
        )
    return rows


def fact_row(fact: Fact, known_from: str | None = None) -> Row:
    """``{"subject", "object", "key", "props"}`` for ``facts_create`` / ``facts_update``.

    ``known_from`` is the publication date of the fact's earliest source.
    """
    start, end, valid_from, valid_until = ordinals(fact)
    source_ids = sorted({e.story_id for e in fact.evidence})
    return {
        "subject": fact.subject,
        "object": fact.object,
        "key": fact.key,
        "props": {
            "key": fact.key,
            "date": fact.date,
            "date_precision": date_precision(fact.date) if fact.date else None,
            "date_start": start,
            "date_end": end,
            "sort_key": date_sort_key(fact.date),
            "amount_value": fact.amount.value if fact.amount else None,
            "amount_currency": fact.amount.currency if fact.amount else None,
            "stake_pct": fact.stake_pct,
            "status": fact.status.value if fact.status else None,
            "role": fact.role,
            "valid_from": fact.valid_from,
            "valid_until": fact.valid_until,
            "valid_from_ord": valid_from,
            "valid_until_ord": valid_until,
            "confidence": fact.confidence,
            "attributes_json": _attributes_json(fact.attributes),
            "source_ids": source_ids,
            "n_sources": len(source_ids),
            "known_from": known_from,
            "known_from_ord": partial_date_ordinal(known_from) if known_from else None,
        },
    }


def rekey_rows(rekeys: Iterable[tuple[str, str]]) -> list[Row]:
    """Rows ``{"old_key", "key"}`` for ``facts_rekey`` and ``fact_evidence_rekey``."""
    return [{"old_key": old, "key": new} for old, new in rekeys]


def former_key_rows(former: Mapping[str, Sequence[str]]) -> list[Row]:
    """Rows ``{"key", "former_keys"}`` for ``facts_former_keys``."""
    return [{"key": key, "former_keys": list(keys)} for key, keys in sorted(former.items())]


def fact_from_props(
    subject: str,
    predicate: str,
    obj: str,
    props: Mapping[str, Any],
    evidence: Iterable[EvidenceRow] = (),
) -> Fact:
    """Rebuild a fact from its relationship; ``evidence`` is (story id, sentence, extractor)."""
    currency = props.get("amount_currency")
    amount = (
        {"value": float(props["amount_value"]), "currency": currency}
        if currency is not None and props.get("amount_value") is not None
        else None
    )
    stake = props.get("stake_pct")
    return Fact.model_validate(
        {
            "subject": subject,
            "predicate": Predicate(predicate),
            "object": obj,
            "date": props.get("date"),
            "amount": amount,
            "stake_pct": float(stake) if stake is not None else None,
            "status": props.get("status"),
            "role": props.get("role"),
            "valid_from": props.get("valid_from"),
            "valid_until": props.get("valid_until"),
            "confidence": float(props.get("confidence", 1.0)),
            "attributes": _attributes(props),
            "evidence": [{"story_id": s, "sentence": t, "extractor": x} for s, t, x in evidence],
        }
    )


def metric_row(metric: Metric) -> Row:
    """``{"id", "subject", "props"}`` for ``metrics_create`` / ``metrics_update``."""
    return {
        "id": metric.id,
        "subject": metric.subject,
        "props": {
            "id": metric.id,
            "subject": metric.subject,
            "name": metric.name,
            "value": metric.value,
            "unit": metric.unit,
            "change_pct": metric.change_pct,
            "period": metric.period,
            "reported_by": metric.reported_by,
            "date": metric.date,
            "sort_key": date_sort_key(metric.date),
            "source_ids": sorted({e.story_id for e in metric.evidence}),
        },
    }


def metric_from_props(props: Mapping[str, Any], evidence: Iterable[EvidenceRow] = ()) -> Metric:
    change = props.get("change_pct")
    metric = Metric.model_validate(
        {
            "subject": props["subject"],
            "name": props["name"],
            "value": float(props["value"]),
            "unit": props.get("unit"),
            "change_pct": float(change) if change is not None else None,
            "period": props.get("period"),
            "reported_by": props.get("reported_by"),
            "date": props.get("date"),
            "evidence": [{"story_id": s, "sentence": t, "extractor": x} for s, t, x in evidence],
        }
    )
    if metric.id != props["id"]:
        # The id is derived from the content; a mismatch means the node was edited by hand.
        metric = metric.model_copy(update={"id": props["id"]})
    return metric


def evidence_rows(key: str, target: str, evidence: Sequence[Evidence]) -> list[Row]:
    """Rows for ``fact_evidence_create`` / ``metric_evidence_create``.

    ``target`` is the node the link points at: a fact's subject entity, or the metric.
    """
    return [
        {
            "key": key,
            "target": target,
            "story_id": e.story_id,
            "sentence": e.sentence,
            "extractor": e.extractor,
        }
        for e in evidence
    ]


def group_by(rows: Iterable[tuple[str, Row]]) -> dict[str, list[Row]]:
    """Group ``(label or predicate, row)`` pairs, groups and rows in a stable order."""
    groups: dict[str, list[Row]] = {}
    for name, row in rows:
        groups.setdefault(name, []).append(row)
    return dict(sorted(groups.items()))


def rejected_row(fact: Fact, rejected: bool) -> Row:
    """A row for ``fact_set_rejected``: the fact (by its two ends and key) marked rejected,
    or shown again (``None`` removes the mark)."""
    return {"subject": fact.subject, "object": fact.object, "key": fact.key,
            "rejected": True if rejected else None}


def redirect_row(old: str, target: str) -> Row:
    """A row for ``redirects_create``: the merged-away id ``old`` leads to ``target``."""
    return {"id": old, "target": target}


def curation_row(record: CurationRecord, seq: int) -> Row:
    """A ``CurationRecord`` node's properties (``curation_create``): the fields the log is
    searched by, the position ``seq`` it is read in, and the whole record as JSON (``data``,
    read back with :meth:`CurationRecord.model_validate_json`).

    >>> from sinograph.graph.model.curation import Curator, new_record
    >>> r = new_record("reject_fact", Curator(actor="cli:a", reason="wrong"), fact="fact:1",
    ...                at="2025-01-01T00:00:00+00:00")
    >>> row = curation_row(r, 7)
    >>> (row["seq"], row["fact"], CurationRecord.model_validate_json(row["data"]) == r)
    (7, 'fact:1', True)
    """
    return {
        "id": record.id,
        "seq": seq,
        "action": record.action.value,
        "at": record.at,
        "actor": record.actor,
        "fact": record.fact,
        "entity": record.entity,
        "target": record.target,
        "data": record.model_dump_json(),
    }
