"""``sinograph extract`` and ``sinograph eval``: run the extractor without a store.

``extract FILE...`` prints what the extractor reads in the given stories (JSON or a
readable list); ``eval DIR`` runs it over ``*.txt`` files that have a
``*.gold.json`` beside them and prints precision, recall and F1 of the facts, core
recall, date and amount accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sinograph.cli.errors import EXIT_BAD_INPUT, err_console, reported
from sinograph.cli.extraction import (
    ExtractorOption,
    MinConfidenceOption,
    NoCacheOption,
    VerboseOption,
)
from sinograph.cli.settings import run_settings
from sinograph.graph.model.errors import InvalidInput

if TYPE_CHECKING:
    from rich.console import Console

    from sinograph.graph.model.domain import GraphDelta
    from sinograph.graph.wiring.settings import Settings
    from sinograph.loaders.evaluation import StoryScore
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.extractor import (
        DroppedItem,
        Extraction,
        Extractor,
        TokenUsage,
        Verification,
    )

__all__ = ["eval_command", "extract_command", "register"]


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


class OutputFormat(StrEnum):
    JSON = "json"
    TEXT = "text"


def _registry(settings: Settings) -> Registry:
    from sinograph.loaders.extract import Registry

    return Registry.load(settings.registry_file)


@dataclass
class _Run:
    """What an extractor read in several stories, and what its model spent."""

    deltas: list[GraphDelta] = field(default_factory=list)
    verification: Verification | None = None
    usage: TokenUsage | None = None
    dropped: list[DroppedItem] = field(default_factory=list)
    stories: int = 0

    def add(self, extraction: Extraction) -> None:
        self.stories += 1
        self.deltas.append(extraction.delta)
        if extraction.verification is not None:
            v = self.verification
            self.verification = v + extraction.verification if v else extraction.verification
        self.note_usage(extraction.usage)
        self.dropped.extend(extraction.dropped)

    def note_usage(self, usage: object) -> None:
        from sinograph.loaders.extractor import TokenUsage

        if isinstance(usage, TokenUsage):
            self.usage = self.usage + usage if self.usage else usage

    def summary(self) -> dict[str, Any] | None:
        if self.verification is None and self.usage is None:
            return None
        return {
            "verification": self.verification.model_dump() if self.verification else None,
            "usage": self.usage.model_dump() if self.usage else None,
            "dropped": [d.model_dump() for d in self.dropped],
        }


def _report(delta: GraphDelta, extractor: str, run: _Run) -> dict[str, Any]:
    from sinograph.loaders.extract.report import extraction_report

    report = extraction_report(delta)
    # The flat report names one sentence per fact; say which extractor read it.
    for flat, fact in zip(report["facts"], delta.facts, strict=True):
        flat["extractor"] = fact.evidence[0].extractor if fact.evidence else None
    report["extractor"] = extractor
    summary = run.summary()
    if summary is not None:
        report["model"] = summary
    return report


def extract_command(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="story files or folders to read")],
    published: Annotated[
        str | None,
        typer.Option(help="publication date (YYYY-MM-DD) for stories that state none"),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="json report or readable text")
    ] = OutputFormat.JSON,
    extractor: ExtractorOption = None,
    no_cache: NoCacheOption = False,
    verbose: VerboseOption = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Print the entities, facts and metrics the extractor reads in FILE... (no store).

    With a language model the JSON report has a `model` block (what verification kept
    and dropped, tokens); the text output prints it after the facts, and `--verbose`
    (on standard error) lists every dropped item."""
    from sinograph.cli.extraction import chosen_extractor, print_model_summary
    from sinograph.graph.model.errors import ExtractionFailed
    from sinograph.loaders.extract.report import combine_deltas
    from sinograph.loaders.inputs import InputProblem, read_stories

    problems = 0
    run = _Run()
    settings = run_settings(ctx)
    with reported(ctx), chosen_extractor(
        extractor, settings=settings, no_cache=no_cache, registry=_registry(settings),
        min_confidence=min_confidence,
    ) as reader:
        for path in files:
            for item in read_stories(path, published=published):
                if isinstance(item, InputProblem):
                    err_console().print(
                        f"[bold red]error:[/] {item.origin}: {item.message}", markup=True
                    )
                    problems += 1
                    continue
                try:
                    run.add(reader.extract(item))
                except (ExtractionFailed, InvalidInput) as exc:
                    run.note_usage(exc.details.get("usage"))
                    err_console().print(
                        f"[bold red]error:[/] {item.origin}: {exc.message}", markup=True
                    )
                    problems += 1
        name = reader.name
    delta = combine_deltas(run.deltas)
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(_report(delta, name, run), ensure_ascii=False, indent=1))
        if verbose:
            print_model_summary(
                err_console(), run.verification, run.usage, run.dropped, verbose=True,
                stories=run.stories,
            )
    else:
        _print_text(delta)
        print_model_summary(
            err_console() if verbose else _stdout(), run.verification, run.usage, run.dropped,
            verbose=verbose, stories=run.stories,
        )
    if problems:
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_text(delta: GraphDelta) -> None:
    names = {e.id: e.name for e in delta.entities}
    for fact in sorted(delta.facts, key=lambda f: (f.date or "", names.get(f.subject, ""))):
        parts = [
            f"{names.get(fact.subject, fact.subject)} -{fact.predicate.value}-> "
            f"{names.get(fact.object, fact.object)}"
        ]
        if fact.date:
            parts.append(fact.date)
        if fact.amount:
            parts.append(f"{fact.amount.currency} {fact.amount.value:.4g}")
        if fact.stake_pct is not None:
            parts.append(f"{fact.stake_pct:g}%")
        if fact.status:
            parts.append(fact.status.value)
        if fact.role:
            parts.append(f"as {fact.role}")
        if fact.valid_until:
            parts.append(f"until {fact.valid_until}")
        parts.append(f"(confidence {fact.confidence:.2f})")
        typer.echo("  ".join(parts))
        for evidence in fact.evidence[:1]:
            typer.echo(f"    \u201c{evidence.sentence}\u201d")
    for metric in delta.metrics:
        line = f"{names.get(metric.subject, metric.subject)}: {metric.name} = {metric.value:.4g}"
        if metric.unit:
            line += f" {metric.unit}"
        if metric.change_pct is not None:
            line += f" ({metric.change_pct:+g}%)"
        if metric.period:
            line += f" [{metric.period}]"
        typer.echo(line)


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read gold file: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("facts"), list)
        or not isinstance(data.get("entities"), list)
    ):
        raise InvalidInput(f"{path}: a gold file needs 'entities' and 'facts' lists")
    names = {e.get("name") for e in data["entities"] if isinstance(e, dict)}
    for index, fact in enumerate(data["facts"]):
        for end in ("subject", "object"):
            if not isinstance(fact, dict) or fact.get(end) not in names:
                raise InvalidInput(f"{path}: facts[{index}].{end} names no entity of the file")
    return data


def score_folder(
    folder: Path, registry: Registry, reader: Extractor | None = None, run: _Run | None = None
) -> list[tuple[str, StoryScore]]:
    """Extract (with the rules, or ``reader``) and score every ``NAME.txt`` that has a
    ``NAME.gold.json`` in ``folder``; ``run`` collects what a model spent and dropped.

    A story the model could not read scores as extracting nothing (its gold facts
    are misses) and is reported on standard error."""
    from sinograph.graph.model.errors import ExtractionFailed
    from sinograph.loaders.evaluation import score_story
    from sinograph.loaders.extract.report import combine_deltas, extraction_report
    from sinograph.loaders.extractor import RulesExtractor
    from sinograph.loaders.inputs import InputProblem, read_stories

    reader = reader or RulesExtractor(registry)
    run = run if run is not None else _Run()
    if not folder.is_dir():
        raise InvalidInput(f"{folder}: not a folder")
    results: list[tuple[str, StoryScore]] = []
    for text_path in sorted(folder.glob("*.txt")):
        gold_path = text_path.with_name(text_path.name[: -len(".txt")] + ".gold.json")
        if not gold_path.is_file():
            continue
        gold = _load_gold(gold_path)
        published = gold.get("published")
        stories = []
        for item in read_stories(text_path, published=published):
            if isinstance(item, InputProblem):
                raise InvalidInput(f"{item.origin}: {item.message}")
            stories.append(item.model_copy(update={"published": published}) if published else item)
        deltas = []
        for story in stories:
            try:
                extraction = reader.extract(story)
            except ExtractionFailed as exc:
                run.note_usage(exc.details.get("usage"))
                err_console().print(f"[bold red]error:[/] {story.origin}: {exc.message}")
                continue
            run.add(extraction)
            deltas.append(extraction.delta)
        delta = combine_deltas(deltas)
        results.append((text_path.name, score_story(gold, extraction_report(delta))))
    if not results:
        raise InvalidInput(f"{folder}: no NAME.txt with a NAME.gold.json beside it")
    return results


def eval_command(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="folder of NAME.txt + NAME.gold.json pairs")],
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", help="list misses, extras, wrong dates and what verification dropped"
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the totals as JSON")] = False,
    extractor: ExtractorOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Score the extractor (`--extractor rules|llm|hybrid`) on the annotated stories in
    FOLDER."""
    from sinograph.cli.extraction import chosen_extractor, print_model_summary
    from sinograph.loaders.evaluation import combine_scores

    run = _Run()
    with reported(ctx, as_json=as_json):
        settings = run_settings(ctx)
        registry = _registry(settings)
        with chosen_extractor(
            extractor, settings=settings, no_cache=no_cache, registry=registry
        ) as reader:
            results = score_folder(folder, registry, reader, run)
    total = combine_scores(score for _, score in results)
    if as_json:
        summary: dict[str, Any] = dict(total.summary())
        model = run.summary()
        if model is not None:
            model.pop("dropped")
            summary["model"] = model
        typer.echo(json.dumps(summary))
        return
    for name, score in results:
        typer.echo(
            f"{name:<28} P {score.precision:.3f}  R {score.recall:.3f}  "
            f"F1 {score.f1:.3f}  facts {score.true_positives}/"
            f"{score.true_positives + score.false_negatives}"
        )
        if verbose:
            for line in score.misses:
                typer.echo(f"    MISS  {line}")
            for line in score.extras:
                typer.echo(f"    EXTRA {line}")
            for line in score.wrong_dates:
                typer.echo(f"    DATE  {line}")
    summary = total.summary()
    typer.echo("total: " + "  ".join(f"{k} {v}" for k, v in summary.items()))
    print_model_summary(
        _stdout(), run.verification, run.usage, run.dropped, verbose=verbose, stories=run.stories
    )


def register(app: typer.Typer) -> None:
    """Add this group's commands to ``app``."""
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)
