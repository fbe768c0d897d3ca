"""Time `peerjournal export` (pdf, and md/html for comparison) on a year of shared entries.

    python benchmarks/bench_export.py                 # median of 5 runs per case
    python benchmarks/bench_export.py --runs 7 --profile /tmp/export.prof
    python benchmarks/bench_export.py --entries 50    # a small journal: start-up and fonts

Builds a one-year journal in a temporary folder with the density of the benchmark journal
(2,000 entries a year, ~150 words each; `generate.py`), marks a share of them as shared with
the mentor (40% by default, seeded), puts the generator's names on the people list (so the
redactor does real work), and fixes the clock with PEERJOURNAL_NOW. Each export runs as a
fresh process (what a person waits for) after one warm-up run; the median is reported,
with the median CPU time (user + system), which a busy shared machine disturbs less.
With --profile FILE, the one-year PDF export also runs once under cProfile and the top
functions of the export, the summary and fpdf2 by cumulative time are printed (the CLI's own
frames, which hold all of it, are left out).
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from generate import NAMES, generate

END = date(2026, 6, 30)
BUDGET = 2.0  # seconds: a mentor summary, even a year of it, should not keep anyone waiting
PEERJOURNAL = [sys.executable, "-m", "peerjournal"]


def build_journal(home: Path, entries: int, shared: float) -> None:
    rng = random.Random(2027)
    data = generate(entries, 1, END)
    for item in data:
        item["shared"] = rng.random() < shared
    source = home / "journal.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    env = environment(home)
    subprocess.run([*PEERJOURNAL, "import", str(source)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    for name in NAMES:
        subprocess.run([*PEERJOURNAL, "people", "add", name], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    count = sum(bool(item["shared"]) for item in data)
    print(f"journal: {len(data)} entries from {data[0]['date']} to {data[-1]['date']}, "
          f"{count} shared\n")


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "PEERJOURNAL_HOME": str(home), "NO_COLOR": "1",
           "PEERJOURNAL_NOW": f"{END.isoformat()}T18:00:00"}
    env.pop("PEERJOURNAL_DB", None)
    return env


def export_args(fmt: str, since: date, out: Path) -> list[str]:
    return ["export", "--format", fmt, "--since", since.isoformat(), "--yes", "--force",
            "--output", str(out)]


def cpu() -> float:
    """CPU seconds used by finished child processes: steadier than wall time on a busy host."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one fresh process."""
    start, start_cpu = time.perf_counter(), cpu()
    done = subprocess.run([*PEERJOURNAL, *args], env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return elapsed, cpu() - start_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=2000, help="entries in the year")
    parser.add_argument("--shared", type=float, default=0.4, help="share of entries shared")
    parser.add_argument("--profile", type=Path, help="also profile the 1-year PDF into FILE")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pj-bench-export-"))
    build_journal(home, options.entries, options.shared)
    env = environment(home)
    windows = {"1 year": END - timedelta(days=364), "12 weeks": END - timedelta(weeks=12)}
    print(f"Median of {options.runs} fresh processes after one warm-up, "
          f"Python {sys.version.split()[0]}\n")
    print("| export | median (s) | fastest (s) | CPU, median (s) | size |")
    print("|---|---:|---:|---:|---:|")
    for window, since in windows.items():
        for fmt in ("pdf", "html", "md"):
            out = home / f"summary.{fmt}"
            args = export_args(fmt, since, out)
            timed(args, env)  # warm the OS file cache and .pyc files
            walls, cpus = zip(*(timed(args, env) for _ in range(options.runs)), strict=True)
            median = statistics.median(walls)
            verdict = (" ✓" if median <= BUDGET else " ✗") if fmt == "pdf" else ""
            print(f"| {fmt}, {window} | {median:.2f}{verdict} | {min(walls):.2f} | "
                  f"{statistics.median(cpus):.2f} | {out.stat().st_size / 1024:,.0f} KiB |",
                  flush=True)
    if options.profile:
        args = export_args("pdf", windows["1 year"], home / "profiled.pdf")
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(options.profile),
                        "-m", "peerjournal", *args], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print()
        stats = pstats.Stats(str(options.profile)).sort_stats("cumulative")
        stats.print_stats(r"peerjournal/(exporters|summary|cli/export)|fpdf/", 25)


if __name__ == "__main__":
    main()
