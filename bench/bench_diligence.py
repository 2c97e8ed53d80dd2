"""What story listings, dossiers, screening and the hub filter cost on the embedded store.

    .venv/bin/python -m bench.bench_diligence --facts 100k

Loads :class:`bench.synthetic.SyntheticNews` of that many fact records into a
temporary embedded store, then prints the median time of: a page of stories (all,
and one entity's), a dossier of a hub and of typical companies, screening 50 names
(exact names and misspellings, flags within two hops), and paths with and without
``max_degree``. Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory

from bench.bench_traversal_filters import median_ms
from bench.synthetic import SyntheticNews, parse_size
from sinograph.graph.diligence.dossier import build_dossier
from sinograph.graph.diligence.screening import ScreenRequest, ScreenSubject, screen
from sinograph.graph.stores.embedded import EmbeddedStore


def _misspelt(name: str, rng: random.Random) -> str:
    """The name with two neighbouring letters of its first word swapped."""
    word, _, rest = name.partition(" ")
    if len(word) < 4:
        return name
    i = rng.randrange(1, len(word) - 2)
    word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return f"{word} {rest}".strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", default="100k", help="fact records to generate (100k, 1m)")
    args = parser.parse_args()
    size = parse_size(args.facts)
    with TemporaryDirectory(prefix="sinograph-diligence-") as folder:
        store = EmbeddedStore(Path(folder) / "graph.db")
        store.ensure_schema()
        started = time.perf_counter()
        for delta in SyntheticNews(size).deltas():
            store.upsert(delta)
        load_s = time.perf_counter() - started
        exported = store.export_delta()
        degree: Counter[str] = Counter()
        for f in exported.facts:
            degree[f.subject] += 1
            degree[f.object] += 1
        companies = {e.id: e for e in exported.entities if e.type.value == "Company"}
        hub = next(e for e, _ in degree.most_common() if e in companies)
        rng = random.Random(7)
        typical = rng.sample(sorted(e for e in companies if 3 <= degree[e] <= 20), 10)
        print(f"{len(exported.facts):,} facts, {len(degree):,} entities, "
              f"{len(exported.stories):,} stories, loaded in {load_s:.1f} s")
        rows = [
            ("stories, first page of 50", median_ms(store.list_stories, [()], {})),
            ("stories of a hub, page of 50",
             median_ms(store.list_stories, [()], {"entity": hub})),
            (f"dossier of the busiest company ({degree[hub]} facts)",
             median_ms(build_dossier, [(store, hub)], {"as_of": "2025-12-31"}, repeat=1)),
            ("dossier of a typical company (3-20 facts)",
             median_ms(build_dossier, [(store, e) for e in typical], {"as_of": "2025-12-31"},
                       repeat=1)),
        ]
        names = [companies[e].name for e in rng.sample(sorted(companies), 25)]
        names += [_misspelt(n, rng) for n in names]
        request = ScreenRequest(names=[ScreenSubject(name=n) for n in names], as_of="2025-12")
        started = time.perf_counter()
        results = screen(store, request)
        screen_ms = (time.perf_counter() - started) * 1000
        matched = sum(r.status == "matched" for r in results)
        rows.append((f"screen 50 names ({matched} matched), per name", screen_ms / len(names)))
        pairs = [(a, b) for a, b in zip(typical[:5], typical[5:], strict=True)]
        rows.append(("paths k=3", median_ms(store.paths, pairs, {"max_hops": 4, "k": 3})))
        rows.append(("paths k=3, max_degree=200",
                     median_ms(store.paths, pairs, {"max_hops": 4, "k": 3, "max_degree": 200})))
        for label, ms in rows:
            print(f"{label:<48} {ms:>10.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
