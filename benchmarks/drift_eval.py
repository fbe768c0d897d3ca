"""Evaluate the drift engine on a labelled set (by default tests/data/drift_eval.toml).

Prints polarity (verdict) accuracy overall, on the clear cases, on the hard cases and per
category, and per-dimension recall: of the (dimension, polarity) pairs a reader labelled as
present, how many the engine found as a *counted* hit of that dimension and polarity.

    PYTHONPATH=src python benchmarks/drift_eval.py [--errors] [--set PATH] [--split dev|test]

``--set`` scores another file in the same format, such as the held-out set
tests/data/drift_holdout.toml; ``--split`` keeps only the entries whose ``split`` field has that
value (the held-out set's "dev" half is for looking at errors, its "test" half is scored once).
tests/data/drift_holdout2.toml is a second blind set with no split: it is scored only before and
after a round of tuning, and its errors are not read while tuning.

`evaluate()` is imported by tests/test_drift_eval.py.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from peerjournal.drift import (
    DIMENSIONS,
    DriftScore,
    Lexicon,
    is_learned_marker,
    load_lexicon,
    score_text,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
EVAL_SET = DATA / "drift_eval.toml"
HOLDOUT_SET = DATA / "drift_holdout.toml"
HOLDOUT2_SET = DATA / "drift_holdout2.toml"  # second blind set, no split: scored only at the end
HOLDOUT3_SET = DATA / "drift_holdout3.toml"  # third blind set, no split: scored only at the end
HOLDOUT4_SET = DATA / "drift_holdout4.toml"  # fourth blind set, no split: scored only at the end
HOLDOUT5_SET = DATA / "drift_holdout5.toml"  # fifth blind set, no split: scored only at the end
HOLDOUT6_SET = DATA / "drift_holdout6.toml"  # sixth, written blind: scored once, then read
HOLDOUT7_SET = DATA / "drift_holdout7.toml"  # seventh, written blind: scored once, then read
HOLDOUT8_SET = DATA / "drift_holdout8.toml"  # eighth, written blind: scored once, then read
HOLDOUT9_SET = DATA / "drift_holdout9.toml"  # ninth, written blind: its errors are never read
HOLDOUT10_SET = DATA / "drift_holdout10.toml"  # tenth, written blind: scored once, then read
HOLDOUT11_SET = DATA / "drift_holdout11.toml"  # eleventh, written blind: its errors are never read
HOLDOUT12_SET = DATA / "drift_holdout12.toml"  # twelfth, written blind: its errors are never read
HOLDOUT13_SET = DATA / "drift_holdout13.toml"  # thirteenth, blind: its errors are never read
HOLDOUT14_SET = DATA / "drift_holdout14.toml"  # clear entries only, blind: errors never read
HOLDOUT15_SET = DATA / "drift_holdout15.toml"  # clear entries only, blind: errors never read
HOLDOUT16_SET = DATA / "drift_holdout16.toml"  # clear only, writer never saw the brief: unread
HOLDOUT17_SET = DATA / "drift_holdout17.toml"  # as the sixteenth (round 12): unread
HOLDOUT18_SET = DATA / "drift_holdout18.toml"  # clear only, many settings (round 13): unread
# round 13, written after its design was settled: the freshest measure, scored in totals only
HOLDOUT19_SET = DATA / "drift_holdout19.toml"  # arts, sport and nature groups
HOLDOUT20_SET = DATA / "drift_holdout20.toml"  # US recovery coaching
HOLDOUT21_SET = DATA / "drift_holdout21.toml"  # Asia, Africa and the Caribbean
HOLDOUT22_SET = DATA / "drift_holdout22.toml"  # unusual forms: lists, letters, voice notes
# round 14, written before its first change and scored in totals only
HOLDOUT23_SET = DATA / "drift_holdout23.toml"  # a broad mix of settings and countries
HOLDOUT24_SET = DATA / "drift_holdout24.toml"  # forensic, inpatient, custody and courts
HOLDOUT25_SET = DATA / "drift_holdout25.toml"  # family, carer, parent and youth peers
HOLDOUT26_SET = DATA / "drift_holdout26.toml"  # remote and digital; team leads; workplaces
# round 14, written after its design was settled: the freshest measure, scored in totals only
HOLDOUT27_SET = DATA / "drift_holdout27.toml"  # homelessness and street outreach
HOLDOUT28_SET = DATA / "drift_holdout28.toml"  # older peers; dementia and chronic illness
HOLDOUT29_SET = DATA / "drift_holdout29.toml"  # LGBTQ+, HIV and sex-worker peer support
HOLDOUT30_SET = DATA / "drift_holdout30.toml"  # men's groups: sheds, fans, farmers, sites
# round 17, written blind after the engine was settled; scored once, nothing tuned since
HOLDOUT31_SET = DATA / "drift_holdout31.toml"  # eating disorders, perinatal, veterans, 999 staff
HOLDOUT32_SET = DATA / "drift_holdout32.toml"  # autistic and Deaf peers, survivors, gambling
# round 21, written blind; scored once with the round-20 engine, nothing tuned since
HOLDOUT33_SET = DATA / "drift_holdout33.toml"  # GP link work, hospice, care leavers, ESL, texts
# round 24, written blind to be hard on language (negated, reported, corrected drift words in
# identity entries; quiet drift); scored once in totals, nothing tuned since
HOLDOUT34_SET = DATA / "drift_holdout34.toml"  # adversarial: flags in identity, quiet drift
# round 25, written blind in the style of tired end-of-shift notes; scored once in totals
HOLDOUT35_SET = DATA / "drift_holdout35.toml"  # fragments, typos, text-speak, run-ons
# the sets whose errors are never read: the measure of text the engine was not tuned on
NEVER_READ = (HOLDOUT5_SET, HOLDOUT9_SET, HOLDOUT11_SET, HOLDOUT12_SET, HOLDOUT13_SET)
NEVER_READ += (HOLDOUT14_SET, HOLDOUT15_SET, HOLDOUT16_SET, HOLDOUT17_SET, HOLDOUT18_SET)
NEVER_READ += (HOLDOUT19_SET, HOLDOUT20_SET, HOLDOUT21_SET, HOLDOUT22_SET)
NEVER_READ += (HOLDOUT23_SET, HOLDOUT24_SET, HOLDOUT25_SET, HOLDOUT26_SET)
NEVER_READ += (HOLDOUT27_SET, HOLDOUT28_SET, HOLDOUT29_SET, HOLDOUT30_SET)
NEVER_READ += (HOLDOUT31_SET, HOLDOUT32_SET, HOLDOUT33_SET, HOLDOUT34_SET)
NEVER_READ += (HOLDOUT35_SET,)
# read sets that are evaluated and that curated rules were written from, but that the learned
# lexicon does not learn from: round 43's drift_contexts (75 QA probes of words with two senses)
# tilted the learned weights enough to drop unrelated holdouts below their floors, and the
# curated rules in markers.toml already carry what it taught
NOT_LEARNED = (DATA / "drift_contexts.toml",)
# development sets: written blind (rounds 8 and 9 from the brief; rounds 12-14, sets of 120
# clear entries, some by helpers who never read it), then read and tuned on; "traps" in an
# entry lists phrases that must not count as evidence
DEV = DATA / "dev"
DEV_SETS = {path.stem: path for path in sorted(DEV.glob("*.toml"))}
CLEAR = frozenset({"clear_identity", "clear_drift"})


@dataclass
class EvalResult:
    total: int = 0
    correct: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [correct, n]
    dim_found: Counter[str] = field(default_factory=Counter)
    dim_total: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, label, got, text
    # clear identity entries read as drift where a negated or attributed hit adds drift
    flipped_by_flags: list[str] = field(default_factory=list)

    def accuracy(self, categories: frozenset[str] | None = None, exclude: bool = False) -> float:
        c = n = 0
        for cat, (ok, count) in self.by_category.items():
            if categories is None or ((cat in categories) != exclude):
                c += ok
                n += count
        return c / n if n else 0.0

    @property
    def clear_accuracy(self) -> float:
        return self.accuracy(CLEAR)

    @property
    def hard_accuracy(self) -> float:
        return self.accuracy(CLEAR, exclude=True)

    def recall(self, key: str) -> float:
        return self.dim_found[key] / self.dim_total[key] if self.dim_total[key] else 0.0

    @property
    def macro_recall(self) -> float:
        keys = [k for k in self.dim_total if self.dim_total[k]]
        return sum(self.recall(k) for k in keys) / len(keys) if keys else 0.0


def load_entries(path: Path = EVAL_SET, split: str | None = None) -> list[dict[str, object]]:
    """The entries of a labelled set; with `split`, only those whose ``split`` field is `split`."""
    with path.open("rb") as fh:
        entries: list[dict[str, object]] = tomllib.load(fh)["entry"]
    if split is not None:
        entries = [e for e in entries if e.get("split") == split]
    return entries


@dataclass(frozen=True)
class Example:
    """A labelled text that is read while tuning."""

    text: str
    label: str  # "identity" or "drift"
    dims: tuple[str, ...]  # "dimension:polarity" labels
    source: str  # the set it comes from


def read_examples() -> Iterator[Example]:
    """The texts labelled identity or drift that are read while tuning (the labelled set, the
    read held-out sets, tests/data/dev): what a model may learn from; never a never-read set
    nor one in NOT_LEARNED."""
    tomls = [p for p in sorted(DATA.glob("drift_*.toml")) if p not in NEVER_READ + NOT_LEARNED]
    for path in [p for p in tomls if p.stem != "drift_golden"] + sorted(DEV.glob("*.toml")):
        for entry in load_entries(path):
            if entry["label"] in ("identity", "drift"):
                dims = tuple(str(d) for d in entry.get("dims", []))  # type: ignore[attr-defined]
                yield Example(str(entry["text"]), str(entry["label"]), dims, path.stem)
    for path in sorted(DEV.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            dimension, polarity, text = line.split("\t")
            yield Example(text, polarity, (f"{dimension}:{polarity}",), path.stem)


def flags_add_drift(score: DriftScore) -> bool:
    """Does a negated or attributed hit add drift to `score`? One that counts as drift (a
    negation that flips), or a curated drift hit that keeps a learned identity hit overlapping
    it from counting (score.py: learned hits against curated ones). Flagged hits that do not
    count add nothing. Until round 13 any flagged hit in an entry read as drift was listed."""
    flagged = [h for h in score.hits if h.negated or h.attributed]
    if any(h.counted and h.polarity == "drift" for h in flagged):
        return True
    curated_drift = [
        h for h in flagged if h.polarity == "drift" and not is_learned_marker(h.marker)
    ]
    return any(
        is_learned_marker(h.marker) and h.polarity == "identity" and not h.counted
        and any(c.start < h.end and h.start < c.end for c in curated_drift)
        for h in score.hits
    )


def evaluate(
    path: Path = EVAL_SET, lexicon: Lexicon | None = None, split: str | None = None
) -> EvalResult:
    lex = lexicon or load_lexicon()
    result = EvalResult()
    for entry in load_entries(path, split):
        text, label, cat = str(entry["text"]), str(entry["label"]), str(entry["category"])
        score = score_text(text, lex)
        ok = score.verdict == label
        result.total += 1
        result.correct += ok
        slot = result.by_category.setdefault(cat, [0, 0])
        slot[0] += ok
        slot[1] += 1
        if not ok:
            result.errors.append((str(entry["id"]), label, score.verdict, text))
        found = {f"{h.dimension}:{h.polarity}" for h in score.hits if h.counted}
        for key in entry.get("dims", []):  # type: ignore[attr-defined]
            result.dim_total[key] += 1
            result.dim_found[key] += key in found
        if cat == "clear_identity" and score.verdict == "drift" and flags_add_drift(score):
            result.flipped_by_flags.append(str(entry["id"]))
    return result


def report(result: EvalResult, show_errors: bool = False) -> str:
    lines = [
        f"entries: {result.total}",
        f"polarity accuracy overall: {result.accuracy():.1%}",
        f"polarity accuracy, clear cases: {result.clear_accuracy:.1%}",
        f"polarity accuracy, hard cases: {result.hard_accuracy:.1%}",
        "",
        "per category:",
    ]
    for cat, (ok, n) in sorted(result.by_category.items()):
        lines.append(f"  {cat:<18} {ok:>3}/{n:<3} {ok / n:.0%}")
    lines += ["", "per-dimension recall (labelled dimension:polarity found as a counted hit):"]
    for dim in DIMENSIONS:
        for pol in ("identity", "drift"):
            key = f"{dim}:{pol}"
            if result.dim_total[key]:
                lines.append(
                    f"  {key:<28} {result.dim_found[key]:>3}/{result.dim_total[key]:<3}"
                    f" {result.recall(key):.0%}"
                )
    lines.append(f"  macro recall: {result.macro_recall:.1%}")
    lines.append(
        f"clear identity entries turned into drift by negated/attributed hits: "
        f"{len(result.flipped_by_flags)}"
    )
    if show_errors:
        lines += ["", "errors:"]
        for eid, label, got, text in result.errors:
            lines.append(f"  {eid}: expected {label}, got {got}: {text[:100]}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misclassified entries")
    parser.add_argument("--set", type=Path, default=EVAL_SET, help="labelled set (TOML)")
    parser.add_argument("--split", choices=("dev", "test"), help="only entries of this split")
    args = parser.parse_args(argv)
    result = evaluate(args.set, split=args.split)
    if not result.total:
        parser.error(f"no entries in {args.set} with split = {args.split!r}")
    print(report(result, show_errors=args.errors))


if __name__ == "__main__":
    main(sys.argv[1:])
