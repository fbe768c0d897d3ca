"""Time `peerjournal report` end to end (a fresh process per run) on a given journal.

    python benchmarks/bench_report.py PATH/TO/journal.db [--runs 7]

Prints a Markdown table of median wall-clock times against the budgets: the default
12-week report under 400 ms, `report --by month` under 1 s, and the whole history by month
(10 years for the benchmark journal) under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def run(journal: Path, args: list[str], runs: int) -> float:
    """Median seconds over `runs` fresh processes (after one warm-up run for the OS cache)."""
    command = [sys.executable, "-m", "peerjournal", "--db", str(journal), "report", *args]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
    times = []
    for n in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[:300]}")
        if n:  # the first run warms the file cache
            times.append(elapsed)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    if not options.journal.is_file():
        raise SystemExit(f"No journal at {options.journal}")
    ten_years = (date.today() - timedelta(days=3653)).isoformat()
    cases = [
        ("`report` (12 weeks)", [], 0.4),
        ("`report --by month`", ["--by", "month"], 1.0),
        (f"`report --by month --since {ten_years}`", ["--by", "month", "--since", ten_years],
         1.0),
        ("`report --json --by month --since …` (10 years)",
         ["--json", "--by", "month", "--since", ten_years], 1.0),
    ]
    print(f"Journal: `{options.journal.name}`, median of {options.runs} runs, "
          f"Python {sys.version.split()[0]}\n")
    print("| command | median | budget | |")
    print("|---|---:|---:|---|")
    for name, args, budget in cases:
        seconds = run(options.journal, args, options.runs)
        verdict = "ok" if seconds <= budget else "OVER"
        print(f"| {name} | {seconds * 1000:.0f} ms | {budget * 1000:.0f} ms | {verdict} |")


if __name__ == "__main__":
    main()
