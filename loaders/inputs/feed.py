"""RSS and Atom feeds: one story per item, the feed's title as publisher."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser
from trafilatura.baseline import html2txt

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.assemble import Fallbacks, assemble_story
from sinograph.loaders.inputs.dates import normalise_date
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.story_input import StoryInput

__all__ = ["read_feed"]


def read_feed(
    data: bytes, *, origin: str, fallbacks: Fallbacks
) -> Iterator[StoryInput | InputProblem]:
    """Yield one story per feed item; origins are ``path#item N`` (1-based).

    The text is the item's full content if present, else its summary, with HTML
    removed. The publisher is the item's ``<source>`` title, else the feed's
    title. An item with a date that cannot be read is reported and skipped.
    """
    # A stream, never a string: feedparser would treat a string as a URL or path.
    parsed: Any = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    if not entries:
        reason = parsed.get("bozo_exception")
        message = (
            f"not a readable RSS or Atom feed: {reason}" if reason else "the feed has no items"
        )
        yield InputProblem(origin=origin, message=message)
        return
    feed_title = _plain(parsed.feed.get("title_detail")) or parsed.feed.get("title")
    for number, entry in enumerate(entries, start=1):
        yield _item(
            entry, origin=f"{origin}#item {number}", feed_title=feed_title, fallbacks=fallbacks
        )


def _item(
    entry: Any, *, origin: str, feed_title: str | None, fallbacks: Fallbacks
) -> StoryInput | InputProblem:
    contents = entry.get("content") or []
    detail = contents[0] if contents else entry.get("summary_detail")
    text = _plain(detail) if detail is not None else ""
    if not text.strip():
        return InputProblem(origin=origin, message="item has no summary or content text")
    published: str | None = None
    # dict.get skips feedparser's key aliasing, which warns when it kicks in.
    raw = dict.get(entry, "published") or dict.get(entry, "updated")
    if raw:
        try:
            published = normalise_date(raw)
        except InvalidInput:
            # feedparser knows more date dialects than dateutil; take its reading if any.
            parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
            if parsed is None:
                return InputProblem(
                    origin=origin,
                    message=f"bad date {raw!r} in the item's published/updated; item skipped",
                )
            published = time.strftime("%Y-%m-%d", parsed)
    source = entry.get("source") or {}
    return assemble_story(
        text.strip(),
        origin=origin,
        fallbacks=fallbacks,
        title=_plain(entry.get("title_detail")) or entry.get("title"),
        publisher=source.get("title") or feed_title,
        published=published,
        url=entry.get("link"),
    )


def _plain(detail: Any) -> str:
    """The text of a feedparser text construct, with HTML removed if it is HTML."""
    if not detail:
        return ""
    value = str(detail.get("value") or "")
    if "html" in str(detail.get("type") or ""):
        return str(html2txt(f"<html><body>{value}</body></html>"))
    return value
