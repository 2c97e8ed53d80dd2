"""Loads in any order give one graph (issue 14, item 3).

The same mixed input — graph JSON, text/Markdown/HTML/JSON Lines stories and an RSS
feed — loaded in every order, in any number of runs, or killed and run again, exports
the same graph: the same digest of stories, entities, facts, metrics and rejected facts
(:func:`graph.model.curation.graph_digest`). A story loaded before the graph file that
names the same firm first stores it apart; the graph file's load merges it into the
graph file's entity with a redirect (:mod:`loaders.reresolve`), which the export's
``curation`` section records as a merge made by ``loader`` — that section tells how the
graph came to be, so it is the one part that differs between orders.
"""

from __future__ import annotations

import itertools
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sinograph.cli.main import app as cli
from sinograph.graph.model.curation import LOADER, graph_digest
from sinograph.graph.model.domain import GraphDelta
from tests.conftest import SAMPLES

runner = CliRunner()

STORIES = SAMPLES / "stories"
GROUPS: dict[str, list[Path]] = {
    "graph": [SAMPLES / "graph"],
    "stories": sorted(p for p in STORIES.iterdir() if p.suffix != ".rss"),
    "feed": sorted(STORIES.glob("*.rss")),
}
PUBLISHED = ["--published", "2025-07-01"]


def _load(db: Path, group: str) -> None:
    result = runner.invoke(cli, ["--store", str(db), "load", *map(str, GROUPS[group]),
                                 *PUBLISHED])
    assert result.exit_code == 0, result.output


def _exported(db: Path, out: Path) -> GraphDelta:
    result = runner.invoke(cli, ["--store", str(db), "export", str(out)])
    assert result.exit_code == 0, result.output
    return GraphDelta.model_validate(json.loads(out.read_text("utf-8")))


def _digest(delta: GraphDelta) -> str:
    return graph_digest(delta, delta.curation.rejected if delta.curation else ())


def test_loading_the_same_inputs_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    for group in ("stories", "graph", "feed"):
        _load(db, group)
    once = _exported(db, tmp_path / "once.json")
    for group in ("stories", "graph", "feed"):
        _load(db, group)
    twice = _exported(db, tmp_path / "twice.json")
    assert twice == once  # the log too: a second load merges nothing more


def test_every_order_of_a_mixed_input_gives_one_export(tmp_path: Path) -> None:
    digests: dict[tuple[str, ...], str] = {}
    merges: dict[tuple[str, ...], int] = {}
    for n, order in enumerate(itertools.permutations(GROUPS)):
        db = tmp_path / f"order-{n}.db"
        for group in order:
            _load(db, group)
        delta = _exported(db, tmp_path / f"order-{n}.json")
        digests[order] = _digest(delta)
        log = delta.curation.log if delta.curation else ()
        assert all(r.actor == LOADER for r in log)
        merges[order] = len(log)
    assert len(set(digests.values())) == 1, digests
    # The stories first: the graph file's load had to merge what they stored apart.
    assert merges[("stories", "graph", "feed")] >= 1
    assert merges[("graph", "stories", "feed")] == 0


def _graph_file(path: Path, entity: dict[str, object]) -> Path:
    path.write_text(json.dumps({"entities": [entity]}), encoding="utf-8")
    return path


def test_two_graph_files_sharing_a_name_give_one_graph_in_either_order(
    tmp_path: Path,
) -> None:
    """Two graph files that give one name to two entities of one type keep both, in
    either order (re-resolution merges only what stories stored apart); the name then
    finds both."""
    first = _graph_file(tmp_path / "a.json", {
        "id": "company:norvik-holdings", "name": "Norvik Holdings", "type": "Company",
        "aliases": ["Norvik"]})
    second = _graph_file(tmp_path / "b.json", {
        "id": "company:norvik", "name": "Norvik", "type": "Company"})
    digests = []
    for n, order in enumerate(((first, second), (second, first))):
        db = tmp_path / f"files-{n}.db"
        for path in order:
            result = runner.invoke(cli, ["--store", str(db), "load", str(path)])
            assert result.exit_code == 0, result.output
        delta = _exported(db, tmp_path / f"files-{n}.json")
        assert {e.id for e in delta.entities} == {"company:norvik-holdings", "company:norvik"}
        assert not (delta.curation and delta.curation.log)  # nothing merged by the loader
        digests.append(_digest(delta))
    assert digests[0] == digests[1]


def test_a_story_stored_apart_still_joins_the_graph_files_entity(tmp_path: Path) -> None:
    """The mark of a graph file's entity does not stop the merge issue 14 asked for: an
    entity a story made alone is merged into the graph file's entity."""
    story = tmp_path / "story.txt"
    story.write_text("Norvik bought Tallis Foods for $2 billion on Monday.\n", encoding="utf-8")
    graph = _graph_file(tmp_path / "g.json", {
        "id": "company:norvik-holdings", "name": "Norvik Holdings", "type": "Company",
        "aliases": ["Norvik"]})
    digests = []
    for n, order in enumerate(((story, graph), (graph, story))):
        db = tmp_path / f"mixed-{n}.db"
        for path in order:
            result = runner.invoke(cli, ["--store", str(db), "load", str(path), *PUBLISHED])
            assert result.exit_code == 0, result.output
        delta = _exported(db, tmp_path / f"mixed-{n}.json")
        assert "company:norvik" not in {e.id for e in delta.entities}
        digests.append(_digest(delta))
    assert digests[0] == digests[1]


_PLAIN: list[str] = []  # the digest of the plain load, made once for every example


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=st.lists(st.sampled_from(sorted(GROUPS)), min_size=1, max_size=5))
def test_any_sequence_of_runs_gives_the_graph_of_one_load(
    tmp_path_factory: object, runs: list[str]
) -> None:
    """Property: runs of the inputs in any order, any of them repeated (every input at
    least once), give the graph of the three loaded once in the plain order."""
    folder = tmp_path_factory.mktemp("runs")  # type: ignore[attr-defined]
    if not _PLAIN:
        plain = folder / "plain.db"
        for group in ("graph", "stories", "feed"):
            _load(plain, group)
        _PLAIN.append(_digest(_exported(plain, folder / "plain.json")))
    expected = _PLAIN[0]
    db = folder / "runs.db"
    for group in [*runs, *(g for g in sorted(GROUPS) if g not in runs)]:
        _load(db, group)
    assert _digest(_exported(db, folder / "runs.json")) == expected


def _load_process(db: Path) -> subprocess.Popen[bytes]:
    paths = [str(p) for p in (*GROUPS["stories"], *GROUPS["feed"], *GROUPS["graph"])]
    return subprocess.Popen(
        [sys.executable, "-c", "from sinograph.cli.main import app; app()",
         "--store", str(db), "load",
         *paths, *PUBLISHED],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_a_load_killed_and_run_again_equals_the_uninterrupted_load(tmp_path: Path) -> None:
    whole = tmp_path / "whole.db"
    process = _load_process(whole)
    assert process.wait(timeout=600) == 0
    expected = _digest(_exported(whole, tmp_path / "whole.json"))
    for kill_after in (1.5, 3.0, 4.5):
        db = tmp_path / f"killed-{kill_after}.db"
        process = _load_process(db)
        time.sleep(kill_after)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        again = _load_process(db)
        assert again.wait(timeout=600) == 0
        assert _digest(_exported(db, tmp_path / f"killed-{kill_after}.json")) == expected
