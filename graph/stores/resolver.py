"""One rule for turning what a user typed into one entity, shared by every store and command.

Each store ranks its search hits (:meth:`GraphStore.search_entities`): an id,
then exact keys (name, alias, Chinese name, ticker, identifier), then a name's
short form without its legal suffix, then prefixes, then fuzzy matches.
:func:`choose_entity` takes the first group that has any hit:

* one entity in it: that entity;
* several: :class:`AmbiguousEntity` with the candidates (for exact keys, the one
  whose canonical name is the typed name wins first);
* fuzzy hits count only when confident, and the best must lead the next by a
  clear margin; weak ones become the suggestions of :class:`EntityNotFound`
  ("did you mean ...").

>>> from sinograph.graph.model.domain import Entity
>>> from sinograph.graph.model.results import EntityMatch
>>> catl = Entity(name="CATL", type="Company")
>>> choose_entity("catl", [EntityMatch(entity=catl, match="exact", score=100,
...                                     matched_alias="CATL")]).id
'company:catl'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sinograph.graph.model.domain import Entity
from sinograph.graph.model.errors import AmbiguousEntity, EntityNotFound
from sinograph.graph.model.ids import normalize_name
from sinograph.graph.model.results import EntityMatch

__all__ = ["MAX_CANDIDATES", "RESOLVE_LIMIT", "choose_entity", "match_rank"]

# How many hits a store gathers to resolve a name, and how many candidates an error lists.
RESOLVE_LIMIT = 20
MAX_CANDIDATES = 10
# A prefix shorter than this (in characters, Chinese excepted) resolves nothing by itself.
_MIN_PREFIX = 3
# The best confident fuzzy hit must lead the next one by this much to be taken.
_FUZZY_MARGIN = 5.0


def match_rank(match: EntityMatch) -> int:
    """The group a hit belongs to, best first: id, exact key, short form, prefix, fuzzy."""
    if match.match == "id":
        return 0
    if match.match == "exact":
        return 2 if match.matched_field == "short_name" else 1
    return 3 if match.match == "prefix" else 4


def _refs(matches: Sequence[EntityMatch]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for m in matches:
        e = m.entity
        seen.setdefault(e.id, {"id": e.id, "name": e.name, "type": e.type.value})
    return list(seen.values())[:MAX_CANDIDATES]


def _distinct(matches: Sequence[EntityMatch]) -> list[Entity]:
    found: dict[str, Entity] = {}
    for m in matches:
        found.setdefault(m.entity.id, m.entity)
    return list(found.values())


def _short_prefix(ref: str) -> bool:
    norm = normalize_name(ref)
    return len(norm) < _MIN_PREFIX and not any("\u3400" <= c <= "\u9fff" for c in norm)


def choose_entity(ref: str, matches: Sequence[EntityMatch]) -> Entity:
    """The one entity ``ref`` names, given a store's ranked hits for it (see the module doc).

    Raises :class:`AmbiguousEntity` or :class:`EntityNotFound`.
    """
    for rank in (0, 1, 2, 3):
        group = [m for m in matches if match_rank(m) == rank]
        if not group:
            continue
        entities = _distinct(group)
        if len(entities) == 1 and not (rank == 3 and _short_prefix(ref)):
            return entities[0]
        if rank in (1, 2):
            norm = normalize_name(ref)
            canonical = [e for e in entities if normalize_name(e.name) == norm]
            if len(canonical) == 1:
                return canonical[0]
        if len(entities) > 1:
            raise AmbiguousEntity(ref, _refs(group))
    fuzzy = [m for m in matches if m.match == "fuzzy"]
    confident = [m for m in fuzzy if not m.weak]
    if confident:
        entities = _distinct(confident)
        best = [m for m in confident if m.entity.id == entities[0].id][0]
        rivals = [m.score for m in confident if m.entity.id != best.entity.id]
        if not rivals or best.score - max(rivals) >= _FUZZY_MARGIN:
            return best.entity
        raise AmbiguousEntity(ref, _refs(confident))
    raise EntityNotFound(ref, _refs(matches[:5]))
