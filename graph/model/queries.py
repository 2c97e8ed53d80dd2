"""The query objects every store takes, each parameter declared once, and the rules they share.

:class:`PathQuery`, :class:`NeighbourQuery`, :class:`TimelineQuery` and :class:`SearchQuery`
are what the four read verbs of :class:`graph.stores.protocol.GraphStore` take (``paths``,
``neighbors``, ``timeline``, ``search_entities``). Each is validated once, when it is built:
by the CLI from its arguments (``cli/queries.py`` makes a command's options from the
fields), by the API from the query string (FastAPI query-parameter models), by Python
callers with keywords. A store never validates a parameter again.

Two kinds of error: a value of the wrong shape (a number out of range, a date not shaped
like ``YYYY[-MM[-DD]]``, an unknown field) is a pydantic ``ValidationError`` (HTTP 422;
the CLI exits 2); a value of the right shape that means nothing (an unknown predicate or
label, 30 February, ``since`` after ``until``, a damaged cursor, every predicate excluded)
is :class:`~graph.model.errors.InvalidInput` (HTTP 400; exit 2).

>>> q = PathQuery(source="Cantech", target="Zijin", max_hops=3, predicates="owns,acquires")
>>> sorted(p.value for p in q.traversal.predicates), q.k
(['ACQUIRES', 'OWNS'], 5)
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from sinograph.graph.model.dates import (
    PartialDate,
    parse_partial_date,
    partial_date_end_ordinal,
    partial_date_ordinal,
)
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ontology import EntityType, Predicate, parse_entity_type, parse_predicate

__all__ = [
    "DATE_PATTERN",
    "MAX_HOPS_LIMIT",
    "NeighbourOptions",
    "NeighbourQuery",
    "PathQuery",
    "SearchQuery",
    "TimeWindow",
    "TimelineOptions",
    "TimelineQuery",
    "TraversalFilter",
    "UNDATED_POSITION",
    "decode_cursor",
    "encode_cursor",
    "first_problem",
    "parse_entity_types",
    "parse_predicates",
]

MAX_HOPS_LIMIT = 6
MAX_K = 50
MAX_LIMIT = 1_000
_MAX_SORT_KEY = date.max.toordinal() * 3 + 2
# The cursor position of the undated section: after every dated item.
UNDATED_POSITION = _MAX_SORT_KEY + 1


def parse_predicates(values: Iterable[str] | str | None) -> frozenset[Predicate] | None:
    """Turn ``"ACQUIRES,SELLS"`` or a list of names into predicates; ``None`` means all.

    >>> sorted(parse_predicates("sells, ACQUIRES"))
    [<Predicate.ACQUIRES: 'ACQUIRES'>, <Predicate.SELLS: 'SELLS'>]
    """
    if values is None:
        return None
    if isinstance(values, str):
        values = values.split(",")
    names = [v for raw in values for v in str(raw).split(",") if v.strip()]
    if not names:
        return None
    return frozenset(parse_predicate(n) for n in names)


def parse_entity_types(values: Iterable[str] | str | None) -> frozenset[EntityType]:
    """Turn ``"Country,region"`` or a list of labels into entity types; ``None`` means none.

    >>> sorted(parse_entity_types("region, Country"))
    [<EntityType.COUNTRY: 'Country'>, <EntityType.REGION: 'Region'>]
    """
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = values.split(",")
    return frozenset(
        parse_entity_type(v) for raw in values for v in str(raw).split(",") if v.strip()
    )


class TraversalFilter(BaseModel):
    """Which facts and entities a neighbourhood or path search may walk through.

    ``predicates`` is the allow-list left after removing the excluded predicates
    (``None``: every predicate); a fact whose ``confidence`` is below
    ``min_confidence`` is not used; an entity whose label is in ``exclude_types``
    is not entered, nor one with more than ``max_degree`` facts (a hub such as a
    country or a big bank, which joins everything to everything), except the query's
    own entities (the centre of a neighbourhood, both ends of a path), which are always
    kept.

    >>> f = PathQuery(source="A", target="B", exclude_predicates="LOCATED_IN").traversal
    >>> Predicate.LOCATED_IN in f.predicates, Predicate.OWNS in f.predicates
    (False, True)
    """

    model_config = ConfigDict(frozen=True)

    predicates: frozenset[Predicate] | None = None
    exclude_types: frozenset[EntityType] = frozenset()
    min_confidence: float | None = None
    max_degree: int | None = None

    @field_validator("max_degree")
    @classmethod
    def _degree(cls, v: int | None) -> int | None:
        if v is not None and v < 1:
            raise ValueError(f"max_degree must be at least 1, got {v}")
        return v

    @field_validator("min_confidence")
    @classmethod
    def _confidence(cls, v: float | None) -> float | None:
        if v is not None and not 0 <= v <= 1:
            raise ValueError(f"min_confidence must be between 0 and 1, got {v}")
        return v



class TimeWindow(BaseModel):
    """``since``/``until`` bound fact dates; ``as_of`` asks for the graph as it stood then.

    A fact is inside the window when its period overlaps ``[since, until]``; an
    undated fact has no period and stays in path and neighbour queries (it states
    a standing relation) but never enters a timeline's dated list.
    As of a date, a fact shows when it had started (``valid_from``, else its date,
    else the publication date of its earliest source -- when it was first known to
    hold -- is on or before the date) and had not ended (``valid_until`` after the
    date). A fact with none of these dates is kept.
    """

    model_config = ConfigDict(frozen=True)

    since: PartialDate | None = None
    until: PartialDate | None = None
    as_of: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if (
            self.since
            and self.until
            and partial_date_ordinal(self.since) > partial_date_end_ordinal(self.until)
        ):
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self

    @classmethod
    def build(
        cls, *, since: str | None = None, until: str | None = None, as_of: str | None = None
    ) -> TimeWindow:
        """Validate user-given dates, raising :class:`InvalidInput` with the reason."""
        try:
            return cls(since=since, until=until, as_of=as_of)
        except ValidationError as exc:
            raise InvalidInput(first_problem(exc)) from None

    @property
    def since_ordinal(self) -> int | None:
        return partial_date_ordinal(self.since) if self.since else None

    @property
    def until_ordinal(self) -> int | None:
        # "until 2025" includes all of 2025.
        return partial_date_end_ordinal(self.until) if self.until else None

    @property
    def as_of_ordinal(self) -> int | None:
        # "as of 2025-06" means the end of June: everything that had happened by then.
        return partial_date_end_ordinal(self.as_of) if self.as_of else None

    @property
    def is_open(self) -> bool:
        return not (self.since or self.until or self.as_of)

    def admits(
        self,
        date_start: int | None,
        date_end: int | None,
        valid_from: int | None,
        valid_until: int | None,
        *,
        known_from: int | None = None,
        keep_undated: bool = True,
    ) -> bool:
        """Whether a fact with these day ordinals passes the window (see the class doc)."""
        if date_start is None:
            if not keep_undated:
                return False
        else:
            if self.since_ordinal is not None and (date_end or date_start) < self.since_ordinal:
                return False
            if self.until_ordinal is not None and date_start > self.until_ordinal:
                return False
        as_of = self.as_of_ordinal
        if as_of is not None:
            start = valid_from if valid_from is not None else date_start
            if start is None:
                start = known_from
            if start is not None and start > as_of:
                return False
            if valid_until is not None and valid_until <= as_of:
                return False
        return True


_BOUNDS = {
    "less_than_equal": ("le", "at most"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "greater_than": ("gt", "more than"),
}


def first_problem(exc: ValidationError) -> str:
    """The first problem, naming its parameter once.

    >>> try:
    ...     PathQuery(source="A", target="B", max_hops=9)
    ... except ValidationError as exc:
    ...     print(first_problem(exc))
    max_hops must be at most 6, got 9
    """
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ()))
    bound = _BOUNDS.get(err["type"])
    if bound and where and bound[0] in err.get("ctx", {}):
        return f"{where} must be {bound[1]} {err['ctx'][bound[0]]}, got {err['input']!r}"
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if not where or msg.startswith(where):
        return msg
    return f"{where}: {msg}"


# --------------------------------------------------------------------- parameter types
#
# Each parameter is declared once, below: type, bounds, description, example.

# YYYY, YYYY-MM or YYYY-MM-DD; years 1000-2999, which covers any news story.
DATE_PATTERN = r"^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
# Shaped like a date; whether it is one (month 13, 30 February) parse_partial_date says.
_DATE_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_NAMES_SCHEMA: dict[str, Any] = {"type": "array", "items": {"type": "string"}}


def _date_shape(value: object) -> object:
    if isinstance(value, str) and not _DATE_SHAPE.fullmatch(value.strip()):
        raise ValueError(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _listed(value: object) -> object:
    # A query string repeats a parameter (a list); the CLI may give a tuple.
    return list(value) if isinstance(value, tuple) else value


# The shape is checked first (a validation error); a shaped but impossible date such as
# 2025-13 or 2025-02-30 is then InvalidInput from parse_partial_date.
QueryDate = Annotated[
    str,
    BeforeValidator(_date_shape),
    AfterValidator(parse_partial_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN}),
]
PredicateNames = Annotated[
    frozenset[Predicate] | None,
    BeforeValidator(lambda v: parse_predicates(_listed(v))),
    WithJsonSchema({"anyOf": [_NAMES_SCHEMA, {"type": "null"}]}),
]
EntityTypeNames = Annotated[
    frozenset[EntityType],
    BeforeValidator(lambda v: parse_entity_types(_listed(v))),
    WithJsonSchema(_NAMES_SCHEMA),
]


# The filters the walks and the timeline share, declared once with their documentation.
SinceDate = Annotated[
    QueryDate | None,
    Field(
        description="only facts whose date overlaps this date or later (YYYY[-MM[-DD]])",
        examples=["2024"],
    ),
]
UntilDate = Annotated[
    QueryDate | None,
    Field(
        description="only facts whose date overlaps this date or earlier; `2025` means to the "
        "end of 2025",
        examples=["2025-06"],
    ),
]
PredicateFilter = Annotated[
    PredicateNames,
    Field(
        description="only these predicates: repeat the parameter or separate names with commas "
        "(`ACQUIRES,SELLS`); case-insensitive",
        examples=[["ACQUIRES,SELLS"]],
    ),
]


def _named(value: str) -> str:
    if not value.strip():
        raise InvalidInput("an entity id or name is required, not blank text")
    return value


EntityRefText = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_named)]


def _cursor(value: object) -> object:
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, str):
        if len(value) > 400:
            raise InvalidInput("bad cursor: longer than any cursor a page gives")
        return decode_cursor(value)
    return value


def _entity_type(value: object) -> object:
    # Labels are case-insensitive; an unknown one is a validation error of this field.
    if isinstance(value, str):
        for label in EntityType:
            if label.value.lower() == value.strip().lower():
                return label
        labels = ", ".join(t.value for t in EntityType)
        raise ValueError(f"unknown entity type {value!r}; expected one of {labels}")
    return value


def _fields(model: BaseModel) -> dict[str, object]:
    """A validated model's field values, to validate again as part of a larger query
    (values already parsed pass their validators unchanged)."""
    return {name: getattr(model, name) for name in type(model).model_fields}


class _Walk(BaseModel):
    """The filters of a walk over the graph (neighbourhoods and paths) and its time window."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    predicates: PredicateFilter = None
    since: SinceDate = None
    until: UntilDate = None
    as_of: QueryDate | None = Field(
        default=None,
        description="the graph as it stood then: facts begun by that date and not yet ended",
        examples=["2024-12-31"],
    )
    exclude_predicates: PredicateNames = Field(
        default=None,
        description="never walk facts of these predicates (repeat or separate with commas); "
        "applied after `predicates`",
        examples=[["LOCATED_IN,HEADQUARTERED_IN"]],
    )
    exclude_types: EntityTypeNames = Field(
        default=frozenset(),
        description="never walk through entities of these labels (repeat or separate with "
        "commas; case-insensitive); the entities the question names are always kept",
        examples=[["Country,Region"]],
    )
    min_confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="only facts whose confidence is at least this (0 to 1)",
        examples=[0.8],
    )
    max_degree: int | None = Field(
        default=None,
        ge=1,
        le=10_000_000,
        description="never walk through an entity with more facts than this (a hub such as "
        "a country); the entities the question names are always kept",
        examples=[200],
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _ = self.window, self.traversal  # InvalidInput now, never inside a store
        return self

    @cached_property
    def window(self) -> TimeWindow:
        """``since``, ``until`` and ``as_of`` as one window (``since`` not after ``until``).

        ``as_of`` and ``since``/``until`` combine: the first says which facts had begun
        and not ended on a day, the others which fact periods to keep, and a fact whose
        period runs from before ``as_of`` to after ``since`` passes both.
        """
        return TimeWindow.build(since=self.since, until=self.until, as_of=self.as_of)

    @cached_property
    def traversal(self) -> TraversalFilter:
        """What the walk may pass: ``traversal.predicates`` is the allow-list left after the
        exclusions (``None``: every predicate)."""
        allowed = self.predicates
        if self.exclude_predicates:
            allowed = frozenset(allowed if allowed is not None else Predicate)
            allowed -= self.exclude_predicates
            if not allowed:
                raise InvalidInput("every predicate is excluded: nothing could be walked")
        return TraversalFilter(
            predicates=allowed,
            exclude_types=self.exclude_types,
            min_confidence=self.min_confidence,
            max_degree=self.max_degree,
        )


class PathQuery(_Walk):
    """A path search between two entities (ids or names): the one declaration of its
    parameters, for :meth:`graph.stores.protocol.GraphStore.paths`.

    >>> q = PathQuery(source="Cantech", target="Zijin", max_hops=3, max_degree=200)
    >>> q.max_hops, q.k, q.traversal.max_degree
    (3, 5, 200)
    >>> PathQuery(source="A", target="B", since="2025", until="2024")
    Traceback (most recent call last):
    ...
    sinograph.graph.model.errors.InvalidInput: since 2025 is after until 2024
    >>> PathQuery(source="A", target="B", predicates="OWNS", exclude_predicates="owns")
    Traceback (most recent call last):
    ...
    sinograph.graph.model.errors.InvalidInput: every predicate is excluded: nothing could be walked
    """

    source: EntityRefText = Field(
        description="an entity id, or a name or alias", examples=["Zijin Mining Group"]
    )
    target: EntityRefText = Field(
        description="an entity id, or a name or alias", examples=["Verny Capital"]
    )
    max_hops: int = Field(
        default=4, ge=1, le=MAX_HOPS_LIMIT, description="most facts on one path (1 to 6)"
    )
    k: int = Field(
        default=5, ge=1, le=MAX_K, description="most paths returned, shortest first (1 to 50)"
    )


class NeighbourOptions(_Walk):
    """How far and how wide a neighbourhood reaches: every parameter but its centre."""

    depth: int = Field(default=1, ge=1, le=3, description="hops from the centre (1 to 3)")
    limit: int = Field(
        default=200, ge=1, le=5_000, description="most entities returned, nearest first"
    )


class NeighbourQuery(NeighbourOptions):
    """The entities within ``depth`` hops of one entity, for
    :meth:`graph.stores.protocol.GraphStore.neighbors`.

    >>> NeighbourQuery(entity="RG Gold", depth=2, exclude_types="country").traversal.exclude_types
    frozenset({<EntityType.COUNTRY: 'Country'>})
    """

    entity: EntityRefText = Field(
        description="the centre: an entity id, or a name or alias", examples=["RG Gold"]
    )

    @classmethod
    def around(cls, entity: str, options: NeighbourOptions) -> NeighbourQuery:
        """The query of ``options`` centred on ``entity`` (a route's path parameter)."""
        return cls.model_validate({**_fields(options), "entity": entity})


class TimelineOptions(BaseModel):
    """Which page of a timeline: every parameter but its entity.

    A cursor either continues the dated items (``next_cursor``) or the undated ones
    (``undated_next_cursor``, whose position is :data:`UNDATED_POSITION`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: SinceDate = None
    until: UntilDate = None
    predicates: PredicateFilter = None
    cursor: Annotated[
        tuple[int, str] | None,
        BeforeValidator(_cursor),
        WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 400}, {"type": "null"}]}),
    ] = Field(
        default=None,
        description="continue after a previous page: its `next_cursor` or `undated_next_cursor`",
    )
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description="items per page")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _ = self.window
        return self

    @cached_property
    def window(self) -> TimeWindow:
        return TimeWindow.build(since=self.since, until=self.until)

    @property
    def undated_after(self) -> str | None:
        """The id an undated-section cursor resumes after, or ``None``."""
        if self.cursor is not None and self.cursor[0] == UNDATED_POSITION:
            return self.cursor[1]
        return None

    @property
    def wants_undated(self) -> bool:
        """Whether this page carries undated items: the first page without date bounds, or a
        page of the undated section."""
        if self.since is not None or self.until is not None:
            return False
        return self.cursor is None or self.undated_after is not None

    @property
    def wants_dated(self) -> bool:
        return self.undated_after is None


class TimelineQuery(TimelineOptions):
    """A timeline page of one entity, or of the whole graph (``entity=None``), for
    :meth:`graph.stores.protocol.GraphStore.timeline`.

    >>> TimelineQuery(entity="Zijin", since="2024", limit=20).window.since
    '2024'
    >>> TimelineQuery(cursor="not a cursor!")
    Traceback (most recent call last):
    ...
    sinograph.graph.model.errors.InvalidInput: bad cursor 'not a cursor!'
    """

    entity: EntityRefText | None = Field(
        default=None, description="an entity id, or a name or alias; none: the whole graph"
    )

    @classmethod
    def of(cls, entity: str | None, options: TimelineOptions) -> TimelineQuery:
        """The query of ``options`` for ``entity`` (a route's path parameter)."""
        return cls.model_validate({**_fields(options), "entity": entity})


class SearchQuery(BaseModel):
    """A ranked entity search, for :meth:`graph.stores.protocol.GraphStore.search_entities`.

    The text is ``q`` in the API's query string.

    >>> SearchQuery(text="zijin", type="company").type
    <EntityType.COMPANY: 'Company'>
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    text: str = Field(
        alias="q",
        min_length=1,
        max_length=500,
        description="a name, alias, Chinese name, ticker, id, prefix or misspelling",
        examples=["zijin"],
    )
    type: Annotated[EntityType | None, BeforeValidator(_entity_type)] = Field(
        default=None, description="only entities of this label, e.g. Company"
    )
    limit: int = Field(default=10, ge=1, le=100, description="most hits returned")


def encode_cursor(sort_ordinal: int, item_id: str) -> str:
    """An opaque cursor that resumes a timeline after the given item."""
    raw = f"{sort_ordinal}|{item_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, str]:
    """Inverse of :func:`encode_cursor`; a damaged cursor is :class:`InvalidInput`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        ordinal, item_id = base64.urlsafe_b64decode(padded.encode("ascii")).decode().split("|", 1)
        position = int(ordinal)
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidInput(f"bad cursor {cursor!r}") from None
    # Sort keys are day ordinals times three: anything outside the calendar is forged.
    if not 0 <= position <= UNDATED_POSITION:
        raise InvalidInput(f"bad cursor {cursor!r}")
    return position, item_id

