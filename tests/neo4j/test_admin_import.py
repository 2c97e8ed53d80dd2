"""``export --format neo4j-admin`` files go through Neo4j's own importer and give our graph.

The official ``neo4j-admin database import full`` (``org.neo4j.cli.AdminTool`` from
the same Maven artifacts as the test server) imports the exported CSV files into a
new Neo4j home; a second test server is started on it, sinograph adds its schema,
and the graph it reads back must be the one an embedded store holds for the same
input — every story, entity, fact, metric and evidence sentence.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sinograph.graph.exports.neo4j_admin import import_command, write_neo4j_admin_csv
from sinograph.graph.model.curation import Curator
from sinograph.graph.model.queries import PathQuery, SearchQuery, TimelineQuery
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.neo4j import Neo4jStore, open_driver
from tests.conftest import ROOT, sample_deltas
from tests.contract.neo4j_factory import require_neo4j

pytestmark = pytest.mark.neo4j


def _launcher() -> ModuleType:
    path = ROOT / "tools" / "neo4j-test-server" / "with_neo4j.py"
    spec = importlib.util.spec_from_file_location("with_neo4j", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["with_neo4j"] = module
    spec.loader.exec_module(module)
    return module


def test_the_official_importer_loads_the_export_into_the_same_graph(tmp_path: Path) -> None:
    require_neo4j()
    if not os.environ.get("SINOGRAPH_TEST_NEO4J_CLASSPATH"):
        pytest.skip("needs the Maven-built test server's class path (make test sets it)")
    launcher = _launcher()
    embedded = EmbeddedStore(tmp_path / "g.db")
    embedded.ensure_schema()
    for delta in sample_deltas():
        embedded.upsert(delta)
    # With some curation: it travels in the files too.
    who = Curator(actor="cli:test", reason="checking the import")
    rejected = embedded.timeline(TimelineQuery(entity="Zijin Mining Group", limit=1)).items[0].fact
    assert rejected is not None
    embedded.reject_fact(rejected.key, who)
    embedded.split_entity("Zijin Mining Group", "Zijin", who)
    embedded.merge_entities("company:zijin", "Zijin Mining Group", who)
    expected = embedded.export_delta()
    embedded.close()
    assert expected.facts and expected.metrics
    assert expected.curation is not None and len(expected.curation.log) == 3

    out = tmp_path / "import"
    write_neo4j_admin_csv(expected, out)
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    args = shlex.split(import_command("neo4j"))
    assert args[0] == "neo4j-admin"
    done = subprocess.run(
        [*launcher.java_command("512m"), "org.neo4j.cli.AdminTool", *args[1:]],
        cwd=out,
        env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "IMPORT DONE" in done.stdout

    password = secrets.token_urlsafe(12)
    process, port = launcher.start_server(home, password, heap="512m")
    try:
        driver = open_driver(
            f"bolt://127.0.0.1:{port}", user="neo4j", password=password, database="neo4j",
            connect_timeout=5.0, query_timeout=120.0,
        )
        with Neo4jStore(driver, query_timeout=120.0) as imported:
            imported.ensure_schema()
            assert imported.export_delta() == expected
            assert imported.get_fact(rejected.key).rejected
            timeline = imported.timeline(TimelineQuery(entity="Zijin Mining Group"))
            assert rejected.key not in {i.fact.key for i in timeline.items if i.fact}
            assert imported.get_entity("company:zijin").redirected_from == "company:zijin"
            # The log goes on after the imported records.
            imported.restore_fact(rejected.key, who)
            assert imported.curation_log().items[-1].action == "restore_fact"
            path = imported.paths(PathQuery(
                source="Verny Capital", target="Zijin Mining Group", max_hops=4, k=1,
            ))
            assert [n.name for n in path.paths[0].nodes][-1] == "Zijin Mining Group"
            assert imported.search_entities(SearchQuery(
                text="zijin",
            ))[0].entity.name == "Zijin Mining Group"
    finally:
        launcher.stop_server(process)
