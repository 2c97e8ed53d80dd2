"""Copying a whole graph into another store in batches, resumable after an interruption.

The source graph (an exported :class:`GraphDelta`) is cut into batches —
stories, then entities, then facts, then metrics, so that every batch only
refers to records already copied — and each batch is one ``upsert`` of the
target; the curation section (log, redirects, rejected facts) is imported last.
After each batch a small JSON checkpoint records how far the copy got;
a later run with the same source and target resumes after the last finished
batch. Upserts are idempotent, so a batch repeated after a crash does no harm.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.protocol import GraphStore

__all__ = ["CopyResult", "batches", "copy_graph", "fingerprint"]

_KINDS = ("stories", "entities", "facts", "metrics")


@dataclass(frozen=True)
class CopyResult:
    batches_total: int
    batches_skipped: int
    report: UpsertReport
    resumed: bool


def fingerprint(delta: GraphDelta) -> str:
    """A digest of the source graph's content, to tell whether a checkpoint still applies."""
    digest = hashlib.sha256()
    digest.update(delta.model_dump_json().encode("utf-8"))
    return digest.hexdigest()


def batches(delta: GraphDelta, batch_size: int) -> Iterator[GraphDelta]:
    """``delta`` in batches of at most ``batch_size`` records, dependencies first.

    >>> from sinograph.graph.model.domain import Entity
    >>> from sinograph.graph.model.ontology import EntityType
    >>> d = GraphDelta(entities=tuple(Entity(name=f"E{i}", type="Company") for i in range(5)))
    >>> [len(b.entities) for b in batches(d, 2)]
    [2, 2, 1]
    """
    if batch_size < 1:
        raise InvalidInput(f"batch size must be at least 1, got {batch_size}")
    for kind in _KINDS:
        records: Sequence[Any] = getattr(delta, kind)
        for start in range(0, len(records), batch_size):
            yield GraphDelta(**{kind: tuple(records[start : start + batch_size])})


def _read_checkpoint(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"checkpoint {path} is unreadable: {exc}; use --restart") from exc
    return data if isinstance(data, dict) else {}


def _write_checkpoint(path: Path, data: dict[str, Any]) -> None:
    # Write-then-rename, so an interruption never leaves half a checkpoint.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def copy_graph(
    delta: GraphDelta,
    target: GraphStore,
    *,
    target_name: str,
    batch_size: int,
    checkpoint: Path | None,
    restart: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> CopyResult:
    """Upsert ``delta`` into ``target`` batch by batch, resuming from ``checkpoint``.

    ``target_name`` identifies the target in the checkpoint (a redacted URI and
    database), so a checkpoint for another target or another source is ignored.
    ``progress(done, total)`` is called after every batch. The checkpoint file is
    removed once the copy completes.
    """
    plan = list(batches(delta, batch_size))
    total = len(plan)
    identity = {"source": fingerprint(delta), "target": target_name, "batch_size": batch_size}
    start = 0
    if checkpoint is not None and not restart:
        saved = _read_checkpoint(checkpoint)
        if {k: saved.get(k) for k in identity} == identity:
            start = min(int(saved.get("done", 0)), total)
    report = UpsertReport()
    if progress:
        progress(start, total)
    for index in range(start, total):
        report = report + target.upsert(plan[index])
        if checkpoint is not None:
            _write_checkpoint(checkpoint, {**identity, "done": index + 1, "total": total})
        if progress:
            progress(index + 1, total)
    if delta.curation is not None and not delta.curation.is_empty():
        # The log, redirects and rejected facts, once the graph is there (idempotent, so a
        # copy interrupted here and run again completes it).
        target.import_curation(delta.curation)
    if checkpoint is not None:
        checkpoint.unlink(missing_ok=True)
    return CopyResult(
        batches_total=total, batches_skipped=start, report=report, resumed=start > 0
    )
