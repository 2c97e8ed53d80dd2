"""The statement files: every one loads, every name the code uses exists, placeholders are safe."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from sinograph.cypher import (
    ALL_PREDICATES_PLACEHOLDER,
    MAX_PATH_GROUPS,
    PLACEHOLDERS,
    all_statements,
    parse_statement,
    statement,
)
from sinograph.graph.model.domain import Entity
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.neo4j.rows import entity_row
from sinograph.graph.stores.neo4j.runner import bound_statement

ROOT = Path(__file__).resolve().parents[2]
CODE = sorted((ROOT / "graph" / "stores" / "neo4j").glob("*.py"))
RUNNER_CALLS = {"read", "run", "run_batches", "command", "read_in_batches", "bound_statement"}
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _constants(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def _names_run_in_code() -> tuple[set[str], set[str]]:
    """(names passed to a runner call, every string constant of the store's code)."""
    run: set[str] = set()
    strings: set[str] = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in RUNNER_CALLS or name == "grouped":
                    run.update(_constants(node.args[0]))
    return run, strings


def test_every_file_loads_with_its_declared_parameters() -> None:
    files = sorted(p.stem for p in (ROOT / "cypher").glob("*.cypher"))
    loaded = all_statements()
    assert sorted(loaded) == files
    assert len(files) > 40
    for name, stmt in loaded.items():
        body = "\n".join(
            line for line in stmt.text.splitlines() if not line.lstrip().startswith("//")
        )
        assert set(_PARAM.findall(body)) == stmt.params, name


def test_the_mapping_is_read_only_and_loaded_once() -> None:
    loaded = all_statements()
    assert loaded is all_statements()
    with pytest.raises(TypeError):
        loaded["x"] = loaded["stats_counts"]  # type: ignore[index]


def test_every_name_the_code_runs_exists_and_every_file_is_used() -> None:
    run, strings = _names_run_in_code()
    assert {"write_lock", "facts_create", "paths_shortest", "timeline_entity_dated"} <= run
    schema = {s for s in strings if re.fullmatch(r"schema_[a-z_]+", s)}
    missing = sorted((run | schema) - set(all_statements()))
    assert missing == []
    unused = sorted(set(all_statements()) - strings)
    assert unused == []


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="cypher/no_such_statement.cypher"):
        statement("no_such_statement")


@pytest.mark.parametrize("member", list(Predicate))
def test_every_predicate_renders_into_a_plain_relationship_type(member: Predicate) -> None:
    for stmt in all_statements().values():
        if "__Predicate__" not in stmt.placeholders:
            continue
        text = stmt.render(predicate=member)
        assert not any(p in text for p in PLACEHOLDERS), stmt.name
        assert f":{member.value}" in text
        assert _IDENTIFIER.match(member.value)


@pytest.mark.parametrize("member", list(EntityType))
def test_every_entity_type_is_a_plain_label_for_the_dynamic_create(member: EntityType) -> None:
    # entities_create labels a node with its row's type ($(row.props.type)): the value
    # comes from the EntityType enum through the model, and must be a plain identifier.
    assert "$(row.props.type)" in statement("entities_create").text
    entity = Entity(name="Example", type=member)
    assert entity_row(entity)["props"]["type"] == member.value
    assert _IDENTIFIER.match(member.value)


def test_every_predicate_is_a_plain_type_for_the_dynamic_create() -> None:
    assert "$(row.predicate)" in statement("facts_create").text
    assert all(_IDENTIFIER.match(p.value) for p in Predicate)


def test_the_predicate_list_placeholder_names_every_predicate_once() -> None:
    text = statement("entity_fact_counts").render()
    listed = re.search(r"\[r:([A-Z_|]+)\]", text)
    assert listed is not None
    assert listed.group(1).split("|") == [p.value for p in Predicate]
    assert ALL_PREDICATES_PLACEHOLDER not in text


@pytest.mark.parametrize(
    "value", ["OWNS", "OWNS]->() DETACH DELETE n //", Predicate.OWNS.value, None, EntityType.ASSET]
)
def test_anything_but_an_enum_member_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="must be a Predicate member"):
        statement("schema_fact_key").render(predicate=value)  # type: ignore[arg-type]


def test_a_placeholder_the_statement_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="takes no __EntityType__"):
        statement("schema_fact_key").render(predicate=Predicate.OWNS, entity_type=EntityType.ASSET)
    with pytest.raises(ValueError, match="takes no __PathGroups__"):
        statement("schema_fact_key").render(predicate=Predicate.OWNS, groups=1)


@pytest.mark.parametrize("groups", range(1, MAX_PATH_GROUPS + 1))
def test_every_path_group_count_renders_into_a_literal(groups: int) -> None:
    text = statement("paths_shortest").render(groups=groups)
    assert f"SHORTEST {groups} GROUPS" in text
    assert not any(p in text for p in PLACEHOLDERS)


@pytest.mark.parametrize("value", [0, MAX_PATH_GROUPS + 1, True, "2", "1 GROUPS (n) //", None, 2.0])
def test_a_path_group_count_must_be_a_small_int(value: object) -> None:
    with pytest.raises(ValueError, match="must be an int from 1"):
        statement("paths_shortest").render(groups=value)  # type: ignore[arg-type]


def test_parameters_must_match_the_declaration() -> None:
    assert "UNWIND $rows" in bound_statement("stories_create", {"rows": []})
    with pytest.raises(ValueError, match="declares"):
        bound_statement("stories_create", {})
    with pytest.raises(ValueError, match="declares"):
        bound_statement("stories_create", {"rows": [], "extra": 1})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n) RETURN n", "exactly one '// params:' line"),
        ("// params: a\n// params: b\nRETURN $a", "exactly one"),
        ("// params: a-b\nRETURN 1", "bad parameter name"),
    ],
)
def test_a_bad_header_names_the_file(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_statement("broken", text)
