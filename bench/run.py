"""Run every benchmark and print (and write) the table: ``sinograph bench`` calls this.

    python bench/run.py --sizes 10k,100k,1m --out BENCHMARKS-table.md
    python bench/run.py --sizes 10k --quick

For each size: the networkx baseline (load, pick the questions, answer them),
then the embedded store (cold load into a new file; then, in a fresh process,
open, load one tenth more, answer the same questions), each job in its own
process for a clean peak RSS. Then the API benchmark (``bench/bench_api.py``)
and the extraction benchmark (``bench/bench_extract.py``) when they exist.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import parse_size  # noqa: E402

JOBS = ("networkx", "embedded-load", "embedded-serve")
TODO = "TODO"


def _label(size: int) -> str:
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def run_jobs(
    size: int, work: Path, quick: bool, timeout: float, reuse: bool = False
) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for job in JOBS:
        done = work / f"{job}-{size}.json"
        if reuse and done.exists():
            results[job] = json.loads(done.read_text())
            continue
        command = [sys.executable, str(ROOT / "bench" / "measure.py"), job, str(size), str(work)]
        if quick:
            command.append("--quick")
        subprocess.run(command, check=True, cwd=ROOT, timeout=timeout)
        results[job] = json.loads((work / f"{job}-{size}.json").read_text())
    return results


def run_neo4j(size: int, work: Path, quick: bool, timeout: float) -> dict[str, Any] | None:
    """The Neo4j job, when ``SINOGRAPH_BENCH_NEO4J_URI`` (or the test server ``make bench``
    starts, ``SINOGRAPH_TEST_NEO4J_URI``) names a scratch server."""
    if not (os.environ.get("SINOGRAPH_BENCH_NEO4J_URI")
            or os.environ.get("SINOGRAPH_TEST_NEO4J_URI")):
        return None
    command = [sys.executable, str(ROOT / "bench" / "measure.py"), "neo4j", str(size), str(work)]
    if quick:
        command.append("--quick")
    subprocess.run(command, check=True, cwd=ROOT, timeout=timeout)
    result: dict[str, Any] = json.loads((work / f"neo4j-{size}.json").read_text())
    return result


def neo4j_table(neo: dict[str, Any] | None, res: dict[str, dict[str, Any]]) -> str:
    """Neo4j next to the embedded store and the baseline of the same run, same questions."""
    if neo is None:
        return (
            "Neo4j: not measured in this run (no server). `make bench` starts the Maven-built"
            " test server; or set SINOGRAPH_BENCH_NEO4J_URI (and _USER, _PASSWORD, _DATABASE)"
            " to an empty or scratch Neo4j 5.26 database and run the same command."
        )
    base, serve, cold = res["networkx"], res["embedded-serve"], res["embedded-load"]
    load = neo["load"]
    nq, eq, bq = neo["queries"], serve["queries"], base["queries"]
    lines = [
        f"Neo4j 5.26 Community (the `make test` server, UNWIND batches of "
        f"{neo.get('batch_size', 1000):,} rows), same graph and questions:",
        "",
        "| figure | Neo4j | embedded | networkx baseline | Neo4j / embedded |",
        "|---|---:|---:|---:|---:|",
        f"| load, cold (fact records/s) | {_rate(load['cold_facts'], load['cold']):,.0f} | "
        f"{_rate(cold['load']['cold_facts'], cold['load']['cold']):,.0f} | "
        f"{_rate(base['load']['cold_facts'], base['load']['cold']):,.0f} | – |",
        f"| load into the existing graph (fact records/s) | "
        f"{_rate(load['existing_facts'], load['existing']):,.0f} | "
        f"{_rate(serve['load']['existing_facts'], serve['load']['existing']):,.0f} | "
        f"{_rate(base['load']['existing_facts'], base['load']['existing']):,.0f} | – |",
        f"| connect + schema (s) | {neo['open_seconds']:.2f} | – | – | – |",
        f"| peak RSS of the client process (MB) | {neo['peak_rss_mb']:,.0f} | "
        f"{serve['peak_rss_mb']:,.0f} | – | – |",
        "| *latency, ms: p50 / p99* | | | | |",
    ]
    for label, key in QUERY_ROWS:
        lines.append(f"| {label} | {_lat(nq.get(key))} | {_lat(eq.get(key))} | "
                     f"{_lat(bq.get(key))} | {_ratio(nq.get(key), eq.get(key))} |")
    by_d = nq.get("path_by_distance_k1", {})
    if by_d:
        cells = ", ".join(f"{d} hops {v['p50']:.1f}" for d, v in sorted(by_d.items()))
        lines.append(f"| path k=1 p50 by distance (Neo4j) | {cells} | | | |")
    same = sum(
        x == y for k in eq.get("answers", {}) for x, y in zip(eq["answers"][k],
                                                              nq.get("answers", {}).get(k, []),
                                                              strict=False)
    )
    total = sum(len(v) for v in eq.get("answers", {}).values())
    lines.append("")
    lines.append(f"Path answers identical to the embedded store's (nodes and hop facts): "
                 f"{same} of {total}.")
    return "\n".join(lines)


def run_api(size: int, quick: bool, timeout: float) -> dict[str, str]:
    """req/s of /paths and /entities/{id}/timeline from bench/bench_api.py, if it is there."""
    script = ROOT / "bench" / "bench_api.py"
    if not script.exists():
        return {}
    requests = "200" if quick else "1000"
    command = [sys.executable, str(script), "--facts", str(size), "--requests", requests,
               "--concurrency", "1,8", "--max-seconds", "20" if quick else "30"]
    try:
        done = subprocess.run(command, cwd=ROOT, timeout=timeout, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f}s"}
    figures: dict[str, str] = {}
    for line in done.stdout.splitlines():
        match = re.match(r"GET (/\S+).*\(c=(\d+)\)\s+\d+ req\s+([\d.]+) req/s\s+p50\s+([\d.]+) ms"
                         r"\s+p99\s+([\d.]+) ms", line.strip())
        if match:
            route, conc, rate, p50, p99 = match.groups()
            name = "paths" if route.startswith("/paths") else "timeline"
            figures[f"{name}_c{conc}"] = f"{float(rate):,.0f} req/s (p50 {p50} ms, p99 {p99} ms)"
    if not figures:
        figures["error"] = (done.stderr or done.stdout).strip().splitlines()[-1:][0] \
            if (done.stderr or done.stdout).strip() else f"exit code {done.returncode}"
    return figures


def run_extract(quick: bool, timeout: float) -> dict[str, str]:
    """stories/s and words/s from bench/bench_extract.py, if it is there."""
    script = ROOT / "bench" / "bench_extract.py"
    if not script.exists():
        return {}
    command = [sys.executable, str(script), "--stories", "200" if quick else "2000"]
    try:
        done = subprocess.run(command, cwd=ROOT, timeout=timeout, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f}s"}
    figures = {}
    for label in ("stories", "words", "stories/s", "words/s", "median ms", "p95 ms"):
        # Lines of the form "stories/s      12.3".
        match = re.search(rf"^{re.escape(label)}\s+([\d,.]+)\s*$", done.stdout, re.M)
        if match:
            figures[label] = match.group(1)
    if not figures:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        figures["output"] = " / ".join(tail) or f"exit code {done.returncode}"
    return figures


# ------------------------------------------------------------------- the table


def _lat(figure: dict[str, Any] | None) -> str:
    if not figure:
        return "–"
    return f"{figure['p50']:.2f} / {figure['p99']:.2f}"


def _ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
    if not a or not b or not b.get("p50"):
        return "–"
    return f"{a['p50'] / b['p50']:.2f}x / {a['p99'] / max(b['p99'], 1e-9):.2f}x"


def _rate(facts: float, seconds: float) -> float:
    return facts / seconds if seconds else float("nan")


QUERY_ROWS = [
    ("path k=1, no filter", "path_none_k1"),
    ("path k=1, predicate filter", "path_predicates_k1"),
    ("path k=1, time window", "path_window_k1"),
    ("path k=5, no filter", "path_none_k5"),
    ("path k=5, predicate filter", "path_predicates_k5"),
    ("path k=5, time window", "path_window_k5"),
    ("timeline, hub entity", "timeline_hub"),
    ("timeline, typical entity", "timeline_typical"),
    ("search, exact name", "search_exact"),
    ("search, prefix", "search_prefix"),
    ("search, fuzzy (typo)", "search_fuzzy"),
    ("neighbours depth 2, typical", "neighbours2_typical"),
    ("neighbours depth 2, hub", "neighbours2_hub"),
]


def size_table(size: int, res: dict[str, dict[str, Any]], api: dict[str, str]) -> str:
    base, load, serve = res["networkx"], res["embedded-load"], res["embedded-serve"]
    bq, eq = base["queries"], serve["queries"]
    cold_e = _rate(load["load"]["cold_facts"], load["load"]["cold"])
    cold_b = _rate(base["load"]["cold_facts"], base["load"]["cold"])
    more_e = _rate(serve["load"]["existing_facts"], serve["load"]["existing"])
    more_b = _rate(base["load"]["existing_facts"], base["load"]["existing"])
    lines = [
        f"### {_label(size)} facts ({load['facts']:,} distinct facts, {load['entities']:,} "
        f"entities, {load['stories']:,} stories; {base['graph']['edges']:,} edges after the "
        "extra tenth)",
        "",
        "| figure | embedded | networkx baseline | embedded / baseline |",
        "|---|---:|---:|---:|",
        f"| load, cold (fact records/s) | {cold_e:,.0f} | {cold_b:,.0f} | {cold_e / cold_b:.2f}x |",
        f"| load into the existing graph (fact records/s) | {more_e:,.0f} | {more_b:,.0f} | "
        f"{more_e / more_b:.2f}x |",
        f"| open a stored graph (s) | {serve['open_seconds']:.2f} | n/a (nothing stored) | – |",
    ]
    lines.append("| *latency, ms: p50 / p99* | | | |")
    for label, key in QUERY_ROWS:
        lines.append(f"| {label} | {_lat(eq.get(key))} | {_lat(bq.get(key))} | "
                     f"{_ratio(eq.get(key), bq.get(key))} |")
    raw = bq.get("raw_networkx_shortest_path")
    lines.append(f"| raw `nx.bidirectional_shortest_path` (no evidence, any tie) | – | "
                 f"{_lat(raw)} | – |")
    by_d = eq.get("path_by_distance_k1", {})
    if by_d:
        cells = ", ".join(f"{d} hops {v['p50']:.2f}" for d, v in sorted(by_d.items()))
        lines.append(f"| path k=1 p50 by distance (embedded) | {cells} | | |")
    lines.append("| *memory* | | | |")
    lines.append(f"| peak RSS, loading (MB) | {load['peak_rss_mb']:,.0f} | "
                 f"{base['peak_rss_mb']:,.0f} (load + queries) | "
                 f"{load['peak_rss_mb'] / base['peak_rss_mb']:.2f}x |")
    lines.append(f"| peak RSS, open + load a tenth + queries (MB) | {serve['peak_rss_mb']:,.0f} | "
                 f"{base['peak_rss_mb']:,.0f} | "
                 f"{serve['peak_rss_mb'] / base['peak_rss_mb']:.2f}x |")
    lines.append(f"| RSS right after open (MB) / in-memory index arrays (MB) | "
                 f"{serve['rss_after_open_mb']:,.0f} / {serve['index_mb']:,.0f} | – | – |")
    lines.append(f"| database file (MB) | {load['db_mb']:,.0f} | – | – |")
    same = sum(
        x == y for k in bq.get("answers", {}) for x, y in zip(bq["answers"][k],
                                                              eq["answers"].get(k, []),
                                                              strict=False)
    )
    total = sum(len(v) for v in bq.get("answers", {}).values())
    lines.append(f"| path answers identical to the baseline's | {same} of {total} | | |")
    lines.append("| *API over loopback (bench/bench_api.py, its own graph of this size)* | | | |")
    if not api:
        lines.append(f"| API requests/s | {TODO}: bench/bench_api.py not found | | |")
    for name, value in sorted(api.items()):
        lines.append(f"| API {name} | {value} | | |")
    return "\n".join(lines)


def machine() -> str:
    import networkx
    import numpy
    import pydantic
    import rapidfuzz

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs ({cpu}){memory}; load average at start {load[0]:.2f}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"networkx {networkx.__version__}, numpy {numpy.__version__}, "
        f"pydantic {pydantic.__version__}, rapidfuzz {rapidfuzz.__version__}; "
        f"{platform.system()} {platform.release()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    parser.add_argument("--quick", action="store_true", help="fewer queries per figure")
    parser.add_argument("--work", type=Path, default=None, help="folder for stores and results")
    parser.add_argument("--no-api", action="store_true", help="skip the API benchmark")
    parser.add_argument("--timeout", type=float, default=3 * 3600, help="seconds per job")
    parser.add_argument(
        "--reuse", action="store_true",
        help="keep the results of jobs already in --work instead of running them again",
    )
    parser.add_argument(
        "--api-max-size", default="200k",
        help="run the API benchmark only up to this size (it builds its own graph)",
    )
    args = parser.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="sinograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = [f"Run {started} on {machine()}.", f"Work folder: `{work}`.", ""]
    sections = []
    extract = run_extract(args.quick, args.timeout)
    for size in sizes:
        print(f"== {_label(size)} facts", flush=True)
        results = run_jobs(size, work, args.quick, args.timeout, args.reuse)
        neo = run_neo4j(size, work, args.quick, args.timeout)
        api_done = work / f"api-{size}.json"
        if args.no_api:
            api = {"skipped": "--no-api"}
        elif size > parse_size(args.api_max_size):
            api = {"skipped": f"above --api-max-size {args.api_max_size}: bench/bench_api.py "
                              "builds its own graph and at this size that takes hours"}
        elif args.reuse and api_done.exists():
            api = json.loads(api_done.read_text())
        else:
            api = run_api(size, args.quick, args.timeout)
            api_done.write_text(json.dumps(api))
        sections.append(size_table(size, results, api))
        sections.append(neo4j_table(neo, results))
    sections.append("### Extraction (bench/bench_extract.py: its own stories, one core)\n")
    if extract:
        sections.append("\n".join(f"- {k}: {v}" for k, v in extract.items()))
    else:
        sections.append(f"- {TODO}: bench/bench_extract.py not found; no extraction figures.")
    table = "\n".join(header) + "\n\n".join(sections) + "\n"
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
