"""Every docstring example in the extractor's modules runs and holds."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import sinograph.loaders.extract

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(
        sinograph.loaders.extract.__path__, prefix="sinograph.loaders.extract."
    )
    if not info.ispkg
) + ["sinograph.loaders.evaluation", "sinograph.loaders.extractor"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_the_examples_exist() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS).attempted
        for name in MODULES
    )
    assert attempted >= 10
