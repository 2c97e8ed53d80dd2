"""The extractor's work grows about linearly with the number of names in a story.

Counted, not timed: a wall-clock limit fails on a busy machine, a count of the
comparisons coreference makes does not. Doubling the names must not quadruple the
work (it did when every short name was compared with every long one).
"""

from __future__ import annotations

import pytest

from sinograph.loaders.extract import coref_names, extract
from sinograph.loaders.extract.coref_model import Cluster
from sinograph.loaders.story_input import StoryInput


def _comparisons(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    calls = 0
    real = coref_names._abbreviates

    def counted(short: Cluster, long: Cluster) -> bool:
        nonlocal calls
        calls += 1
        return real(short, long)

    monkeypatch.setattr(coref_names, "_abbreviates", counted)
    extract(StoryInput(text=text, published="2025-07-01"))
    return calls


def _story(n: int) -> str:
    """Distinct firms, each named in full and then by its short form."""
    lines = [
        f"Kestrel{i} Mining Group bought Tallis{i} Holdings. Kestrel{i} paid cash."
        for i in range(n)
    ]
    return "\n".join(lines)


def test_coreference_work_grows_linearly_with_names(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _comparisons(monkeypatch, _story(150))
    large = _comparisons(monkeypatch, _story(300))
    assert small > 0
    # linear work doubles; the old pairwise comparison quadrupled
    assert large <= 2.5 * small, (small, large)
