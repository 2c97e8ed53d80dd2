"""The neo4j-admin CSV files: headers in the import format, ids that join up, typed values."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sinograph.graph.exports.neo4j_admin import (
    ARRAY_DELIMITER,
    import_command,
    write_neo4j_admin_csv,
)
from sinograph.graph.model.curation import CurationAction, Curator, new_record
from sinograph.graph.model.curation_log import CurationExport, CurationRecord
from sinograph.graph.model.domain import Entity, GraphDelta
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ontology import EntityType, Predicate
from tests.conftest import sample_deltas


def _boolean(value: str) -> bool:
    assert value in ("true", "false"), value
    return value == "true"


TYPES = {"long": int, "double": float, "boolean": _boolean}


def _merged_samples() -> GraphDelta:
    stories, entities, facts, metrics = {}, {}, {}, {}
    for delta in sample_deltas():
        stories.update({s.id: s for s in delta.stories})
        entities.update({e.id: e for e in delta.entities})
        facts.update({f.key: f for f in delta.facts})
        metrics.update({m.id: m for m in delta.metrics})
    return GraphDelta(stories=tuple(stories.values()), entities=tuple(entities.values()),
                      facts=tuple(facts.values()), metrics=tuple(metrics.values()))


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def _typed(header: list[str], row: dict[str, str]) -> None:
    for column in header:
        if ":" not in column or column.startswith(":") or "(" in column:
            continue
        kind = column.split(":", 1)[1]
        value = row[column]
        if kind in TYPES:
            if value:
                TYPES[kind](value)  # raises when the value is not of the declared type
        elif kind != "string[]":
            raise AssertionError(f"unexpected column type {column}")


def test_the_files_join_up_and_carry_every_record(tmp_path: Path) -> None:
    delta = _merged_samples()
    paths = write_neo4j_admin_csv(delta, tmp_path)
    names = {p.name for p in paths}
    assert {"entities.csv", "stories.csv", "metrics.csv", "facts.csv", "aliases.csv"} <= names
    assert import_command() in (tmp_path / "IMPORT.txt").read_text("utf-8")
    ids: dict[str, set[str]] = {}
    for node_file, group in [("entities.csv", "Entity"), ("stories.csv", "Story"),
                             ("metrics.csv", "Metric"), ("aliases.csv", "Alias")]:
        header, rows = _read(tmp_path / node_file)
        id_column = next(c for c in header if c.endswith(f":ID({group})"))
        assert ":LABEL" in header
        values = [r[id_column] for r in rows]
        assert len(values) == len(set(values)), f"duplicate ids in {node_file}"
        ids[group] = set(values)
        for row in rows:
            _typed(header, row)
            labels = row[":LABEL"].split(ARRAY_DELIMITER)
            if group == "Entity":
                assert labels[0] == "Entity" and EntityType(labels[1])
                assert row["type"] == labels[1]
            else:
                assert labels == [group]
    assert ids["Entity"] == {e.id for e in delta.entities}
    assert ids["Story"] == {s.id for s in delta.stories}
    assert ids["Metric"] == {m.id for m in delta.metrics}
    header, facts = _read(tmp_path / "facts.csv")
    assert header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert "confidence:double" in header and "source_ids:string[]" in header
    assert {r["key"] for r in facts} == {f.key for f in delta.facts}
    by_key = {f.key: f for f in delta.facts}
    for row in facts:
        _typed(header, row)
        fact = by_key[row["key"]]
        assert Predicate(row[":TYPE"]) is fact.predicate
        assert (row[":START_ID(Entity)"], row[":END_ID(Entity)"]) == (fact.subject, fact.object)
        assert float(row["confidence:double"]) == fact.confidence
        assert set(row["source_ids:string[]"].split(ARRAY_DELIMITER)) == {
            e.story_id for e in fact.evidence
        }
    for rel_file, start, end in [("fact_evidence.csv", "Story", "Entity"),
                                 ("metric_evidence.csv", "Story", "Metric"),
                                 ("metric_about.csv", "Metric", "Entity"),
                                 ("alias_of.csv", "Alias", "Entity")]:
        header, rows = _read(tmp_path / rel_file)
        assert header[:3] == [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
        for row in rows:
            assert row[f":START_ID({start})"] in ids[start], rel_file
            assert row[f":END_ID({end})"] in ids[end], rel_file
    _, evidence = _read(tmp_path / "fact_evidence.csv")
    assert len(evidence) == sum(len(f.evidence) for f in delta.facts)


def test_strings_are_quoted_and_missing_values_are_empty(tmp_path: Path) -> None:
    entity = Entity(name='Say "Hi", Ltd', type=EntityType.COMPANY, description="two\nlines")
    write_neo4j_admin_csv(GraphDelta(entities=(entity,)), tmp_path)
    text = (tmp_path / "entities.csv").read_text("utf-8")
    assert '"Say ""Hi"", Ltd"' in text
    _, rows = _read(tmp_path / "entities.csv")
    assert rows[0]["name"] == entity.name and rows[0]["description"] == "two\nlines"
    assert rows[0]["name_zh"] == "" and ',,' in text  # None is an empty unquoted field


def test_a_list_value_holding_the_array_delimiter_is_refused(tmp_path: Path) -> None:
    entity = Entity(name="Odd", type=EntityType.COMPANY, aliases=(f"a{ARRAY_DELIMITER}b",))
    with pytest.raises(InvalidInput, match="entities.csv row 2"):
        write_neo4j_admin_csv(GraphDelta(entities=(entity,)), tmp_path)


def test_a_refused_value_leaves_no_half_written_export(tmp_path: Path) -> None:
    good = Entity(name="Zijin", type=EntityType.COMPANY)
    out = tmp_path / "export"
    write_neo4j_admin_csv(GraphDelta(entities=(good,)), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = Entity(name="Odd", type=EntityType.COMPANY, aliases=(f"a{ARRAY_DELIMITER}b",))
    with pytest.raises(InvalidInput):
        write_neo4j_admin_csv(GraphDelta(entities=(good, bad)), out)
    # The earlier export is untouched and no partial folder is left beside it.
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["export"]
    fresh = tmp_path / "fresh"
    with pytest.raises(InvalidInput):
        write_neo4j_admin_csv(GraphDelta(entities=(bad,)), fresh)
    assert not fresh.exists()


def test_a_folder_holding_something_else_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InvalidInput, match="not an earlier"):
        write_neo4j_admin_csv(GraphDelta(), tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab"]


def test_formula_leading_text_is_exact_by_default_and_defused_on_request(
    tmp_path: Path,
) -> None:
    entities = tuple(
        Entity(name=f"{text} Ltd", type=EntityType.COMPANY, aliases=(text,)) for text in FORMULAS
    )
    exact, safe = tmp_path / "exact", tmp_path / "safe"
    write_neo4j_admin_csv(GraphDelta(entities=entities), exact)
    write_neo4j_admin_csv(GraphDelta(entities=entities), safe, spreadsheet_safe=True)
    _, exact_rows = _read(exact / "entities.csv")
    _, safe_rows = _read(safe / "entities.csv")
    assert sorted(r["name"] for r in exact_rows) == sorted(e.name for e in entities)
    for row in safe_rows:
        assert row["name"].startswith("'") and row["name"][1:] in {e.name for e in entities}
        assert all(a.startswith("'") for a in row["aliases:string[]"].split(ARRAY_DELIMITER))
    _, aliases = _read(safe / "aliases.csv")
    assert not any(r["alias"].startswith(tuple("=+-@\t")) for r in aliases)


def test_the_curation_travels_in_the_files(tmp_path: Path) -> None:
    """Rejected facts and their evidence are marked, redirects and the log are nodes."""
    delta = _merged_samples()
    fact = delta.facts[0]
    who = Curator(actor="cli:ana", reason="wrong venue")
    log = (new_record(CurationAction.REJECT_FACT, who, fact=fact.key),
           new_record(CurationAction.MERGE_ENTITIES, who, entity="company:x", target="company:y"))
    section = CurationExport(log=log, redirects={"company:x": "company:y"}, rejected=(fact.key,))
    write_neo4j_admin_csv(delta.model_copy(update={"curation": section}), tmp_path)
    header, facts = _read(tmp_path / "facts.csv")
    marked = {r["key"]: r["rejected:boolean"] for r in facts}
    assert marked[fact.key] == "true" and set(marked.values()) == {"true", ""}
    _, evidence = _read(tmp_path / "fact_evidence.csv")
    assert {r["key"] for r in evidence if r["rejected:boolean"] == "true"} == {fact.key}
    _, redirects = _read(tmp_path / "redirects.csv")
    assert [(r["id:ID(Redirect)"], r["target"], r[":LABEL"]) for r in redirects] == [
        ("company:x", "company:y", "Redirect")]
    header, records = _read(tmp_path / "curation.csv")
    for row in records:
        _typed(header, row)
    assert [(r["seq:long"], CurationRecord.model_validate_json(r["data"])) for r in records] == [
        ("1", log[0]), ("2", log[1])]
    assert "--nodes=redirects.csv --nodes=curation.csv" in import_command()
