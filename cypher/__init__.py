"""Every Cypher statement sinograph runs, one per ``*.cypher`` file, loaded by name.

Each file starts with a comment block that declares the statement's parameters::

    // Upsert stories; the first record of a story is kept.
    // params: rows

``// params:`` lists every ``$name`` the statement uses (``none`` for none); the
store refuses to run a statement with other parameters, and the lint
(``tools/cypher-lint``) declares exactly these, so an undefined or unused
parameter is an error in both places.

A few statements need a node label or relationship type in their text, which
Cypher cannot take as a parameter. They hold a placeholder instead —
``__EntityType__``, ``__Predicate__`` or ``__Predicates__`` — and
:meth:`CypherStatement.render` replaces it with a member of
:class:`~graph.model.ontology.EntityType` or :class:`~graph.model.ontology.Predicate`,
checked to be a plain identifier. The count of ``SHORTEST k GROUPS`` must be a
literal too: ``__PathGroups__`` becomes an ``int`` from 1 to
:data:`MAX_PATH_GROUPS`, checked as such. Nothing else ever reaches query text.

>>> statement("stats_counts").params
frozenset()
>>> "__Predicate__" in statement("schema_fact_key").placeholders
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from sinograph.graph.model.ontology import EntityType, Predicate

__all__ = [
    "MAX_PATH_GROUPS",
    "PLACEHOLDERS",
    "CypherStatement",
    "all_statements",
    "statement",
]

ENTITY_TYPE_PLACEHOLDER = "__EntityType__"
PREDICATE_PLACEHOLDER = "__Predicate__"
ALL_PREDICATES_PLACEHOLDER = "__Predicates__"
PATH_GROUPS_PLACEHOLDER = "__PathGroups__"
PLACEHOLDERS = (
    ENTITY_TYPE_PLACEHOLDER,
    PREDICATE_PLACEHOLDER,
    ALL_PREDICATES_PLACEHOLDER,
    PATH_GROUPS_PLACEHOLDER,
)
# A path has at most six hops (graph.model.queries.MAX_HOPS_LIMIT), so at most six lengths.
MAX_PATH_GROUPS = 6

_PARAMS_LINE = re.compile(r"^//\s*params:\s*(.*)$", re.MULTILINE)
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Labels and types go into query text unquoted, so they must be plain identifiers.
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class CypherStatement:
    """One statement file: its name, text, declared parameters and placeholders."""

    name: str
    text: str
    params: frozenset[str]
    placeholders: frozenset[str]

    def render(
        self,
        *,
        entity_type: EntityType | None = None,
        predicate: Predicate | None = None,
        groups: int | None = None,
    ) -> str:
        """The text to run, with placeholders filled from the ontology enums (and a
        checked path-group count) only.

        >>> statement("schema_fact_key").render(predicate=Predicate.OWNS).count(":OWNS")
        1
        >>> "SHORTEST 2 GROUPS" in statement("paths_shortest").render(groups=2)
        True
        """
        text = self.text
        wanted = {
            ENTITY_TYPE_PLACEHOLDER: entity_type,
            PREDICATE_PLACEHOLDER: predicate,
        }
        for placeholder, value in wanted.items():
            if placeholder in self.placeholders:
                text = text.replace(placeholder, _identifier(placeholder, value))
            elif value is not None:
                raise ValueError(f"statement {self.name} takes no {placeholder}")
        if PATH_GROUPS_PLACEHOLDER in self.placeholders:
            text = text.replace(PATH_GROUPS_PLACEHOLDER, str(_group_count(groups)))
        elif groups is not None:
            raise ValueError(f"statement {self.name} takes no {PATH_GROUPS_PLACEHOLDER}")
        if ALL_PREDICATES_PLACEHOLDER in self.placeholders:
            joined = "|".join(_identifier(ALL_PREDICATES_PLACEHOLDER, p) for p in Predicate)
            text = text.replace(ALL_PREDICATES_PLACEHOLDER, joined)
        return text


def _group_count(value: int | None) -> int:
    # bool is an int subclass; a str is user data: only a real int in range gets through.
    if type(value) is not int or not 1 <= value <= MAX_PATH_GROUPS:
        raise ValueError(
            f"{PATH_GROUPS_PLACEHOLDER} must be an int from 1 to {MAX_PATH_GROUPS}, "
            f"got {value!r}"
        )
    return value


def _identifier(placeholder: str, value: EntityType | Predicate | None) -> str:
    expected = EntityType if placeholder == ENTITY_TYPE_PLACEHOLDER else Predicate
    # isinstance, not just a value check: a str that happens to look right is still user data.
    if not isinstance(value, expected) or value not in expected:
        raise ValueError(f"{placeholder} must be a {expected.__name__} member, got {value!r}")
    if not _IDENTIFIER.match(value.value):
        raise ValueError(f"{value.value!r} is not a plain Cypher identifier")
    return value.value


def parse_statement(name: str, text: str) -> CypherStatement:
    """Parse one file's text; raises ``ValueError`` naming the file when the header is wrong."""
    found = _PARAMS_LINE.findall(text)
    if len(found) != 1:
        raise ValueError(f"cypher/{name}.cypher: needs exactly one '// params:' line")
    declared = found[0].strip()
    params: set[str] = set()
    if declared != "none":
        for raw in declared.split(","):
            param = raw.strip()
            if not _PARAM_NAME.match(param):
                raise ValueError(f"cypher/{name}.cypher: bad parameter name {param!r}")
            params.add(param)
    placeholders = frozenset(p for p in PLACEHOLDERS if p in text)
    return CypherStatement(name, text, frozenset(params), placeholders)


@lru_cache(maxsize=1)
def all_statements() -> Mapping[str, CypherStatement]:
    """Every statement of the package, by file name without ``.cypher`` (read once)."""
    found: dict[str, CypherStatement] = {}
    for entry in resources.files(__package__).iterdir():
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            found[name] = parse_statement(name, entry.read_text(encoding="utf-8"))
    return MappingProxyType(dict(sorted(found.items())))


def statement(name: str) -> CypherStatement:
    """The statement in ``cypher/<name>.cypher``; ``KeyError`` names what is missing."""
    try:
        return all_statements()[name]
    except KeyError:
        raise KeyError(f"no Cypher statement named {name!r} (cypher/{name}.cypher)") from None
