"""Round 42 (drift, a peer supporter in a drug and alcohol service who dictates her entries).

- Punctuation spoken to speech-to-text and written as words ("full stop", "new paragraph",
  "new line", "question mark", "exclamation mark/point", "comma"), in lower case between
  words, ends the sentence (or clause) as the mark would: "stop" in "full stop" is no negator,
  and the spoken words are not counted as words. Ordinary writing ("came to a full stop.",
  "That's it, full stop.", "her new line manager") is read as before.
- "client" / "service user" are everyday words there: only chart-like uses ("client
  presented", "the client was compliant") are clinical talk, and "role" alone ("my role is
  to walk with him") is no learned evidence.
- A trailing "according to the nurse" gives the clause before it to the nurse, "but to me …"
  takes the sentence back, and "according to" is not learned as the writer's clinical language.
- Carrying a script decision or a drug test's result to the person is messenger work, and a
  "dirty" sample is a label.
- "Once she'd told me I corrected her" (no comma) is the writer's correcting.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from learn_markers import usable
from peerjournal.drift import Hit, Lexicon, load_lexicon, score_text
from peerjournal.drift.matcher import normalise
from peerjournal.drift.score import DriftScore

CLUCKING = (
    "um so today i was with a service user who was clucking full stop i shared my own story "
    "about rattling in the cells and we talked about what she wanted new paragraph"
)
POLICE = (
    "the client was using again and the team wants me to get him to stop using full stop i "
    "said my role is to walk with him not police him"
)
JUNKIE = (
    "she is a junkie according to the nurse but to me she is a woman who uses and who makes "
    "me laugh"
)
SCRIPT = (
    "his urine came back dirty again so the team wants to reduce his script and i have to "
    "tell him tomorrow at the pharmacy"
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _drift_json(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    for hit in data["hits"]:  # spans index the text as written, spoken marks and all
        assert text[hit["start"] : hit["end"]] == hit["text"], hit
    return data


def _curated(score: DriftScore) -> list[Hit]:
    return [h for h in score.hits if not h.marker.startswith("learned.")]


def _flags(score: DriftScore) -> list[tuple[str, str, bool, bool, bool, bool]]:
    return [
        (h.marker, h.polarity, h.negated, h.attributed, h.hypothetical, h.counted)
        for h in score.hits
    ]


def test_spoken_full_stop_is_no_negator(cli: CLI) -> None:
    data = _drift_json(cli, CLUCKING)
    assert data["verdict"] == "identity"
    assert data["balance"] == 1.0
    story = next(h for h in data["hits"] if h["marker"] == "story.shared")
    assert story["text"] == "shared my own story"
    assert (story["polarity"], story["negated"], story["counted"]) == ("identity", False, True)
    # "full stop" and "new paragraph" are marks, not words (29, as with "." and a new line)
    assert data["words"] == 29


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        (
            "clean time matters to him so it matters to me full stop we talked about what "
            "helped him get there",
            "clean time matters to him so it matters to me. we talked about what helped him "
            "get there",
        ),
        (
            "we talked about using safer full stop no judgement from me cos ive been there",
            "we talked about using safer. no judgement from me cos ive been there",
        ),
        (
            "he was using again full stop i stood up for him in the team meeting",
            "he was using again. i stood up for him in the team meeting",
        ),
        (
            "he was on methadone full stop i had to report back to the team whether he was "
            "compliant",
            "he was on methadone. i had to report back to the team whether he was compliant",
        ),
        (
            "it doesnt cancel out the work new paragraph we talked about what happened",
            "it doesnt cancel out the work\nwe talked about what happened",
        ),
        (
            "i didnt lecture him new line i shared my own story",
            "i didnt lecture him\ni shared my own story",
        ),
        (
            "was i wrong question mark i shared my own story with him",
            "was i wrong? i shared my own story with him",
        ),
        (
            "never again exclamation mark i shared my own story with him",
            "never again! i shared my own story with him",
        ),
        (
            "not today exclamation point we talked about what he wants",
            "not today! we talked about what he wants",
        ),
        (
            "the nurse said he should stop comma i told him what i thought",
            "the nurse said he should stop, i told him what i thought",
        ),
    ],
)
def test_spoken_punctuation_reads_as_the_mark(spoken: str, written: str, lexicon: Lexicon) -> None:
    heard, typed = score_text(spoken, lexicon), score_text(written, lexicon)
    assert _flags(heard) == _flags(typed)
    assert (heard.verdict, heard.balance, heard.words) == (
        typed.verdict, typed.balance, typed.words
    )


@pytest.mark.parametrize(
    "text",
    [
        "It came to a full stop.",
        "That's it, full stop.",
        "The bus came to a full stop and I shared my own story.",
        "Her new line manager said no.",
        "He is starting a new line of work.",
        "She put a question mark over it.",
        "I missed a comma in the letter.",
        "She had her period and we talked about it.",
    ],
)
def test_spoken_words_in_ordinary_writing_stay_words(text: str, lexicon: Lexicon) -> None:
    assert normalise(text) == text
    assert score_text(text, lexicon).words == len(text.replace(",", " ").split())


def test_a_stated_role_with_client_is_the_writers_practice(cli: CLI) -> None:
    data = _drift_json(cli, POLICE)
    assert data["verdict"] == "identity"
    assert not [h for h in data["hits"] if h["counted"] and h["polarity"] == "drift"]
    walk = next(h for h in data["hits"] if h["marker"] == "connection.presence")
    assert (walk["text"], walk["hypothetical"], walk["counted"]) == ("walk with", False, True)


def test_service_user_in_everyday_talk_is_no_clinical_talk(lexicon: Lexicon) -> None:
    score = score_text(
        "the service user was in bits today so i sat with her for an hour and shared my own "
        "story and we had a cuppa and a laugh",
        lexicon,
    )
    assert score.verdict == "identity"
    assert score.drift == 0.0


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The client presented as flat and withdrawn today.", "client presented"),
        ("Client stated he had not used since Friday.", "Client stated"),
        ("Wrote up that the client was compliant with his script.", "client was compliant"),
        ("The service user reported cravings overnight.", "service user reported"),
        ("The patient was quiet all morning.", "patient was"),
    ],
)
def test_chart_like_client_talk_is_still_clinical(text: str, span: str, lexicon: Lexicon) -> None:
    hit = next(
        h for h in _curated(score_text(text, lexicon))
        if h.marker == "clinical_language.talk_like_clinician"
    )
    assert (hit.text, hit.counted) == (span, True)


def test_trailing_according_to_is_someone_elses_framing(cli: CLI, lexicon: Lexicon) -> None:
    data = _drift_json(cli, JUNKIE)
    assert data["verdict"] == "identity"
    label = next(h for h in data["hits"] if h["text"] == "she is a junkie")
    assert (label["attributed"], label["counted"]) == (True, False)
    reframe = next(h for h in data["hits"] if h["text"] == "a woman who uses")
    assert (reframe["polarity"], reframe["counted"]) == ("identity", True)
    assert not [h for h in data["hits"] if "according" in h["text"]]
    framing = score_text(JUNKIE, lexicon).others_framing()
    assert [h.text for h in framing] == ["she is a junkie"]


@pytest.mark.parametrize(
    "text",
    [
        "She is a junkie, according to me, and I said so.",
        "She is a junkie and it went according to plan.",
        "She is a junkie and according to the nurse she is fine.",
    ],
)
def test_according_to_the_writer_or_a_plan_attributes_nothing(text: str, lexicon: Lexicon) -> None:
    label = next(h for h in score_text(text, lexicon).hits if h.text == "She is a junkie")
    assert (label.attributed, label.counted) == (False, True)


def test_carrying_a_script_decision_is_messenger_work(cli: CLI) -> None:
    data = _drift_json(cli, SCRIPT)
    assert data["verdict"] == "drift"
    counted = {(h["marker"], h["text"]) for h in data["hits"] if h["counted"]}
    assert ("clinical_language.labels", "urine came back dirty") in counted
    assert (
        "co_optation.messenger_extension",
        "reduce his script and i have to tell him",
    ) in counted


def test_a_dirty_sample_is_a_label(lexicon: Lexicon) -> None:
    hit = _curated(score_text("She gave a dirty sample again.", lexicon))[0]
    assert (hit.marker, hit.text, hit.counted) == ("clinical_language.labels", "dirty sample", True)


def test_the_writers_deed_after_a_when_clause_without_a_comma(lexicon: Lexicon) -> None:
    mine = next(h for h in score_text("Once she'd told me I corrected her.", lexicon).hits
                if h.marker == "mutuality.instruct")
    assert (mine.attributed, mine.counted) == (False, True)
    told = next(h for h in score_text("She told me I corrected her.", lexicon).hits
                if h.marker == "mutuality.instruct")
    assert told.attributed  # what she told: not the writer's deed


def test_attribution_words_and_role_are_not_learned() -> None:
    assert not usable("according to")
    assert not usable("according")
    assert not usable("role is")
    assert usable("peer role")
