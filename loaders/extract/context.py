"""What a story tells each of its sentences while they are read."""

from __future__ import annotations

from dataclasses import dataclass, field

from sinograph.loaders.extract.coref import Cluster

__all__ = ["StoryContext"]


@dataclass(slots=True)
class StoryContext:
    """What the whole story tells every sentence: the country it is mostly about and
    the exchange its listings happen on (when a sentence names none)."""

    home_country: str | None = None
    exchange: Cluster | None = None
    # the company the story was last about (the subject of a recent sentence)
    focus: Cluster | None = None
    # the company that last raised money ("X raised $600 million"): whose "the round" is
    raiser: Cluster | None = None
    # the state or body that last acted in the story ("the US announced sanctions ...
    # the sanctions targeted X")
    state_actor: Cluster | None = None
    # (successor, predecessor, sentence): "Y will replace him" with no title named
    successions: list[tuple[int, int, int]] = field(default_factory=list)
