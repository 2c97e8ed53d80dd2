"""The parameters of a story listing, validated once for every store.

Stories are listed newest first: by the start of their publication date (a
partial date, ``2025-06`` starting on 1 June), then by id; undated stories come
last. Both stores compare publication dates as padded ISO strings
(:func:`date_bounds`), so a month overlaps a day inside it the same way everywhere.

>>> q = StoryQuery.build(since="2025-06", until="2025", limit=10)
>>> q.since_low, q.until_high
('2025-06-01', '2025-12-31')
>>> StoryQuery.build(cursor=encode_story_cursor("2025-06-01", "story:1")).cursor
('2025-06-01', 'story:1')
"""

from __future__ import annotations

import base64
import binascii

from pydantic import BaseModel, ConfigDict, ValidationError

from sinograph.graph.model.dates import PartialDate
from sinograph.graph.model.errors import InvalidInput

__all__ = [
    "ENTITY_STORIES",
    "MAX_STORY_LIMIT",
    "StoryQuery",
    "date_bounds",
    "decode_story_cursor",
    "encode_story_cursor",
]

MAX_STORY_LIMIT = 500
# How many of its newest stories an entity's detail lists.
ENTITY_STORIES = 20


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day of a partial date as ISO strings that sort as dates.

    The last day of a month is written ``-31`` whatever the month: the strings are only
    compared, never read back as dates.

    >>> date_bounds("2025"), date_bounds("2025-02"), date_bounds("2025-02-03")
    (('2025-01-01', '2025-12-31'), ('2025-02-01', '2025-02-31'), ('2025-02-03', '2025-02-03'))
    """
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value, value


def encode_story_cursor(published_low: str, story_id: str) -> str:
    """An opaque cursor that resumes a story listing after the given story."""
    raw = f"{published_low}|{story_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_story_cursor(cursor: str) -> tuple[str, str]:
    """Inverse of :func:`encode_story_cursor`; a damaged cursor is :class:`InvalidInput`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        low, story = base64.urlsafe_b64decode(padded.encode("ascii")).decode().split("|", 1)
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidInput(f"bad cursor {cursor!r}") from None
    if not story.startswith("story:") or (low and len(low) != 10):
        raise InvalidInput(f"bad cursor {cursor!r}")
    return low, story


class StoryQuery(BaseModel):
    """Which stories to list: by publisher (exact, case-insensitive), publication window
    (a story is in when its publication date overlaps ``[since, until]``; undated
    stories are left out of a bounded window), entity (stories behind a fact or metric
    of it: an id or a name), one page of ``limit`` after ``cursor``."""

    model_config = ConfigDict(frozen=True)

    publisher: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    entity: str | None = None
    cursor: tuple[str, str] | None = None
    limit: int = 50

    @classmethod
    def build(
        cls,
        *,
        publisher: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> StoryQuery:
        """Validate raw parameters, raising :class:`InvalidInput` with the reason."""
        if not 1 <= limit <= MAX_STORY_LIMIT:
            raise InvalidInput(f"limit must be between 1 and {MAX_STORY_LIMIT}, got {limit}")
        try:
            query = cls(
                publisher=publisher.strip() if publisher and publisher.strip() else None,
                since=since,
                until=until,
                entity=entity if entity and entity.strip() else None,
                cursor=decode_story_cursor(cursor) if cursor else None,
                limit=limit,
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err.get("loc", ()))
            raise InvalidInput(f"{where}: {err.get('msg', 'invalid value')}") from None
        if query.since_low and query.until_high and query.since_low > query.until_high:
            raise InvalidInput(f"since {since} is after until {until}")
        return query

    @property
    def since_low(self) -> str | None:
        return date_bounds(self.since)[0] if self.since else None

    @property
    def until_high(self) -> str | None:
        return date_bounds(self.until)[1] if self.until else None

    @property
    def publisher_norm(self) -> str | None:
        return self.publisher.lower() if self.publisher else None
