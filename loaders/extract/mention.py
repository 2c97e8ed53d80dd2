"""The mention record shared by the recognisers, coreference and relation stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sinograph.graph.model.ontology import EntityType

if TYPE_CHECKING:
    from sinograph.loaders.extract.tokens import Token

__all__ = ["Mention", "MentionKind"]


class MentionKind:
    """Where a mention came from; decides how much it can be trusted and how it resolves."""

    REGISTRY = "registry"  # a registry entry
    PLACE = "place"  # the built-in gazetteer
    NAME = "name"  # a capitalised name typed by its suffix, head or context
    PRODUCT = "product"  # a model name or named product
    ASSET = "asset"  # "the Kaseba copper mine", "a module plant in Penang"
    COMMODITY = "commodity"  # "Australian barley"
    MARKET = "market"  # "Hong Kong stocks", "the housing market"
    GROUP = "group"  # "mainland investors"
    GOVERNMENT = "government"  # "the securities regulator" resolved to a named body
    PRONOUN = "pronoun"  # it, its, they, he...
    DESCRIPTION = "description"  # "the company", "the watchdog", "the plant"


@dataclass(slots=True)
class Mention:
    """A span of tokens ``[start, end)`` in one sentence that names or refers to an entity.

    ``canonical`` is the name the mention proposes for its entity (a registry or
    gazetteer name, or a name built from the text); ``cue`` says how sure the
    typing is (0..1). Coreference fills ``cluster``.
    """

    start: int
    end: int
    text: str
    type: EntityType | None
    kind: str
    canonical: str | None = None
    cue: float = 0.5
    head: str | None = None
    place: str | None = None
    registry_id: str | None = None
    named: bool = True
    cluster: int = -1
    aliases: list[str] = field(default_factory=list)
    # registry id of a known firm whose name this longer name opens ("PwC Zhong Tian")
    extends: str | None = None

    def modifies_next(self, tokens: Sequence[Token]) -> bool:
        """A place joined by a hyphen to the word after it, modifying what follows
        ("U.S.-based", "Hong Kong-listed")."""
        return self.end < len(tokens) and tokens[self.end].text.startswith("-") and self.is_place

    @property
    def is_place(self) -> bool:
        """A country or region named as such (gazetteer or registry), not a phrase."""
        return self.kind in (MentionKind.PLACE, MentionKind.REGISTRY) and self.type in (
            EntityType.COUNTRY,
            EntityType.REGION,
        )

    @property
    def is_reference(self) -> bool:
        """A pronoun or description: it names nothing by itself."""
        return self.kind in (MentionKind.PRONOUN, MentionKind.DESCRIPTION)
