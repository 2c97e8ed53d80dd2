"""How extraction time grows with the number of names a story lists (issue 14, F1).

Prints seconds per story for stories naming N firms, in two shapes: one sentence
listing every name (commas), and sentences of 150 names each. Run from the repo root:

    .venv/bin/python -m bench.bench_long_lists 500 1000 2000 4000

Figures, never assertions: BENCHMARKS.md records a run.
"""

from __future__ import annotations

import sys
import time

from sinograph.loaders.budget import collecting_notes
from sinograph.loaders.extract import extract
from sinograph.loaders.story_input import StoryInput


def one_sentence(n: int) -> str:
    names = ", ".join(f"Kestrel{i} Mining Group" for i in range(n))
    return f"The ministry said {names} and Tallis Holdings signed the pact on Monday."


def many_sentences(n: int) -> str:
    firms = [f"Kestrel{i} Mining Group" for i in range(n)]
    return " ".join(
        "The ministry said " + ", ".join(firms[i : i + 150]) + " signed the pact on Monday."
        for i in range(0, n, 150)
    )


def main(sizes: list[int]) -> None:
    extract(StoryInput(text="Zijin bought RG Gold.", published="2025-07-01"))  # load spaCy
    print(f"{'shape':<16}{'names':>7}{'chars':>9}{'seconds':>9}{'entities':>10}  notes")
    for shape, build in (("one sentence", one_sentence), ("150 per sentence", many_sentences)):
        for n in sizes:
            text = build(n)
            started = time.perf_counter()
            with collecting_notes() as notes:
                delta = extract(StoryInput(text=text, published="2025-07-01"))
            seconds = time.perf_counter() - started
            print(f"{shape:<16}{n:>7}{len(text):>9}{seconds:>9.2f}{len(delta.entities):>10}"
                  f"  {len(notes)}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 1000, 2000, 4000])
