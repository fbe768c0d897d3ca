"""Peer identity vs peer drift: a lexicon of markers, a matcher and an explainable score.

Stdlib only (re, tomllib, hashlib, dataclasses). Names are imported from their modules on first
use, so a command that only needs `DIMENSIONS` (a report) does not compile the matcher's
regexes.

    >>> from peerjournal.drift import score_text
    >>> score_text("I shared my own recovery story and we learned from each other.").verdict
    'identity'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers: Mapping, and what __getattr__ returns
    from collections.abc import Collection, Mapping, Sequence

    from peerjournal.drift.lexicon import DIMENSIONS as DIMENSIONS
    from peerjournal.drift.lexicon import Lexicon as Lexicon
    from peerjournal.drift.lexicon import LexiconError as LexiconError
    from peerjournal.drift.lexicon import Marker as Marker
    from peerjournal.drift.lexicon import load_lexicon as load_lexicon
    from peerjournal.drift.matcher import Hit as Hit
    from peerjournal.drift.score import DriftScore as DriftScore
    from peerjournal.drift.score import iter_score_many as iter_score_many
    from peerjournal.drift.score import reflective_questions as reflective_questions
    from peerjournal.drift.score import score_many as score_many
    from peerjournal.drift.score import score_text as score_text

_MODULE_OF = {
    "DIMENSIONS": "lexicon",
    "Lexicon": "lexicon",
    "LexiconError": "lexicon",
    "Marker": "lexicon",
    "load_lexicon": "lexicon",
    "Hit": "matcher",
    "DriftScore": "score",
    "iter_score_many": "score",
    "reflective_questions": "score",
    "score_many": "score",
    "score_text": "score",
}

# Every learned marker's id starts so (validated): a learned marker groups unrelated words by
# their weight, so its id means nothing to a reader, and marker lists leave it out.
LEARNED_PREFIX = "learned."


def is_learned_marker(marker_id: str) -> bool:
    return marker_id.startswith(LEARNED_PREFIX)


def marker_label(
    marker_id: str, labels: Mapping[str, str] | None = None, *, negated: bool = False
) -> str:
    """A marker's name for a reader: its label in `labels` (the lexicon's [marker_labels]:
    'moving_toward.choice_hope' -> 'their choices and hopes'), else the part of its id after the
    dimension ('clinical_language.non_compliant' -> 'non compliant'); a learned marker is
    'learned words'.

    `negated`: the marker counted flipped (`negation = "flip"`: "I didn't share my story"
    counts as drift), so it is named as its opposite (`negated_name`): 'not sharing your
    recovery story'. Learned markers are never flipped."""
    name = _name(marker_id, labels)
    return negated_name(name) if negated else name


# a label that is a clause or a question, not a doing or a thing ("when you push back for
# them", "Do you notice their strengths?"): `negated_name` negates it after it, not before
_CLAUSE_OPENERS = frozenset({
    "you", "you're", "you've", "you'll", "you'd", "when", "whenever", "what", "how", "if", "as",
    "while", "where", "why", "who", "do", "does", "did", "are", "is", "have", "has", "can",
    "could", "would", "will", "should",
})
# words that open a clause after a comma ("sharing your own story, as you choose"): not one
# more of a list's alternatives
_JOINS = frozenset({
    "as", "when", "if", "while", "because", "so", "and", "or", "but", "where", "though",
    "until", "unless", "before", "after", "once", "whenever",
})


def negated_name(name: str) -> str:
    """A marker's name negated as one thing: "not" before a doing ("not sharing your recovery
    story"), "no" before a thing ("no self-doubt or shame"), and a list read as alternatives,
    none of which happened: "speaking up, deciding, taking a risk" -> "not speaking up,
    deciding or taking a risk" (not "not speaking up, deciding, taking a risk", which reads
    as if deciding were the drift). A clause or a question (an organisation's label: "when
    you push back for them") is said, then "(not so)": "no when you…" read as nonsense; a
    clause after a comma ("…, as you choose") is kept, not made an alternative."""
    first = name.split(" ", 1)[0].rstrip(",;:").casefold().replace("\u2019", "'")
    if name.rstrip().endswith("?") or first in _CLAUSE_OPENERS or ";" in name:
        return f"{name} (not so)"
    alternatives = name.replace(" and ", " or ")
    head, comma, last = alternatives.rpartition(", ")
    if comma and " or " not in last and last.split(" ", 1)[0].casefold() not in _JOINS:
        alternatives = f"{head} or {last}"  # "a, b, c": the last joined by "or"
    return f"{'not' if first.endswith('ing') else 'no'} {alternatives}"


def _name(marker_id: str, labels: Mapping[str, str] | None) -> str:
    if labels and labels.get(marker_id):
        return labels[marker_id]
    if is_learned_marker(marker_id):
        return "learned words"
    tail = marker_id.split(".", 1)[-1]
    return tail.replace("_", " ").replace("-", " ").strip() or marker_id


# figures this close are a tie (per 100 words, or a share of a rise: float sums of equal parts)
TIE = 1e-9


def leading(amounts: Mapping[str, float]) -> list[str]:
    """The keys of `amounts` with the largest amount above 0, ties (`TIE`) in their order: what
    the drift verdict and the report's rising drift name ("mostly …", `mostly`)."""
    top = max(amounts.values(), default=0.0)
    return [key for key, value in amounts.items() if value >= top - TIE] if top > 0 else []


def mostly(names: Sequence[str]) -> str:
    """`leading`'s names in words: "mostly advice" for one, and a tie as a tie: "self-doubt,
    and as much clinical language and advice". One wording for the drift verdict sentence and
    the report, so that the two never disagree."""
    first, *rest = names
    if not rest:
        return f"mostly {first}"
    others = " and ".join(filter(None, (", ".join(rest[:-1]), rest[-1])))
    return f"{first}, and as much {others}"


# learned drift weight in a dimension that is worth a question without a curated hit there: one
# curated phrase's (score.reflective_questions, `asked`)
QUESTION_MIN_WEIGHT = 1.5


def asked(
    dimensions: Mapping[str, Mapping[str, float]], words: int, curated: Collection[str]
) -> list[str]:
    """The dimensions that really drifted, most drift first (ties in `dimensions`' order):
    those with counted drift where a curated drift hit counted (`curated`), or where learned
    ones counted `QUESTION_MIN_WEIGHT` or more (`dimensions`: per 100 words, as scored or as
    stored). What a question may be asked about and the verdict may be named by
    (score.asked_dimensions says why)."""
    per_word = max(words, 1) / 100.0
    drifted = [d for d, v in dimensions.items() if v.get("drift", 0.0) > 0]
    return [
        d
        for d in sorted(drifted, key=lambda d: -dimensions[d]["drift"])
        if d in curated or dimensions[d]["drift"] * per_word >= QUESTION_MIN_WEIGHT - 1e-9
    ]


# The drift toward a clinical role itself (the seed's signals beside the five pairs): clinical
# language, advice and co-optation. Self-doubt names a drift verdict alone ("self-doubt, not a
# clinical role") only where these, together, drifted no more than `CLINICAL_NEGLIGIBLE` of
# self-doubt's drift (round 39's QA: "kicking off", "manipulative" and "I told him to calm
# down" beside "I felt like a fraud" were called "not a clinical role").
CLINICAL_ROLE = frozenset({"clinical_language", "advice", "co_optation"})
CLINICAL_NEGLIGIBLE = 0.25


def drift_named(
    verdict: str, dimensions: Mapping[str, Mapping[str, float]], words: int,
    curated: Collection[str],
) -> list[str]:
    """The dimensions a drift verdict is named by: the leading ones (`leading`) of those that
    really drifted (`asked`); [] for another verdict. One rule for the verdict sentence of
    `drift` and the short verdict of `write`, `show` and `list` (render.verdicts
    `verdict_words`): drift led by self-doubt alone is "self-doubt", not "leans clinical",
    unless the clinical-role drift beside it is more than negligible (`CLINICAL_ROLE`): then
    it is named by that.
    Read from the figures as stored (`DriftScore.figures`, rounded), so that a score and the
    same score read back name the same."""
    if verdict != "drift":
        return []
    found = asked(dimensions, words, curated)
    named = leading({d: dimensions[d]["drift"] for d in found})
    role = {d: dimensions[d]["drift"] for d in found if d in CLINICAL_ROLE}
    if self_doubt_only(named) and sum(role.values()) > (
        CLINICAL_NEGLIGIBLE * dimensions["self_worth"]["drift"] + TIE
    ):
        return leading(role)  # self-doubt beside real clinical-role drift: "leans clinical"
    return named


def self_doubt_only(named: Sequence[str]) -> bool:
    """Is drift named (`drift_named`) by self-doubt alone: drift from the peer role, but not
    toward a clinical one?"""
    return list(named) == ["self_worth"]


def drift_name(dimension: str, label: str) -> str:
    """How drift in `dimension` is named in a sentence: self-worth's drift is self-doubt
    (the seed's "self-doubt, insecurity and shame"); the others by their `label`, lowercase."""
    return "self-doubt" if dimension == "self_worth" else label.lower()


__all__ = sorted([
    *_MODULE_OF, "CLINICAL_NEGLIGIBLE", "CLINICAL_ROLE", "LEARNED_PREFIX", "QUESTION_MIN_WEIGHT",
    "TIE", "asked", "drift_name",
    "drift_named", "is_learned_marker", "leading", "marker_label", "mostly", "negated_name",
    "self_doubt_only",
])


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
