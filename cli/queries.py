"""Command-line arguments and options made from the query objects of :mod:`graph.model.queries`.

A query command declares which query it takes; its arguments and options (names,
defaults, help) are read from that query's fields, so every query parameter is
declared once, in ``graph/model/queries.py``, for the CLI and the API alike. The command
body receives the query, validated; a bad value ends the run with exit code 2 and the
reason, as every bad input does.

This module imports pydantic and the query models: ``cli.main`` loads the commands that
use it only when one of them runs (``sinograph --help`` stays quick).
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import typer
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from sinograph.cli.errors import reported
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.queries import first_problem

__all__ = ["query_command"]

Q = TypeVar("Q", bound=BaseModel)
Command = Callable[..., None]


def _bare(annotation: Any) -> tuple[Any, bool]:
    """The field's type without ``Annotated`` metadata and ``None``, and whether it had None."""
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(kept) < len(get_args(annotation))
        annotation = kept[0] if len(kept) == 1 else annotation
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation, optional


def _cli_type(field: FieldInfo) -> Any:
    """What the command line reads for a field: numbers as numbers, a set as a repeatable
    option (each value may also list several, comma-separated), anything else as text."""
    bare, optional = _bare(field.annotation)
    if get_origin(bare) in (frozenset, set, list):
        return list[str] | None
    kind = bare if bare in (int, float, bool) else str
    if optional or not field.is_required() and field.get_default() is None:
        return kind | None
    return kind


def _parameter(
    name: str, field: FieldInfo, *, argument: bool, flags: Sequence[str]
) -> inspect.Parameter:
    cli_type = _cli_type(field)
    help_text = field.description or ""
    info: Any
    if argument:
        info = typer.Argument(help=help_text, show_default=False, metavar=name.upper())
    else:
        decls = (f"--{name.replace('_', '-')}", *flags)
        listed = get_origin(_bare(cli_type)[0]) is list
        metavar = "NAME[,NAME]" if listed else name.upper()
        info = typer.Option(*decls, help=help_text, metavar=metavar)
    if field.is_required():
        default: Any = inspect.Parameter.empty
    else:
        value = field.get_default(call_default_factory=True)
        default = None if value is None or isinstance(value, frozenset | set) else value
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[cli_type, info],
    )


def query_command(
    model: type[Q],
    *,
    arguments: Sequence[str] = (),
    flags: Mapping[str, Sequence[str]] | None = None,
) -> Callable[[Command], Command]:
    """Make a typer command of ``command(ctx, query, ...)``: ``model``'s fields become its
    positional ``arguments`` and its options (``--max-hops``; ``flags`` adds short ones).

    >>> from sinograph.graph.model.queries import PathQuery
    >>> @query_command(PathQuery, arguments=("source", "target"), flags={"predicates": ["-p"]})
    ... def path(query: PathQuery) -> None:
    ...     print(query.source, query.max_hops, sorted(query.traversal.predicates))
    >>> path(source="A", target="B", max_hops=2, predicates=["owns,sells"])
    A 2 [<Predicate.OWNS: 'OWNS'>, <Predicate.SELLS: 'SELLS'>]
    >>> names = list(inspect.signature(path).parameters)
    >>> names[:2], "max_hops" in names, "exclude_types" in names
    (['source', 'target'], True, True)
    """
    short = dict(flags or {})
    fields = model.model_fields
    wrong = [n for n in [*arguments, *short] if n not in fields]
    if wrong:
        raise ValueError(f"{model.__name__} has no field {wrong[0]!r}")

    def decorate(command: Command) -> Command:
        own = inspect.signature(command, eval_str=True)
        kept = [p for p in own.parameters.values() if p.name != "query"]
        contexts = [p for p in kept if p.annotation is typer.Context]
        others = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in kept
                  if p not in contexts]
        made = [
            _parameter(n, fields[n], argument=True, flags=()) for n in arguments
        ] + [
            _parameter(n, f, argument=False, flags=short.get(n, ()))
            for n, f in fields.items()
            if n not in arguments
        ]

        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> None:
            raw = {n: kwargs.pop(n) for n in fields if n in kwargs}
            ctx = next(
                (v for v in (*args, *kwargs.values()) if isinstance(v, typer.Context)), None
            )
            with reported(ctx, as_json=bool(kwargs.get("as_json", False))):
                try:
                    query = model.model_validate({n: v for n, v in raw.items() if v is not None})
                except ValidationError as exc:
                    raise InvalidInput(first_problem(exc)) from None
            command(*args, query=query, **kwargs)

        parameters = [*contexts, *made, *others]
        run.__signature__ = own.replace(parameters=parameters)  # type: ignore[attr-defined]
        # typer reads the annotations too: the made ones, not the command's.
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        run.__annotations__["return"] = None
        return run

    return decorate
