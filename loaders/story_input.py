"""A story as read from a file, before extraction: the text and what is known about it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sinograph.graph.model.dates import PartialDate
from sinograph.graph.model.domain import Story, check_story_url
from sinograph.graph.model.errors import InputTooLarge, InvalidInput

__all__ = ["MAX_STORY_CHARS", "StoryInput", "check_input_url", "check_story_size"]

# The longest story read. Long-form features run to 60,000-100,000 characters; what is
# longer is a report or a dump, and reading it would hold a worker for minutes.
MAX_STORY_CHARS = 400_000


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
        """The :class:`Story` record of this input (its id follows the URL, else the text);
        ``InvalidInput`` when its url is not an http(s) address."""
        check_input_url(self)
        return Story.from_text(
            self.text,
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            url=self.url,
        )


def check_input_url(story: StoryInput) -> None:
    """``InvalidInput`` when the story's url is not an http(s) address: such a story is
    refused whole (nothing of it is stored), whatever format it came in."""
    try:
        check_story_url(story.url)
    except ValueError as exc:
        raise InvalidInput(f"{exc}; the story was not loaded", url=story.url) from None


def check_story_size(story: StoryInput) -> None:
    """``InputTooLarge`` for a story over :data:`MAX_STORY_CHARS` characters."""
    if len(story.text) > MAX_STORY_CHARS:
        raise InputTooLarge(
            f"the story has {len(story.text):,} characters, over the limit of "
            f"{MAX_STORY_CHARS:,}; split it into its articles"
        )
