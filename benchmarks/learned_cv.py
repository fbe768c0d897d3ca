"""Leave-one-set-out cross-validation of the learned markers (how round 12 chose its rules).

For each development set of clear entries (tests/data/dev/dev_*.toml), markers are learned
from every read text except that set (benchmarks/learn_markers.py, with the shipped lexicon's
curated part), and the set is scored with them: an estimate of accuracy on text the learned
markers have not seen. Then the mixed entries of the read sets are scored with markers learned
from everything (mixed entries are never training text), since a rule that helps clear entries
can cost mixed ones:

    PYTHONPATH=src python benchmarks/learned_cv.py

Takes a few minutes (one lexicon per set). The never-read sets are not used.
"""

from __future__ import annotations

from pathlib import Path

import learn_markers
from drift_eval import DATA, DEV, NEVER_READ, Example, load_entries, read_examples
from peerjournal.drift import Lexicon, score_text
from peerjournal.drift.lexicon import parse_lexicon


def lexicon_from(examples: list[Example]) -> Lexicon:
    """The curated markers plus markers learned from `examples`, as the shipped lexicon is
    built."""
    return parse_lexicon(learn_markers.learned_lexicon_text(iter(examples)).encode(), "cv")


def right(lexicon: Lexicon, path: Path, category: str | None = None) -> tuple[int, int]:
    """(right, scored) over the entries of `path` (those of `category`, if given)."""
    entries = [e for e in load_entries(path) if category is None or e["category"] == category]
    ok = sum(score_text(str(e["text"]), lexicon).verdict == e["label"] for e in entries)
    return ok, len(entries)


def main() -> None:
    examples = list(read_examples())
    total = scored = 0
    for path in sorted(DEV.glob("dev_*.toml")):
        held_out = lexicon_from([ex for ex in examples if ex.source != path.stem])
        ok, n = right(held_out, path)
        total, scored = total + ok, scored + n
        print(f"{path.stem:28} {ok:4}/{n}")
    print(f"{'clear, cross-validated':28} {total:4}/{scored} ({100 * total / scored:.1f}%)")
    everything = lexicon_from(examples)
    read = [p for p in sorted(DATA.glob("drift_*.toml")) + sorted(DEV.glob("*.toml"))]
    read = [p for p in read if p not in NEVER_READ and p.stem != "drift_golden"]
    mixed = [right(everything, p, "mixed") for p in read]
    ok, n = sum(m[0] for m in mixed), sum(m[1] for m in mixed)
    print(f"{'mixed entries of read sets':28} {ok:4}/{n}")  # category "mixed"


if __name__ == "__main__":
    main()
