"""Export formats built from a :class:`GraphDelta`, whatever store it came from."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import networkx as nx

from sinograph.graph.model.dates import date_precision
from sinograph.graph.model.domain import GraphDelta

__all__ = ["delta_to_graphml", "delta_to_json", "write_export"]


def delta_to_json(delta: GraphDelta) -> str:
    """The lossless JSON export (reload it with ``sinograph load``)."""
    # A graph with no curation has no curation section: its export reads as it always did.
    data = delta.model_dump(mode="json", exclude={"curation"} if delta.curation is None else None)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# XML 1.0 cannot carry most C0 control characters, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    return _XML_INVALID.sub("\ufffd", value)


def _present(values: dict[str, object]) -> dict[str, object]:
    """Attributes that are set: GraphML has no null, and a made-up ``0.0`` or ``''`` would be
    summed or counted by Gephi as if the text had said it."""
    return {k: v for k, v in values.items() if v is not None and v != ""}


def delta_to_graphml(delta: GraphDelta) -> bytes:
    """GraphML for Gephi or Cytoscape: entities as nodes, facts as directed edges.

    GraphML values must be scalars, so lists (aliases, tickers, sources) are joined
    with ``"; "``; characters XML cannot hold are replaced with U+FFFD (the JSON
    export keeps them exactly). A value the fact or entity does not have (no
    amount, no role, no end date) is left out of that element rather than written
    as ``0`` or an empty string.
    """
    names = {e.id: e.name for e in delta.entities}
    stories = {s.id: s for s in delta.stories}
    graph = nx.MultiDiGraph()
    for e in delta.entities:
        graph.add_node(
            e.id,
            **_present({
                "label": e.name,
                "type": e.type.value,
                "aliases": "; ".join(e.aliases),
                "name_zh": e.name_zh,
                "country": e.country,
                "tickers": "; ".join(e.tickers),
                "identifiers": "; ".join(f"{k}:{v}" for k, v in e.identifiers.items()),
                "description": e.description,
            }),
        )
    for f in delta.facts:
        publishers = sorted(
            {stories[ev.story_id].publisher or "" for ev in f.evidence if ev.story_id in stories}
        )
        graph.add_edge(
            f.subject,
            f.object,
            key=f.key,
            **_present({
                "predicate": f.predicate.value,
                "label": f"{f.predicate.value} {f.date or ''}".strip(),
                "date": f.date,
                "date_precision": date_precision(f.date) if f.date else None,
                "status": f.status.value if f.status else None,
                "role": f.role,
                "stake_pct": f.stake_pct,
                "valid_from": f.valid_from,
                "valid_until": f.valid_until,
                "amount": f.amount.value if f.amount else None,
                "currency": f.amount.currency if f.amount else None,
                "confidence": f.confidence,
                "evidence": " | ".join(ev.sentence for ev in f.evidence),
                "sources": "; ".join(ev.story_id for ev in f.evidence),
                "publishers": "; ".join(p for p in publishers if p),
                "subject_name": names.get(f.subject, f.subject),
                "object_name": names.get(f.object, f.object),
            }),
        )
    for _node, data in graph.nodes(data=True):
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = _xml_safe(value)
    for _a, _b, data in graph.edges(data=True):
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = _xml_safe(value)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def write_export(
    delta: GraphDelta, fmt: str, out: Path, *, spreadsheet_safe: bool = False
) -> list[Path]:
    """Write ``delta`` as ``json``, ``graphml`` or ``neo4j-admin`` (a folder of CSV files;
    ``spreadsheet_safe`` defuses formula-leading text, see :mod:`graph.exports.neo4j_admin`).
    Each file is written under a temporary name and renamed when complete."""
    if fmt == "json":
        _replace(out, delta_to_json(delta).encode("utf-8"))
        return [out]
    if fmt == "graphml":
        _replace(out, delta_to_graphml(delta))
        return [out]
    if fmt == "neo4j-admin":
        from sinograph.graph.exports.neo4j_admin import write_neo4j_admin_csv

        return write_neo4j_admin_csv(delta, out, spreadsheet_safe=spreadsheet_safe)
    from sinograph.graph.model.errors import InvalidInput

    raise InvalidInput(f"unknown export format {fmt!r}; use json, graphml or neo4j-admin")


def _replace(out: Path, data: bytes) -> None:
    """Write ``out`` whole or not at all (a reader never sees half a file)."""
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
