"""One place for the precedence rules that turn what a file says into a StoryInput.

Publisher: the file's metadata, then the dateline's wire, then the caller's value.
Published: a full day from the file's metadata, then the dateline's day (its year
from the metadata or the caller if it has none), then a coarser metadata date,
then the caller's value.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sinograph.loaders.inputs.datelines import find_dateline, resolve_dateline_date
from sinograph.loaders.story_input import StoryInput

__all__ = ["Fallbacks", "assemble_story"]


class Fallbacks(BaseModel):
    """The caller's publication date and publisher, used when a story states none."""

    model_config = ConfigDict(frozen=True)

    published: str | None = None
    publisher: str | None = None
    # The date the caller gave (``--published``), kept when a digest's own date stands in
    # for ``published``, so a story dated otherwise can say so.
    given: str | None = None


def assemble_story(
    text: str,
    *,
    origin: str,
    fallbacks: Fallbacks,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> StoryInput:
    """Build the StoryInput of ``text``, filling gaps from its dateline and the caller.

    ``publisher`` and ``published`` are what the file itself states (already
    normalised dates); the text is kept exactly as given.

    >>> story = assemble_story("(Yicai) Feb. 8 -- A new chair.", origin="a.txt",
    ...                        fallbacks=Fallbacks(published="2024-02-09"))
    >>> story.publisher, story.published
    ('Yicai', '2024-02-08')
    """
    dateline = find_dateline(text)
    if not publisher and dateline is not None:
        publisher = dateline.publisher
    publisher = _clean(publisher) or fallbacks.publisher

    known = published or fallbacks.published
    if not (published and len(published) == 10) and dateline is not None:
        published = resolve_dateline_date(dateline, known) or published
    final = published or fallbacks.published
    given = fallbacks.given or None
    notes: tuple[str, ...] = ()
    if given is not None and final is not None and final != given:
        notes = (
            f"the story is dated {final} by its own metadata or dateline, not {given} as "
            f"given for every story; {final} is used",
        )
    return StoryInput(
        text=text,
        title=_clean(title),
        publisher=publisher,
        published=final,
        url=_clean(url),
        origin=origin,
        notes=notes,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
