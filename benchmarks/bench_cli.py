"""Time peerjournal's commands end to end on a 20,000-entry journal; write benchmarks/RESULTS.md.

    python benchmarks/bench_cli.py            # generates the journal if needed
    python benchmarks/bench_cli.py --runs 7

Run it with the Python of a regular install (`pip install .`, as the README's first command):
an editable install adds an import hook to every start-up and reads slower.

Each command runs as a fresh process (what a person waits for), several times; the
median is reported. The machine is shared and noisy, so compare medians and ratios.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE / "data" / "journal-20k.json"
# jrnl 4.6 on this machine with the same journal size (from issue 2).
JRNL = {"write": 7.6, "list -n 10": 2.1, "search": 2.4, "--version": 0.22}
TARGETS = {
    "--help": 0.150,
    "--version": 0.100,
    "write": 0.400,
    "list": 0.400,
    "list -n 10": 0.400,
    "show": 0.400,
    "search": 0.400,
    "drift --text": 0.400,
    "import (20k)": 10.0,
    "drift --rescore (20k)": 10.0,
    "report (12 weeks)": 0.400,
    "report --by month (10 y)": 1.0,
}


IMPORT_RUNS = 3

# The console script pip installs next to this Python: what a person types.
PEERJOURNAL = str(Path(sys.executable).with_name("peerjournal"))


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [PEERJOURNAL, *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


# The held-out sets, (ordinal, file suffix): those whose errors are never read, and those
# scored blind once and used for tuning since.
NEVER_READ_SETS = (
    ("fifth", "5"),
    ("ninth", "9"),
    ("eleventh", "11"),
    ("twelfth", "12"),
    ("thirteenth", "13"),
    ("fourteenth", "14"),
)
READ_SETS = (
    ("first", ""),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("sixth", "6"),
    ("seventh", "7"),
    ("eighth", "8"),
    ("tenth", "10"),
)


def held_out_section(title: str, suffix: str) -> tuple[str, str, tuple[str, ...]]:
    path = HERE.parent / f"tests/data/drift_holdout{suffix}.toml"
    return title, "drift_eval.py", ("--set", str(path))


# The sections this script writes: (title, script, its arguments); other "## " sections of
# RESULTS.md (written by bench_export.py, bench_report.py or by hand) are kept as they are.
OWN_SECTIONS = (
    ("Drift engine speed", "bench_drift.py", ()),
    ("Drift accuracy on the labelled set", "drift_eval.py", ()),
    *(
        held_out_section(
            f"Drift accuracy on entries written blind and never tuned on ({nth} held-out set)",
            suffix,
        )
        for nth, suffix in NEVER_READ_SETS
    ),
    *(
        held_out_section(
            f"Drift accuracy on the {nth} held-out set (written blind, used for tuning since)",
            suffix,
        )
        for nth, suffix in READ_SETS
    ),
)


def kept_sections(path: Path) -> list[str]:
    """The "## " sections of an existing RESULTS.md that this script does not write."""
    if not path.exists():
        return []
    sections = re.split(r"(?m)^(?=## )", path.read_text(encoding="utf-8"))[1:]
    own = tuple(f"## {title} (" for title, _, _ in OWN_SECTIONS)
    return [section.rstrip() + "\n" for section in sections if not section.startswith(own)]


def samples(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    run(args, env)  # warm the OS file cache and .pyc files
    return [run(args, env) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    if not DATA.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(DATA)], check=True)
    results: dict[str, float] = {}  # the median of each command's runs
    fastest: dict[str, float] = {}  # the quickest run: its cost with the least noise
    # Import into a new journal each time; the first run only warms the .pyc files (a fresh
    # install's first run compiles every module, SQLAlchemy and Alembic included).
    imports = []
    for attempt in range(IMPORT_RUNS + 1):
        home = Path(tempfile.mkdtemp(prefix="pj-bench-"))
        env = {**os.environ, "PEERJOURNAL_HOME": str(home), "NO_COLOR": "1"}
        env.pop("PEERJOURNAL_DB", None)
        took = run(["import", str(DATA)], env)
        if attempt:
            imports.append(took)
    results["import (20k)"] = statistics.median(imports)
    fastest["import (20k)"] = min(imports)
    db = home / "journal.db"
    commands = {
        "--help": ["--help"],
        "--version": ["--version"],
        "list": ["list"],
        "list -n 10": ["list", "-n", "10"],
        "show": ["show", "12345"],
        "search": ["search", "housing office"],
        "drift --text": ["drift", "--text", "I told him he should take his meds."],
        "report (12 weeks)": ["report"],
        "report --by month (10 y)": ["report", "--by", "month", "--since", "10 years ago"],
        "write": ["write", "--experience", "We walked to the library together.", "--again"],
    }
    for name, command in commands.items():
        times = samples(command, env, args.runs)
        results[name], fastest[name] = statistics.median(times), min(times)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'old'")
    results["drift --rescore (20k)"] = run(["drift", "--rescore"], env)
    lines = [
        "# Benchmark results",
        "",
        f"Journal: {DATA.name} (20,000 entries over 10 years, ~150 words each). Median of "
        f"{args.runs} runs after one warm-up; import: median of {IMPORT_RUNS} after one warm-up, "
        "each into a new journal; rescore runs once. Each run is a fresh "
        "process, as a person would see it. This 2-core machine is shared and noisy: the same "
        "script has given medians 20-40% apart from one run to the next, so compare ratios "
        "and repeat a run before trusting a single ✗ or ✓ near its target.",
        "",
        "| command | median (s) | fastest (s) | target (s) | jrnl 4.6 (s) | vs jrnl (median) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, seconds in results.items():
        target = TARGETS.get(name)
        jrnl = JRNL.get(name)
        ok = "" if target is None else (" ✓" if seconds <= target else " ✗")
        ratio = f"{jrnl / seconds:.0f}× faster" if jrnl else ""
        best = f"{fastest[name]:.3f}" if name in fastest else ""
        lines.append(
            f"| `{name}` | {seconds:.3f}{ok} | {best} | {target or ''} | {jrnl or ''} | {ratio} |"
        )
    lines.append("")
    for title, script, extra in OWN_SECTIONS:
        found = subprocess.run(
            [sys.executable, str(HERE / script), *extra], check=True, capture_output=True, text=True
        ).stdout
        lines += [f"## {title} (`benchmarks/{script}`)", "", "```", found.strip(), "```", ""]
    lines += kept_sections(args.output)
    text = "\n".join(lines)
    print(text)
    args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
