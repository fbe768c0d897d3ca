"""Learn phrase weights for the drift lexicon from the labelled sets, as lexicon markers.

Writes a lexicon: the shipped curated markers, then `LEARNED_SECTION` and the learned markers.
It is opt-in (not the shipped default yet; see benchmarks/RESULTS.md, round 10):

    PYTHONPATH=src python benchmarks/learn_markers.py --out learned.toml
    peerjournal drift --lexicon learned.toml --text "..."

What is learned: every word and run of two or three words (an *n-gram*) in the training texts,
scored by its smoothed log-odds of appearing in an entry labelled identity rather than drift.
Training texts are the entries and coverage sentences that are read while tuning, labelled
identity or drift (the labelled set, the read held-out sets, tests/data/dev); the never-read
sets (`drift_eval.NEVER_READ`) are never used. An n-gram is kept when it

- occurs in at least `MIN_TEXTS` texts from at least `MIN_SETS` different sets (so one writer's
  habit or a person's name is not learned),
- leans one way with log-odds of at least `MIN_LOG_ODDS` (e ≈ 2.7 times likelier in one label),
- and contains no mood or sentiment word, no filler or hedge word ("i suppose", "basically":
  the helpers who wrote the data lean on them, see drift_nb_baseline.py), no word of when or
  where ("shift", "ward") and is not made only of function words.

Each n-gram becomes a pattern of a marker with ``learned = true``, grouped by dimension (the
labelled dimension of that polarity it co-occurs with most often), polarity and weight
(2 x log-odds, to the nearest 0.25, at most 5). How learned hits count is in score.py.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drift_eval import DATA, DEV, NEVER_READ, load_entries
from peerjournal.drift.lexicon import DEFAULT_LEXICON, DIMENSIONS, LEARNED_SECTION

MIN_TEXTS = 4
MIN_SETS = 2
MIN_LOG_ODDS = 1.0
MAX_WORDS = 3
WEIGHT_PER_LOG_ODDS = 2.0
WEIGHT_STEP = 0.25
MAX_WEIGHT = 5.0
CLASSES = ("identity", "drift")

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    """
    a an the and or but so because if then than that this these those there here it its it's
    i i'm i'd i'll i've me my mine myself we we're we'd we'll we've us our ours you you're
    you'd you'll your yours he he's he'd he'll him his she she's she'd she'll her hers they
    they're they'd they'll them their theirs who whom whose which what when where why how is
    am are was were be been being do does did doing done have has had having to of in on at
    by for with from up down out over under about into onto off as all any some no not nor
    only own same too very can could will would shall should may might must just also again
    once more most other such both each few s t don't didn't doesn't isn't wasn't weren't
    won't can't couldn't wouldn't shouldn't haven't hasn't hadn't aren't one two get got go
    went going come came
    """
)
# Mood is not evidence (the issue and the brief): a cheerful entry is not identity.
MOOD_WORDS = _words(
    """
    happy sad glad great good bad awful terrible tired exhausted proud upset cried cry
    crying tears laughed laugh laughing laughs smile smiled smiling lovely nice brilliant
    amazing wonderful grateful thankful frustrated frustrating angry anxious worried worry
    relieved pleased chuffed buzzing gutted heavy drained knackered shattered rough hard
    tough fun funny joy joke jokes joked love loved hate hated scared afraid nervous sorry
    wow awesome fantastic excellent cool fine okay ok easy difficult beautiful gorgeous
    heartbreaking heartbroken hurt hurting lonely alone warm cold
    """
)
# When and where: the helpers' drift entries open "Long shift on the ward" more often.
SETTING_WORDS = _words(
    """
    shift shifts today tonight morning afternoon evening night day week ward
    """
)
# Fillers and hedges: how a writer talks, not what they did.
STYLE_WORDS = _words(
    """
    suppose guess basically really honestly actually literally lol haha tbh kinda sorta
    maybe probably pretty quite bit lot lots like well yeah yes ah oh um uh hmm mate fella
    """
)


def ngrams(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return {
        " ".join(words[i : i + n])
        for n in range(1, MAX_WORDS + 1)
        for i in range(len(words) - n + 1)
    }


def usable(gram: str) -> bool:
    words = gram.split()
    return not all(w in FUNCTION_WORDS for w in words) and not any(
        w in MOOD_WORDS or w in STYLE_WORDS or w in SETTING_WORDS for w in words
    )


@dataclass
class Example:
    text: str
    label: str
    dims: list[str]  # "dimension:polarity" labels
    source: str  # the set it comes from


def training_examples() -> Iterator[Example]:
    """Labelled identity/drift texts that are read while tuning; never a never-read set."""
    tomls = [p for p in sorted(DATA.glob("drift_*.toml")) if p not in NEVER_READ]
    for path in [p for p in tomls if p.stem != "drift_golden"] + sorted(DEV.glob("*.toml")):
        for entry in load_entries(path):
            if entry["label"] in CLASSES:
                dims = [str(d) for d in entry.get("dims", [])]  # type: ignore[attr-defined]
                yield Example(str(entry["text"]), str(entry["label"]), dims, path.stem)
    for path in sorted(DEV.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            dimension, polarity, text = line.split("\t")
            yield Example(text, polarity, [f"{dimension}:{polarity}"], path.stem)


@dataclass
class Counts:
    texts: Counter[str] = field(default_factory=Counter)  # per label
    per_label: dict[str, Counter[str]] = field(
        default_factory=lambda: {c: Counter[str]() for c in CLASSES}
    )
    sets: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dims: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def count(examples: Iterator[Example]) -> Counts:
    counts = Counts()
    for ex in examples:
        counts.texts[ex.label] += 1
        for gram in ngrams(ex.text):
            counts.per_label[ex.label][gram] += 1
            counts.sets[gram].add(ex.source)
            counts.dims[gram].update(ex.dims)
    return counts


def learn(counts: Counts) -> dict[str, tuple[str, str, float]]:
    """n-gram -> (dimension, polarity, weight) for every n-gram kept (rules in the docstring)."""
    ident, drift = counts.per_label["identity"], counts.per_label["drift"]
    n_ident, n_drift = counts.texts["identity"], counts.texts["drift"]
    learned: dict[str, tuple[str, str, float]] = {}
    for gram in sorted(set(ident) | set(drift)):
        a, b = ident[gram], drift[gram]
        if a + b < MIN_TEXTS or len(counts.sets[gram]) < MIN_SETS or not usable(gram):
            continue
        log_odds = math.log((a + 1) / (n_ident + 2)) - math.log((b + 1) / (n_drift + 2))
        if abs(log_odds) < MIN_LOG_ODDS:
            continue
        polarity = "identity" if log_odds > 0 else "drift"
        steps = round(abs(log_odds) * WEIGHT_PER_LOG_ODDS / WEIGHT_STEP)
        weight = min(MAX_WEIGHT, max(WEIGHT_STEP, steps * WEIGHT_STEP))
        learned[gram] = (dimension_of(counts.dims[gram], polarity), polarity, weight)
    return learned


def dimension_of(dims: Counter[str], polarity: str) -> str:
    """The labelled dimension of `polarity` the n-gram co-occurs with most (display order on
    ties); a general one when it never co-occurs with a labelled dimension of that polarity."""
    ranked = [
        (n, -DIMENSIONS.index(d), d)
        for label, n in dims.items()
        for d, p in [label.split(":")]
        if p == polarity and d in DIMENSIONS
    ]
    if not ranked:
        return "connection" if polarity == "identity" else "co_optation"
    return max(ranked)[2]


def section(learned: dict[str, tuple[str, str, float]], counts: Counts) -> str:
    groups: defaultdict[tuple[str, str, float], list[str]] = defaultdict(list)
    for gram, key in learned.items():
        groups[key].append(gram)
    n = counts.texts["identity"] + counts.texts["drift"]
    source = (
        f"learned: log-odds of the phrase in {n} labelled identity/drift texts of tests/data "
        "(benchmarks/learn_markers.py)"
    )
    lines = [LEARNED_SECTION]
    for dim, polarity, weight in sorted(groups, key=lambda k: (DIMENSIONS.index(k[0]), k[1], k[2])):
        patterns = ", ".join(f'"{g}"' for g in sorted(groups[dim, polarity, weight]))
        lines += [
            "",
            "[[marker]]",
            f'id = "learned.{dim}.{polarity}.{weight:g}"',
            f'dimension = "{dim}"',
            f'polarity = "{polarity}"',
            f"weight = {weight:g}",
            "learned = true",
            f'source = "{source}"',
            f"patterns = [{patterns}]",
        ]
    return "\n".join(lines) + "\n"


def curated(path: Path = DEFAULT_LEXICON) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(LEARNED_SECTION, 1)[0]


def generated() -> str:
    counts = count(training_examples())
    return section(learn(counts), counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the lexicon file to write")
    args = parser.parse_args()
    args.out.write_text(curated() + generated(), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
