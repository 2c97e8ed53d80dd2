"""The application's one store: opened at start-up, reopened on demand, closed at shutdown.

A store that cannot be opened when the server starts (Neo4j not up yet, a bad
path) does not stop the server: requests answer 503 and the next request after
a short pause tries again, so the API recovers without a restart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sinograph.graph.model.errors import StoreUnavailable
from sinograph.graph.stores.protocol import GraphStore
from sinograph.graph.wiring.settings import Settings

__all__ = ["StoreProvider"]

# Between two failed attempts to open the store, requests fail fast with the
# last error instead of each waiting on a connection timeout.
RETRY_PAUSE_SECONDS = 2.0


class StoreProvider:
    """Holds the store a running app serves.

    ``store`` is an already-open store to serve (the caller keeps ownership and
    closes it); otherwise ``opener(settings)`` opens one, which the provider closes.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        store: GraphStore | None = None,
        opener: Callable[[Settings], GraphStore] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._store = store
        self._owned = store is None
        self._opener = opener
        self._clock = clock
        self._lock = threading.Lock()
        self._last_error: StoreUnavailable | None = None
        self._failed_at = 0.0

    @property
    def owns_store(self) -> bool:
        """Whether the provider opened the store (and so closes it)."""
        return self._owned

    def get(self) -> GraphStore:
        """The open store; raises ``StoreUnavailable`` when it cannot be opened."""
        store = self._store
        if store is not None:
            return store
        with self._lock:
            if self._store is not None:
                return self._store
            if (
                self._last_error is not None
                and self._clock() - self._failed_at < RETRY_PAUSE_SECONDS
            ):
                raise self._last_error
            if self._opener is None:
                raise StoreUnavailable("no store is configured for this app")
            try:
                self._store = self._opener(self._settings)
            except StoreUnavailable as exc:
                self._last_error = exc
                self._failed_at = self._clock()
                raise
            self._last_error = None
            return self._store

    def close(self) -> None:
        """Close the store if this provider opened it."""
        with self._lock:
            if self._store is not None and self._owned:
                self._store.close()
                self._store = None
