"""Loading a set of paths, or one upload, into a store: the one orchestration that
``sinograph load``, ``POST /stories`` and the benchmarks use unchanged.

::

    paths ─ sort ─┬─ graph JSON ─ read ─ split into batches ─ write, one transaction a batch
                  └─ story files ─ read ─ extract (N processes) ─ resolve ─ write, one a story

What each step guarantees:

* **Graph files** go through the bulk path (:func:`write_graph`): the file is cut
  into batches of :data:`BULK_BATCH` records (stories kept whole, see
  :func:`loaders.graph_json.split_delta`) and each batch is one transaction, so a
  kill leaves whole batches only, readers never see half a batch, and running the
  same load again completes it (the merge is idempotent).
* **Stories** are extracted in input order (in ``workers`` processes for the rules,
  :mod:`loaders.parallel`), resolved against the store and written one story a
  transaction (:func:`loaders.ingest.ingest_stories`).
* **Bad input loses nothing**: a file that cannot be read is a problem in the
  report, named by file and line, and the rest is loaded.

Progress goes to an ``on_progress`` callback (files, stories, facts, rate, ETA);
each file's (or folder's) own report to ``on_part``. Rendering is the caller's.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sinograph.graph.model.domain import GraphDelta
from sinograph.graph.model.errors import GraphError, InvalidInput
from sinograph.graph.model.results import UpsertReport
from sinograph.graph.stores.protocol import GraphStore
from sinograph.loaders.graph_json import looks_like_graph_json, read_graph_json, split_delta
from sinograph.loaders.ingest import IngestProblem, IngestReport, ingest_stories
from sinograph.loaders.parallel import RulesRecipe
from sinograph.loaders.story_input import StoryInput

if TYPE_CHECKING:
    from sinograph.graph.wiring.settings import Settings
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.extractor import Extractor

__all__ = [
    "BULK_BATCH",
    "ExtractorSource",
    "LoadOptions",
    "LoadProgress",
    "LoadSummary",
    "load_paths",
    "load_upload",
    "safe_upload_name",
    "sort_inputs",
    "write_graph",
]

# Records per transaction on the bulk path, chosen by measurement (BENCHMARKS.md, "Load");
# SINOGRAPH_LOAD_BATCH_SIZE changes it.
BULK_BATCH = 20_000
_ORIGIN_SUFFIX = re.compile(r"(?::line \d+|#\d+)$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class LoadOptions:
    """How to read and write: the limits and defaults of one load."""

    max_bytes: int
    published: str | None = None
    publisher: str | None = None
    fmt: str | None = None
    workers: int = 1
    batch_size: int = BULK_BATCH


@dataclass
class LoadProgress:
    """Where a load stands, passed to ``on_progress`` after every story and batch.

    >>> p = LoadProgress(files_total=2, bytes_total=100, started=0.0)
    >>> p.bytes_done, p.facts = 50, 1000
    >>> p.eta(now=10.0), p.rate(now=10.0)
    (10.0, 100.0)
    """

    files_total: int
    bytes_total: int
    files_done: int = 0
    bytes_done: float = 0.0
    stories: int = 0
    facts: int = 0
    current: str = ""
    started: float = field(default_factory=time.monotonic)

    def rate(self, now: float | None = None) -> float:
        """Facts written per second so far."""
        spent = (time.monotonic() if now is None else now) - self.started
        return self.facts / spent if spent > 0 else 0.0

    def eta(self, now: float | None = None) -> float | None:
        """Seconds left, from the share of input bytes done (None before any)."""
        if self.bytes_done <= 0 or self.bytes_total <= 0:
            return None
        spent = (time.monotonic() if now is None else now) - self.started
        left = max(0.0, self.bytes_total - self.bytes_done)
        return spent * left / self.bytes_done


@dataclass
class LoadSummary:
    """The whole load's report and how many files it read."""

    report: IngestReport
    files: int

    def line(self) -> str:
        """One line for people: files read, stories loaded, facts added, problems.

        >>> LoadSummary(IngestReport(stories_written=2), files=1).line()
        'read 1 file: 2 stories loaded (0 facts added)'
        """
        total = self.report
        skipped = [p for p in total.problems if p.skipped]
        failed = total.failed
        text = (
            f"read {_plural(self.files, 'file')}: {_plural(total.stories_written, 'story')}"
            f" loaded ({_plural(total.upsert.facts_added, 'fact')} added)"
        )
        if skipped:
            text += f"; {_plural(len(skipped), 'file')} skipped (not a story or graph file)"
        if failed:
            failed_files = len({_ORIGIN_SUFFIX.sub("", p.origin) for p in failed})
            text += (
                f"; {_plural(len(failed), 'problem')} in {_plural(failed_files, 'file')}"
                " (see above; the rest was loaded)"
            )
        if total.notes:
            text += f"; {_plural(len(total.notes), 'note')}"
        return text


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


class ExtractorSource:
    """The extractor (and registry) a load reads stories with, built on first use — a load
    of graph files needs neither — and closed by :meth:`close` if this source built it.

    ``rules`` is the recipe worker processes build the rules extractor from; None
    when the extractor is not the rules (it then reads in this process, or in
    threads if it allows).
    """

    def __init__(
        self,
        extractor: Callable[[], Extractor] | None = None,
        registry: Callable[[], Registry | None] | None = None,
        *,
        rules: RulesRecipe | None = None,
        owned: bool = False,
    ) -> None:
        self._make_extractor = extractor
        self._make_registry = registry
        self.rules = rules
        self._owned = owned
        self._built: tuple[Extractor, Registry | None] | None = None

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        kind: str | None = None,
        *,
        no_cache: bool = False,
        min_confidence: float | None = None,
    ) -> ExtractorSource:
        """The extractor ``kind`` names (else the settings'), with the settings' registry."""
        from sinograph.loaders.extractor import build_extractor

        chosen = (kind or settings.extractor).strip().lower()
        floor = settings.min_confidence if min_confidence is None else min_confidence
        registries: list[Registry] = []

        def registry() -> Registry:
            if not registries:
                from sinograph.loaders.extract import Registry

                registries.append(Registry.load(settings.registry_file))
            return registries[0]

        def extractor() -> Extractor:
            llm = None
            if chosen in ("llm", "hybrid"):
                # Only a model needs the client library (seconds to import).
                from sinograph.loaders.llm import llm_config_from_settings

                llm = llm_config_from_settings(settings)
            return build_extractor(
                chosen,
                registry=registry(),
                llm=llm,
                cache_path=None if no_cache else settings.llm_cache_path,
                pipeline=settings.spacy_pipeline,
                min_confidence=floor,
            )

        recipe = (
            RulesRecipe(settings.registry_file, settings.spacy_pipeline, floor)
            if chosen == "rules"
            else None
        )
        return cls(extractor, registry, rules=recipe, owned=True)

    def get(self) -> tuple[Extractor, Registry | None]:
        """The extractor and registry, built the first time."""
        if self._built is None:
            from sinograph.loaders.extractor import RulesExtractor

            registry = self._make_registry() if self._make_registry else None
            extractor = (
                self._make_extractor() if self._make_extractor else RulesExtractor(registry)
            )
            self._built = (extractor, registry)
        return self._built

    def close(self) -> None:
        """Release what the extractor holds (a model client), if this source built it."""
        if self._built is not None and self._owned:
            from sinograph.loaders.extractor import close_extractor

            close_extractor(self._built[0])
        self._built = None


def sort_inputs(path: Path) -> tuple[list[Path], list[Path], list[IngestProblem]]:
    """Split a file or folder into graph JSON files, story files and problems.

    A folder is walked in sorted order with hidden entries skipped; a file named
    on the command line is read whatever its extension.
    """
    if not path.is_dir():
        return ([path], [], []) if looks_like_graph_json(path) else ([], [path], [])
    # Imported here: the story readers (HTML, feeds) take a second to import, which a
    # load of graph files does not need.
    from sinograph.loaders.inputs import STORY_EXTENSIONS
    from sinograph.loaders.inputs.walk import walk_files

    graphs: list[Path] = []
    stories: list[Path] = []
    problems: list[IngestProblem] = []
    for item in walk_files(path):
        if not isinstance(item, Path):
            problems.append(IngestProblem(origin=item.origin, message=item.message))
        elif looks_like_graph_json(item):
            graphs.append(item)
        elif item.suffix.lower() in STORY_EXTENSIONS:
            stories.append(item)
        else:
            problems.append(
                IngestProblem(
                    origin=str(item), message="not a story or graph file (by extension)",
                    skipped=True,
                )
            )
    return graphs, stories, problems


def write_graph(
    store: GraphStore,
    delta: GraphDelta,
    *,
    batch_size: int = BULK_BATCH,
    on_batch: Callable[[GraphDelta, UpsertReport], None] | None = None,
) -> UpsertReport:
    """The bulk path: ``delta`` in batches of ``batch_size`` records, one transaction each.

    Each batch is atomic; a kill leaves whole batches, and writing the same delta
    again completes it with the counts of an uninterrupted load. Before a batch is
    written, stored entities that are its entities stored apart are merged into them
    (:mod:`loaders.reresolve`), so the order of a load's inputs does not matter. An
    export's ``curation`` section (its log, redirects and rejected facts) is applied
    after the last batch (:meth:`GraphStore.import_curation`).
    """
    from sinograph.loaders.reresolve import reresolve

    report = UpsertReport()
    section = delta.curation
    for batch in split_delta(delta.model_copy(update={"curation": None}), batch_size):
        batch = reresolve(store, batch)
        done = store.upsert(batch)
        report = report + done
        if on_batch:
            on_batch(batch, done)
    if section is not None and not section.is_empty():
        store.import_curation(section)
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_paths(
    store: GraphStore,
    paths: Sequence[Path],
    options: LoadOptions,
    extractor: ExtractorSource | None = None,
    *,
    on_progress: Callable[[LoadProgress], None] | None = None,
    on_part: Callable[[str, IngestReport], None] | None = None,
) -> LoadSummary:
    """Load files and folders of graph JSON and stories into ``store``.

    Raises :class:`InvalidInput` (before writing anything) when a path does not
    exist; every other input problem is carried in the summary's report.
    ``StoreUnavailable`` and ``ModelUnavailable`` stop the load, keeping what was
    written.
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InvalidInput(f"no such file or folder: {', '.join(missing)}")
    source = extractor or ExtractorSource()
    plan = [(path, *sort_inputs(path)) for path in paths]
    files = sum(len(g) + len(s) for _, g, s, _ in plan)
    progress = LoadProgress(
        files_total=files,
        bytes_total=sum(_size(f) for _, g, s, _ in plan for f in (*g, *s)),
    )

    def tell() -> None:
        if on_progress:
            on_progress(progress)

    total = IngestReport()
    for path, graph_files, story_files, problems in plan:
        total = total + IngestReport(problems=problems)
        for graph_file in graph_files:
            report = _load_graph_file(store, graph_file, options, progress, tell, on_part)
            total = total + report
        if story_files:
            report = _load_story_files(store, story_files, options, source, progress, tell)
            if on_part:
                on_part(f"{path} (stories)", report)
            total = total + report
    return LoadSummary(report=total, files=files)


def _load_graph_file(
    store: GraphStore,
    path: Path,
    options: LoadOptions,
    progress: LoadProgress,
    tell: Callable[[], None],
    on_part: Callable[[str, IngestReport], None] | None,
) -> IngestReport:
    progress.current = str(path)
    size = _size(path)
    start = progress.bytes_done
    try:
        delta = read_graph_json(path, max_bytes=options.max_bytes)
    except InvalidInput as exc:
        progress.files_done += 1
        progress.bytes_done = start + size
        tell()
        return IngestReport(problems=[IngestProblem(origin=str(path), message=exc.message)])
    records = max(1, delta.record_count())
    written = 0

    def on_batch(batch: GraphDelta, done: UpsertReport) -> None:
        nonlocal written
        written += batch.record_count()
        progress.bytes_done = start + size * written / records
        progress.facts += done.facts_added + done.facts_known
        progress.stories += done.stories_added + done.stories_known
        tell()

    upsert = write_graph(store, delta, batch_size=options.batch_size, on_batch=on_batch)
    progress.files_done += 1
    progress.bytes_done = start + size
    tell()
    report = IngestReport(
        stories_read=len(delta.stories), stories_written=len(delta.stories), upsert=upsert
    )
    if on_part:
        on_part(str(path), report)
    return report


def _load_story_files(
    store: GraphStore,
    files: list[Path],
    options: LoadOptions,
    source: ExtractorSource,
    progress: LoadProgress,
    tell: Callable[[], None],
) -> IngestReport:
    from sinograph.loaders.inputs import read_stories

    def items() -> Iterator[StoryInput | object]:
        for file in files:
            progress.current = str(file)
            yield from read_stories(
                file,
                published=options.published,
                publisher=options.publisher,
                max_bytes=options.max_bytes,
                fmt=options.fmt,
            )
            progress.files_done += 1
            progress.bytes_done += _size(file)

    extractor, registry = source.get()
    facts_before = progress.facts

    def on_story(story: StoryInput | None, report: IngestReport) -> None:
        progress.stories += story is not None
        progress.facts = facts_before + report.upsert.facts_added + report.upsert.facts_known
        tell()

    return ingest_stories(
        store,
        items(),
        registry=registry,
        extractor=extractor,
        on_story=on_story,
        workers=options.workers,
        rules=source.rules,
    )


def safe_upload_name(filename: str | None) -> str:
    """A base name safe to create on disk that keeps the extension.

    >>> safe_upload_name("../../etc/news feed.rss")
    'news_feed.rss'
    >>> safe_upload_name(None)
    'upload'
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    cleaned = _UNSAFE.sub("_", base).strip("._")[-120:]
    return cleaned or "upload"


def load_upload(
    store: GraphStore,
    upload: IO[bytes],
    filename: str | None,
    options: LoadOptions,
    extractor: ExtractorSource | None = None,
) -> IngestReport:
    """Load one uploaded file (any loader format) the way :func:`load_paths` loads a file.

    The upload is copied to a private temporary folder under its own safe base name
    (the readers pick the format from the extension and the first bytes); every
    message names the upload, never the temporary path. ``options.fmt`` of
    ``json-graph`` forces graph JSON. Raises ``InvalidInput`` (with the readers'
    problems in ``details["problems"]``) when nothing in the file can be loaded.
    """
    name = safe_upload_name(filename)
    with tempfile.TemporaryDirectory(prefix="sinograph-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            shutil.copyfileobj(upload, out, length=1024 * 1024)

        def clean(text: str) -> str:
            return text.replace(str(path), name).replace(folder, "")

        graph = options.fmt == "json-graph" or (
            options.fmt is None and looks_like_graph_json(path)
        )
        try:
            if graph:
                delta = read_graph_json(path, max_bytes=options.max_bytes)
                upsert = write_graph(store, delta, batch_size=options.batch_size)
                return IngestReport(
                    stories_read=len(delta.stories),
                    stories_written=len(delta.stories),
                    upsert=upsert,
                )
            from sinograph.loaders.inputs import read_stories

            items = list(
                read_stories(
                    path,
                    published=options.published,
                    publisher=options.publisher,
                    max_bytes=options.max_bytes,
                    fmt=options.fmt,
                )
            )
        except GraphError as exc:
            exc.message = clean(exc.message)
            exc.args = (exc.message,)
            raise
        if not any(isinstance(i, StoryInput) for i in items):
            problems = [
                IngestProblem(
                    origin=clean(str(getattr(i, "origin", name))),
                    message=clean(str(getattr(i, "message", i))),
                )
                for i in items
            ]
            raise InvalidInput(
                f"no story could be read from {name}",
                problems=[p.model_dump() for p in problems],
            )
        source = extractor or ExtractorSource()
        chosen, registry = source.get()
        report = ingest_stories(
            store, items, registry=registry, extractor=chosen, workers=options.workers,
            rules=source.rules,
        )
    return report.model_copy(
        update={
            "problems": [
                IngestProblem(origin=clean(p.origin), message=clean(p.message))
                for p in report.problems
            ],
            "notes": [
                IngestProblem(origin=clean(p.origin), message=clean(p.message))
                for p in report.notes
            ],
        }
    )
