"""Round 38 (drift, QA findings 1, 3, 6, 7, 8, 9, 15): a time or place ("At handover") names
when, not who; a label named to be judged ("calling him X wasn't fair") is not the writer's;
"I realised / noticed I was …", "I found myself …" earn the awareness "I caught myself …" does,
and the noticing covers the drift noticed, not what the writer did next; "I wonder if he is X"
is the writer's label; a negated marker is named as one thing; a netted learned phrase says
what share it counts; one rule names a drift verdict in the sentence and the short words."""

from __future__ import annotations

import json
from datetime import date

import pytest
from rich.console import Console

from peerjournal.drift import (
    Lexicon,
    drift_named,
    load_lexicon,
    marker_label,
    negated_name,
    score_text,
)
from peerjournal.drift.score import DriftScore, learned_share, named_drift
from peerjournal.entry import EntryDraft
from peerjournal.render.drift import SELF_DOUBT_SENTENCE, UNICODE, _rows, verdict_sentence
from peerjournal.render.verdicts import (
    SELF_DOUBT_WORDS,
    VERDICT_WORDS,
    OneLineSummary,
    named_of_summary,
    verdict_words,
)
from peerjournal.scoring import score_draft


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _curated(score: DriftScore, polarity: str = "drift") -> list[tuple[str, bool, bool]]:
    """(text, counted, attributed) of the curated hits of `polarity`."""
    return [
        (h.text, h.counted, h.attributed)
        for h in score.hits
        if h.polarity == polarity and not h.marker.startswith("learned.")
    ]


# -- 1. "At handover I told him …": the writer's words ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At handover I told him he needs to take his medication and stick to the care plan.",
        "At handover, I told him he needs to take his medication.",
        "In the handover I reminded her she needs to take her meds.",
        "At handover today I told her she should stick to the care plan.",
    ],
)
def test_a_time_or_place_before_the_writer_is_not_someone_elses_framing(
    text: str, lexicon: Lexicon
) -> None:
    score = score_text(text, lexicon)
    hits = _curated(score)
    assert hits and all(counted and not attributed for _, counted, attributed in hits), hits
    assert score.verdict == "drift"
    assert score.others_framing() == []


@pytest.mark.parametrize(
    "text",
    [
        "At handover the team called him manipulative.",
        "At handover he was described as non-compliant.",
        "At handover I was told he needs to take his meds.",
        "At handover we heard he was non-compliant.",
    ],
)
def test_at_handover_someone_elses_words_stay_theirs(text: str, lexicon: Lexicon) -> None:
    hits = _curated(score_text(text, lexicon))
    assert hits and all(attributed and not counted for _, counted, attributed in hits), hits


# -- 6. a label named to be judged ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I told the nurse that calling him manipulative wasn't fair.",
        "Calling him manipulative isn't fair.",
        "Labelling her as attention seeking is so unfair, I said.",
    ],
)
def test_a_label_criticised_is_not_the_writers(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    labels = [h for h in score.hits if h.dimension == "clinical_language"]
    assert labels and not any(h.counted for h in labels)
    assert score.verdict != "drift"
    assert [h.text for h in score.others_framing()] == [labels[0].text]


@pytest.mark.parametrize(
    "text",
    [
        "I told the nurse that calling him manipulative was spot on.",
        "I kept calling him manipulative and it wasn't fair of me.",
        "Calling him non-compliant was accurate, he never takes them.",
    ],
)
def test_a_label_not_criticised_or_owned_still_counts(text: str, lexicon: Lexicon) -> None:
    labels = _curated(score_text(text, lexicon))
    assert labels and all(counted for _, counted, _ in labels), labels


# -- 7. self-noticing -----------------------------------------------------------------------


@pytest.mark.parametrize("cue", ["I caught myself", "I realised I was", "I noticed I was",
                                 "I found myself", "I realized that I was"])
def test_every_way_of_noticing_a_slip_earns_the_awareness(cue: str, lexicon: Lexicon) -> None:
    score = score_text(f"{cue} giving advice again and stopped.", lexicon)
    assert score.verdict == "mixed", cue
    slip = [h for h in score.hits if h.text == "giving advice"]
    assert slip and slip[0].self_noticed and slip[0].counted
    assert score.dimensions["worldview"]["identity"] > 0


def test_not_noticing_earns_nothing(lexicon: Lexicon) -> None:
    score = score_text("I didn't notice I was giving advice.", lexicon)
    assert score.dimensions["worldview"]["identity"] == 0
    assert score.verdict == "drift"


def test_the_noticing_covers_the_drift_noticed_not_what_came_after(lexicon: Lexicon) -> None:
    text = (
        "I caught myself calling him manipulative in my head, and later I told the nurse that "
        "calling him manipulative wasn't fair."
    )
    score = score_text(text, lexicon)
    first, second = (h for h in score.hits if h.marker == "clinical_language.labels")
    assert first.self_noticed and first.counted
    assert not second.self_noticed and second.attributed and not second.counted
    assert not any(h.self_noticed for h in score.hits if h.polarity == "identity")
    repair = score_text("I noticed I was telling her what to do, so I stopped and asked her.",
                        lexicon)
    assert [h.text for h in repair.hits if h.self_noticed] == ["telling her what to do"]


def test_you_noticed_it_is_only_on_the_drift_noticed(lexicon: Lexicon) -> None:
    score = score_text("I noticed I was telling her what to do, so I stopped and asked her.",
                       lexicon)
    phrases = " ".join(row[3].plain for row in _rows(score, lexicon, UNICODE))
    assert phrases.count("you noticed it") == 1
    assert "“telling her what to do” (you noticed it)" in phrases


# -- 8. "I wonder if he is psychotic" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I wonder if he is psychotic, he was talking to himself all afternoon.",
        "I wonder if he's psychotic.",
        "I'm wondering if she is manic.",
        "I wondered whether she was manic.",
    ],
)
def test_wondering_whether_someone_is_a_label_is_the_writers_label(
    text: str, lexicon: Lexicon
) -> None:
    score = score_text(text, lexicon)
    labels = _curated(score)
    assert labels and all(counted for _, counted, _ in labels), labels
    assert not any(h.hypothetical for h in score.hits if h.dimension == "clinical_language")
    assert score.verdict == "drift"


def test_wondering_about_ones_own_action_stays_hypothetical(lexicon: Lexicon) -> None:
    score = score_text("I wonder if I should have told him to take his meds.", lexicon)
    assert score.hits and all(h.hypothetical and not h.counted for h in score.hits)


# -- 9. a negated marker's name ---------------------------------------------------------------


def test_negated_names_read_as_one_thing(lexicon: Lexicon) -> None:
    labels = lexicon.marker_labels
    named = {m.id: marker_label(m.id, labels, negated=True)
             for m in lexicon.markers if m.negation == "flip"}
    assert named["voice.speak_decide_risk"] == "not speaking up, deciding or taking a risk"
    assert named["voice.defer_avoid"] == "not deferring or keeping quiet"
    assert named["story.shared"] == "not sharing your recovery story"
    assert named["self_worth.doubt_shame"] == "no self-doubt or shame"
    assert named["self_worth.confidence"] == "no confidence in the peer role"
    for name in named.values():
        assert name.startswith(("not ", "no ")) and name.count(", ") <= 1, name
    assert marker_label("voice.speak_decide_risk", labels) == labels["voice.speak_decide_risk"]


def test_negated_name_rule() -> None:
    assert negated_name("being there with them") == "not being there with them"
    assert negated_name("a, b, c") == "no a, b or c"
    assert negated_name("asking, listening and waiting") == "not asking, listening or waiting"


# -- 15. a netted learned phrase says what it counts ------------------------------------------


NETTED = (
    "At handover I told him he needs to take his medication and stick to the care plan. I "
    "reminded him he was non-compliant last week. Rushed."
)


def test_netted_learned_phrases_show_their_share_and_add_up(lexicon: Lexicon) -> None:
    score = score_text(NETTED, lexicon)
    share = learned_share(score, lexicon)
    assert share is not None and 0 < share < 1
    shown = f"counts {int(share * 100)}%"
    rows = {row[0].plain: row[3].plain for row in _rows(score, lexicon, UNICODE)}
    counted_learned = [h for h in score.hits if h.counted and h.marker.startswith("learned.")]
    assert counted_learned
    for hit in counted_learned:
        assert f"“{hit.text}” (learned, {shown})" in rows[lexicon.label(hit.dimension)]
    # the phrases add up: curated weights in full, learned ones at the share shown
    total = sum(
        lexicon.marker(h.marker).weight * (share if h.marker.startswith("learned.") else 1.0)
        for h in score.hits if h.counted and h.polarity == "drift"
    )
    assert total * 100 / score.words == pytest.approx(score.drift)
    assert "(learned)" not in " ".join(rows.values())  # every counted one says its share


def test_a_learned_phrase_counted_in_full_says_only_learned(lexicon: Lexicon) -> None:
    score = score_text("I reminded him to take his tablets and he was non-compliant.", lexicon)
    assert learned_share(score, lexicon) in (None, 1.0)
    phrases = " ".join(row[3].plain for row in _rows(score, lexicon, UNICODE))
    assert "counts" not in phrases


# -- 3. one rule for the short verdict --------------------------------------------------------

SELF_DOUBT = (
    "I felt out of my depth all day and I don't think I'm good enough for this job. I kept "
    "apologising and felt like a fraud in the team meeting."
)
CLINICAL = "I told him he needs to take his medication and stick to the care plan."


def _short(text: str, lexicon: Lexicon) -> tuple[str, str, str]:
    """(write's line, the stored entry's words, drift ID's sentence) for `text`."""
    drift = score_draft(EntryDraft(date=date(2026, 12, 6), experience=text), lexicon)
    console = Console(width=200, record=True, color_system=None)
    console.print(OneLineSummary(7, drift.data, drift.markers))
    stored = drift.stored()
    words = verdict_words(stored.verdict, named_of_summary(stored.verdict, stored.summary))
    return console.export_text(), words, verdict_sentence(score_text(text, lexicon), lexicon)


def test_self_doubt_alone_is_named_so_everywhere(lexicon: Lexicon) -> None:
    line, words, sentence = _short(SELF_DOUBT, lexicon)
    assert sentence == SELF_DOUBT_SENTENCE
    assert line.startswith(f"Drift: {SELF_DOUBT_WORDS} (peer identity")
    assert words == SELF_DOUBT_WORDS == "self-doubt"
    assert "clinical" not in line


def test_clinical_drift_still_leans_clinical(lexicon: Lexicon) -> None:
    line, words, sentence = _short(CLINICAL, lexicon)
    assert "clinical role" in sentence
    assert line.startswith("Drift: leans clinical (")
    assert words == VERDICT_WORDS["drift"]


def test_one_rule_on_the_labelled_texts_sentence_and_stored_words_agree(
    lexicon: Lexicon,
) -> None:
    texts = [
        SELF_DOUBT, CLINICAL,
        "I felt like a fraud and told her she should take her meds.",
        "Who am I to do this job? I felt useless. Told him to take his tablets.",
        "I doubted myself all shift. I'm not good enough.",
    ]
    for text in texts:
        score = score_text(text, lexicon)
        drift = score_draft(EntryDraft(date=date(2026, 12, 6), experience=text), lexicon)
        stored = drift.stored()
        assert named_of_summary(stored.verdict, stored.summary) == named_drift(score), text
        says_self_doubt = verdict_sentence(score, lexicon) == SELF_DOUBT_SENTENCE
        assert (verdict_words(score.verdict, named_drift(score)) == SELF_DOUBT_WORDS) is (
            says_self_doubt
        ), text


def test_stored_summaries_without_markers_or_damaged_still_read() -> None:
    summary = json.dumps([20, 0.0, 15.0, {"self_worth": [0.0, 15.0]}])
    assert named_of_summary("drift", summary) == ["self_worth"]
    assert named_of_summary("identity", summary) == []
    for bad in ("not json", "[1, 2]", '{"a": 1}', "[20, 0, 1, {\"x\": 5}]", ""):
        assert named_of_summary("drift", bad) == []
    assert verdict_words("drift", []) == "leans clinical"
    assert verdict_words("insufficient") == "not enough signal"
    assert drift_named("mixed", {"self_worth": {"identity": 0.0, "drift": 9.0}}, 20, set()) == []
