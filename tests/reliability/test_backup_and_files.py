"""Backups are consistent copies, taken while others write; a damaged file says "restore a
backup" (exit 3); a store on a read-only filesystem serves reads; the log is checkpointed
once writes pause; ``/health`` is a cheap probe.

The load that runs during the backups is a real subprocess writing one graph file per
transaction, so the backups race genuine commits from another process.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sinograph.api.app import create_app
from sinograph.cli.main import app as cli
from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import InvalidInput, StoreCorrupt, StoreReadOnly
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.embedded.files import IdleCheckpointer
from sinograph.loaders.graph_json import declared_by_graph_file
from tests.api.support import make_settings
from tests.contract.builders import DeltaBuilder

runner = CliRunner()
FILES = 80  # the load must outlast a backup or two on a busy machine
FACTS_PER_FILE = 150


def _deltas() -> list[GraphDelta]:
    rng = random.Random(11)
    companies = [f"Company {i} Holdings" for i in range(200)]
    out = []
    for n in range(FILES):
        b = DeltaBuilder()
        story = b.story(f"Story {n}", publisher="Outlet", published="2025-01-01")
        for _ in range(FACTS_PER_FILE):
            a, t = rng.sample(companies, 2)
            b.fact(b.company(a), rng.choice(["OWNS", "SUPPLIES"]), b.company(t), story,
                   f"{a} and {t} in story {n}.")
        out.append(b.delta())
    return out


def _export_hash(store: EmbeddedStore) -> str:
    return hashlib.sha256(store.export_delta().model_dump_json().encode()).hexdigest()


def _fresh(path: Path, deltas: list[GraphDelta]) -> str:
    store = EmbeddedStore(path)
    store.ensure_schema()
    try:
        for delta in deltas:
            store.upsert(declared_by_graph_file(delta))  # as loading the file marks it
        return _export_hash(store)
    finally:
        store.close()


def _revision(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0


def test_backups_during_a_concurrent_load_equal_the_quiesced_store(tmp_path: Path) -> None:
    deltas = _deltas()
    folder = tmp_path / "in"
    folder.mkdir()
    for n, delta in enumerate(deltas):
        (folder / f"part-{n:03d}.json").write_text(delta.model_dump_json(), encoding="utf-8")
    db = tmp_path / "live.db"
    EmbeddedStore(db).ensure_schema()
    base = _revision(db)  # each file's transaction adds one to it
    # A first backup imports what the command needs, so the backups taken during the
    # load are not slowed by that and overlap the load's commits.
    warm = runner.invoke(cli, ["--store", str(db), "backup", str(tmp_path / "warm.db")])
    assert warm.exit_code == 0, warm.output
    load = subprocess.Popen(
        [sys.executable, "-c", "from sinograph.cli.main import app; app()",
         "--store", str(db), "load",
         str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    backups: list[Path] = []
    try:
        while load.poll() is None and _revision(db) == base:
            time.sleep(0.02)  # the load's first commit
        while load.poll() is None and len(backups) < 8:
            out = tmp_path / f"backup-{len(backups)}.db"
            result = runner.invoke(cli, ["--store", str(db), "backup", str(out), "--json"])
            assert result.exit_code == 0, result.output
            backups.append(out)
    finally:
        _, err = load.communicate(timeout=300)
    assert load.returncode == 0, err
    mid_load = [b for b in backups if 0 < _revision(b) - base < FILES]
    assert mid_load, "no backup was taken while the load was writing"
    # Each backup is exactly the store after its first `revision` files: the same export
    # as a store that loaded those files and nothing else.
    for backup in mid_load:
        revision = _revision(backup) - base
        copy = EmbeddedStore(backup)
        copy.ensure_schema()
        try:
            got = _export_hash(copy)
            assert copy.stats().stories == revision
        finally:
            copy.close()
        assert got == _fresh(tmp_path / f"quiesced-{revision}.db", deltas[:revision])


def test_backup_then_restore_gives_the_same_graph(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    before = _fresh(db, _deltas()[:3])
    out = tmp_path / "b.db"
    assert runner.invoke(cli, ["--store", str(db), "backup", str(out)]).exit_code == 0
    again = runner.invoke(cli, ["--store", str(db), "backup", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output
    db.unlink()
    restored = runner.invoke(cli, ["--store", str(db), "restore", str(out)])
    assert restored.exit_code == 0, restored.output
    store = EmbeddedStore(db)
    store.ensure_schema()
    try:
        assert _export_hash(store) == before
    finally:
        store.close()
    refused = runner.invoke(cli, ["--store", str(db), "restore", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert runner.invoke(cli, ["--store", str(db), "restore", str(out), "--force"]).exit_code == 0


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(InvalidInput):
        from sinograph.graph.stores.embedded.files import restore_file

        restore_file(bad, tmp_path / "target.db")
    assert not (tmp_path / "target.db").exists()


def _damage(db: Path) -> None:
    """Overwrite blocks in the middle of the file with random bytes, as a disk fault would."""
    rng = random.Random(3)
    data = bytearray(db.read_bytes())
    page = 4096
    pages = len(data) // page
    for n in rng.sample(range(2, pages), min(pages - 2, max(3, pages // 4))):
        data[n * page : (n + 1) * page] = rng.randbytes(page)
    db.write_bytes(bytes(data))


def test_a_corrupt_store_says_restore_a_backup_with_exit_3(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    _fresh(db, _deltas()[:6])
    _damage(db)
    results = [runner.invoke(cli, ["--store", str(db), *args])
               for args in (["stats"], ["export", str(tmp_path / "x.json")],
                            ["search", "Company 1"])]
    for result in results:
        assert result.exit_code == 3, result.output
        assert "corrupt" in result.output and "restore" in result.output
    with pytest.raises(StoreCorrupt):
        store = EmbeddedStore(db)
        try:
            store.ensure_schema()
            store.export_delta()
        finally:
            store.close()


def test_a_file_that_is_no_database_is_corrupt_not_internal(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    db.write_bytes(b"\x00garbage" * 1000)
    result = runner.invoke(cli, ["--store", str(db), "stats"])
    assert result.exit_code == 3, result.output
    assert "restore" in result.output


def test_the_log_is_checkpointed_once_writes_pause(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    store._checkpointer = IdleCheckpointer(store._checkpoint, idle_seconds=0.2)
    try:
        for delta in _deltas()[:5]:
            store.upsert(delta)
        # While the store is open, a copy of the main file alone holds everything once the
        # pause has passed: the log has been moved into it.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            copy = tmp_path / "copy.db"
            shutil.copyfile(db, copy)
            conn = sqlite3.connect(copy)
            try:
                stories = conn.execute("SELECT count(*) FROM story").fetchone()[0]
            except sqlite3.OperationalError:
                stories = 0  # the tables themselves are still in the log only
            finally:
                conn.close()
            copy.unlink()
            if stories == 5:
                break
            time.sleep(0.1)
        assert stories == 5
    finally:
        store.close()


def _read_only_mount_available() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o ro tmpfs /mnt"],
        capture_output=True, check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _read_only_mount_available(),
                    reason="needs `unshare -m` and mount rights (root) for a read-only filesystem")
def test_a_store_on_a_read_only_filesystem_serves_reads(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _fresh(src / "g.db", _deltas()[:2])
    ro = tmp_path / "ro"
    ro.mkdir()
    script = f"""
import json
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from sinograph.api.app import create_app
from sinograph.cli.main import app as cli
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings
db = "{ro}/g.db"
r = CliRunner().invoke(cli, ["--store", db, "stats", "--json"])
out = {{"stats_exit": r.exit_code}}
out["stories"] = json.loads(r.stdout)["stories"] if r.exit_code == 0 else None
r = CliRunner().invoke(cli, ["--store", db, "export", "/tmp/ro-export-{tmp_path.name}.json"])
out["export_exit"] = r.exit_code
store = EmbeddedStore(db)
store.ensure_schema()
with TestClient(create_app(make_settings(db), store)) as c:
    out["health"] = c.get("/health").json()
    body = {{"text": "Zijin Mining Group bought RG Gold.", "published": "2025-06-30"}}
    w = c.post("/stories", json=body)
    out["write_status"] = w.status_code
    out["write_type"] = w.json().get("type")
store.close()
print(json.dumps(out))
"""
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c",
         f"mount --bind {src} {ro} && mount -o remount,ro,bind {ro} && "
         f"{sys.executable} -c '{script}'"],
        capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["stats_exit"] == 0 and out["stories"] == 2
    assert out["export_exit"] == 0
    assert out["health"]["read_only"] is True
    assert out["write_status"] == 503 and out["write_type"] == "/problems/store-read-only"


def test_writes_to_a_read_only_store_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    _fresh(db, _deltas()[:1])
    store = EmbeddedStore(db)
    store.read_only = True  # as decided at open for a file that cannot be written
    store.ensure_schema()
    try:
        with pytest.raises(StoreReadOnly, match="read-only"):
            store.upsert(_deltas()[1])
        assert store.stats().stories == 1
    finally:
        store.close()


def test_health_is_cheap_and_stats_moved(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    _fresh(db, _deltas()[:4])
    store = EmbeddedStore(db)
    store.ensure_schema()
    calls = 0
    real = store.stats

    def counted() -> object:
        nonlocal calls
        calls += 1
        return real()

    store.stats = counted  # type: ignore[method-assign]
    try:
        with TestClient(create_app(make_settings(db), store)) as client:
            body = client.get("/health").json()
            assert body["status"] == "ok" and "counts" not in body
            assert calls == 0, "/health must not compute statistics"
            assert client.get("/stats").json()["stories"] == 4
            assert calls == 1
    finally:
        store.close()
