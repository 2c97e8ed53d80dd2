"""Bounded work: a time budget that extraction checks as it goes, and the notes it leaves.

A server reads a story in a worker thread under a :class:`WorkBudget`. The extractor
calls :func:`checkpoint` between sentences and stages; once the budget's deadline has
passed, or the budget was cancelled (the client hung up), the next checkpoint raises
:class:`~graph.model.errors.WorkBudgetExceeded` and the story is dropped before anything of
it is written. Code that runs with no budget (the command line, tests) pays one
context-variable look-up per checkpoint.

:func:`note` records that a cap applied ("only the first 400 words of a sentence were
read"); the ingest loop puts such notes into its report.

>>> budget = WorkBudget(seconds=None)
>>> with within(budget):
...     checkpoint()          # no deadline, not cancelled: nothing happens
>>> budget.cancel("the client closed the connection")
>>> with within(budget):
...     checkpoint()
Traceback (most recent call last):
...
sinograph.graph.model.errors.WorkBudgetExceeded: stopped: the client closed the connection
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sinograph.graph.model.errors import WorkBudgetExceeded

__all__ = [
    "WorkBudget",
    "checkpoint",
    "collecting_notes",
    "current_budget",
    "note",
    "within",
]


class WorkBudget:
    """A deadline ``seconds`` from now (None: none) that another thread may also cancel."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.started = time.monotonic()
        self._deadline = None if seconds is None else self.started + seconds
        self._cancelled: str | None = None
        self._lock = threading.Lock()

    def cancel(self, reason: str) -> None:
        """Stop the work at its next checkpoint, saying ``reason``."""
        with self._lock:
            self._cancelled = self._cancelled or reason

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self) -> None:
        """Raise :class:`WorkBudgetExceeded` once cancelled or past the deadline."""
        if self._cancelled is not None:
            raise WorkBudgetExceeded(f"stopped: {self._cancelled}", reason="cancelled")
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise WorkBudgetExceeded(
                f"reading the story took longer than the budget of {self.seconds:g} s "
                "(SINOGRAPH_INGEST_TIMEOUT); it was stopped and nothing of it was written",
                reason="timeout",
            )


_budget: ContextVar[WorkBudget | None] = ContextVar("sinograph_work_budget", default=None)
_notes: ContextVar[list[str] | None] = ContextVar("sinograph_work_notes", default=None)


def current_budget() -> WorkBudget | None:
    """The budget the calling code runs under, if any."""
    return _budget.get()


@contextmanager
def within(budget: WorkBudget | None) -> Iterator[None]:
    """Run the block under ``budget`` (None: unbounded)."""
    token = _budget.set(budget)
    try:
        yield
    finally:
        _budget.reset(token)


def checkpoint() -> None:
    """Stop here if the current budget is spent or cancelled."""
    budget = _budget.get()
    if budget is not None:
        budget.check()


@contextmanager
def collecting_notes() -> Iterator[list[str]]:
    """Collect what :func:`note` records inside the block (each message once)."""
    found: list[str] = []
    token = _notes.set(found)
    try:
        yield found
    finally:
        _notes.reset(token)


def note(message: str) -> None:
    """Record that a cap applied, for the report of the story being read."""
    found = _notes.get()
    if found is not None and message not in found:
        found.append(message)
