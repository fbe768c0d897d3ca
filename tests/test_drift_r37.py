"""Round 37 (drift): someone else's deed on the writer's behalf is not the writer's evidence,
curated or learned, drift too ("She rang the council on my behalf"); the for-me check across
doubled spaces; a tie of self-doubt with any dimension reads as a tie, and the report's
rising drift is named by the same rule and words; a named subject carries across "and" to a
state ("Kim cried and was tearful"); a day or a month is no person ("Monday was tearful");
the cycle collector waits while a long text is scored."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from peerjournal.drift import (
    DIMENSIONS,
    Lexicon,
    drift_name,
    leading,
    load_lexicon,
    mostly,
    score_text,
)
from peerjournal.drift import score as score_module
from peerjournal.drift.matcher import _for_writer, _writer_spans, scan
from peerjournal.drift.score import DriftScore
from peerjournal.render.drift import SELF_DOUBT_SENTENCE, VERDICT_SENTENCES, verdict_sentence
from peerjournal.trends import _where_drift_rose

STATE = "clinical_language.described_other"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _hits(text: str, lexicon: Lexicon, phrase: str) -> list[tuple[bool, bool]]:
    """(counted, attributed) of every hit, curated or learned, whose text is `phrase`."""
    curated, learned, _ = scan(text, lexicon)
    return [(h.counted, h.attributed) for h, _ in curated + learned if h.text.lower() == phrase]


# 1: someone else's deed for the writer


@pytest.mark.parametrize(
    "text",
    [
        "She rang the council on my behalf.",
        "She rang the council  on my behalf.",
        "Her mum rang the council for me.",
    ],
)
def test_a_deed_on_my_behalf_is_someone_elses(text: str, lexicon: Lexicon) -> None:
    hits = _hits(text, lexicon, "rang the council")
    assert hits and all(not counted and attributed for counted, attributed in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "I rang the council on her behalf.",  # the writer's, for someone else
        "Rang the council on my behalf.",  # diary style: the writer
        "She rang the council.",  # not for the writer: as before
    ],
)
def test_the_writers_own_deed_still_counts(text: str, lexicon: Lexicon) -> None:
    hits = _hits(text, lexicon, "rang the council")
    assert hits and all(counted for counted, _ in hits), hits


# 2: doubled spaces


def test_for_writer_reads_across_spaces_not_punctuation() -> None:
    def check(text: str, hit: str) -> bool:
        start = text.index(hit)
        return _for_writer(_writer_spans(text), text, start, start + len(hit))

    assert check("jo shouted for me.", "shouted")
    assert check("jo shouted  for me.", "shouted")
    assert check("jo shouted \t for me.", "shouted")
    assert check("jo spoke up for  me.", "spoke up for")
    assert check("on  my   behalf.", "behalf")  # inside the words, however spaced
    assert not check("jo shouted, for me.", "shouted")
    assert not check("jo shouted\nfor me.", "shouted")  # a line ends the sentence
    assert not check("jo shouted at them. i went for me.", "shouted")


@pytest.mark.parametrize("gap", [" ", "  ", "   "])
def test_a_learned_voice_word_for_me_is_theirs_however_spaced(gap: str, lexicon: Lexicon) -> None:
    hits = _hits(f"Jo shouted{gap}for me.", lexicon, "shouted")
    assert hits == [(False, True)]


# 3: a tie reads as a tie


def _figures(drift: dict[str, float]) -> DriftScore:
    """A drift score of 100 words whose curated drift per dimension is `drift`."""
    return DriftScore.from_dict({
        "verdict": "drift", "balance": -1.0, "identity": 0.0, "drift": sum(drift.values()),
        "words": 100, "lexicon_version": "test",
        "dimensions": {d: {"identity": 0.0, "drift": drift.get(d, 0.0)} for d in DIMENSIONS},
        "hits": [
            {"marker": f"{d}.x", "dimension": d, "polarity": "drift", "text": "x", "start": i,
             "end": i + 1, "negated": False, "attributed": False, "hypothetical": False,
             "self_noticed": False, "counted": True}
            for i, d in enumerate(drift)
        ],
    })


@pytest.mark.parametrize(
    ("drift", "named"),
    [
        ({"focus": 2.0, "self_worth": 2.0}, "focus, and as much self-doubt"),
        ({"voice": 2.0, "self_worth": 2.0, "advice": 1.0}, "voice, and as much self-doubt"),
        ({"story": 3.0, "mutuality": 3.0, "self_worth": 3.0},
         "recovery story, and as much mutuality and self-doubt"),
        ({"self_worth": 2.0, "clinical_language": 2.0},
         "self-doubt, and as much clinical language"),
    ],
)
def test_self_doubt_tied_reads_as_a_tie_whatever_sorts_first(
    drift: dict[str, float], named: str, lexicon: Lexicon
) -> None:
    sentence = verdict_sentence(_figures(drift), lexicon)
    assert sentence == f"Your language in this entry leans toward drift: {named} drift."


def test_no_tie_reads_as_before(lexicon: Lexicon) -> None:
    assert verdict_sentence(_figures({"self_worth": 3.0, "focus": 2.0}), lexicon) == (
        SELF_DOUBT_SENTENCE
    )
    assert SELF_DOUBT_SENTENCE == (
        "Your language in this entry leans toward drift: mostly self-doubt, not a clinical role."
    )
    for drift in ({"focus": 3.0, "self_worth": 2.0}, {"focus": 2.0, "advice": 2.0}):
        assert verdict_sentence(_figures(drift), lexicon) == VERDICT_SENTENCES["drift"]


def test_leading_and_mostly() -> None:
    assert leading({"a": 1.0, "b": 2.0, "c": 2.0 - 1e-12}) == ["b", "c"]
    assert leading({"a": 0.0, "b": -1.0}) == [] and leading({}) == []
    assert mostly(["advice"]) == "mostly advice"
    assert mostly(["a", "b", "c", "d"]) == "a, and as much b, c and d"
    assert drift_name("self_worth", "Self-worth") == "self-doubt"
    assert drift_name("clinical_language", "Clinical language") == "clinical language"


# 7: the report's rising drift, by the same rule and words


def test_report_names_a_tie_as_the_verdict_does() -> None:
    from peerjournal.trends import THRESHOLDS, Totals

    names = {"self_worth": "self-worth", "clinical_language": "clinical language"}

    def period(self_worth: int, clinical: int) -> tuple[Totals, dict[str, Totals]]:
        totals = Totals()
        totals.words = 100
        totals.dims = {"self_worth": [0, self_worth], "clinical_language": [0, clinical]}
        return totals, {"inpatient": totals}

    (a, a_set), (b, b_set) = period(1, 1), period(3, 3)
    tied = _where_drift_rose([a, b], [a_set, b_set], [(0, 1)], names, THRESHOLDS)
    assert tied == ", self-doubt, and as much clinical language in inpatient shifts"
    (a, a_set), (b, b_set) = period(1, 1), period(1, 3)
    one = _where_drift_rose([a, b], [a_set, b_set], [(0, 1)], names, THRESHOLDS)
    assert one == ", mostly clinical language in inpatient shifts"
    (a, a_set), (b, b_set) = period(1, 1), period(4, 3)
    doubt = _where_drift_rose([a, b], [a_set, b_set], [(0, 1)], names, THRESHOLDS)
    assert doubt == ", mostly self-doubt in inpatient shifts"  # the verdict's name for it


# 4, 5: whose state


@pytest.mark.parametrize(
    "text",
    [
        "Kim cried and was tearful.",
        "After group Kim cried and was tearful.",
        "Her mum sat down and seemed tearful.",
        "Kim was anxious and tearful.",
        "She cried and was tearful.",
    ],
)
def test_a_named_subject_carries_across_and(text: str, lexicon: Lexicon) -> None:
    assert [h.text for h in score_text(text, lexicon).hits if h.marker == STATE and h.counted]


@pytest.mark.parametrize(
    "text",
    [
        "Monday was tearful.",
        "Mondays are tearful.",
        "December was tearful.",
        "Saturday seemed tearful, honestly.",
        "Sat with Kim and was tearful.",  # diary style: the writer
        "I hugged Kim and was tearful.",
        "Me and Kim cried and were tearful.",
        "Cried and was tearful.",
    ],
)
def test_no_one_else_is_tearful(text: str, lexicon: Lexicon) -> None:
    assert not [h for h in score_text(text, lexicon).hits if h.marker == STATE]


# 6: the cycle collector waits while a long text is scored


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_long_text_is_scored_with_the_collector_paused(
    collector_on: None, lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = score_module.scan_many

    def spy(texts: list[str], lex: Lexicon) -> object:
        seen.append(gc.isenabled())
        return real(texts, lex)

    monkeypatch.setattr(score_module, "scan_many", spy)
    short = score_text("I shared my story and the nurse said he was non-compliant.", lexicon)
    long = score_text("I shared my story today " * (score_module.LONG_TEXT // 20), lexicon)
    assert seen == [True, False] and gc.isenabled()
    assert short.verdict and long.words > 0
    with pytest.raises(TypeError):
        score_text(None, lexicon)  # type: ignore[arg-type]
    assert gc.isenabled()
