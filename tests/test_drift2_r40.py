"""Round 40 (drift, qa_lang's findings): texting spellings, role slang, fillers, quotatives.

- "gonna", "gunna", "wanna" are plans and wishes as "going to" / "want to" are; "aint" negates.
- Role slang ("the psych", "the doc", "the social", "his PO", "the CO", "the guard", "the screw",
  "the cops") names someone else as the speaker.
- "X was there and then/just/basically told him he should …": the filler keeps X the doer.
- The writer's own quotatives ("i was going", "im like", "i goes", "i was all") before a quote.
- A new texting subject ("hes", "thats") or "and said" after "couldnt" ends a negation's reach.
- Diary style "Really wanted to …" is a wish; "Kept my mouth shut" holds it back.
- Noticing after the slip ("then caught myself", "reading it back", "I hate that I wrote that")
  flags it self-noticed, unless it was cut short as it began or the writer let it stand.
- "If I'd said what I was thinking ("you need to …")": the quote is the condition's words.
- A label named as a remark ("the nutter comment") is theirs; "listened to me" is not the
  writer listening.
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Hit, Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore

LEAVE = "tell her she should"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _hit(score: DriftScore, text: str) -> Hit:
    return next(h for h in score.hits if h.text == text and not h.marker.startswith("learned."))


@pytest.mark.parametrize(
    "text",
    [
        "i was gonna tell her she should leave him but didnt.",
        "i wanna tell her she should leave him so bad but its her life.",
        "im gonna tell her she should leave him.",
        "i was gunna tell her she should leave him but i didnt, i asked about her week.",
    ],
)
def test_texting_plans_and_wishes_are_hypothetical(lexicon: Lexicon, text: str) -> None:
    hit = _hit(score_text(text, lexicon), LEAVE)
    assert hit.hypothetical and not hit.counted


@pytest.mark.parametrize(
    "text",
    [
        "aint my job to tell her she should leave him. i asked what she wanted to do about it.",
        "i aint gonna tell her she should leave him. i asked what she wanted to do about it.",
    ],
)
def test_aint_negates(lexicon: Lexicon, text: str) -> None:
    score = score_text(text, lexicon)
    hit = _hit(score, LEAVE)
    assert hit.negated and not hit.counted
    assert score.verdict == "identity"


@pytest.mark.parametrize(
    "role",
    ["The psych", "The doc", "The social", "His PO", "The CO", "The guard", "The screw",
     "The cops", "The AMHP", "The RMO", "The MHO"],
)
def test_role_slang_is_someone_else(lexicon: Lexicon, role: str) -> None:
    text = f"{role} told her she should take her meds or lose her bed tonight."
    score = score_text(text, lexicon)
    hit = _hit(score, "told her she should")
    assert hit.attributed and not hit.counted
    assert score.verdict == "insufficient"


def test_role_slang_decision_is_theirs(lexicon: Lexicon) -> None:
    score = score_text("The psych made a decision about her leave without asking her.", lexicon)
    assert not _hit(score, "made a decision").counted


@pytest.mark.parametrize("filler", ["just", "then", "literally", "kinda", "basically", "then just"])
def test_filler_after_and_keeps_the_doer(lexicon: Lexicon, filler: str) -> None:
    text = f"Her dad was there and {filler} told him he should get a job soon."
    hit = _hit(score_text(text, lexicon), "told him he should")
    assert hit.attributed and not hit.counted


def test_filler_after_and_stays_the_writers(lexicon: Lexicon) -> None:
    for text in (
        "I was there and just told him he should get a job.",
        "Sat with D and then told him he should get a job.",
    ):
        assert _hit(score_text(text, lexicon), "told him he should").counted


def test_filler_lecture_is_the_dads(lexicon: Lexicon) -> None:
    text = "T's dad was at the family session and basically lectured him the whole time."
    assert score_text(text, lexicon).verdict == "insufficient"


@pytest.mark.parametrize(
    "quotative", ["i was going", "i'm like", "im like", "i goes", "i was all", "i was like"]
)
def test_writers_own_quotatives(lexicon: Lexicon, quotative: str) -> None:
    text = (
        f'she was on about her debts and {quotative} "you should ring stepchange" before '
        "she'd even finished talking."
    )
    score = score_text(text, lexicon)
    hit = _hit(score, "you should")
    assert hit.counted and not hit.attributed
    assert score.verdict == "drift"


def test_quotative_after_someone_elses_quote(lexicon: Lexicon) -> None:
    text = 'she said "you should ring them" and i was going "no, what do you want to do?"'
    assert _hit(score_text(text, lexicon), "you should").attributed


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("staff say hes difficult. hes not difficult hes got real strengths, he kept the whole "
         "hostel laughing tonight.", "strengths"),
        ("thats not chaos thats resourcefulness", "resourcefulness"),
        ("sat through the meeting biting my tongue until i couldnt anymore and said has anyone "
         "asked P what's going on for him. silence.", "asked P what"),
    ],
)
def test_new_texting_clause_ends_negation(lexicon: Lexicon, text: str, phrase: str) -> None:
    hit = _hit(score_text(text, lexicon), phrase)
    assert hit.polarity == "identity" and not hit.negated and hit.counted


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I never said he's manipulative.", "manipulative"),
        ("I didn't tell her she's non-compliant.", "non-compliant"),
    ],
)
def test_what_was_not_said_stays_negated(lexicon: Lexicon, text: str, phrase: str) -> None:
    hit = _hit(score_text(text, lexicon), phrase)
    assert hit.negated and not hit.counted


def test_their_feeling_in_texting(lexicon: Lexicon) -> None:
    text = "we got talking about how hed been 90 days clean and then wasnt and hes ashamed."
    assert not _hit(score_text(text, lexicon), "ashamed").counted


def test_diary_wish_held_back(lexicon: Lexicon) -> None:
    score = score_text(
        "Really wanted to give him advice about the drinking. Kept my mouth shut and listened "
        "to him instead.",
        lexicon,
    )
    assert _hit(score, "give him advice").hypothetical
    # given anyway: the wish was not held back
    score = score_text("Really wanted to tell her she should leave him. Told her anyway.", lexicon)
    assert _hit(score, LEAVE).counted


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I told her she should ring stepchange before she'd even finished, then caught myself "
         "and shut up and asked her what she thought.", "told her she should"),
        ("Wrote that he was non-compliant in the notes. Reading it back, not my words.",
         "non-compliant"),
        ("i wrote patient is actively psychotic in the handover. i hate that i wrote that. "
         "rewrote it as he's hearing voices and scared.", "psychotic"),
    ],
)
def test_noticed_after_the_slip(lexicon: Lexicon, text: str, phrase: str) -> None:
    score = score_text(text, lexicon)
    assert _hit(score, phrase).self_noticed
    assert score.verdict == "mixed"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the noticing belongs to the later slip
        ("I told her she should ring them. Later I caught myself calling him non-compliant.",
         "told her she should"),
        # cut short as it began
        ('started to say "u should try meal prepping" and heard myself, stopped halfway lol.',
         "u should try"),
        # noticed, and let stand
        ("Wrote in the notes: B presenting as low, advised GP. Reading it back that's how they "
         "wrote about me. Left it though, it's what they want.", "presenting as"),
    ],
)
def test_not_noticed_after(lexicon: Lexicon, text: str, phrase: str) -> None:
    assert not _hit(score_text(text, lexicon), phrase).self_noticed


def test_quoted_thought_in_a_condition(lexicon: Lexicon) -> None:
    score = score_text(
        "If I'd said what I was thinking (\"you need to get away from him\") she'd have shut "
        "down. So I asked about her nan instead.",
        lexicon,
    )
    assert _hit(score, "you need to").hypothetical
    assert score.verdict == "identity"
    said = score_text('I said what I was thinking ("you need to get away from him").', lexicon)
    assert _hit(said, "you need to").counted


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Told the wing manager the nutter comment wasn't on. He rolled his eyes but fine, I'll "
         "raise it again.", "the nutter"),
        ("I told him the 'manipulative' remark in handover was out of order and asked them to use "
         "her name.", "manipulative"),
    ],
)
def test_label_named_as_a_remark_is_theirs(lexicon: Lexicon, text: str, phrase: str) -> None:
    hit = _hit(score_text(text, lexicon), phrase)
    assert hit.attributed and not hit.counted


def test_label_before_other_words_stays_the_writers(lexicon: Lexicon) -> None:
    text = "She's manipulative, comments from staff aside."
    assert _hit(score_text(text, lexicon), "manipulative").counted


def test_listened_to_me_is_not_the_writers_listening(lexicon: Lexicon) -> None:
    text = "The nurses listened to me for once in the ward round and took it on board today."
    # with no hit at all (the lexicon asks for a person listened to) it is not counted either
    assert not any(h.counted for h in score_text(text, lexicon).hits if "listened to" in h.text)
    assert _hit(score_text("I listened to him for an hour.", lexicon), "I listened").counted


@pytest.mark.parametrize(
    "text",
    [
        "At the social I told her she should ring them.",
        "Went to the social and told her she should ring them.",
        "I was caught off guard and told her she should ring them.",
    ],
)
def test_role_slang_words_elsewhere_leave_the_writers_advice(lexicon: Lexicon, text: str) -> None:
    assert _hit(score_text(text, lexicon), "told her she should").counted


def test_feeling_competent_is_no_noticing(lexicon: Lexicon) -> None:
    text = "I told her she should ring them. I felt like I knew what I was doing today."
    assert not _hit(score_text(text, lexicon), "told her she should").self_noticed
