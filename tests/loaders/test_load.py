"""The load orchestration (loaders/load.py): graph files on the bulk path, stories through
the extractor (in worker processes too), progress, the summary, and bad input."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sinograph.cli.progress
import sinograph.loaders.parallel
from sinograph.cli.main import app
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.loaders.load import (
    ExtractorSource,
    LoadOptions,
    LoadProgress,
    load_paths,
    write_graph,
)
from tests.contract.builders import DeltaBuilder

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _store(path: Path) -> EmbeddedStore:
    store = EmbeddedStore(path)
    store.ensure_schema()
    return store


def _graph_file(folder: Path, stories: int = 12, facts: int = 20) -> Path:
    b = DeltaBuilder()
    for n in range(stories):
        story = b.story(f"Load story {n}", publisher="Outlet", published="2025-01-01")
        for i in range(facts):
            b.fact(b.company(f"Maker {n} {i}"), "SUPPLIES", b.company(f"Buyer {i % 7}"), story,
                   f"Maker {n} {i} supplies Buyer {i % 7}.")
    path = folder / "graph.json"
    path.write_text(b.delta().model_dump_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name", ["sinograph.loaders.load", "sinograph.loaders.parallel", "sinograph.cli.progress"]
)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_graph_file_in_small_batches_stores_what_one_batch_stores(tmp_path: Path) -> None:
    file = _graph_file(tmp_path)
    whole, batched = _store(tmp_path / "whole.db"), _store(tmp_path / "batched.db")
    seen: list[LoadProgress] = []
    try:
        one = load_paths(whole, [file], LoadOptions(max_bytes=10**8))
        many = load_paths(
            batched, [file], LoadOptions(max_bytes=10**8, batch_size=50),
            on_progress=lambda p: seen.append(
                LoadProgress(p.files_total, p.bytes_total, p.files_done, p.bytes_done,
                             p.stories, p.facts)
            ),
        )
        assert one.report.upsert == many.report.upsert
        assert whole.export_delta() == batched.export_delta()
        # Progress after every batch: facts and bytes only grow, and end complete.
        assert len(seen) > 5
        assert [p.facts for p in seen] == sorted(p.facts for p in seen)
        assert seen[-1].facts == 240 and seen[-1].files_done == 1
        assert seen[-1].bytes_done == seen[-1].bytes_total == file.stat().st_size
        # The same load again finds everything known.
        again = load_paths(batched, [file], LoadOptions(max_bytes=10**8, batch_size=50))
        assert again.report.upsert.facts_added == 0
        assert again.report.upsert.facts_known == 240
    finally:
        whole.close()
        batched.close()


def test_write_graph_reports_each_batch(tmp_path: Path) -> None:
    store = _store(tmp_path / "g.db")
    file = _graph_file(tmp_path, stories=3, facts=5)
    from sinograph.loaders.graph_json import read_graph_json

    delta = read_graph_json(file, max_bytes=10**8)
    batches: list[int] = []
    try:
        report = write_graph(store, delta, batch_size=10,
                             on_batch=lambda b, r: batches.append(b.record_count()))
    finally:
        store.close()
    assert sum(batches) == delta.record_count() and len(batches) > 1
    assert report.facts_added == 15


def test_a_bad_file_is_a_problem_and_the_rest_loads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _graph_file(folder, stories=2, facts=3)
    (folder / "broken.json").write_text('{"facts": [{"subject": 1}]}', encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    parts: list[str] = []
    store = _store(tmp_path / "g.db")
    try:
        summary = load_paths(store, [folder], LoadOptions(max_bytes=10**8),
                             on_part=lambda label, _: parts.append(Path(label).name))
    finally:
        store.close()
    assert summary.files == 2
    assert [p.origin for p in summary.report.failed] == [str(folder / "broken.json")]
    assert [Path(p.origin).name for p in summary.report.problems if p.skipped] == ["notes.bin"]
    assert parts == ["graph.json"]
    assert summary.line() == (
        "read 2 files: 2 stories loaded (6 facts added); 1 file skipped (not a story or"
        " graph file); 1 problem in 1 file (see above; the rest was loaded)"
    )


def test_a_missing_path_stops_before_anything_is_written(tmp_path: Path) -> None:
    from sinograph.graph.model.errors import InvalidInput

    store = _store(tmp_path / "g.db")
    try:
        with pytest.raises(InvalidInput, match="no such file"):
            load_paths(store, [SAMPLES / "graph", tmp_path / "nope"], LoadOptions(max_bytes=10**8))
        assert store.stats().facts == 0
    finally:
        store.close()


def _story_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    companies = ["Norvik Group", "Tallis Ltd", "Brenn Mining", "Kivra Capital", "Lumen Motors"]
    for n in range(count):
        a, b = companies[n % 5], companies[(n + 2) % 5]
        (folder / f"story-{n:02d}.txt").write_text(
            f"{a} buys stake in {b}\n\n{a} agreed on Monday to buy a {10 + n}% stake in {b}"
            f" for ${n + 1} billion, the companies said.",
            encoding="utf-8",
        )
    return folder


@pytest.mark.slow
def test_worker_processes_store_exactly_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _story_folder(tmp_path / "stories", 10)
    pools: list[int] = []
    real = sinograph.loaders.parallel.ProcessPoolExecutor

    class Counted(real):  # type: ignore[misc,valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            pools.append(int(kwargs["max_workers"]))  # type: ignore[call-overload]
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sinograph.loaders.parallel, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(sinograph.loaders.parallel, "PARALLEL_FROM", 4)
    from sinograph.graph.wiring.settings import Settings

    settings = Settings(store=str(tmp_path / "unused.db"))
    exports = []
    for workers in (1, 2):
        store = _store(tmp_path / f"w{workers}.db")
        source = ExtractorSource.from_settings(settings)
        try:
            summary = load_paths(store, [folder], LoadOptions(max_bytes=10**8, workers=workers,
                                                             published="2025-03-03"), source)
            assert summary.report.stories_written == 10, summary.report
            exports.append(store.export_delta())
        finally:
            source.close()
            store.close()
    assert pools == [2], "the second load did not use worker processes"
    assert exports[0] == exports[1]
    assert exports[0].facts, "the stories gave no facts"


def test_cli_prints_plain_progress_lines_when_not_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sinograph.cli.progress, "PLAIN_EVERY", 0.0)
    result = CliRunner().invoke(
        app, ["--store", str(tmp_path / "g.db"), "load", str(SAMPLES / "graph"), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("progress:")]
    assert lines and lines[-1].startswith("progress: files 5/5, 16 stories, 56 facts")
    assert "ETA 0s" in lines[-1]
    assert result.output.rstrip().endswith("read 5 files: 16 stories loaded (56 facts added)")
