"""The extractor options shared by ``extract``, ``load`` and ``eval``, and how their
language-model figures are printed (what verification dropped, tokens spent)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from sinograph.graph.wiring.settings import Settings
    from sinograph.loaders.extract import Registry
    from sinograph.loaders.extractor import DroppedItem, Extractor, TokenUsage, Verification

__all__ = [
    "ExtractorOption",
    "MinConfidenceOption",
    "NoCacheOption",
    "VerboseOption",
    "chosen_extractor",
    "print_model_summary",
]

ExtractorOption = Annotated[
    str | None,
    typer.Option(
        "--extractor",
        help="rules (offline, the default), llm (a language model: SINOGRAPH_LLM_*) or "
        "hybrid (both); default: $SINOGRAPH_EXTRACTOR",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="ask the model again even for stories it answered")
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="drop facts whose calibrated confidence is lower (docs/extractor.md has the "
        "precision of each band); default: $SINOGRAPH_MIN_CONFIDENCE or 0.4",
        show_default=False,
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", help="list every fact or value the verification dropped")
]


@contextmanager
def chosen_extractor(
    choice: str | None,
    *,
    settings: Settings,
    no_cache: bool,
    registry: Registry,
    min_confidence: float | None = None,
) -> Iterator[Extractor]:
    """The extractor ``--extractor`` (else the settings) names, closed afterwards; facts
    under ``min_confidence`` (else the settings' floor) are dropped."""
    from sinograph.loaders.extractor import build_extractor, close_extractor
    kind = (choice or settings.extractor).strip().lower()
    llm = None
    if kind in ("llm", "hybrid"):
        from sinograph.loaders.llm import llm_config_from_settings

        llm = llm_config_from_settings(settings)
    extractor = build_extractor(
        kind,
        registry=registry,
        llm=llm,
        cache_path=None if no_cache else settings.llm_cache_path,
        pipeline=settings.spacy_pipeline,
        min_confidence=settings.min_confidence if min_confidence is None else min_confidence,
    )
    try:
        yield extractor
    finally:
        close_extractor(extractor)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{reason.replace('_', ' ')} {n}" for reason, n in counts.items())


def print_model_summary(
    console: Console,
    verification: Verification | None,
    usage: TokenUsage | None,
    dropped: list[DroppedItem] | tuple[DroppedItem, ...] = (),
    *,
    verbose: bool = False,
    stories: int = 0,
) -> None:
    """What the model proposed and what verification kept, dropped and corrected; the
    tokens spent (per story too); with ``verbose`` every dropped item."""
    if verification is not None:
        v = verification
        console.print(
            f"model: {v.facts_kept} of {v.facts_proposed} facts kept"
            + (f" (dropped: {_counts(v.facts_dropped)})" if v.facts_dropped else ""),
            markup=False,
        )
        if v.metrics_proposed:
            console.print(
                f"model: {v.metrics_kept} of {v.metrics_proposed} metrics kept"
                + (f" (dropped: {_counts(v.metrics_dropped)})" if v.metrics_dropped else ""),
                markup=False,
            )
        if v.entities_dropped:
            console.print(f"model: entities dropped: {_counts(v.entities_dropped)}", markup=False)
        if v.fields_dropped:
            console.print(f"model: values removed: {_counts(v.fields_dropped)}", markup=False)
        if v.fields_corrected:
            console.print(
                f"model: values narrowed to the sentence: {_counts(v.fields_corrected)}",
                markup=False,
            )
    if verbose:
        for item in dropped:
            console.print(
                f"  dropped {item.kind} ({item.reason.replace('_', ' ')}): {item.item}"
                f"  [{item.origin}]",
                markup=False,
            )
            if item.evidence:
                console.print(f"      \u201c{item.evidence}\u201d", markup=False)
    if usage is not None:
        asked = max(stories - usage.cached, 0)
        per_story = f", {usage.total_tokens // asked} per story asked" if asked else ""
        console.print(
            f"tokens: {usage.prompt_tokens} prompt + {usage.completion_tokens} completion = "
            f"{usage.total_tokens} in {usage.requests} requests{per_story}; "
            f"{usage.cached} stories from the cache",
            markup=False,
        )
