"""StoreProvider: open once, retry after a pause when opening fails, close only its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinograph.api.store_provider import RETRY_PAUSE_SECONDS, StoreProvider
from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.stores.embedded import EmbeddedStore
from sinograph.graph.stores.protocol import GraphStore
from sinograph.graph.wiring.settings import Settings
from tests.api.support import make_settings


class _Opener:
    """Opens a real embedded store once ``ready`` is set; counts attempts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.ready = False
        self.attempts = 0

    def __call__(self, settings: Settings) -> GraphStore:
        self.attempts += 1
        if not self.ready:
            raise StoreUnavailable(f"cannot open {settings.store}")
        store = EmbeddedStore(self.path)
        store.ensure_schema()
        return store


def test_failures_wait_a_pause_before_the_next_attempt(tmp_path: Path) -> None:
    now = [100.0]
    opener = _Opener(tmp_path / "g.db")
    provider = StoreProvider(make_settings(tmp_path / "g.db"), opener=opener, clock=lambda: now[0])
    with pytest.raises(StoreUnavailable):
        provider.get()
    opener.ready = True
    with pytest.raises(StoreUnavailable):
        provider.get()  # within the pause: the last error again, no new attempt
    assert opener.attempts == 1
    now[0] += RETRY_PAUSE_SECONDS + 0.1
    store = provider.get()
    assert opener.attempts == 2
    assert provider.get() is store
    provider.close()
    with pytest.raises(StoreUnavailable):
        store.stats()


def test_an_injected_store_is_served_and_not_closed(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    provider = StoreProvider(make_settings(tmp_path / "g.db"), store=store)
    assert not provider.owns_store
    assert provider.get() is store
    provider.close()
    assert store.stats().facts == 0
    store.close()
