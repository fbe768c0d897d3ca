"""Round 39 (drift, second pass): the QA regressions R1-R8 of the round's attribution rules
(/tmp/r39/qa_drift.md). Each sentence here was read right at the start of the round."""

from __future__ import annotations

import pytest

from peerjournal.drift import Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _counted(score: DriftScore, polarity: str) -> list[str]:
    """The text of the counted curated hits of `polarity`."""
    return [
        h.text
        for h in score.hits
        if h.counted and h.polarity == polarity and not h.marker.startswith("learned.")
    ]


def _hit(score: DriftScore, text: str):  # type: ignore[no-untyped-def]
    return next(h for h in score.hits if h.text == text and not h.marker.startswith("learned."))


_ADVICE = " told him he should take his meds"


# R1: phone shorthand, interjections and typos are no speaker's name; nor is a lower-case
# word mid-sentence
@pytest.mark.parametrize(
    "text",
    [
        *(
            word + _ADVICE
            for word in (
                "thn", "omg", "legit", "ugh", "smh", "fml", "tho", "coz", "cuz", "bc", "yh",
                "jst", "jus", "nd", "den", "acc", "innit", "bruh", "welp", "soz", "tmrw", "tmw",
                "yday", "ystrday", "aswell", "alot", "wen", "nvm", "lmao", "urgh", "meh", "argh",
                "oops", "whoops", "blah", "yup", "lowkey", "highkey",
            )
        ),
        "went to see him and jst" + _ADVICE,
        "he was kicking off so thn" + _ADVICE,
        "went round his and then soz" + _ADVICE,
        "Last week thn" + _ADVICE + ".",
        "at st marys" + _ADVICE,
    ],
)
def test_shorthand_is_no_name(lexicon: Lexicon, text: str) -> None:
    assert "told him he should" in _counted(score_text(text, lexicon), "drift")


@pytest.mark.parametrize("word", ["ppl", "pt", "sw", "sup"])
def test_shorthand_before_said_is_no_speaker(lexicon: Lexicon, word: str) -> None:
    assert _counted(score_text(f"{word} said he lacks insight", lexicon), "drift") == [
        "lacks insight"
    ]


# R2: an I inside the without-phrase is no slip: the deed is still negated
@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("I sat with her without thinking I had to tell her what to do.", "tell her what to do"),
        ("i sat with her without thinking i had to tell her what to do", "tell her what to do"),
        ("I just listened without feeling I had to tell her what to do.", "tell her what to do"),
        ("I listened without telling him what I'd do if I were him.", "if I were him"),
    ],
)
def test_without_and_the_writers_i_inside_it_still_negates(
    lexicon: Lexicon, text: str, dropped: str
) -> None:
    score = score_text(text, lexicon)
    hit = _hit(score, dropped)
    assert hit.negated and not hit.counted and not hit.self_noticed
    assert score.verdict == "identity"


# R3: a named subject of "rang / asked / texted X and …" stays the reporter
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Zoë rang the care coordinator and reported that he had missed his depot.",
         "missed his depot"),
        ("zoë rang the care coordinator and reported that he had missed his depot",
         "missed his depot"),
        ("Dave rang the care coordinator and reported that he had missed his depot.",
         "missed his depot"),
        ("Her keyworker rang the GP and said she had missed her depot.", "missed her depot"),
        ("Dave asked the nurse and said he lacks insight.", "lacks insight"),
        ("Kwame texted his CPN and told her he had stopped his meds.", "stopped his meds"),
    ],
)
def test_someone_elses_report_after_rang_stays_theirs(
    lexicon: Lexicon, text: str, label: str
) -> None:
    hit = _hit(score_text(text, lexicon), label)
    assert hit.attributed and not hit.counted


# R4, R5, R8: company, a place's own name, and an object are no subject
@pytest.mark.parametrize(
    "text",
    [
        "At the ward round with Zoë told him he should take his meds.",
        "In the car with Kwame told him he should take his meds.",
        "At Hope House told him he should take his meds.",
        "At St Mary's told him he should take his meds.",
        "At Mary Seacole House told him he should take his meds.",
        "At Kings College told him he should take his meds.",
        "At Recovery College told him he should take his meds.",
        "At the Wellbeing Hub told him he should take his meds.",
        "At the Job Centre told him he should take his meds.",
        "Met Dr Patel then told him he should take his meds.",
        "met dr patel then told him he should take his meds",
    ],
)
def test_the_writers_advice_after_a_place_or_an_object(lexicon: Lexicon, text: str) -> None:
    assert "told him he should" in _counted(score_text(text, lexicon), "drift")


def test_company_in_a_place_phrase_is_no_subject(lexicon: Lexicon) -> None:
    text = (
        "At the Wellbeing Hub with Priya told her she should take her meds. omg told her she "
        "needs to calm down as well"
    )
    counted = _counted(score_text(text, lexicon), "drift")
    assert "told her she should" in counted and "told her she needs" in counted


def test_a_name_after_a_whole_place_name_is_the_subject(lexicon: Lexicon) -> None:
    score = score_text("At Hope House Zoë told him he should take his meds.", lexicon)
    assert _counted(score, "drift") == []


def test_the_qa_entry_keeps_the_writers_advice_and_negation(lexicon: Lexicon) -> None:
    text = (
        "long shift. at Hope House told kwame he should take his meds cos the nurse was on at "
        "me about it. ugh told him he needs to stop drinking as well. I sat with him after "
        "without thinking I had to tell him what to do and we had a laugh"
    )
    score = score_text(text, lexicon)
    counted = _counted(score, "drift")
    assert "told kwame he should" in counted and "told him he needs" in counted
    assert _hit(score, "tell him what to do").negated
    assert score.verdict == "drift"


# R6: a speech verb after a when-clause's topic continues that clause's speaker
def test_a_label_told_after_a_when_clause_topic_stays_the_speakers(lexicon: Lexicon) -> None:
    text = (
        "I stayed quiet when the psychiatrist talked about his diagnosis and told him he "
        "lacks insight."
    )
    hit = _hit(score_text(text, lexicon), "lacks insight")
    assert hit.attributed and not hit.counted


# R7: a bare "which means" is no gloss of the writer's
def test_a_bare_which_means_stays_the_speakers(lexicon: Lexicon) -> None:
    score = score_text("The nurse said he's non-compliant, which means he lacks insight.", lexicon)
    assert _counted(score, "drift") == []
    assert _hit(score, "lacks insight").attributed


# review F4: a day, month or time after a place is when, not who ("In group | Tuesday told him …")
@pytest.mark.parametrize(
    "text",
    [
        "In group Tuesday told him he should take his meds.",
        "In group tuesday told him he should take his meds.",
        "At work Monday told her she should take her meds.",
        "At the drop in Friday told her she should take her meds.",
        "At the clinic Monday told her she should rest.",
        "In group January told him he should take his meds.",
        "At work Christmas told her she should take her meds.",
        "At work Tonight told her she should take her meds.",
        "At group Yesterday told him he should take his meds.",
    ],
)
def test_a_time_after_a_place_is_no_subject(lexicon: Lexicon, text: str) -> None:
    counted = _counted(score_text(text, lexicon), "drift")
    assert any(c.startswith("told h") for c in counted)


# a person after a place is the subject: a name, a month that is a name, a bare family role
# whose words would otherwise run on from the place's ("work Mum")
@pytest.mark.parametrize(
    "text",
    [
        "At work Mum told him he should take his meds.",
        "At work mum told him he should take his meds.",
        "At group Mum told him he should take his meds.",
        "At work Dad told him he should take his meds.",
        "In group June told him he should take his meds.",
        "At work Sam told him he should take his meds.",
        "At work my mum told him he should take his meds.",
    ],
)
def test_a_person_after_a_place_is_the_subject(lexicon: Lexicon, text: str) -> None:
    assert _counted(score_text(text, lexicon), "drift") == []
