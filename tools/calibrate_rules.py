"""Measure each rule's precision on gold folders and write the calibration table.

    python tools/calibrate_rules.py ../shared/eval/real ../shared/eval/dev ... \\
        [--out loaders/extract/rules/calibration.yaml] [--check HELD_OUT_DIR ...]

Every story is extracted with no confidence floor (so rules measured below the
default floor are still seen), scored against its gold, and each extracted fact
counted as right or wrong under the rule that read it (loaders.extract.calibration
says how counts become confidences). ``--check`` prints, for folders left out of
the fit, the precision of each confidence band the fitted table gives: the figure
docs/extractor.md publishes as held-out.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

import yaml

import sinograph.loaders.extract.calibration as calibration
from sinograph.loaders.evaluation import score_story
from sinograph.loaders.extract import default_registry, extract
from sinograph.loaders.extract.calibration import Calibration, fit, key_of
from sinograph.loaders.extract.report import extraction_report
from sinograph.loaders.story_input import StoryInput

ROOT = Path(__file__).resolve().parent.parent

Outcome = tuple[str, str, bool, float]  # rule, predicate, right, confidence given

BANDS = ((0.8, "≥ 0.8"), (0.6, "0.6–0.8"), (0.0, "< 0.6"))


def outcomes(folders: Iterable[Path]) -> list[Outcome]:
    """(rule, predicate, right, confidence) for every fact extracted from the folders,
    with the rules' own (uncalibrated) confidences: the shipped table is not applied."""
    calibration.shipped_calibration = Calibration  # an empty table
    registry = default_registry()
    rows: list[Outcome] = []
    for folder in folders:
        for text in sorted(folder.glob("*.txt")):
            gold_path = text.with_name(text.stem + ".gold.json")
            if not gold_path.is_file():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            story = StoryInput(
                text=text.read_text(encoding="utf-8"), published=gold.get("published")
            )
            report = extraction_report(extract(story, registry=registry, min_confidence=0.0))
            right = set(score_story(gold, report).matched)
            for index, fact in enumerate(report["facts"]):
                rule = str((fact.get("attributes") or {}).get("rule") or "?")
                rows.append((rule, fact["predicate"], index in right, float(fact["confidence"])))
    return rows


def bands(rows: list[Outcome], table: Calibration) -> list[tuple[str, int, float]]:
    """(band, facts, precision) of ``rows`` under the confidences ``table`` gives."""
    counts = {label: [0, 0] for _, label in BANDS}
    for rule, predicate, right, given in rows:
        stats = table.rules.get(key_of(rule, predicate))
        confidence = stats.confidence if stats is not None else given
        label = next(label for floor, label in BANDS if confidence >= floor)
        counts[label][0] += 1
        counts[label][1] += int(right)
    return [(label, n, round(r / n, 3) if n else 0.0) for label, (n, r) in counts.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "loaders/extract/rules/calibration.yaml")
    parser.add_argument("--check", nargs="*", type=Path, default=[])
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    args = parser.parse_args(argv)
    rows = outcomes(args.folders)
    table = fit(
        ((rule, predicate, right) for rule, predicate, right, _ in rows),
        measured_on=[f.name for f in args.folders],
    )
    print(f"fitted on {len(rows)} facts, overall precision {table.overall_precision}")
    for label, n, precision in bands(rows, table):
        print(f"  in-sample  {label:8s} {n:4d} facts  precision {precision}")
    if args.check:
        held = outcomes(args.check)
        for label, n, precision in bands(held, table):
            print(f"  held-out   {label:8s} {n:4d} facts  precision {precision}")
    if not args.dry_run:
        data = table.model_dump(mode="json")
        header = (
            "# Written by tools/calibrate_rules.py: each rule's precision on gold stories,\n"
            "# shrunk toward its predicate's (loaders/extract/calibration.py). Do not edit.\n"
        )
        args.out.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
