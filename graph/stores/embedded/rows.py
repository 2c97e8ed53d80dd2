"""Between the embedded store's SQLite rows and the domain and result models.

A fact row keeps the fields traversal and ordering need as columns and the
rarely set ones (amount, stake, status, role, validity text, attributes) as a
small JSON object, ``NULL`` when none is set, so writing a plain fact costs no
JSON at all. :func:`fact_view_from_row` builds the :class:`FactView` straight
from the row, equal to :func:`graph.stores.assemble.fact_view` of the same fact (a
unit test checks it) without building the intermediate :class:`Fact`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sinograph.graph.model.dates import (
    date_precision,
    partial_date_end_ordinal,
    partial_date_ordinal,
)
from sinograph.graph.model.domain import Fact, stored_story_url
from sinograph.graph.model.results import FactView, MetricView, SourceRef
from sinograph.graph.stores.assemble import date_sort_key
from sinograph.graph.stores.embedded.compact import key_prefix

__all__ = [
    "FACT_COLUMNS",
    "SOURCE_COLUMNS",
    "Ordinals",
    "SourceRow",
    "fact_extra",
    "fact_from_row",
    "fact_insert_row",
    "fact_ordinals",
    "fact_view_from_row",
    "metric_view_from_row",
    "ordinal_of",
    "source_ref",
]

# SELECT list of a fact row; the store swaps the entity numbers for (id, name) pairs
# from memory, giving the row :func:`fact_view_from_row` reads.
FACT_COLUMNS = (
    "f.fid, f.key, f.subject, f.predicate, f.object, f.date, f.confidence, f.extra,"
    " f.n_sources, f.sort_key"
)
# SELECT list of a source row: (fid, story id, sentence, title, publisher, published, url).
SOURCE_COLUMNS = (
    "x.fid, t.id, x.sentence, t.title, t.publisher, t.published, t.url, x.extractor"
)

# One encoder, built once: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

SourceRow = tuple[int, str, str, str | None, str | None, str | None, str | None, str | None]
Ordinals = tuple[int | None, int | None, int | None, int | None, int | None]


@lru_cache(maxsize=65_536)
def _date_ordinals(value: str) -> tuple[int, int, int]:
    sort_key = date_sort_key(value)
    assert sort_key is not None
    return partial_date_ordinal(value), partial_date_end_ordinal(value), sort_key


@lru_cache(maxsize=65_536)
def _ordinal(value: str) -> int:
    return partial_date_ordinal(value)


def fact_ordinals(fact: Fact) -> Ordinals:
    """(date start, date end, sort key, valid_from, valid_until) of a fact, cached by date."""
    start: int | None = None
    end: int | None = None
    sort_key: int | None = None
    if fact.date:
        start, end, sort_key = _date_ordinals(fact.date)
    valid_from = _ordinal(fact.valid_from) if fact.valid_from else None
    valid_until = _ordinal(fact.valid_until) if fact.valid_until else None
    return start, end, sort_key, valid_from, valid_until


def fact_extra(fact: Fact) -> str | None:
    """The JSON of the optional fields that are set, or ``None`` when none is."""
    extra: dict[str, Any] = {}
    if fact.amount is not None:
        extra["amount"] = {"value": fact.amount.value, "currency": fact.amount.currency}
    if fact.stake_pct is not None:
        extra["stake_pct"] = fact.stake_pct
    if fact.status is not None:
        extra["status"] = fact.status.value
    if fact.role is not None:
        extra["role"] = fact.role
    if fact.valid_from is not None:
        extra["valid_from"] = fact.valid_from
    if fact.valid_until is not None:
        extra["valid_until"] = fact.valid_until
    if fact.attributes:
        extra["attributes"] = fact.attributes
    return _ENCODER.encode(extra) if extra else None


def n_sources(fact: Fact) -> int:
    """Distinct stories among a fact's evidence."""
    evidence = fact.evidence
    if len(evidence) == 1:
        return 1
    return len({e.story_id for e in evidence})


@lru_cache(maxsize=65_536)
def ordinal_of(value: str | None) -> int | None:
    """Day ordinal of the start of a partial date (``None`` stays ``None``), cached."""
    return None if value is None else partial_date_ordinal(value)


def fact_insert_row(
    fact: Fact, fid: int, subject: int, obj: int, revision: int, known_from: str | None = None
) -> tuple[tuple[Any, ...], Ordinals]:
    """The ``fact`` table row of a new fact, and its ordinals.

    ``known_from`` is the publication date of the fact's earliest source.
    """
    ords = fact_ordinals(fact)
    row = (
        fid,
        fact.key,
        subject,
        fact.predicate.value,
        obj,
        fact.date,
        ords[0],
        ords[1],
        ords[2],
        ords[3],
        ords[4],
        n_sources(fact),
        fact.confidence,
        fact_extra(fact),
        key_prefix(fact.key),
        revision,
        known_from,
        ordinal_of(known_from),
    )
    return row, ords


def fact_from_row(
    key: str,
    subject: str,
    predicate: str,
    obj: str,
    date: str | None,
    confidence: float,
    extra: str | None,
    evidence: Sequence[tuple[str, str, str | None]],
) -> Fact:
    """The :class:`Fact` a row and its sources hold (validated, so it equals the original);
    ``evidence`` is (story id, sentence, extractor) triples."""
    data: dict[str, Any] = json.loads(extra) if extra else {}
    fact = Fact.model_validate(
        {
            **data,
            "subject": subject,
            "predicate": predicate,
            "object": obj,
            "date": date,
            "confidence": confidence,
            "evidence": [
                {"story_id": s, "sentence": t, "extractor": x} for s, t, x in evidence
            ],
        }
    )
    if fact.key != key:
        raise RuntimeError(f"stored fact {key} reads back as {fact.key}: the store is damaged")
    return fact


def source_ref(row: SourceRow) -> SourceRef:
    return SourceRef(
        story_id=row[1],
        sentence=row[2],
        title=row[3],
        publisher=row[4],
        published=row[5],
        url=stored_story_url(row[6]),
        extractor=row[7],
    )


def _source_order(row: SourceRow) -> tuple[bool, str, str, str]:
    # Oldest report first; undated stories after dated ones (as graph.stores.assemble orders them).
    return (row[5] is None, row[5] or "", row[1], row[2])


_SOURCE_FIELDS = ("story_id", "sentence", "title", "publisher", "published", "url", "extractor")


def fact_view_data(row: Sequence[Any], sources: Sequence[SourceRow]) -> dict[str, Any]:
    """The fields of a fact row's :class:`FactView` as plain data, for a caller that
    validates many views in one call (a timeline page): ``(fid, key, subject id,
    predicate, object id, date, confidence, extra, n_sources, subject name, object name,
    sort key)``."""
    _fid, key, subject, predicate, obj, date, confidence, extra, _n, s_name, o_name = row[:11]
    data: Mapping[str, Any] = json.loads(extra) if extra else {}
    # Plain dicts: FactView validates the nested sources in one call, much faster than
    # building each SourceRef apart (a popular fact has hundreds of sources).
    refs: list[dict[str, Any]] = [
        dict(zip(_SOURCE_FIELDS, s[1:], strict=True)) for s in sorted(sources, key=_source_order)
    ]
    valid_from = data.get("valid_from")
    start = (
        "valid_from" if valid_from
        else "date" if date
        else "published" if any(r["published"] for r in refs)
        else None
    )
    return {
        "key": key,
        "subject": subject,
        "subject_name": s_name,
        "predicate": predicate,
        "object": obj,
        "object_name": o_name,
        "date": date,
        "date_precision": date_precision(date) if date else None,
        "amount": data.get("amount"),
        "stake_pct": data.get("stake_pct"),
        "status": data.get("status"),
        "role": data.get("role"),
        "valid_from": valid_from,
        "valid_until": data.get("valid_until"),
        "confidence": confidence,
        "attributes": data.get("attributes", {}),
        "sources": refs,
        "valid_from_source": start,
    }


def fact_view_from_row(row: Sequence[Any], sources: Sequence[SourceRow]) -> FactView:
    """The :class:`FactView` of a fact row (see :func:`fact_view_data`)."""
    return FactView.model_validate(fact_view_data(row, sources))


def metric_view_from_row(
    data: Mapping[str, Any], subject_name: str, sources: Sequence[SourceRow]
) -> MetricView:
    """The :class:`MetricView` of a stored metric (its JSON) and its source rows."""
    refs: list[Any] = [
        dict(zip(_SOURCE_FIELDS, s[1:], strict=True)) for s in sorted(sources, key=_source_order)
    ]
    return MetricView(
        id=data["id"],
        subject=data["subject"],
        subject_name=subject_name,
        name=data["name"],
        value=data["value"],
        unit=data.get("unit"),
        change_pct=data.get("change_pct"),
        period=data.get("period"),
        reported_by=data.get("reported_by"),
        date=data.get("date"),
        sources=refs,
    )
