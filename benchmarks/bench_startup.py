"""Compare the start-up of two installs of peerjournal, run alternately (the host is noisy).

    python benchmarks/bench_startup.py OLD_VENV NEW_VENV            # 21 runs of each command
    python benchmarks/bench_startup.py OLD_VENV NEW_VENV --runs 31 --only "drift --text"
    python benchmarks/bench_startup.py OLD_VENV NEW_VENV --instructions   # needs valgrind

Each venv is a regular (non-editable) install: `pip install .` into it. Every command runs as a
fresh process, old and new in turn, after one warm-up each (which also writes the .pyc files
and the lexicon cache). Reports the median wall-clock and CPU time (user + system) of each, and
new/old: under 1 is faster. On a busy host even CPU time varies by 20%: --instructions counts the
instructions of one run of each under valgrind instead (~30 s a run), the same from run to run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "drift --text": ["drift", "--text", "I told him he should take his meds."],
    "drift --text --json": ["drift", "--text", "I shared my story with her.", "--json"],
    "write": ["write", "--experience", "We walked to the library together."],
    "--version": ["--version"],
    "--help": ["--help"],
}


def run(exe: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run; CPU is steadier on a busy host."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [exe, *args], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(exe: str, args: list[str], env: dict[str, str]) -> float:
    """Millions of instructions one run executes (valgrind's cachegrind, no cache simulation)."""
    tool = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    run = subprocess.run(
        [*tool, exe, *args], env=env, check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no instruction count: {run.stderr[-500:]}")
    return int(found.group(1).replace(",", "")) / 1e6


def compare_instructions(exes: dict[str, str], labels: list[str], env: dict[str, str]) -> None:
    env = {**env, "PYTHONHASHSEED": "0"}  # the same dict layouts in every run
    print("| command | old (M instructions) | new (M instructions) | new/old |")
    print("|---|---:|---:|---:|")
    for label in labels:
        with tempfile.TemporaryDirectory() as home:
            env["PEERJOURNAL_HOME"] = home
            counts = []
            for exe in exes.values():
                run(exe, COMMANDS[label], env)  # warm-up
                counts.append(instructions(exe, COMMANDS[label], env))
        old, new = counts
        print(f"| `{label}` | {old:.1f} | {new:.1f} | {new / old:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="venv of the version to compare against")
    parser.add_argument("new", type=Path, help="venv of the version being measured")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--only", action="append", choices=sorted(COMMANDS))
    parser.add_argument("--instructions", action="store_true", help="count, under valgrind")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    exes = {"old": str(args.old / "bin" / "peerjournal"),
            "new": str(args.new / "bin" / "peerjournal")}
    if args.instructions:
        compare_instructions(exes, args.only or list(COMMANDS), env)
        return
    print("| command | old wall (ms) | new wall (ms) | new/old "
          "| old CPU (ms) | new CPU (ms) | new/old |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label in args.only or COMMANDS:
        times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
        with tempfile.TemporaryDirectory() as home:
            env["PEERJOURNAL_HOME"] = home
            for exe in exes.values():  # warm-up
                run(exe, COMMANDS[label], env)
            for _ in range(args.runs):
                for name, exe in exes.items():
                    times[name].append(run(exe, COMMANDS[label], env))
        cells = [f"`{label}`"]
        for kind in (0, 1):  # wall, CPU
            old, new = (statistics.median(t[kind] for t in times[n]) * 1000 for n in times)
            cells += [f"{old:.0f}", f"{new:.0f}", f"{new / old:.2f}"]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
