"""An uploaded file into the store: stories through the extractor, graph JSON as it is.

The file is written to a private temporary folder under its own base name (the
readers pick the format from the extension and the first bytes); every message
names the upload, never the server's temporary path.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from graph.model.errors import GraphError, InvalidInput
from graph.stores.protocol import GraphStore
from loaders.graph_json import looks_like_graph_json, read_graph_json
from loaders.ingest import IngestProblem, IngestReport, ingest_stories
from loaders.story_input import StoryInput

if TYPE_CHECKING:
    from loaders.extract import Registry
    from loaders.extractor import Extractor

__all__ = ["ingest_upload", "safe_upload_name"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_upload_name(filename: str | None) -> str:
    """A base name safe to create on disk that keeps the extension.

    >>> safe_upload_name("../../etc/news feed.rss")
    'news_feed.rss'
    >>> safe_upload_name(None)
    'upload'
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    cleaned = _UNSAFE.sub("_", base).strip("._")[-120:]
    return cleaned or "upload"


def ingest_upload(
    store: GraphStore,
    source: IO[bytes],
    filename: str | None,
    *,
    load_registry: Callable[[], Registry | None],
    load_extractor: Callable[[], Extractor] | None = None,
    max_bytes: int,
    published: str | None = None,
    publisher: str | None = None,
    fmt: str | None = None,
) -> IngestReport:
    """Read the uploaded ``source`` in any loader format and write what it holds.

    ``load_registry`` (and ``load_extractor``, the rules when None) are called only
    when there are stories to extract. Raises
    ``InvalidInput`` (with the readers' problems in ``details["problems"]``) when
    nothing in the file can be loaded.
    """
    from loaders.inputs import read_stories

    name = safe_upload_name(filename)
    with tempfile.TemporaryDirectory(prefix="sinograph-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            shutil.copyfileobj(source, out, length=1024 * 1024)

        def clean(text: str) -> str:
            return text.replace(str(path), name).replace(folder, "")

        try:
            if fmt == "json-graph" or (fmt is None and looks_like_graph_json(path)):
                delta = read_graph_json(path, max_bytes=max_bytes)
                return IngestReport(
                    stories_read=len(delta.stories),
                    stories_written=len(delta.stories),
                    upsert=store.upsert(delta),
                )
            items = list(
                read_stories(
                    path, published=published, publisher=publisher, max_bytes=max_bytes, fmt=fmt
                )
            )
        except GraphError as exc:
            exc.message = clean(exc.message)
            exc.args = (exc.message,)
            raise
        problems = [
            IngestProblem(origin=clean(i.origin), message=clean(i.message))
            for i in items
            if not isinstance(i, StoryInput)
        ]
        if not any(isinstance(i, StoryInput) for i in items):
            raise InvalidInput(
                f"no story could be read from {name}",
                problems=[p.model_dump() for p in problems],
            )
        registry = load_registry()
        report = ingest_stories(
            store,
            items,
            registry=registry,
            extractor=load_extractor() if load_extractor else None,
        )
    return report.model_copy(
        update={
            "problems": [
                IngestProblem(origin=clean(p.origin), message=clean(p.message))
                for p in report.problems
            ],
            "notes": [
                IngestProblem(origin=clean(p.origin), message=clean(p.message))
                for p in report.notes
            ],
        }
    )
