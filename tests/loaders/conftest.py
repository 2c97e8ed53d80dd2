"""Fixtures of the input-reader tests."""

from __future__ import annotations

import pytest
from inputs_helpers import Read, read_all


@pytest.fixture
def read() -> Read:
    """``read(path, **options)`` -> (stories, problems)."""
    return read_all
