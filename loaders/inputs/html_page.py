"""An HTML article page: the main text and its metadata, via trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import trafilatura

from sinograph.graph.model.errors import InvalidInput
from sinograph.loaders.inputs.assemble import Fallbacks, assemble_story
from sinograph.loaders.inputs.dates import normalise_date
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.inputs.units import word_count
from sinograph.loaders.story_input import StoryInput

__all__ = ["read_html"]

# Only the page's own date tags: a deep search would take any date in the text.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
# trafilatura falls back to any text on the page; fewer words than this is a menu
# or a caption, not an article.
_MIN_WORDS = 8


def read_html(
    data: bytes, *, origin: str, fallbacks: Fallbacks
) -> Iterator[StoryInput | InputProblem]:
    """Yield the article of an HTML page (title, site name, date and canonical URL).

    Navigation, comments and tables are left out. A page with no article text
    (fewer than 8 words once menus are removed) gives a problem, not a story.
    """
    document: Any = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_SEARCH,
    )
    text = (getattr(document, "text", None) or "").strip()
    if word_count(text) < _MIN_WORDS:
        yield InputProblem(origin=origin, message="no article text found in the HTML page")
        return
    title = getattr(document, "title", None)
    lines = text.split("\n")
    if title and lines[0].strip() == title.strip() and len(lines) > 1:
        # trafilatura keeps the page's <h1>; the title is metadata, not text.
        text = "\n".join(lines[1:]).strip()
    published = getattr(document, "date", None)
    if published:
        try:
            published = normalise_date(published)
        except InvalidInput as exc:
            yield InputProblem(origin=origin, message=f"page date {published!r}: {exc}")
            return
    yield assemble_story(
        text,
        origin=origin,
        fallbacks=fallbacks,
        title=title,
        publisher=getattr(document, "sitename", None),
        published=published or None,
        url=getattr(document, "url", None),
    )
