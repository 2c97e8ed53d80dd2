"""Domain errors, translated once at the edges (CLI exit codes, HTTP problems).

::

    GraphError
    ├── InvalidInput          bad parameter, label, predicate or date (CLI 2, HTTP 400/422)
    │   └── InputTooLarge     a body or file over the configured size (HTTP 413)
    ├── EntityNotFound        no entity with that id or name (CLI 1, HTTP 404)
    ├── AmbiguousEntity       a name that fits several entities (CLI 2, HTTP 409)
    ├── FactNotFound          no fact with that key (CLI 1, HTTP 404)
    ├── StoryNotFound         no story with that id (CLI 1, HTTP 404)
    ├── NoPath                both entities exist but no path joins them (CLI 1, HTTP 404)
    ├── CurationConflict      a correction that cannot apply as asked: merging an entity
    │                         with itself, rejecting a rejected fact (CLI 2, HTTP 409)
    ├── StoreUnavailable      the database cannot be reached or opened (CLI 3, HTTP 503)
    │   ├── StoreCorrupt      the store file is damaged: restore a backup (CLI 3, HTTP 503)
    │   └── StoreReadOnly     a write to a store opened read-only (CLI 3, HTTP 503)
    ├── ExtractorUnavailable  the extractor's language pipeline is not installed (CLI 3, HTTP 503)
    ├── ModelUnavailable      the language model cannot be reached, refuses the key or does
    │                         not know the model (CLI 3, HTTP 503): a load stops there
    ├── ExtractionFailed      one story the language model could not read (timeouts, rate
    │                         limits, broken answers, after retries): that story is skipped
    ├── WorkBudgetExceeded    reading a story took longer than the request's budget, or its
    │                         client hung up: stopped, nothing of it written (CLI 2, HTTP 422)
    ├── TooBusy               as many stories are being read as the server allows (HTTP 429)
    └── Unauthorized          a write without the right API key (HTTP 401)

"Unknown entity" and "no path" are different answers: the first means the
question was wrong, the second that the graph holds no connection.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousEntity",
    "CurationConflict",
    "EntityNotFound",
    "ExtractorUnavailable",
    "ExtractionFailed",
    "FactNotFound",
    "GraphError",
    "InputTooLarge",
    "InvalidInput",
    "ModelUnavailable",
    "NoPath",
    "StoreCorrupt",
    "StoreReadOnly",
    "StoreUnavailable",
    "StoryNotFound",
    "TooBusy",
    "Unauthorized",
    "WorkBudgetExceeded",
]


class GraphError(Exception):
    """Base class of every error sinograph raises on purpose."""

    title = "Graph error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(GraphError):
    title = "Invalid input"


class InputTooLarge(InvalidInput):
    title = "Input too large"


class EntityNotFound(GraphError):
    """No entity fits; ``suggestions`` (``id``, ``name``, ``type``) are the nearest names."""

    title = "Entity not found"

    def __init__(self, ref: str, suggestions: list[dict[str, Any]] | None = None) -> None:
        message = f"no entity matches {ref!r}"
        if suggestions:
            message += "; did you mean " + ", ".join(repr(s["name"]) for s in suggestions) + "?"
        super().__init__(message, ref=ref, suggestions=list(suggestions or []))
        self.ref = ref
        self.suggestions = list(suggestions or [])


class AmbiguousEntity(GraphError):
    title = "Ambiguous entity name"

    def __init__(self, ref: str, candidates: list[dict[str, Any]]) -> None:
        names = ", ".join(f"{c['name']} ({c['id']})" for c in candidates)
        super().__init__(f"{ref!r} fits several entities: {names}", ref=ref, candidates=candidates)
        self.ref = ref
        self.candidates = candidates


class FactNotFound(GraphError):
    title = "Fact not found"

    def __init__(self, key: str) -> None:
        super().__init__(f"no fact with key {key!r}", key=key)


class StoryNotFound(GraphError):
    title = "Story not found"

    def __init__(self, story_id: str) -> None:
        super().__init__(f"no story with id {story_id!r}", story_id=story_id)


class NoPath(GraphError):
    title = "No path"

    def __init__(self, source: str, target: str, max_hops: int) -> None:
        super().__init__(
            f"no path between {source!r} and {target!r} within {max_hops} hops",
            source=source,
            target=target,
            max_hops=max_hops,
        )


class CurationConflict(GraphError):
    """A curation request that contradicts the graph's state (nothing was changed)."""

    title = "Curation conflict"


class StoreUnavailable(GraphError):
    title = "Store unavailable"


class StoreCorrupt(StoreUnavailable):
    """SQLite found the store file damaged (overwritten blocks, a truncated copy)."""

    title = "Store file corrupt"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            f"the store file {path} is corrupt ({reason}): restore it from a backup "
            "(`sinograph restore BACKUP --force`, see SECURITY.md)",
            path=path,
        )


class StoreReadOnly(StoreUnavailable):
    """The store's files cannot be written (a read-only filesystem): reads only."""

    title = "Store read-only"


class ExtractorUnavailable(GraphError):
    """The extractor cannot run here: its language pipeline is missing."""

    title = "Extractor unavailable"
class ModelUnavailable(GraphError):
    title = "Language model unavailable"


class ExtractionFailed(GraphError):
    title = "Extraction failed"


class Unauthorized(GraphError):
    title = "Unauthorized"


class WorkBudgetExceeded(GraphError):
    """Work stopped at a checkpoint: its time budget ran out or it was cancelled."""

    title = "Work budget exceeded"


class TooBusy(GraphError):
    """Every slot for concurrent work is taken; try again later."""

    title = "Too many requests"
