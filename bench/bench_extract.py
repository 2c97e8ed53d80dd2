"""Throughput of the deterministic extractor on synthetic business stories.

Generates stories from sentence templates (deals, listings, bans, people, places,
figures) with seeded random names, extracts each once on one core, and prints
stories per second and words per second. With ``--workers 1,2`` it also reads the
same stories through the load's worker processes (``loaders.parallel``, as
``sinograph load --workers N``), start-up of the workers included. A figure, not a
test: nothing is asserted.

    .venv/bin/python bench/bench_extract.py --stories 2000 --seed 7 --workers 1,2
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.story_input import StoryInput

_STEMS = [
    "Norvik",
    "Tallis",
    "Brenn",
    "Kivra",
    "Ostrava",
    "Lumen",
    "Qilin",
    "Huaxin",
    "Marlow",
    "Zenith",
    "Corvan",
    "Eastgate",
    "Solano",
    "Tianyu",
    "Jinlong",
    "Hexa",
]
_SUFFIXES = [
    "Group",
    "Holdings",
    "Technologies",
    "Mining",
    "Securities",
    "Capital",
    "Motors",
    "Energy",
    "Bank",
    "Pharmaceuticals",
]
_PEOPLE = [
    "Zhou Hanbin",
    "Maria Keller",
    "Li Wenjie",
    "Chen Yuxin",
    "Robert Hale",
    "Wang Lihua",
    "Anna Brandt",
    "Liu Zhiqiang",
]
_PLACES = [
    "Shanghai",
    "Shenzhen",
    "Hangzhou",
    "Beijing",
    "Singapore",
    "Jakarta",
    "Munich",
    "Boise",
    "Chengdu",
    "Wuhan",
]
_COUNTRIES = ["Japan", "Brazil", "Australia", "Indonesia", "Chile", "Kazakhstan", "Spain"]
_GOODS = ["soybeans", "seafood", "iron ore", "beef", "coal", "wine"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

_TEMPLATES = [
    "{a} agreed on {day} to acquire {b} from {c} for ${n} billion.",
    "{b}, a unit of {c}, is based in {place}.",
    "{person}, chief executive of {a}, said the deal would close this year.",
    "{a} will invest ${n} billion in a new plant in {place}.",
    "{country} lifted its ban on imports of {goods} from {country2} on {day}.",
    "{b} made its trading debut on the Shanghai Stock Exchange, rising {p}%.",
    "{a}'s revenue rose {p}% to ${n} billion in 2024, the company said.",
    "{c} sold its {p}% stake in {b} to {a} last year.",
    "The State Administration for Market Regulation fined {a} {n} billion yuan.",
    "{a} and {c} formed a joint venture to build electric cars.",
    '"Demand is recovering," said {person}, an analyst at {c}.',
    "{a}, which was founded by {person} in 2009, has operations in {country} and {country2}.",
]


def _firm(rng: random.Random) -> str:
    return f"{rng.choice(_STEMS)} {rng.choice(_SUFFIXES)}"


def make_story(rng: random.Random) -> StoryInput:
    """One synthetic story of 6 to 12 sentences."""
    a, b, c = _firm(rng), _firm(rng), _firm(rng)
    lines = [f"{a} to buy {b}"]
    for _ in range(rng.randint(6, 12)):
        countries = rng.sample(_COUNTRIES, 2)
        lines.append(
            rng.choice(_TEMPLATES).format(
                a=a,
                b=b,
                c=c,
                day=rng.choice(_DAYS),
                n=rng.randint(1, 90) / 10,
                p=rng.randint(1, 60),
                person=rng.choice(_PEOPLE),
                place=rng.choice(_PLACES),
                country=countries[0],
                country2=countries[1],
                goods=rng.choice(_GOODS),
            )
        )
    return StoryInput(text=lines[0] + "\n\n" + " ".join(lines[1:]), published="2025-03-03")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1_000, help="how many stories (>= 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--workers", default="", help="also read through N worker processes, e.g. 1,2"
    )
    args = parser.parse_args(argv)
    if args.stories < 1:
        parser.error("--stories must be at least 1")
    rng = random.Random(args.seed)
    stories = [make_story(rng) for _ in range(args.stories)]
    registry = default_registry()
    extract(stories[0], registry=registry)  # warm caches (registry, regexes)
    words = sum(len(s.text.split()) for s in stories)
    timings: list[float] = []
    facts = 0
    started = time.perf_counter()
    for story in stories:
        t0 = time.perf_counter()
        facts += len(extract(story, registry=registry).facts)
        timings.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    print(f"stories        {len(stories)}")
    print(f"words          {words}")
    print(f"facts          {facts}")
    print(f"seconds        {elapsed:.2f}")
    print(f"stories/s      {len(stories) / elapsed:.1f}")
    print(f"words/s        {words / elapsed:.0f}")
    print(f"median ms      {statistics.median(timings) * 1000:.2f}")
    print(f"p95 ms         {sorted(timings)[int(len(timings) * 0.95) - 1] * 1000:.2f}")
    for workers in (int(w) for w in args.workers.split(",") if w.strip()):
        rate = _through_workers(stories, workers)
        print(f"stories/s, {workers} worker{'s' if workers > 1 else ''}  {rate:.1f}")
    return 0


def _through_workers(stories: list[StoryInput], workers: int) -> float:
    """Stories/s through :func:`loaders.parallel.extracted`, worker start-up included."""
    from sinograph.loaders.extractor import RulesExtractor
    from sinograph.loaders.parallel import RulesRecipe, extracted

    recipe = RulesRecipe(registry_file=None, pipeline=None, min_confidence=None)
    started = time.perf_counter()
    # The same path as a load: with one worker the stories are read in this process.
    count = sum(
        1 for _ in extracted(stories, RulesExtractor(default_registry()), workers=workers,
                             rules=recipe)
    )
    return count / (time.perf_counter() - started)


if __name__ == "__main__":
    raise SystemExit(main())
