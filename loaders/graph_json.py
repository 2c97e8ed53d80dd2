"""Reading graph JSON files: sinograph's export format (a serialised GraphDelta)
and the extractor's report, which has the same shape."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from graph.errors import InputTooLarge, InvalidInput
from graph.model import GraphDelta

__all__ = ["looks_like_graph_json", "read_graph_json", "split_delta"]

_GRAPH_KEYS = {"stories", "entities", "facts", "metrics"}


def looks_like_graph_json(path: Path) -> bool:
    """Whether ``path`` is a JSON object with graph sections (checked on its first bytes)."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    return head.startswith("{") and any(f'"{key}"' in head for key in _GRAPH_KEYS)


def read_graph_json(path: Path, *, max_bytes: int) -> GraphDelta:
    """Parse a graph JSON file; every problem is an ``InvalidInput`` naming the file and place.

    >>> # read_graph_json(Path("samples/graph/deals.json"), max_bytes=10**8).facts[0].predicate
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,} bytes"
            " (raise SINOGRAPH_MAX_FILE_BYTES to load it)"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}:{exc.lineno}:{exc.colno}: malformed JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not _GRAPH_KEYS & set(data):
        raise InvalidInput(f"{path}: not a sinograph graph file (no stories/entities/facts)")
    try:
        return GraphDelta.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise InvalidInput(f"{path}: {where}: {err['msg']}{more}") from None


def split_delta(delta: GraphDelta, batch_size: int = 5_000) -> list[GraphDelta]:
    """Cut a large delta into batches that can be written one transaction each.

    Stories and entities come first, so every later batch of facts and metrics
    finds what it refers to already stored; an interrupted load keeps whole batches
    and re-running it completes the rest.

    >>> len(split_delta(GraphDelta(), 10))
    0
    """
    batches: list[GraphDelta] = []
    for start in range(0, len(delta.stories), batch_size):
        batches.append(GraphDelta(stories=delta.stories[start : start + batch_size]))
    for start in range(0, len(delta.entities), batch_size):
        batches.append(GraphDelta(entities=delta.entities[start : start + batch_size]))
    for start in range(0, len(delta.facts), batch_size):
        batches.append(GraphDelta(facts=delta.facts[start : start + batch_size]))
    for start in range(0, len(delta.metrics), batch_size):
        batches.append(GraphDelta(metrics=delta.metrics[start : start + batch_size]))
    return batches
