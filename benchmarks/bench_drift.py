"""Throughput of the drift scorer on generated ~150-word entries.

    PYTHONPATH=src python benchmarks/bench_drift.py [--entries 5000] [--runs 5]

Entries are shuffled sentences from the labelled evaluation set (as peer supporters write:
hits, negations, reported speech, quotes, hypotheticals) plus plain filler; a second, harsher
set is built around lexicon phrases. One-process timing is CPU time of this process (the
machine is shared), median of several runs, in batches as `score_many` scores (and one entry
at a time, as `write` scores); `score_many` on every core (what `drift --rescore`
and `import` use) is wall-clock time. Prints a Markdown snippet: entries per second (median of
the runs, and the slowest), lexicon load time and `import peerjournal.drift`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from drift_eval import load_entries
from peerjournal.drift import load_lexicon, score_many, score_text
from peerjournal.drift.lexicon import example_phrase, parse_lexicon

TEMPLATES = [
    "I {p} with her this morning.",
    "The team said he was {p} again.",
    "I didn't {p} today.",
    "Next time I would {p} earlier.",
    "I caught myself {p} in handover.",
    "We sat outside and {p} for a while.",
    "Honestly I think I {p}, and it felt different.",
]
FILLER = [
    "It rained all afternoon and the bus was late.",
    "We had tea in the garden room before the group started.",
    "She talked about her sister and the new flat.",
    "Handover ran long because of the fire alarm.",
    "He brought photos of his dog to show everyone.",
    "The kettle in the office is broken again.",
    "I walked back through the park after the visit.",
    "Lunch was soup and the usual sandwiches.",
]


def make_entries(n: int, seed: int = 7, words: int = 150) -> list[str]:
    """~150-word entries from shuffled sentences of the labelled evaluation set (realistic
    density of markers, negation, reported speech, quotes) plus plain filler sentences."""
    sentences = [
        s.strip() + "."
        for entry in load_entries()
        for s in str(entry["text"]).split(". ")
        if len(s.split()) > 2
    ]
    rng = random.Random(seed)
    return compose(
        n, words, lambda: rng.choice(sentences) if rng.random() < 0.8 else rng.choice(FILLER)
    )


def make_dense_entries(n: int, seed: int = 7, words: int = 150) -> list[str]:
    """A harsher load: ~45% of sentences are built around lexicon phrases and flag cues."""
    lex = load_lexicon()
    phrases = sorted({example_phrase(p) for m in lex.markers for p in m.patterns})
    rng = random.Random(seed)
    return compose(
        n,
        words,
        lambda: rng.choice(TEMPLATES).format(p=rng.choice(phrases))
        if rng.random() < 0.45
        else rng.choice(FILLER),
    )


def compose(n: int, words: int, sentence: Callable[[], str]) -> list[str]:
    """`n` entries of about `words` words each, from sentences drawn by `sentence()`."""
    entries = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(sentence())
        entries.append(" ".join(parts))
    return entries


def run(entries: list[str]) -> float:
    """Entries per second of CPU time through `score_many` in this process: in batches, as
    each worker of `drift --rescore` and `import` scores."""
    lex = load_lexicon()
    start = time.process_time()
    score_many(entries, lex, workers=1)
    return len(entries) / (time.process_time() - start)


def run_each(entries: list[str]) -> float:
    """Entries per second of CPU time scoring one entry at a time, as `write` and `edit` do."""
    lex = load_lexicon()
    start = time.process_time()
    for text in entries:
        score_text(text, lex)
    return len(entries) / (time.process_time() - start)


def run_on(entries: list[str]) -> tuple[int, float]:
    """Words and CPU seconds of one long text with no full stop (dictation): `entries` joined,
    their sentence ends taken out. Its time should grow with its length, not faster."""
    text = re.sub(r"[.!?]+", "", " ".join(entries))
    lex = load_lexicon()
    start = time.process_time()
    score_text(text, lex)
    return len(text.split()), time.process_time() - start


def run_plans(lines: int = 2000) -> tuple[int, float]:
    """Words and CPU seconds of one long pasted text of plans only ("next time I will…" on
    every line): each hit is hypothetical, so the entry's intentions are looked up hit by hit.
    Its time should grow with its length, not faster (it took 8.9 s at 2,000 lines before
    the sentence ends were found once per entry)."""
    line = "next time I will ask him first and I want to listen more"
    text = "".join(f"{i}: {line}\n" for i in range(lines))
    lex = load_lexicon()
    start = time.process_time()
    score_text(text, lex)
    return len(text.split()), time.process_time() - start


def run_many(entries: list[str]) -> float:
    """Entries per second of wall-clock time through `score_many` on every core (as
    `drift --rescore` and `import` score), scores returned to this process."""
    start = time.perf_counter()
    score_many(entries, workers=os.cpu_count())
    return len(entries) / (time.perf_counter() - start)


def import_ms() -> float:
    code = (
        "import time; t=time.perf_counter(); import peerjournal.drift; print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")},
    )
    return float(out.stdout) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    data = DEFAULT_LEXICON.read_bytes()
    t = time.perf_counter()
    lex = parse_lexicon(data, str(DEFAULT_LEXICON))
    load_ms = (time.perf_counter() - t) * 1000

    entries = make_entries(args.entries)
    dense = make_dense_entries(args.entries)
    mean_words = statistics.mean(len(e.split()) for e in entries)
    run(entries[:500])  # warm-up: per-phrase regexes are compiled on first use
    run(dense[:500])
    rates = [run(entries) for _ in range(args.runs)]
    each_rates = [run_each(entries) for _ in range(args.runs)]
    dense_rates = [run(dense) for _ in range(args.runs)]
    many_rates = [run_many(entries) for _ in range(3)]

    print("### Drift scorer throughput\n")
    print(f"- entries per run: {len(entries)} (mean {mean_words:.0f} words)")
    print(
        f"- lexicon: {len(lex.markers)} markers, {lex.pattern_count} patterns,"
        f" version {lex.version}"
    )
    print()
    print("| measure | value |")
    print("|---|---|")
    print(
        f"| entries/second, one process (median of {args.runs}) | {statistics.median(rates):,.0f} |"
    )
    print(f"| entries/second (slowest run) | {min(rates):,.0f} |")
    print(
        f"| entries/second, one process, one entry at a time (median) |"
        f" {statistics.median(each_rates):,.0f} |"
    )
    print(
        f"| entries/second, phrase-dense entries (median) | {statistics.median(dense_rates):,.0f} |"
    )
    print(
        f"| entries/second, `score_many` on {os.cpu_count()} cores (wall clock, median of 3)"
        f" | {statistics.median(many_rates):,.0f} |"
    )
    words, seconds = run_on(entries[:100])
    print(f"| one {words:,}-word entry without a full stop (dictated), CPU | {seconds:.2f} s |")
    words, seconds = run_plans()
    print(f"| one {words:,}-word pasted entry of plans only, CPU | {seconds:.2f} s |")
    print(f"| lexicon load (parse + index) | {load_ms:.0f} ms |")
    print(f"| `import peerjournal.drift` | {import_ms():.0f} ms |")


if __name__ == "__main__":
    main()
