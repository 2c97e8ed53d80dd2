"""Bounded work for ``POST /stories``: a few at a time, each within a time budget, each
stopped when its client hangs up.

Reading a story is CPU work in a worker thread. The route hands that work to
:func:`run_bounded`, which

* refuses at once with 429 (``Retry-After``) when ``SINOGRAPH_MAX_CONCURRENT_INGESTS``
  requests are already being read, instead of queueing work nobody may wait for;
* runs it under a :class:`~loaders.budget.WorkBudget` of ``SINOGRAPH_INGEST_TIMEOUT``
  seconds: the extractor checks the budget between sentences and stages, so it stops
  soon after the deadline, before anything of the story is written (422
  ``/problems/work-budget-exceeded``);
* watches the connection while the worker runs and cancels the budget when the client
  has gone, so abandoned requests stop adding to the graph.

The slot is released only when the worker has really stopped, so the limit counts
threads that are working, not requests that are still answered.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from sinograph.graph.model.errors import TooBusy
from sinograph.graph.wiring.settings import Settings
from sinograph.loaders.budget import WorkBudget, within

__all__ = ["IngestSlots", "run_bounded"]

T = TypeVar("T")

# How often the connection is looked at while a worker reads.
_POLL_SECONDS = 0.2
# What a refused client is told to wait.
RETRY_AFTER_SECONDS = 5


class IngestSlots:
    """A non-blocking counter of the ingest requests being read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._busy = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._busy >= self.size:
                return False
            self._busy += 1
            return True

    def give_back(self) -> None:
        with self._lock:
            self._busy -= 1

    @property
    def busy(self) -> int:
        return self._busy


def _slots(request: Request, settings: Settings) -> IngestSlots:
    state = request.app.state
    slots: IngestSlots | None = getattr(state, "ingest_slots", None)
    if slots is None:
        slots = IngestSlots(settings.max_concurrent_ingests)
        state.ingest_slots = slots
    return slots


async def run_bounded(request: Request, settings: Settings, work: Callable[[], T]) -> T:
    """Run ``work`` in a worker thread under the request's budget (see the module doc)."""
    slots = _slots(request, settings)
    if not slots.take():
        raise TooBusy(
            f"{slots.size} stories are already being read; try again in "
            f"{RETRY_AFTER_SECONDS} s"
        )
    budget = WorkBudget(settings.ingest_timeout)

    def bounded() -> T:
        with within(budget):
            return work()

    task = asyncio.ensure_future(run_in_threadpool(bounded))
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=_POLL_SECONDS)
            if done:
                return task.result()
            if await request.is_disconnected():
                budget.cancel("the client closed the connection")
    finally:
        if not task.done():
            # Our own caller was cancelled (server shutdown): stop the worker, and keep
            # the slot until it has stopped.
            budget.cancel("the server is stopping")
            task.add_done_callback(lambda _: slots.give_back())
        else:
            slots.give_back()
