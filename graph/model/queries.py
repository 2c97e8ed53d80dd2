"""Query parameters, validated once for every store, and the time rules they share."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from graph.model.dates import (
    PartialDate,
    parse_partial_date,
    partial_date_end_ordinal,
    partial_date_ordinal,
)
from graph.model.errors import InvalidInput
from graph.model.ontology import EntityType, Predicate, parse_entity_type, parse_predicate

__all__ = [
    "NeighborQuery",
    "PathQuery",
    "TimeWindow",
    "TimelineQuery",
    "UNDATED_POSITION",
    "TraversalFilter",
    "decode_cursor",
    "encode_cursor",
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

    >>> f = TraversalFilter.build(exclude_predicates="LOCATED_IN", min_confidence=0.8)
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

    @classmethod
    def build(
        cls,
        *,
        predicates: Iterable[str] | str | None = None,
        exclude_predicates: Iterable[str] | str | None = None,
        exclude_types: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
        max_degree: int | None = None,
    ) -> TraversalFilter:
        """Validate raw parameters, raising :class:`InvalidInput` with the reason."""
        allowed = parse_predicates(predicates)
        excluded = parse_predicates(exclude_predicates)
        if excluded:
            allowed = frozenset(allowed if allowed is not None else Predicate) - excluded
            if not allowed:
                raise InvalidInput("every predicate is excluded: nothing could be walked")
        try:
            return cls(
                predicates=allowed,
                exclude_types=parse_entity_types(exclude_types),
                min_confidence=min_confidence,
                max_degree=max_degree,
            )
        except ValidationError as exc:
            raise InvalidInput(_first_error(exc)) from None

    @property
    def checks_entities(self) -> bool:
        """Whether entity labels, degrees or fact confidence take part (beyond predicate
        and time)."""
        return (
            bool(self.exclude_types)
            or self.min_confidence is not None
            or self.max_degree is not None
        )


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
            raise InvalidInput(_first_error(exc)) from None

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


def _window(since: str | None, until: str | None, as_of: str | None) -> TimeWindow:
    return TimeWindow.build(since=since, until=until, as_of=as_of)


def _first_error(exc: ValidationError) -> str:
    """The first problem, naming its parameter once ("max_hops must be between 1 and 6")."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ()))
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if not where or msg.startswith(where):
        return msg
    return f"{where}: {msg}"


class PathQuery(BaseModel):
    """Parameters of a path search between two entities (ids or names)."""

    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    max_hops: int = 4
    k: int = 5
    predicates: frozenset[Predicate] | None = None
    window: TimeWindow = TimeWindow()
    traversal: TraversalFilter = TraversalFilter()

    @field_validator("max_hops")
    @classmethod
    def _hops(cls, v: int) -> int:
        if not 1 <= v <= MAX_HOPS_LIMIT:
            raise ValueError(f"max_hops must be between 1 and {MAX_HOPS_LIMIT}, got {v}")
        return v

    @field_validator("k")
    @classmethod
    def _k(cls, v: int) -> int:
        if not 1 <= v <= MAX_K:
            raise ValueError(f"k must be between 1 and {MAX_K}, got {v}")
        return v

    @classmethod
    def build(
        cls,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        k: int = 5,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        exclude_predicates: Iterable[str] | str | None = None,
        exclude_types: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
        max_degree: int | None = None,
    ) -> PathQuery:
        """Validate raw parameters, raising :class:`InvalidInput` with the reason."""
        if not source.strip() or not target.strip():
            raise InvalidInput("source and target must both be given")
        walk = TraversalFilter.build(
            predicates=predicates,
            exclude_predicates=exclude_predicates,
            exclude_types=exclude_types,
            min_confidence=min_confidence,
            max_degree=max_degree,
        )
        window = _window(since, until, as_of)
        try:
            return cls(
                source=source,
                target=target,
                max_hops=max_hops,
                k=k,
                predicates=walk.predicates,
                window=window,
                traversal=walk,
            )
        except ValidationError as exc:
            raise InvalidInput(_first_error(exc)) from None


class NeighborQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity: str
    depth: int = 1
    predicates: frozenset[Predicate] | None = None
    window: TimeWindow = TimeWindow()
    limit: int = 200
    traversal: TraversalFilter = TraversalFilter()

    @classmethod
    def build(
        cls,
        entity: str,
        *,
        depth: int = 1,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = None,
        limit: int = 200,
        exclude_predicates: Iterable[str] | str | None = None,
        exclude_types: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
        max_degree: int | None = None,
    ) -> NeighborQuery:
        if not 1 <= depth <= 3:
            raise InvalidInput(f"depth must be between 1 and 3, got {depth}")
        if not 1 <= limit <= 5_000:
            raise InvalidInput(f"limit must be between 1 and 5000, got {limit}")
        walk = TraversalFilter.build(
            predicates=predicates,
            exclude_predicates=exclude_predicates,
            exclude_types=exclude_types,
            min_confidence=min_confidence,
            max_degree=max_degree,
        )
        return cls(
            entity=entity,
            depth=depth,
            predicates=walk.predicates,
            window=_window(since, until, as_of),
            limit=limit,
            traversal=walk,
        )


class TimelineQuery(BaseModel):
    """A timeline page request. A cursor either continues the dated items (``next_cursor``)
    or the undated ones (``undated_next_cursor``, whose position is :data:`UNDATED_POSITION`).
    """

    model_config = ConfigDict(frozen=True)

    entity: str | None = None
    predicates: frozenset[Predicate] | None = None
    window: TimeWindow = TimeWindow()
    cursor: tuple[int, str] | None = None
    limit: int = 50

    @classmethod
    def build(
        cls,
        entity: str | None = None,
        *,
        predicates: Iterable[str] | str | None = None,
        since: str | None = None,
        until: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> TimelineQuery:
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
        return cls(
            entity=entity,
            predicates=parse_predicates(predicates),
            window=_window(since, until, None),
            cursor=decode_cursor(cursor) if cursor else None,
            limit=limit,
        )

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
        if self.window.since is not None or self.window.until is not None:
            return False
        return self.cursor is None or self.undated_after is not None

    @property
    def wants_dated(self) -> bool:
        return self.undated_after is None


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


def check_date(value: str | None) -> str | None:
    """Validate an optional partial date given by a user."""
    return parse_partial_date(value) if value is not None else None
