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


# --- round 42, second pass: the QA of the first (qa_lex) ---------------------------------


def _counted(text: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    return {(h.marker, h.text) for h in _curated(score_text(text, lexicon)) if h.counted}


@pytest.mark.parametrize(
    ("text", "marker", "span"),
    [
        (
            "I had to check his meds according to the care plan.",
            "co_optation.compliance_monitor",
            "check his meds",
        ),
        ("I reported back to the team according to protocol.",
         "co_optation.messenger_extension", "reported back to the team"),
        ("I did a risk assessment according to procedure.", "co_optation.coercion_risk",
         "risk assessment"),
        ("I monitored his compliance according to the policy.",
         "co_optation.compliance_monitor", "monitored his compliance"),
        ("I advised him according to the guidelines.", "advice.you_should", "advised"),
        ("I told him he should comply according to the doctor.", "advice.you_should",
         "told him he should"),
        ("I labelled him manipulative according to the handover notes.",
         "clinical_language.labels", "manipulative"),
        ("I walked with him according to his wishes.", "connection.presence", "walked with him"),
        ("We made a plan together according to what she wanted.",
         "mutuality.learning_together", "We made a plan"),
        ("I stood up for him according to everyone at the meeting.",
         "advocacy.speaking_for_with", "stood up for him"),
        ("He is manipulative according to the team's rules.", "clinical_language.labels",
         "manipulative"),
    ],
)
def test_according_to_a_rule_or_the_writers_own_act_stays_the_writers(
    text: str, marker: str, span: str, lexicon: Lexicon
) -> None:
    assert (marker, span) in _counted(text, lexicon)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He is non-compliant according to the psychiatrist.", "non-compliant"),
        ("He was symptomatic according to the chart.", "symptomatic"),
        ("He's a frequent flyer according to reception.", "frequent flyer"),
    ],
)
def test_according_to_someone_who_speaks_is_their_framing(
    text: str, span: str, cli: CLI
) -> None:
    data = _drift_json(cli, text)
    label = next(h for h in data["hits"] if h["text"] == span)
    assert (label["attributed"], label["counted"]) == (True, False)
    assert data["verdict"] == "insufficient"


def test_the_writer_who_thinks_the_speaker_right_owns_the_label(lexicon: Lexicon) -> None:
    agrees = "She is a junkie according to the nurse and I think she's right."
    assert ("focus.my_condition_language", "She is a junkie") in _counted(agrees, lexicon)
    # "right to refuse" is about the person, not the nurse
    person = "He is non-compliant according to the nurse and I think he's right to refuse it."
    assert ("clinical_language.labels", "non-compliant") not in _counted(person, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "The service opened its new line for people in crisis and I shared my own story.",
        "There is a huge question mark hanging over her tenancy.",
        "He is comma separated values expert and we talked.",
        "He has brand new line dancing shoes and we laughed together.",
        "There is a real question mark about whether he gets the flat.",
        "Big question mark against his name at the MDT, I stood up for him.",
        "It's all question mark with her at the moment.",
        "She uses comma splices and I love it, we laughed together.",
        "I met our team's new line manager's deputy and shared my story.",
        "I said that's it full stop and walked off, I felt ashamed.",
        "The nurse said he is manipulative full stop and I agreed.",
        "Next time if the ward opens its new line I will tell him he should call it.",
        "there's a big question mark about his housing",
        "brand new line dancing with her",
    ],
)
def test_spoken_mark_words_in_typed_prose_stay_words(text: str) -> None:
    assert normalise(text) == text


def test_a_typed_question_mark_phrase_keeps_the_nurses_label_hers(cli: CLI) -> None:
    data = _drift_json(
        cli,
        "The nurse said there's a big question mark about his housing and he is non-compliant.",
    )
    label = next(h for h in data["hits"] if h["text"] == "non-compliant")
    assert (label["attributed"], label["counted"]) == (True, False)
    assert data["words"] == 16


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("I listened to him comma then I shared my own story.", ","),
        ("I stopped myself full stop before giving advice.", "."),
        ('Mum said "he is manipulative comma he always was" and I pushed back.', ","),
    ],
)
def test_a_spoken_mark_that_opens_a_clause_in_typed_prose_is_the_mark(
    text: str, mark: str
) -> None:
    assert mark + " " in normalise(text).replace("  ", " ")


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("When he told me I talked like a clinician, I felt ashamed.",
         "clinical_language.talk_like_clinician"),
        ("When my supervisor told me I instructed too much, I felt ashamed.",
         "mutuality.instruct"),
    ],
)
def test_what_was_told_closed_by_a_comma_stays_told(
    text: str, marker: str, lexicon: Lexicon
) -> None:
    told = next(h for h in score_text(text, lexicon).hits if h.marker == marker)
    assert (told.attributed, told.counted) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "They want to reduce her script and I need to tell her but I'm going to push back instead.",
        "They are cutting his methadone and I have to tell him. I refused.",
        "I had to tell him his script was ready at the chemist so he could pick it up.",
        "I need to tell her her results are back, she asked me to find out.",
    ],
)
def test_no_messenger_work_when_refused_or_for_logistics(text: str, lexicon: Lexicon) -> None:
    assert not [m for m, _ in _counted(text, lexicon) if m == "co_optation.messenger_extension"]


@pytest.mark.parametrize(
    "text",
    [
        "I had to tell him his urine came back dirty.",
        "I had to break it to her that her methadone is being reduced.",
        "I was asked to report back to the team and I did it.",
    ],
)
def test_carrying_a_result_or_decision_is_still_messenger_work(
    text: str, lexicon: Lexicon
) -> None:
    assert [m for m, _ in _counted(text, lexicon) if m == "co_optation.messenger_extension"]


def test_only_a_drug_test_comes_back_clean(lexicon: Lexicon) -> None:
    covid = "My covid test came back clean so I could go to work and sit with him."
    assert not [m for m, _ in _counted(covid, lexicon) if m == "clinical_language.labels"]
    drug = "His drug screen came back dirty again."
    assert ("clinical_language.labels", "drug screen came back dirty") in _counted(drug, lexicon)


@pytest.mark.parametrize(
    ("text", "chart"),
    [
        ("The service user appeared at the door and I made him a cuppa.", False),
        ("The client denied me a hug today, which was fair.", False),
        ("The client appeared agitated on the ward.", True),
        ("Client denies any thoughts of self-harm.", True),
    ],
)
def test_everyday_verbs_after_client_are_no_chart_talk(
    text: str, chart: bool, lexicon: Lexicon
) -> None:
    found = [m for m, _ in _counted(text, lexicon) if m == "clinical_language.talk_like_clinician"]
    assert bool(found) is chart


def test_getting_needs_met_after_but_to_me_is_the_writers_reframe(cli: CLI) -> None:
    data = _drift_json(
        cli, "The nurse said he is manipulative but to me that's getting needs met."
    )
    assert data["verdict"] == "identity"
    reframe = next(h for h in data["hits"] if h["text"] == "getting needs met")
    assert reframe["counted"]
    assert not [h for h in data["hits"] if h["counted"] and h["polarity"] == "drift"]
