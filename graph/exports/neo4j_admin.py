"""The graph as CSV files for ``neo4j-admin database import full`` (the bulk load path).

The files hold the same nodes, relationships and properties that ``Neo4jStore``
writes, so a database imported from them answers like one loaded by
``sinograph copy``; run ``ensure_schema()`` (any sinograph command against it)
afterwards to add constraints and indexes. ``IMPORT.txt`` in the output folder
gives the exact command.

Format: a header row naming each column ``name:type`` (``:ID(<group>)``,
``:LABEL``, ``:START_ID(<group>)``, ``:END_ID(<group>)``, ``:TYPE``; strings
untyped). Strings are always quoted and an empty unquoted field means "no
value". Lists (and multiple labels) are joined with U+001F, which the import
is told with ``--array-delimiter``; a value containing U+001F is refused.

The files are written into a temporary folder beside ``out_dir`` and take its
name only when all of them (and ``IMPORT.txt``) are complete: a refused value
or a full disk leaves no half-written export behind.

``spreadsheet_safe`` is for analysts who open the files in a spreadsheet: a text
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'`` so that it is shown as text, never run as a formula. It changes
the stored text, so it is off by default: ``neo4j-admin import`` needs the exact
values.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.stores.assemble import earliest_published
from sinograph.graph.stores.neo4j.rows import (
    alias_rows,
    curation_row,
    entity_row,
    evidence_rows,
    fact_row,
    metric_row,
    story_row,
)

__all__ = ["ARRAY_DELIMITER", "FORMULA_STARTS", "import_command", "write_neo4j_admin_csv"]

ARRAY_DELIMITER = "\x1f"
# What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_ENTITY_COLUMNS = (
    ("id", "id:ID(Entity)"), ("name", "name"), ("type", "type"),
    ("aliases", "aliases:string[]"), ("name_zh", "name_zh"), ("country", "country"),
    ("tickers", "tickers:string[]"), ("identifiers_json", "identifiers_json"),
    ("description", "description"),
    ("attributes_json", "attributes_json"),
)
_STORY_COLUMNS = (
    ("id", "id:ID(Story)"), ("title", "title"), ("publisher", "publisher"),
    ("published", "published"), ("url", "url"), ("text_hash", "text_hash"),
)
_METRIC_COLUMNS = (
    ("id", "id:ID(Metric)"), ("subject", "subject"), ("name", "name"),
    ("value", "value:double"), ("unit", "unit"), ("change_pct", "change_pct:double"),
    ("period", "period"), ("reported_by", "reported_by"), ("date", "date"),
    ("sort_key", "sort_key:long"), ("source_ids", "source_ids:string[]"),
)
_ALIAS_COLUMNS = (
    ("key", "key:ID(Alias)"), ("norm", "norm"), ("alias", "alias"), ("entity_id", "entity_id"),
    ("kind", "kind"),
)
_FACT_COLUMNS = (
    ("key", "key"), ("date", "date"), ("date_precision", "date_precision"),
    ("date_start", "date_start:long"), ("date_end", "date_end:long"),
    ("sort_key", "sort_key:long"), ("amount_value", "amount_value:double"),
    ("amount_currency", "amount_currency"), ("stake_pct", "stake_pct:double"),
    ("status", "status"), ("role", "role"), ("valid_from", "valid_from"),
    ("valid_until", "valid_until"), ("valid_from_ord", "valid_from_ord:long"),
    ("valid_until_ord", "valid_until_ord:long"), ("confidence", "confidence:double"),
    ("attributes_json", "attributes_json"), ("source_ids", "source_ids:string[]"),
    ("n_sources", "n_sources:long"), ("known_from", "known_from"),
    ("known_from_ord", "known_from_ord:long"),
)
_CURATION_COLUMNS = (
    ("id", "id:ID(CurationRecord)"), ("seq", "seq:long"), ("action", "action"), ("at", "at"),
    ("actor", "actor"), ("fact", "fact"), ("entity", "entity"), ("target", "target"),
    ("data", "data"),
)


def _field(value: Any, where: str, *, safe: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise InvalidInput(f"{where}: a list value contains U+001F, the array delimiter")
        return _quote(ARRAY_DELIMITER.join(_defused(i) if safe else i for i in items))
    text = str(value)
    return _quote(_defused(text) if safe else text)


def _defused(text: str) -> str:
    """``text`` shown as text by a spreadsheet, never evaluated.

    >>> print(_defused("=SUM(A1)"), _defused("Zijin"))
    '=SUM(A1) Zijin
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _CsvFile:
    def __init__(self, path: Path, header: Sequence[str], *, safe: bool = False) -> None:
        self.path = path
        self._safe = safe
        self._handle = path.open("w", encoding="utf-8", newline="")
        self._handle.write(",".join(header) + "\n")
        self._line = 1

    def row(self, values: Iterable[Any]) -> None:
        self._line += 1
        where = f"{self.path.name} row {self._line}"
        self._handle.write(",".join(_field(v, where, safe=self._safe) for v in values) + "\n")

    def close(self) -> None:
        self._handle.close()


def import_command(database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that imports the files (run inside their folder)."""
    return (
        f"neo4j-admin database import full {database} --overwrite-destination"
        " --array-delimiter=U+001F --multiline-fields=true"
        " --nodes=entities.csv --nodes=aliases.csv --nodes=stories.csv --nodes=metrics.csv"
        " --nodes=redirects.csv --nodes=curation.csv"
        " --relationships=facts.csv --relationships=alias_of.csv"
        " --relationships=fact_evidence.csv --relationships=metric_evidence.csv"
        " --relationships=metric_about.csv"
    )


def write_neo4j_admin_csv(
    delta: GraphDelta, out_dir: Path, *, spreadsheet_safe: bool = False
) -> list[Path]:
    """Write ``delta`` as node and relationship CSV files in ``out_dir``; return their paths.

    ``out_dir`` is created, or replaced when it holds an earlier export; a folder
    holding anything else is refused. Nothing is left behind when writing fails.

    >>> import tempfile
    >>> [p.name for p in write_neo4j_admin_csv(GraphDelta(), Path(tempfile.mkdtemp()))][:2]
    ['entities.csv', 'aliases.csv']

    A rejected fact (``delta.curation.rejected``) is marked ``rejected`` with its evidence
    links, and the redirects and the log become ``Redirect`` and ``CurationRecord`` nodes, so
    the imported database holds the curation ``Neo4jStore`` would.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or (
        any(out_dir.iterdir()) and not (out_dir / "IMPORT.txt").is_file()
    )):
        raise InvalidInput(
            f"{out_dir} exists and is not an earlier neo4j-admin export; choose a new folder"
        )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    try:
        names = _write_files(delta, work, spreadsheet_safe)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{work.name.rsplit('-', 1)[-1]}")
        out_dir.rename(old)
        work.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        work.rename(out_dir)
    return [out_dir / name for name in names]


def _write_files(delta: GraphDelta, out_dir: Path, safe: bool) -> list[str]:
    specs: dict[str, list[str]] = {
        "entities.csv": [h for _, h in _ENTITY_COLUMNS] + [":LABEL"],
        "aliases.csv": [h for _, h in _ALIAS_COLUMNS] + [":LABEL"],
        "stories.csv": [h for _, h in _STORY_COLUMNS] + [":LABEL"],
        "metrics.csv": [h for _, h in _METRIC_COLUMNS] + [":LABEL"],
        # The curation: redirects of merged-away ids and the log, as Neo4jStore keeps them.
        "redirects.csv": ["id:ID(Redirect)", "target", ":LABEL"],
        "curation.csv": [h for _, h in _CURATION_COLUMNS] + [":LABEL"],
        "facts.csv": [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
        + [h for _, h in _FACT_COLUMNS] + ["rejected:boolean"],
        "alias_of.csv": [":START_ID(Alias)", ":END_ID(Entity)", ":TYPE"],
        "fact_evidence.csv": [
            ":START_ID(Story)", ":END_ID(Entity)", ":TYPE", "key", "sentence", "extractor",
            "rejected:boolean",
        ],
        "metric_evidence.csv": [
            ":START_ID(Story)", ":END_ID(Metric)", ":TYPE", "key", "sentence", "extractor"
        ],
        "metric_about.csv": [":START_ID(Metric)", ":END_ID(Entity)", ":TYPE"],
    }
    files = {name: _CsvFile(out_dir / name, header, safe=safe) for name, header in specs.items()}
    try:
        for entity in delta.entities:
            props = entity_row(entity)["props"]
            files["entities.csv"].row(
                [props[k] for k, _ in _ENTITY_COLUMNS] + [["Entity", entity.type.value]]
            )
            for alias in alias_rows(entity):
                files["aliases.csv"].row([alias[k] for k, _ in _ALIAS_COLUMNS] + ["Alias"])
                files["alias_of.csv"].row([alias["key"], entity.id, "ALIAS_OF"])
        for story in delta.stories:
            props = story_row(story)["props"]
            files["stories.csv"].row([props[k] for k, _ in _STORY_COLUMNS] + ["Story"])
        published = {s.id: s.published for s in delta.stories}
        curation = delta.curation
        rejected = set(curation.rejected) if curation else set()
        for fact in delta.facts:
            row = fact_row(fact, earliest_published(fact, published))
            mark = True if fact.key in rejected else None
            files["facts.csv"].row(
                [fact.subject, fact.object, fact.predicate.value]
                + [row["props"][k] for k, _ in _FACT_COLUMNS] + [mark]
            )
            for ev in evidence_rows(fact.key, fact.subject, fact.evidence):
                files["fact_evidence.csv"].row(
                    [ev["story_id"], ev["target"], "EVIDENCE", ev["key"], ev["sentence"],
                     ev["extractor"], mark]
                )
        if curation is not None:
            for old, target in sorted(curation.redirects.items()):
                files["redirects.csv"].row([old, target, "Redirect"])
            for seq, record in enumerate(curation.log, start=1):
                props = curation_row(record, seq)
                files["curation.csv"].row(
                    [props[k] for k, _ in _CURATION_COLUMNS] + ["CurationRecord"])
        for metric in delta.metrics:
            props = metric_row(metric)["props"]
            files["metrics.csv"].row([props[k] for k, _ in _METRIC_COLUMNS] + ["Metric"])
            files["metric_about.csv"].row([metric.id, metric.subject, "ABOUT"])
            for ev in evidence_rows(metric.id, metric.id, metric.evidence):
                files["metric_evidence.csv"].row(
                    [ev["story_id"], ev["target"], "EVIDENCE", ev["key"], ev["sentence"],
                     ev["extractor"]]
                )
    finally:
        for handle in files.values():
            handle.close()
    (out_dir / "IMPORT.txt").write_text(
        "Stop the database, then run in this folder:\n\n"
        f"  {import_command()}\n\n"
        "Start it and run any sinograph command against it once to create the\n"
        "constraints and indexes (ensure_schema).\n",
        encoding="utf-8",
    )
    return list(files)
