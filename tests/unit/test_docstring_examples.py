"""The runnable examples in the docstrings of the query objects, the path search, the
search ranker and the embedded store's path and timeline APIs run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "sinograph.graph.model.queries",
    "sinograph.graph.stores.pathfinding",
    "sinograph.graph.stores.hits",
    "sinograph.graph.stores.embedded.store",
    "sinograph.cli.queries",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no example"
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_the_path_and_timeline_apis_have_examples() -> None:
    from sinograph.graph.stores.embedded.store import EmbeddedStore
    from sinograph.graph.stores.pathfinding import PathSearch

    finder = doctest.DocTestFinder()
    for function in (EmbeddedStore.paths, EmbeddedStore.timeline, PathSearch):
        own = [t for t in finder.find(function) if t.name == function.__name__]
        assert own and len(own[0].examples) >= 3, function
