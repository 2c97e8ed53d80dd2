"""Stories through an extractor, in input order, on several cores or threads at once.

Three ways, chosen by what reads:

* the rules with ``workers > 1``: ``workers`` processes, each building its own
  :class:`~loaders.extractor.RulesExtractor` from a :class:`RulesRecipe` (the
  parser is CPU-bound, so threads would share one core);
* an extractor with ``concurrency > 1`` (a language model): that many threads
  waiting on the model server;
* otherwise one story at a time in this process.

Only extraction runs in parallel; the caller still writes each result in input
order, from one process, so a load is the same whatever the worker count.
Read-ahead is bounded: a huge folder is never held in memory.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from sinograph.graph.model.errors import (
    GraphError,
    ModelUnavailable,
    StoreUnavailable,
    WorkBudgetExceeded,
)
from sinograph.loaders.budget import (
    WorkBudget,
    checkpoint,
    collecting_notes,
    current_budget,
    within,
)
from sinograph.loaders.extractor import Extraction, Extractor, RulesExtractor
from sinograph.loaders.story_input import StoryInput, check_input_url, check_story_size

if TYPE_CHECKING:
    from sinograph.loaders.extract import Registry

__all__ = ["PARALLEL_FROM", "Outcome", "RulesRecipe", "extracted"]

Outcome = Extraction | GraphError

# Fewer stories than this are read in this process even with workers: starting a
# worker (imports, the parser model, the rule tables: about 8 s of CPU) costs about
# what reading this many stories saves on two cores (BENCHMARKS.md, "Extraction").
PARALLEL_FROM = 100
_AHEAD = 4  # stories read ahead per worker


@dataclass(frozen=True)
class RulesRecipe:
    """How a worker process builds the rules extractor: picklable settings, not objects.

    >>> RulesRecipe(registry_file=None, pipeline=None, min_confidence=0.4).build().name
    'rules'
    """

    registry_file: str | None
    pipeline: str | None
    min_confidence: float | None

    def build(self, registry: Registry | None = None) -> RulesExtractor:
        """The extractor (``registry`` when given, else the recipe's file is loaded)."""
        from sinograph.loaders.extract import Registry

        chosen = registry if registry is not None else Registry.load(self.registry_file)
        return RulesExtractor(chosen, self.pipeline, self.min_confidence)


def _read(extractor: Extractor, story: StoryInput, budget: WorkBudget | None = None) -> Outcome:
    # Worker threads do not inherit the caller's work budget (a contextvar): it is handed
    # over; the cap notes raised while reading join the extraction's own.
    with within(budget), collecting_notes() as notes:
        try:
            check_input_url(story)
            check_story_size(story)
            checkpoint()
            extraction = extractor.extract(story)
        except (ModelUnavailable, StoreUnavailable, WorkBudgetExceeded):
            raise
        except GraphError as exc:
            return exc
    if notes:
        extraction = extraction.model_copy(update={"notes": (*extraction.notes, *notes)})
    return extraction


_worker_extractor: RulesExtractor | None = None


def _start_worker(recipe: RulesRecipe) -> None:
    global _worker_extractor
    _worker_extractor = recipe.build()


def _read_in_worker(story: StoryInput) -> Outcome:
    assert _worker_extractor is not None, "worker not started"
    outcome = _read(_worker_extractor, story)
    if isinstance(outcome, GraphError):
        # Errors cross the process boundary by class and message (their keyword details
        # do not pickle); a class with its own constructor arrives as a plain GraphError.
        if type(outcome).__init__ is GraphError.__init__:
            return type(outcome)(outcome.message)
        return GraphError(outcome.message)
    return outcome


def extracted(
    items: Iterable[StoryInput | object],
    extractor: Extractor,
    *,
    workers: int = 1,
    rules: RulesRecipe | None = None,
) -> Iterator[tuple[StoryInput | object, Outcome | None]]:
    """Each item with its extraction (or the error), in input order; items that are not
    stories (the readers' problems) pass through with ``None``.

    ``rules`` is the recipe of ``extractor`` when it is the rules; with ``workers > 1``
    and at least :data:`PARALLEL_FROM` stories the reading runs in that many processes.
    """
    source = iter(items)
    budget = current_budget()
    if rules is not None and workers > 1:
        head = list(islice(source, PARALLEL_FROM))
        if len(head) >= PARALLEL_FROM:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_start_worker,
                initargs=(rules,),
            ) as processes:
                yield from _in_order(_chain(head, source), processes, _read_in_worker, workers)
            return
        source = iter(head)
    if extractor.concurrency > 1:
        with ThreadPoolExecutor(max_workers=extractor.concurrency) as threads:
            yield from _in_order(
                source,
                threads,
                lambda story: _read(extractor, story, budget),
                extractor.concurrency,
            )
        return
    for item in source:
        yield item, _read(extractor, item, budget) if isinstance(item, StoryInput) else None


def _chain(
    head: list[StoryInput | object], rest: Iterator[StoryInput | object]
) -> Iterator[StoryInput | object]:
    yield from head
    yield from rest


def _in_order(
    items: Iterable[StoryInput | object],
    pool: Executor,
    read: Callable[[StoryInput], Outcome],
    width: int,
) -> Iterator[tuple[StoryInput | object, Outcome | None]]:
    pending: deque[tuple[StoryInput | object, Future[Outcome] | None]] = deque()
    try:
        for item in items:
            future = pool.submit(read, item) if isinstance(item, StoryInput) else None
            pending.append((item, future))
            while len(pending) > _AHEAD * width:
                head, done = pending.popleft()
                yield head, done.result() if done else None
        while pending:
            head, done = pending.popleft()
            yield head, done.result() if done else None
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
