"""Which reader a file needs: by its extension, then by what its first bytes say."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.digest import is_digest
from sinograph.loaders.inputs.front_matter import FrontMatter, split_front_matter
from sinograph.loaders.inputs.units import text_units

__all__ = ["FORMATS", "STORY_EXTENSIONS", "decode_head", "detect_format", "sniff_format"]

FORMATS = ("text", "markdown", "digest", "html", "feed", "jsonl", "json-graph")

_BY_EXTENSION = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
# What a folder walk reads; a file without an extension is sniffed.
STORY_EXTENSIONS = frozenset({*_BY_EXTENSION, ".json", ".xml"})
_HEAD_BYTES = 64 * 1024
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)
_GRAPH_KEY = re.compile(r'"(?:entities|facts|metrics)"\s*:\s*\[')


def sniff_format(name: str, head: str) -> str:
    """The format of a file called ``name`` whose text starts with ``head``.

    >>> sniff_format("news.xml", '<?xml version="1.0"?><rss version="2.0">')
    'feed'
    >>> sniff_format("export.json", '{"stories": [], "entities": [], "facts": []}')
    'json-graph'
    >>> sniff_format("notes", "Title\\nA paragraph of text.")
    'text'
    """
    known = _BY_EXTENSION.get(Path(name).suffix.lower())
    if known == "text":
        return _text_or_digest(head)
    if known is not None:
        return known
    start = head.lstrip()[:2048]
    if start.startswith("<"):
        if _FEED_ROOT.search(start):
            return "feed"
        if _HTML_ROOT.search(start):
            return "html"
        return "feed" if start.startswith("<?xml") else "html"
    if start.startswith(("{", "[")):
        return _json_kind(head)
    if Path(name).suffix.lower() in {".md", ".markdown"}:
        return "markdown"
    return _text_or_digest(head)


def _json_kind(head: str) -> str:
    first_line = head.lstrip().split("\n", 1)[0]
    try:
        record = json.loads(first_line)
    except json.JSONDecodeError:
        record = None
    if isinstance(record, dict) and any(key in record for key in ("body", "text", "content")):
        return "jsonl"
    if _GRAPH_KEY.search(head[:_HEAD_BYTES]):
        return "json-graph"
    return "jsonl"


def _text_or_digest(head: str) -> str:
    front = split_front_matter(head, "")
    if not isinstance(front, FrontMatter):
        return "text"
    return "digest" if is_digest(text_units(front.body)) else "text"


def detect_format(path: str | Path) -> str:
    """The format :func:`loaders.inputs.read_stories` would read ``path`` as.

    One of ``text``, ``markdown``, ``digest``, ``html``, ``feed``, ``jsonl`` or
    ``json-graph`` (a sinograph graph export, for the graph loader). Only the
    first 64 KiB are looked at. Raises :class:`InvalidInput` for a path that
    does not exist or is a directory.
    """
    file = Path(path)
    if not file.exists():
        raise InvalidInput(f"no such file: {file}", path=str(file))
    if file.is_dir():
        raise InvalidInput(
            f"{file} is a directory: read_stories reads every file in it", path=str(file)
        )
    try:
        with file.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as exc:
        raise InvalidInput(f"cannot read {file}: {exc.strerror or exc}", path=str(file)) from exc
    return sniff_format(file.name, decode_head(head))


def decode_head(head: bytes) -> str:
    """Text good enough to sniff a format from (never fails; bad bytes are replaced)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(encoding, errors="replace")
    return head.decode("utf-8-sig", errors="replace")
