"""Fixtures: the scripted OpenAI-compatible server and a model config pointing at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sinograph.loaders.llm import LlmConfig, ResponseCache
from tests.llm.fake_server import FakeModelServer, running_server


@pytest.fixture
def server() -> Iterator[FakeModelServer]:
    with running_server() as fake:
        yield fake


@pytest.fixture
def config(server: FakeModelServer) -> LlmConfig:
    # One retry keeps the failure tests fast; backoff still applies. The timeout is
    # generous because a busy CI machine once took over 1 s to answer and the retry
    # broke a request count; the timeout test sets its own short one.
    return LlmConfig(
        base_url=server.base_url, model=server.model, timeout=60.0, max_retries=1,
        max_concurrency=2,
    )


@pytest.fixture
def cache(tmp_path: Path) -> ResponseCache:
    return ResponseCache(tmp_path / "answers.sqlite")
