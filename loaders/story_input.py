"""A story as read from a file, before extraction: the text and what is known about it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from graph.model.dates import PartialDate
from graph.model.domain import Story

__all__ = ["StoryInput"]


class StoryInput(BaseModel):
    """One story read from an input.

    ``origin`` says where it came from (``path``, ``path:line 12``, ``path#3``) so
    that every message about it can point there. ``notes`` are what a reader
    noticed but did not refuse (a publication date that differs from the one the
    caller gave for every story); a load reports them.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    title: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    origin: str = Field(default="<text>")
    notes: tuple[str, ...] = ()

    def to_story(self) -> Story:
        """The :class:`Story` record of this input (its id follows the URL, else the text)."""
        return Story.from_text(
            self.text,
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            url=self.url,
        )
