"""Reading graph JSON files: sinograph's export format (a serialised GraphDelta)
and the extractor's report, which has the same shape."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from sinograph.graph.model.domain import Fact, GraphDelta, Metric, Story
from sinograph.graph.model.errors import InputTooLarge, InvalidInput

__all__ = [
    "GRAPH_FILE_MARK",
    "declared_by_graph_file",
    "looks_like_graph_json",
    "read_graph_json",
    "split_delta",
]

# An entity a graph file declares carries this attribute (true), kept by every later
# merge: re-resolution merges into a graph file's entity only what stories stored apart,
# never another graph file's entity (loaders.reresolve), so the order of two graph files
# that share a name does not decide which entity survives.
GRAPH_FILE_MARK = "graph_file"

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
        delta = GraphDelta.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise InvalidInput(f"{path}: {where}: {err['msg']}{more}") from None
    return declared_by_graph_file(delta)


def declared_by_graph_file(delta: GraphDelta) -> GraphDelta:
    """``delta`` with each entity marked as a graph file's (:data:`GRAPH_FILE_MARK`)."""
    return delta.model_copy(
        update={
            "entities": tuple(
                e.model_copy(update={"attributes": {**e.attributes, GRAPH_FILE_MARK: True}})
                for e in delta.entities
            )
        }
    )


def split_delta(delta: GraphDelta, batch_size: int = 20_000) -> list[GraphDelta]:
    """Cut a large delta into batches written one transaction each, keeping stories whole.

    A delta of at most ``batch_size`` records is one batch. A larger one is cut
    into entity batches first, then batches of stories, each carrying the facts
    and metrics that cite them — a fact goes with the last of its stories — so an
    interrupted load never leaves a story with only part of its facts (except a
    fact shared with a story of a later batch, which arrives with that batch).
    Re-running the load completes whatever was cut off.

    >>> split_delta(GraphDelta(), 10)
    []
    """
    records = delta.record_count()
    if records == 0:
        return []
    if records <= batch_size:
        return [delta]
    batches = [
        GraphDelta(entities=delta.entities[start : start + batch_size])
        for start in range(0, len(delta.entities), batch_size)
    ]
    position = {story.id: i for i, story in enumerate(delta.stories)}
    last = len(delta.stories)  # records citing no story of this file go last

    def owner(story_ids: list[str]) -> int:
        known = [position[s] for s in story_ids if s in position]
        return max(known) if known else last

    facts_of: dict[int, list[Fact]] = {}
    for fact in delta.facts:
        facts_of.setdefault(owner([e.story_id for e in fact.evidence]), []).append(fact)
    metrics_of: dict[int, list[Metric]] = {}
    for metric in delta.metrics:
        metrics_of.setdefault(owner([e.story_id for e in metric.evidence]), []).append(metric)
    stories: list[Story] = []
    facts: list[Fact] = []
    metrics: list[Metric] = []
    for index in range(last + 1):
        if index < last:
            stories.append(delta.stories[index])
        facts += facts_of.get(index, [])
        metrics += metrics_of.get(index, [])
        if len(stories) + len(facts) + len(metrics) >= batch_size or index == last:
            if stories or facts or metrics:
                batches.append(GraphDelta(stories=stories, facts=facts, metrics=metrics))
            stories, facts, metrics = [], [], []
    return batches
