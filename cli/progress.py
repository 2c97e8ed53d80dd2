"""A load's progress on standard error: a live rich line on a terminal, plain lines otherwise.

The plain lines (one every :data:`PLAIN_EVERY` seconds) are for logs and CI, where
a redrawn bar would print hundreds of lines of control codes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from sinograph.loaders.load import LoadProgress

__all__ = ["PLAIN_EVERY", "describe", "load_progress", "plain_lines"]

PLAIN_EVERY = 5.0  # seconds between plain progress lines


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def describe(progress: LoadProgress, now: float | None = None) -> str:
    """One line: files, stories, facts, rate and ETA.

    >>> from sinograph.loaders.load import LoadProgress
    >>> p = LoadProgress(files_total=4, bytes_total=400, files_done=1, bytes_done=100,
    ...                  stories=12, facts=3000, started=0.0)
    >>> describe(p, now=30.0)
    'files 1/4, 12 stories, 3,000 facts, 100 facts/s, ETA 1m30s'
    """
    return (
        f"files {progress.files_done}/{progress.files_total}, {progress.stories:,} stories,"
        f" {progress.facts:,} facts, {progress.rate(now):,.0f} facts/s,"
        f" ETA {_duration(progress.eta(now))}"
    )


def plain_lines(
    write: Callable[[str], None], every: float | None = None
) -> Callable[[LoadProgress], None]:
    """A progress callback that writes :func:`describe` at most once every ``every`` seconds
    (:data:`PLAIN_EVERY` when None).

    >>> lines: list[str] = []
    >>> tell = plain_lines(lines.append, every=0)
    >>> from sinograph.loaders.load import LoadProgress
    >>> tell(LoadProgress(files_total=1, bytes_total=0, started=time.monotonic()))
    >>> lines[0].startswith("progress: files 0/1, 0 stories, 0 facts")
    True
    """
    last = [-float("inf")]
    gap = PLAIN_EVERY if every is None else every

    def tell(progress: LoadProgress) -> None:
        now = time.monotonic()
        if now - last[0] >= gap:
            last[0] = now
            write(f"progress: {describe(progress, now)}")

    return tell


@contextmanager
def load_progress(console: Console) -> Iterator[Callable[[LoadProgress], None]]:
    """The progress callback for one load: rich on a terminal, plain lines when standard
    output is not a terminal (piped, redirected, CI)."""
    if not (sys.stdout.isatty() and console.is_terminal):
        yield plain_lines(lambda line: console.print(line, markup=False, highlight=False))
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[line]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("loading", total=None, line="")

        def tell(progress: LoadProgress) -> None:
            bar.update(
                task,
                total=progress.bytes_total or None,
                completed=progress.bytes_done,
                line=describe(progress),
            )

        yield tell
