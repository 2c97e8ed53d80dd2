"""Neo4j's own Cypher front end finds nothing wrong with any statement, rendered or not.

Needs node and ``tools/cypher-lint/node_modules`` (``npm ci`` there, run by
``make setup``); without them these tests skip and say so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sinograph.cypher import MAX_PATH_GROUPS, all_statements
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.stores.neo4j.lint_schema import lint_schema

ROOT = Path(__file__).resolve().parents[2]
LINT = ROOT / "tools" / "cypher-lint"
SCHEMA = LINT / "graph-schema.json"

needs_lint = pytest.mark.skipif(
    shutil.which("node") is None
    or not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir(),
    reason="Cypher lint not installed: run `npm ci --prefix tools/cypher-lint` (make setup)",
)


def _lint_items(items: list[dict[str, object]]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(LINT / "lint.cjs"), "--schema", str(SCHEMA), "--stdin"],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_lint_schema_file_is_up_to_date() -> None:
    assert json.loads(SCHEMA.read_text("utf-8")) == lint_schema()


@needs_lint
def test_every_statement_file_lints_clean() -> None:
    done = subprocess.run(
        ["node", str(LINT / "lint.cjs"), "--schema", str(SCHEMA), str(ROOT / "cypher")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(all_statements())} statements, 0 problems" in done.stdout


@needs_lint
def test_every_rendered_statement_lints_clean() -> None:
    items: list[dict[str, object]] = []
    for stmt in all_statements().values():
        if not stmt.placeholders:
            continue
        variants = []
        if "__Predicates__" in stmt.placeholders and "__PathGroups__" not in stmt.placeholders:
            variants = [stmt.render()]
        if "__PathGroups__" in stmt.placeholders:
            variants = [stmt.render(groups=g) for g in range(1, MAX_PATH_GROUPS + 1)]
        if "__Predicate__" in stmt.placeholders:
            variants = [stmt.render(predicate=p) for p in Predicate]
        if "__EntityType__" in stmt.placeholders:
            variants = [stmt.render(entity_type=t) for t in EntityType]
        for i, text in enumerate(variants):
            items.append({"name": f"{stmt.name}#{i}", "text": text, "params": sorted(stmt.params)})
    assert len(items) > len(Predicate) * 3
    done = _lint_items(items)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(items)} statements, 0 problems" in done.stdout


PROBES = [
    ("MATCH (n:Entity) WHERE n.id = $id RETURN n", [], "Parameter $id is not defined"),
    ("MATCH (n:Entity) RETURN n", ["id"], "declares $id but does not use it"),
    ("MATCH (n:Entity) RETURN n.nmae AS name", [], "nmae is not present"),
    ("MATCH (n:Entitty) RETURN n", [], "Entitty is not present"),
    ("MATCH (n:Entity) RETURN apoc.text.join([n.id], ',') AS x", [], "apoc.text.join"),
    ("MATCH (n:Entity RETURN n", [], "error: Invalid input"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", [], "exactly one statement"),
]


@needs_lint
def test_the_lint_reports_real_mistakes() -> None:
    items: list[dict[str, object]] = [
        {"name": f"probe{i}", "text": text, "params": params}
        for i, (text, params, _finding) in enumerate(PROBES)
    ]
    done = _lint_items(items)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    for i, (_text, _params, finding) in enumerate(PROBES):
        mine = [line for line in lines if line.startswith((f"probe{i}:", f"probe{i} "))]
        assert any(finding in line for line in mine), (finding, mine)
