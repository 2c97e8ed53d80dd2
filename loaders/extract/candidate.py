"""A fact as the relation stage proposes it, before merging and naming."""

from __future__ import annotations

from dataclasses import dataclass, field

from sinograph.graph.model.domain import AttributeValue
from sinograph.graph.model.ontology import FactStatus, Predicate

__all__ = ["Candidate"]


@dataclass(slots=True)
class Candidate:
    """``subject -predicate-> object`` between two clusters, read in sentence ``sentence``.

    ``trigger`` is the token that stated it; ``hints`` are token positions of money or
    percentages met while reading the arguments (they usually belong to the fact);
    ``no_date`` lists token ranges whose dates belong to something else.
    """

    subject: int
    predicate: Predicate
    object: int
    sentence: int
    trigger: int
    confidence: float
    rule: str
    date: str | None = None
    amount: tuple[float, str] | None = None
    stake_pct: float | None = None
    status: FactStatus | None = None
    role: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    hints: list[int] = field(default_factory=list)
    wants_amount: bool = False
    fixed_date: bool = False
    # the subject stood in for its unit ("Norvik's chip unit launched ...")
    via_parent: bool = False
    # extractor token positions of the trigger's clause: its dates, money and
    # percentages are the fact's (None: the whole sentence)
    scope: frozenset[int] | None = None
    # lemmas of the words that carry the trigger's mood and stage: its auxiliaries and
    # the verbs governing it ("agreed to buy", "plans to list", "completed its purchase")
    cues: frozenset[str] | None = None
