"""The embedded store's file: read-only places, corruption, backups and checkpoints.

* A store on a read-only filesystem (or a file this user cannot write) is opened
  read-only: reads work, writes raise :class:`~graph.model.errors.StoreReadOnly`.
* A file SQLite finds damaged raises :class:`~graph.model.errors.StoreCorrupt`, which says to
  restore a backup, instead of an internal error.
* :func:`backup_file` copies a consistent snapshot with SQLite's online backup API
  (one step, under one read transaction: writers go on meanwhile), including what
  sits in the write-ahead log. Copying ``sinograph.db`` alone while the store is open
  is not a backup: committed data may still be in ``sinograph.db-wal``.
* :class:`IdleCheckpointer` moves the log into the main file once writes pause, so
  the ``-wal`` file does not keep committed data for long.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import quote

from sinograph.graph.model.errors import InvalidInput, StoreCorrupt, StoreUnavailable
from sinograph.graph.model.results import StoreBackup

__all__ = [
    "IdleCheckpointer",
    "backup_file",
    "connect_read_only",
    "corruption_guarded",
    "is_corruption",
    "read_only_location",
    "restore_file",
]

# A pause in writes this long lets the checkpointer run.
IDLE_CHECKPOINT_SECONDS = 2.0

_CORRUPT = ("malformed", "not a database", "corrupt", "file is encrypted")

P = ParamSpec("P")
R = TypeVar("R")


def read_only_location(path: str | Path) -> bool:
    """Whether the store file exists where it cannot be written (a read-only filesystem,
    or permissions this process lacks)."""
    file = Path(path)
    if not file.exists():
        return False
    try:
        if os.statvfs(file).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK)


def connect_read_only(path: str | Path, *, timeout: float) -> sqlite3.Connection:
    """A read-only connection to a store whose files cannot be written.

    With no write-ahead log beside it the file is opened ``immutable`` (no lock or
    shared-memory file is needed); with one, SQLite must read the log too, which it can
    only do when it may create the shared-memory file, else this says what to do.
    """
    file = Path(path)
    wal = Path(f"{file}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    uri = f"file:{quote(str(file.resolve()))}?" + ("mode=ro" if pending else "immutable=1")
    try:
        conn = sqlite3.connect(
            uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise StoreCorrupt(str(path), str(exc)) from exc
        if pending:
            raise StoreUnavailable(
                f"cannot read the store {path}: it is read-only and its write-ahead log "
                f"({wal.name}) still holds committed data; copy the store's files to a "
                "writable place (or run `sinograph backup` where it can be written)"
            ) from exc
        raise StoreUnavailable(f"cannot open the read-only store {path}: {exc}") from exc
    return conn


def is_corruption(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged (not busy, not missing)."""
    return isinstance(exc, sqlite3.DatabaseError) and any(
        word in str(exc).lower() for word in _CORRUPT
    )


def corruption_guarded(method: Callable[P, R]) -> Callable[P, R]:
    """``method`` with a damaged file reported as :class:`StoreCorrupt`, wherever in the
    store the damage is met (a StoreUnavailable wrapping it included)."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except StoreCorrupt:
            raise
        except (sqlite3.DatabaseError, StoreUnavailable) as exc:
            cause = exc if isinstance(exc, sqlite3.DatabaseError) else exc.__cause__
            if cause is not None and is_corruption(cause):
                path = getattr(args[0], "path", "?") if args else "?"
                raise StoreCorrupt(str(path), str(cause)) from exc
            raise

    return guarded


def backup_file(source: sqlite3.Connection, target: str | Path, *, source_path: str) -> StoreBackup:
    """Copy the store behind ``source`` to ``target`` (which must not exist) as one
    consistent snapshot; the copy is checked before it takes its name."""
    out = Path(target)
    if out.exists():
        raise InvalidInput(f"{out} already exists; back up to a new file")
    if not out.parent.is_dir():
        raise InvalidInput(f"cannot write {out}: folder {out.parent} does not exist")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            # pages=-1: every page in one step, under one read transaction of the source,
            # so the copy is one committed state however much is written meanwhile.
            source.backup(dest, pages=-1)
            dest.execute("PRAGMA journal_mode = DELETE")
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
            version = dest.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            revision = dest.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if is_corruption(exc):
            raise StoreCorrupt(source_path, str(exc)) from exc
        raise StoreUnavailable(f"backing up {source_path} failed: {exc}") from exc
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise StoreCorrupt(source_path, f"the copy fails SQLite's check: {check}")
    os.replace(partial, out)
    return StoreBackup(
        path=str(out),
        bytes=out.stat().st_size,
        schema_version=int(version or 0),
        revision=int(revision[0]) if revision else 0,
        seconds=round(time.perf_counter() - started, 3),
    )


def restore_file(backup: str | Path, target: str | Path, *, force: bool = False) -> StoreBackup:
    """Replace the store file ``target`` with the checked copy ``backup``.

    Stop every process using the store first (a server, a load): their open files
    would still point at the old store. Without ``force`` an existing store is never
    replaced.
    """
    from sinograph.graph.stores.embedded.schema import SCHEMA_VERSION

    source = Path(backup)
    dest = Path(target)
    if not source.is_file():
        raise InvalidInput(f"no backup file at {source}")
    if dest.exists() and not force:
        raise InvalidInput(
            f"{dest} exists; stop everything that uses it and pass --force to replace it"
        )
    try:
        conn = sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            if check != "ok":
                raise InvalidInput(f"{source} is damaged ({check}); it cannot be restored")
            if int(version or 0) > SCHEMA_VERSION:
                raise InvalidInput(
                    f"{source} has schema version {version}, newer than this sinograph"
                )
            partial = dest.with_name(dest.name + ".restoring")
            partial.unlink(missing_ok=True)
            out = sqlite3.connect(partial, isolation_level=None)
            try:
                conn.backup(out, pages=-1)
                out.execute("PRAGMA journal_mode = WAL")
            finally:
                out.close()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(f"{source} is not a sinograph backup: {exc}") from exc
    for stale in (Path(f"{dest}-wal"), Path(f"{dest}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(partial, dest)
    return StoreBackup(
        path=str(dest), bytes=dest.stat().st_size, schema_version=int(version or 0),
        revision=0, seconds=0.0,
    )


class IdleCheckpointer:
    """Runs ``checkpoint`` once writes have paused for :data:`IDLE_CHECKPOINT_SECONDS`.

    One daemon thread per store, started by the first write; ``touched`` after each
    write, ``stop`` at close. A checkpoint that finds readers in the way copies what it
    can and leaves the rest for the next one (PASSIVE: it never waits on them).
    """

    def __init__(
        self, checkpoint: Callable[[], Any], idle_seconds: float = IDLE_CHECKPOINT_SECONDS
    ) -> None:
        self._checkpoint = checkpoint
        self._idle = idle_seconds
        self._wake = threading.Condition()
        self._last_write: float | None = None
        self._stopped = False
        self._thread: threading.Thread | None = None

    def touched(self) -> None:
        """A write committed: checkpoint after the next pause."""
        with self._wake:
            self._last_write = time.monotonic()
            if self._thread is None and not self._stopped:
                self._thread = threading.Thread(
                    target=self._run, name="sinograph-checkpoint", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._last_write is None and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                assert self._last_write is not None
                wait = self._last_write + self._idle - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                self._last_write = None
            # A failed checkpoint is retried after the next write.
            with contextlib.suppress(Exception):
                self._checkpoint()
