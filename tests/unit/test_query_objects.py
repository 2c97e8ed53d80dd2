"""The query objects: each parameter declared once, validated once, before any store.

A value of the wrong shape (a number out of range, a date not shaped like a date) is
a pydantic ``ValidationError`` (HTTP 422, exit 2); a value of the right shape that
means nothing (an unknown predicate, 30 February, since after until, a damaged
cursor) is ``InvalidInput`` (HTTP 400, exit 2).
"""

from __future__ import annotations

from typing import Any

import pytest
import typer
from pydantic import BaseModel, ValidationError
from typer.core import TyperGroup

from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.ontology import EntityType, Predicate
from sinograph.graph.model.queries import (
    NeighbourOptions,
    NeighbourQuery,
    PathQuery,
    SearchQuery,
    TimelineOptions,
    TimelineQuery,
    encode_cursor,
)

ENDS = {"source": "Verny Capital", "target": "Zijin Mining Group"}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_hops": 0}, ValidationError),
        ({"max_hops": 7}, ValidationError),
        ({"k": 0}, ValidationError),
        ({"k": 51}, ValidationError),
        ({"min_confidence": 1.5}, ValidationError),
        ({"as_of": "yesterday"}, ValidationError),
        ({"predicates": "BUYS"}, InvalidInput),
        ({"exclude_types": "Planet"}, InvalidInput),
        ({"since": "2025-13"}, InvalidInput),
        ({"max_degree": 0}, ValidationError),
        ({"since": "2025-02-30"}, InvalidInput),
        ({"since": "2025", "until": "2024"}, InvalidInput),
        ({"predicates": "OWNS", "exclude_predicates": "owns"}, InvalidInput),
        ({"source": "   "}, InvalidInput),
        ({"colour": "red"}, ValidationError),
    ],
)
def test_bad_path_parameters_are_refused_when_the_query_is_built(
    kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        PathQuery(**{**ENDS, **kwargs})


def test_path_query_parses_names_and_keeps_what_is_left_to_walk() -> None:
    query = PathQuery(
        **ENDS, predicates=["owns,sells", "ACQUIRES"], exclude_predicates="SELLS",
        exclude_types=["country", "Region"], min_confidence=0.5, since="2024", as_of="2025-06",
    )
    assert query.predicates == {Predicate.OWNS, Predicate.SELLS, Predicate.ACQUIRES}
    assert query.traversal.predicates == {Predicate.OWNS, Predicate.ACQUIRES}
    assert query.traversal.exclude_types == {EntityType.COUNTRY, EntityType.REGION}
    assert query.traversal.min_confidence == 0.5
    assert (query.window.since, query.window.until, query.window.as_of) == ("2024", None, "2025-06")
    only_excluded = PathQuery(**ENDS, exclude_predicates="LOCATED_IN").traversal.predicates
    assert only_excluded == frozenset(Predicate) - {Predicate.LOCATED_IN}
    assert PathQuery(**ENDS).traversal.predicates is None


def test_queries_are_frozen_and_hashable() -> None:
    query = PathQuery(**ENDS)
    with pytest.raises(ValidationError):
        query.k = 2  # type: ignore[misc]
    assert hash(query) == hash(PathQuery(**ENDS))


def test_neighbour_and_timeline_queries_join_a_route_entity_to_its_options() -> None:
    options = NeighbourOptions(depth=2, predicates="owns", exclude_types="country")
    query = NeighbourQuery.around("RG Gold", options)
    assert (query.entity, query.depth, query.predicates) == ("RG Gold", 2, {Predicate.OWNS})
    assert query.traversal.exclude_types == {EntityType.COUNTRY}
    with pytest.raises(ValidationError):
        NeighbourOptions(depth=4)
    cursor = encode_cursor(42, "fact:abc")
    page = TimelineQuery.of("Zijin", TimelineOptions(cursor=cursor, limit=3))
    assert (page.entity, page.cursor, page.limit) == ("Zijin", (42, "fact:abc"), 3)
    assert TimelineQuery.of(None, TimelineOptions()).entity is None
    with pytest.raises(InvalidInput, match="bad cursor"):
        TimelineQuery(cursor="not a cursor!")
    with pytest.raises(ValidationError):
        TimelineQuery(limit=1_001)


def test_search_query_reads_q_or_text_and_any_case_of_a_label() -> None:
    assert SearchQuery(q="zijin").text == SearchQuery(text="zijin").text == "zijin"
    assert SearchQuery(text="x", type="company").type is EntityType.COMPANY
    with pytest.raises(ValidationError):
        SearchQuery(text="x", type="Planet")
    with pytest.raises(ValidationError):
        SearchQuery(text="")
    with pytest.raises(ValidationError):
        SearchQuery(text="x", limit=101)


def _declared(model: type[BaseModel]) -> dict[str, str | None]:
    return {n: f.description for n, f in model.model_fields.items()}


def test_the_api_and_the_cli_read_the_same_declarations() -> None:
    """The route's query parameters and the command's options are the query's fields."""
    from fastapi.testclient import TestClient
    from typer.main import get_command

    from sinograph.api.app import create_app
    from sinograph.cli.main import app as cli_app
    from sinograph.graph.wiring.settings import get_settings

    schema = TestClient(create_app(get_settings(store=":memory:"))).get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/paths"]["get"]["parameters"]}
    assert set(params) == set(PathQuery.model_fields)
    for name, description in _declared(PathQuery).items():
        assert params[name].get("description") == description, name
    assert params["max_hops"]["schema"]["maximum"] == 6
    group = get_command(cli_app)
    assert isinstance(group, TyperGroup)
    command = group.get_command(typer.Context(group), "path")
    assert command is not None
    options = {p.name: p for p in command.params}
    assert set(PathQuery.model_fields) <= set(options)
    for name, description in _declared(PathQuery).items():
        assert options[name].help == description, name
    assert options["max_hops"].default == 4
    assert options["predicates"].multiple
    search = group.get_command(typer.Context(group), "search")
    assert search is not None
    assert set(SearchQuery.model_fields) <= {p.name for p in search.params}
