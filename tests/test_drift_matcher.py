"""Matching that respects how people write: negation, others' words, hypotheticals, noticing.

Tested on the curated markers (`curated_score`); learned markers take the same flags."""

from __future__ import annotations

import itertools

import pytest

from conftest import curated_score
from peerjournal.drift import Hit, score_text


def hits(text: str, marker_prefix: str = "") -> list[Hit]:
    return [h for h in curated_score(text).hits if h.marker.startswith(marker_prefix)]


def only(text: str, marker_prefix: str) -> Hit:
    found = hits(text, marker_prefix)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "I did not give advice.",
        "I didn't give her any advice today.",
        "I didn\u2019t give advice",  # curly apostrophe
        "I never gave advice.",
        "No giving advice from me today.",
        "I didnt give advice",
        "Declined to tell her what to do when she asked.",  # refusing, like "refused to"
    ],
)
def test_negated_drift_is_dropped(text: str) -> None:
    hit = only(text, "advice")
    assert hit.negated and not hit.counted


def test_wasnt_focused_on_symptoms() -> None:
    found = hits("I wasn't focused on symptoms at all.", "focus")
    assert found and all(h.negated and not h.counted for h in found)


def test_negation_scope_stops_at_clause_boundary() -> None:
    hit = only("I didn't judge her, but I told her she should move out.", "advice")
    assert not hit.negated and hit.counted
    hit = only("I didn't judge her. You should move, I said.", "advice")
    assert not hit.negated


def test_negation_window_is_limited() -> None:
    text = "Not once in the whole long and tiring week did anyone here ever give advice"
    assert not only(text, "advice").negated


@pytest.mark.parametrize(
    "text",
    [
        "I didn't tell him he should take his antipsychotics.",
        "I never asked if she was compliant with her treatment plan.",
        "I resisted telling her that her symptoms were getting worse.",
        "I refused to check whether he had taken his medication.",
    ],
)
def test_a_dropped_negation_reaches_the_drift_that_follows(text: str) -> None:
    # what the writer did not say or do is not their drift, to the end of its clause, learned
    # phrases included: before, "take his antipsychotics" and "medication" counted
    score = score_text(text)
    assert not [h for h in score.hits if h.polarity == "drift" and h.counted]
    assert all(h.negated for h in score.hits if h.polarity == "drift")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # "and" ends the reach: the telling was done
        ("I didn't lecture him and told him to take his meds.", "take his meds"),
        # someone else did not: the label is still the writer's word
        ("She is not accepting her diagnosis of schizoaffective disorder.", "schizoaffective"),
    ],
)
def test_a_negation_does_not_reach_past_and_or_from_someone_else(text: str, counted: str) -> None:
    found = [h for h in score_text(text).hits if h.text.startswith(counted)]
    assert found and all(h.counted and not h.negated for h in found)


def test_a_negator_inside_a_quote_stays_in_it() -> None:
    text = 'I said "we\'re here for you, not me" and steered back to his mood scores.'
    hit = only(text, "advice")
    assert hit.text == "steered back to" and hit.counted and not hit.negated
    # a negator outside a quote still reaches into it
    hit = only('I never called him "treatment resistant" in the meeting.', "clinical")
    assert hit.negated and not hit.counted


def test_negator_inside_the_phrase_is_part_of_it() -> None:
    hit = only("I didn't want to rock the boat in the meeting.", "voice")
    assert hit.polarity == "drift" and hit.counted and not hit.negated


def test_flip_turns_negated_identity_into_drift() -> None:
    hit = only("I didn't share my story with her.", "story")
    assert hit.negated and hit.counted and hit.polarity == "drift"
    hit = only("I'm no longer ashamed.", "self_worth")
    assert hit.negated and hit.counted and hit.polarity == "identity"


def test_a_negator_that_is_the_subject_drops_rather_than_flips() -> None:
    """What nobody did says nothing of the writer: "Nobody asked about his heart"."""
    for text in ("Nobody shared their story today.", "No one asked about his nerves at all."):
        assert not any(h.counted for h in curated_score(text).hits), text


@pytest.mark.parametrize(
    "text",
    [
        "She couldn't sit with her mum at visiting.",
        "R. can't sit with Dave for long.",
        "The team barely mentioned it at handover.",
        "Then they didn't sit with him at all.",
    ],
)
def test_flip_is_only_for_the_writer(text: str) -> None:
    """Someone else not doing an identity practice says nothing of the writer: dropped."""
    found = [h for h in curated_score(text).hits if h.negated]
    assert found and all(not h.counted for h in found), found


@pytest.mark.parametrize("text", ["Didn't share my story with her.", "We didn't share our story."])
def test_flip_applies_to_the_writer_without_a_subject_or_as_we(text: str) -> None:
    hit = only(text, "story")
    assert hit.negated and hit.counted and hit.polarity == "drift"


@pytest.mark.parametrize(
    "text", ["Stopped and asked him what a good day looks like.", "I stopped, then asked him what"]
)
def test_stopping_to_do_something_else_is_not_a_negation(text: str) -> None:
    found = hits(text, "connection")
    assert found and all(not h.negated and h.counted and h.polarity == "identity" for h in found)


def test_reported_speech_is_others_framing() -> None:
    text = "The doctor called her non-compliant, but I pushed back."
    label = only(text, "clinical_language")
    assert label.attributed and not label.counted
    push = only(text, "advocacy")
    assert not push.attributed and push.counted


@pytest.mark.parametrize(
    "text",
    [
        "The team said she was manipulative.",
        "According to the chart, he is decompensating.",
        "She was labelled a frequent flyer by the crisis team.",
        'Handover sheet said "non-compliant" again.',
        "The nurse wrote 'lacks insight' in the notes.",
        "Staff kept calling him manipulative.",
        "I hate the word manipulative.",
        "Apparently he's manipulative.",
        "The so-called manipulative one came in again.",
    ],
)
def test_attributed(text: str) -> None:
    found = hits(text, "clinical_language")
    assert found and all(h.attributed and not h.counted for h in found)


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("The custody sergeant called him manipulative.", True),
        ("We met at the café and her sister called him manipulative.", True),
        ("I helped him pack his bag and called him manipulative.", False),
        ("At the end called him manipulative, which I regret.", False),
        # a speech verb with nothing reported after it ("did what X said and …")
        ("I did what the ward manager said and treated him as manipulative.", False),
        ("The ward manager said he is manipulative and I nodded.", True),
        # the writer's own record of what was reported is the writer's words, but the writer
        # speaking in another clause leaves the report someone else's
        ("Wrote up my notes: she reported feeling manipulative.", False),
        ("I said nothing when the ward manager called him manipulative.", True),
        ("I should have spoken up while the reg described him as manipulative.", True),
        # present-tense telling, and an idea floated
        ("She tell us at the CMHT they call her manipulative.", True),
        ("They tell me he is manipulative.", True),
        ("The manager floated that he is manipulative.", True),
        ("The assessor kept asking if he is manipulative.", True),
        # a label the writer was given, right before it: others' framing, received
        ("I'd been labelled manipulative too, back then.", True),
        ("I was somebody's frequent flyer once.", True),
        ("I was doing a mental state exam on him.", False),
    ],
)
def test_who_is_speaking(text: str, attributed: bool) -> None:
    hit = only(text, "clinical_language")
    assert hit.attributed is attributed and hit.counted is not attributed


def test_writer_quoting_themselves_is_not_attributed() -> None:
    hit = only('I said to her "you should go back on your meds".', "advice")
    assert not hit.attributed and hit.counted


def test_writer_as_subject_is_not_attributed() -> None:
    hit = only("I called him symptomatic in handover.", "clinical_language")
    assert not hit.attributed and hit.counted


@pytest.mark.parametrize(
    ("text", "prefix", "theirs"),
    [
        # someone else does it: not the writer's drift
        ("Her mum keeps telling her what to do.", "advice", True),
        ("The doctor told him he should take his meds.", "advice", True),
        ("The doctor told him he should take his meds.", "co_optation", True),
        ("Then Ray told him he should stop drinking.", "advice", True),
        ("He felt like a fraud after the review.", "self_worth", True),
        # the writer: "I …", diary style, a capitalised first word, a judgement, a label
        ("I told him he should take his meds.", "advice", False),
        ("Told him he should take his meds.", "advice", False),
        ("Felt like a fraud all day.", "self_worth", False),
        ("They need to learn this stuff if they want to get better.", "mutuality", False),
        ("Great shift, everyone took their tablets.", "co_optation", False),
        ("She is so non-compliant.", "clinical_language", False),
    ],
)
def test_someone_else_doing_it_is_theirs(text: str, prefix: str, theirs: bool) -> None:
    found = hits(text, prefix)
    assert found and all(h.attributed == theirs and h.counted != theirs for h in found)


@pytest.mark.parametrize(
    ("text", "prefix", "attributed"),
    [
        # a speech tag that ends the sentence
        ("You need to stop drinking, the nurse told me.", "advice", True),
        ("She felt like a failure, she said.", "self_worth", True),
        ("I told him he should stop drinking, I said.", "advice", False),
        # the writer's own clause after a topic or a "when" clause
        (
            "When the team talked about admission I asked him what he wanted.",
            "moving_toward",
            False,
        ),
        ("The team talked about how non-compliant he is.", "clinical_language", True),
        ("After the consultant said he lacked insight I shared my story.", "story", False),
    ],
)
def test_speech_tags_and_the_writer_taking_over(text: str, prefix: str, attributed: bool) -> None:
    found = hits(text, prefix)
    assert found and all(h.attributed == attributed for h in found)


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # the writer agrees at once, in the sentence or a short next one
        ("The team leader asked me to check his meds and I said yes.", False),
        ("The team leader asked me to check his meds. I said yes.", False),
        ("The team leader asked me to check his meds. I did.", False),
        ("The team leader asked me to check his meds. I said no.", True),
        # a record: what the writer read there, or where the writer put something
        ("I read in the notes that he is non-compliant.", True),
        ("In the notes he is non-compliant.", True),
        ("I documented it in the notes: he is non-compliant.", False),
    ],
)
def test_agreement_and_records(text: str, attributed: bool) -> None:
    found = [h for h in curated_score(text).hits if h.polarity == "drift"]
    assert found and all(h.attributed is attributed for h in found)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I couldn't stop myself from telling her what to do.", False),
        ("I couldn't help telling her what to do.", False),
        ("I stopped myself from telling her what to do.", True),
        ("I resisted the urge to tell her what to do.", True),
        # a negator in the sentence before does not undo it
        ("No way. Stopped myself from telling her what to do.", True),
    ],
)
def test_a_refraining_undone_is_not_a_negation(text: str, negated: bool) -> None:
    hit = only(text, "advice")
    assert hit.negated is negated and hit.counted is not negated


@pytest.mark.parametrize(
    ("text", "held_back"),
    [
        ("I really wanted to jump in with suggestions. I didn't.", True),
        ("I wanted to tell her to take her meds, but I didn't.", True),
        ("I wanted to tell him he should go to rehab. But I held back.", True),
        ("Then I wanted to convince him.", False),
        ("I wanted to tell her what to do, so I did.", False),
        # freezing, or not being able to, is holding back too
        ("I wanted to tell her she should leave him, but I froze.", True),
        ("I wanted to tell him to ring his CPN but I couldn't.", True),
        # an adverb after "wanted", and a diary-style "Didn't." next
        ("I wanted so badly to tell her to stay. Didn't.", True),
        ("I wanted to tell her to stay. Didn't matter, she'd gone.", False),
    ],
)
def test_a_wish_held_back_is_not_a_deed(text: str, held_back: bool) -> None:
    hit = hits(text, "advice")[0]
    assert hit.hypothetical is held_back and hit.counted is not held_back


def test_almost_always_is_a_habit_not_an_urge() -> None:
    hit = only("I almost always tell them what to do.", "advice")
    assert not hit.hypothetical and hit.counted


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("My supervisor suggested I share my story more.", True),
        ("My manager encouraged me to share my story in the group.", True),
        ("I suggested we share our stories in the group.", False),
    ],
)
def test_a_suggestion_to_the_writer_is_theirs(text: str, attributed: bool) -> None:
    hit = only(text, "story")
    assert hit.attributed is attributed


@pytest.mark.parametrize(
    "text",
    [
        "Instead of selling it to him I asked what he wanted.",
        "Rather than lecture I shared my story.",
    ],
)
def test_instead_of_stops_at_the_writers_own_clause(text: str) -> None:
    found = [h for h in curated_score(text).hits if h.polarity == "identity"]
    assert found and all(not h.negated and h.counted for h in found)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Next time I would share my story.", "story"),
        ("If she asks again I'll share my story.", "story"),
        ("I wish I had shared my story.", "story"),
        # an urge, not a deed
        ("I was tempted to tell her she should leave him.", "advice"),
        ("I almost told her what to do.", "advice"),
        ("Part of me wanted to tell him to go home.", "advice"),
        # an intention that did not happen, like "was going to"
        ("Meant to share my story with the group but ran out of time.", "story"),
    ],
)
def test_hypothetical_is_not_counted(text: str, prefix: str) -> None:
    # beside what happened on the shift (an entry of intentions alone: test_drift_score)
    hit = only(f"{text} We sat together in the garden for an hour.", prefix)
    assert hit.hypothetical and not hit.counted


def test_if_i_were_you_is_advice_not_hypothetical() -> None:
    hit = only("If I were you I would leave him.", "advice")
    assert not hit.hypothetical and hit.counted


@pytest.mark.parametrize(
    "text",
    [
        "Noticed halfway through that I was lecturing about apps.",
        "Caught myself lecturing about apps.",
        "I realised about ten minutes in that I was lecturing about apps.",
        "It dawned on me halfway through that I was lecturing about apps.",
    ],
)
def test_self_noticed_in_diary_style(text: str) -> None:
    hit = only(text, "mutuality")
    assert hit.self_noticed and hit.counted and hit.polarity == "drift"


def test_a_past_habit_covers_what_it_spells_out_across_clauses() -> None:
    text = (
        "I used to be the kind of worker who had an answer for everything - you should do "
        "this, you should try that."
    )
    found = hits(text, "advice")
    assert len(found) == 2 and all(h.hypothetical and not h.counted for h in found)
    now = hits(text + " Now I tell people you should rest.", "advice")
    assert now[-1].counted and not now[-1].hypothetical


def test_self_noticed_still_counts() -> None:
    hit = only("I caught myself calling him symptomatic.", "clinical_language")
    assert hit.self_noticed and hit.counted and hit.polarity == "drift"


def test_initials_do_not_end_sentences() -> None:
    hit = only("A nurse described P. as manipulative.", "clinical_language")
    assert hit.attributed


def test_spans_index_the_original_text() -> None:
    text = (
        "Long  shift.\n\u201cThe team\u2019s view\u201d: I  shared my\nown story;"
        "  I DIDN\u2019T give advice!"
    )
    found = curated_score(text).hits
    assert found
    for h in found:
        assert text[h.start : h.end] == h.text


def test_case_insensitive() -> None:
    assert only("YOU SHOULD CALL HER", "advice").text == "YOU SHOULD"


def test_hits_do_not_overlap_and_are_ordered() -> None:
    found = curated_score("I shared my own recovery story and you should too, you could try.").hits
    ends = [h.start for h in found]
    assert ends == sorted(ends)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_a_negator_belongs_to_the_nearest_marker() -> None:
    found = curated_score("I did not give advice, just sat with her.").hits
    assert [h.negated for h in found] == [True, False]
    found = curated_score("Not symptoms and then I shared my story").hits
    assert found[-1].marker == "story.shared" and not found[-1].negated


def test_coordinated_markers_share_the_negation() -> None:
    found = hits("I didn't lecture her or give advice.")
    assert len(found) == 2 and all(h.negated for h in found)


def test_coordination_carries_the_negation_past_the_window() -> None:
    found = hits("I wasn't there to check her mood scores or ask about symptoms.")
    assert len(found) == 2 and all(h.negated and not h.counted for h in found)
    # without "or" the far marker keeps its own reading (the window still holds)
    text = "I wasn't there to check her mood scores and then we talked about symptoms."
    found = hits(text, "focus")
    assert [h.negated for h in found] == [True, False]


def test_phone_typing_without_apostrophes() -> None:
    hit = only("i didnt give advice", "advice")
    assert hit.negated
    assert only("you cant keep doing this", "advice").counted


def test_diary_style_speech_is_the_writers() -> None:
    # no subject before "said": the writer is speaking, so the advice is theirs
    assert only("Sat with him and said you should go to detox.", "advice").counted
    # a named or third-person speaker is someone else's framing
    assert only("Ray said she was manipulative.", "clinical_language").attributed
    assert only("Then the nurse came in and said he was symptomatic.", "clinical").attributed


def test_writer_quoting_after_an_initial() -> None:
    # "said to J." : the initial's period does not end the writer's introduction
    found = hits('I said to J. "you need to take your meds". She nodded.', "advice")
    assert found and all(h.counted and not h.attributed for h in found)


def test_quotes_joined_to_the_writers_quote_are_the_writers() -> None:
    text = 'I said "you need to take your meds, you know what happens" and "you should rest".'
    found = hits(text, "advice")
    assert len(found) == 2 and all(h.counted and not h.attributed for h in found)
    # ... but a quote joined to someone else's stays theirs
    found = hits('She said "you need to rest" and "you should leave".', "advice")
    assert len(found) == 2 and all(h.attributed for h in found)


def test_writer_calling_someone_a_label_in_quotes_is_the_writers() -> None:
    hit = only('I caught myself calling M. "a schizophrenic" in handover.', "clinical")
    assert hit.counted and hit.self_noticed and not hit.attributed
    assert only("I called him 'manipulative' at handover.", "clinical").counted


@pytest.mark.parametrize("connector", [", and honestly I agree with him", " and I agree"])
def test_writer_agreeing_with_reported_framing_owns_it(connector: str) -> None:
    text = f"The consultant said G. lacks insight{connector}."
    assert only(text, "clinical").counted


@pytest.mark.parametrize(
    "text",
    [
        "The consultant said G. lacks insight, but I don't agree.",
        "The nurse said he was manipulative and I agreed to check in with him.",
    ],
)
def test_disagreeing_or_agreeing_to_act_keeps_others_framing(text: str) -> None:
    hit = only(text, "clinical")
    assert hit.attributed and not hit.counted


@pytest.mark.parametrize(
    "text",
    [
        "Z4's notes describe her as manipulative.",
        "The handover sheet says he is manipulative.",
        "The discharge letter calls him manipulative.",
        "The slide said he was manipulative.",
    ],
)
def test_documents_and_institutions_are_other_speakers(text: str) -> None:
    found = hits(text)
    assert found and all(h.attributed and not h.counted for h in found)


def test_a_clause_starting_with_its_ends_negation_scope() -> None:
    # the "not" of "I'm not the expert" does not negate "not my place" after "and it's"
    hit = only("I'm not the expert and it's not my place to question the doctors.", "voice")
    assert hit.polarity == "drift" and not hit.negated and hit.counted


def test_stop_with_an_object_is_not_a_negator() -> None:
    hit = only("When the consultant decided to stop his leave I said nothing.", "voice")
    assert hit.polarity == "drift" and not hit.negated
    # stop + a verb still negates
    assert only("I stopped giving advice.", "advice").negated


@pytest.mark.parametrize(
    "text",
    [
        "She kept bracing for me to tell her she should leave him.",
        "He was expecting me to tell him he should stop.",
    ],
)
def test_what_someone_expected_the_writer_to_do_is_hypothetical(text: str) -> None:
    hit = only(text, "advice")
    assert hit.hypothetical and not hit.counted


def test_initials_do_not_break_a_phrase() -> None:
    # journals name people by initials: "told J. she should" is one phrase
    assert only("I told J. she should leave him.", "advice").counted
    assert only("I went with P. to the housing office.", "advocacy").counted
    # a period after a longer word still ends the phrase
    assert hits("I told Jo. She should rest.", "advice") == []


def counted_keys(text: str) -> set[str]:
    return {f"{h.dimension}:{h.polarity}" for h in curated_score(text).hits if h.counted}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # clinical words used critically: the critique is the writer's worldview
        ("I hate the word non-compliant.", "worldview:identity"),
        ("Labels like that shut down curiosity.", "worldview:identity"),
        ("Can we stop using that phrase about him?", "worldview:identity"),
        ("She isn't non-compliant, she chose not to take it.", "worldview:identity"),
        ("He wasn't kicking off, he was scared.", "worldview:identity"),
        ("That's a decision, not a symptom.", "worldview:identity"),
        ("He is so much more than his diagnosis.", "worldview:identity"),
        ("The medical model would call it a relapse.", "worldview:identity"),
        # reframing behaviour as a response to what happened
        ("I said maybe he's frightened at night.", "worldview:identity"),
        ("She comes in because she's lonely.", "worldview:identity"),
        ("Her reasons make complete sense to me.", "worldview:identity"),
        ("We wrote down what really happened.", "worldview:identity"),
        # lived experience in everyday words
        ("I've been where he is.", "story:identity"),
        ("We talked about what got me through.", "story:identity"),
        ("I told him a bit about growing up with that word.", "story:identity"),
        # connection
        ("He didn't want to talk so we just sat.", "connection:identity"),
        ("We talked for ages about dogs.", "connection:identity"),
        ("I brought him a brew.", "connection:identity"),
        ("We had a proper laugh.", "connection:identity"),
        # advocacy / voice with staff
        ("I raised it with the liaison nurse.", "advocacy:identity"),
        ("I told the team I don't think he's resistant.", "advocacy:identity"),
        ("Has anyone asked him what he needs?", "advocacy:identity"),
        ("I put my hand up in the training.", "voice:identity"),
        ("I managed to get one point in at the end.", "voice:identity"),
        # avoidance idioms whose negation is part of the idiom
        ("It was easier not to rock the boat.", "voice:drift"),
        ("I went very quiet and let the psychologist talk over me.", "voice:drift"),
        ("I was making myself small.", "self_worth:drift"),
        ("I felt so small.", "self_worth:drift"),
        # co-optation in everyday words
        ("I told the officers what he'd said about his cellmate.", "co_optation:drift"),
        ("Then I reported back to the nurses.", "co_optation:drift"),
        ("Filled in the engagement tracker.", "co_optation:drift"),
        ("Then an escort to x-ray.", "co_optation:drift"),
        ("I warned him he'd lose his tenancy.", "co_optation:drift"),
        ("So they could manage the risk.", "co_optation:drift"),
        ("He won't take the olanzapine.", "co_optation:drift"),
        ("We went through his symptoms checklist.", "focus:drift"),
        ("He's a classic antisocial presentation.", "clinical_language:drift"),
        ("I asked him to rate his mood out of ten.", "clinical_language:drift"),
        ("We sit together at lunch most days.", "connection:identity"),
        ("I was talking at him for ten minutes.", "mutuality:drift"),
        ("Went straight into teacher mode.", "mutuality:drift"),
        ("Logged it all for the psychiatrist.", "co_optation:drift"),
        ("I checked his meds and reported back.", "co_optation:drift"),
        # the writer refusing what was asked is the writer's voice
        ("They wanted a welfare check. I politely declined.", "voice:identity"),
        ("I wouldn't do it.", "voice:identity"),
        ("Nobody was the expert in that room.", "mutuality:identity"),
        ("We rang his brother together.", "mutuality:identity"),
        ("He answered everything himself.", "advocacy:identity"),
        ("I said it's his plan, ask him.", "moving_toward:identity"),
        ("I didn't share anything about myself.", "story:drift"),
        ("The consultant knows best, I suppose.", "voice:drift"),
        ("I just said whatever you think is best.", "voice:drift"),
        ("If I were him I'd walk away.", "advice:drift"),
        ("Went through their food diaries.", "co_optation:drift"),
        ("I was the medication monitor again.", "co_optation:drift"),
        ("I handed out the CBT worksheet.", "mutuality:drift"),
        # story and lived experience in plain words
        ("He asked me how I got through the first winter and I told him.", "story:identity"),
        ("I told her honestly about my first admission.", "story:identity"),
        ("I've been the one in that bed.", "story:identity"),
        ("Six years clean in March.", "story:identity"),
        ("I said mine were too.", "story:identity"),
        ("It was my brother all over again.", "story:identity"),
        ("I had the exact same thought with my eldest.", "story:identity"),
        ("I watched my family go through it.", "story:identity"),
        # connection: talking, staying, visiting, not being the only one
        ("We just talked about his allotment.", "connection:identity"),
        ("We stayed on the line until he felt sleepy.", "connection:identity"),
        ("Went to visit him on the ward anyway.", "connection:identity"),
        ("She knew she wasn't the only one.", "connection:identity"),
        ("Older adults befriending visit.", "connection:identity"),
        ("We talked for ages, no agenda.", "connection:identity"),
        # hope and their own idea
        ("Tuesdays were their idea.", "moving_toward:identity"),
        ("People do come out the other side.", "moving_toward:identity"),
        # the writer's voice and advocacy
        ("I'm not a med monitor and I said so.", "voice:identity"),
        ("I pointed out he has good reasons.", "advocacy:identity"),
        ("Some eye rolls. Still glad I said it.", "voice:identity"),
        ("I asked the GP to see her again.", "advocacy:identity"),
        ("Brought it to the team meeting.", "advocacy:identity"),
        ("I drafted an alternative template.", "advocacy:identity"),
        ("She's frightened, not difficult.", "worldview:identity"),
        # transactional and messenger work in plain words
        ("Mostly PHQ-9s for the GP.", "co_optation:drift"),
        ("Did the intake screens for the new arrivals.", "co_optation:drift"),
        ("Spent the afternoon on the recall list.", "co_optation:drift"),
        ("Then ringing round to confirm who'd collected.", "co_optation:drift"),
        ("Kept the manager posted.", "co_optation:drift"),
        ("Sent her a summary after our session.", "co_optation:drift"),
        ("I'm basically an outreach nurse now.", "co_optation:drift"),
        ("We hit our target for screens.", "co_optation:drift"),
        ("Logged a risk update.", "co_optation:drift"),
        ("Flagged three for med reviews.", "co_optation:drift"),
        # clinical words and teaching
        ("Still presenting paranoid ideation and poor insight.", "clinical_language:drift"),
        ("Classic burnout, if I'm honest.", "clinical_language:drift"),
        ("Low mood, poor compliance.", "clinical_language:drift"),
        ("Gave the lads a proper talk on the stages of change.", "mutuality:drift"),
        ("I laid it all out for them.", "mutuality:drift"),
        ("Told them all they should get some CBT.", "advice:drift"),
        ("I told three of them they need a script.", "advice:drift"),
        ("Explained exactly how they should structure their meals.", "advice:drift"),
        ("Who'd want to hear about my mess.", "self_worth:drift"),
        # doing to, not walking with
        ("I just sorted it all out for him.", "mutuality:drift"),
        ("Raised this at the peer network.", "advocacy:identity"),
        ("We're putting together a short guide on language.", "advocacy:identity"),
        # correcting one's own words, and other ordinary phrasings
        ("So I rewrote it as 'having a rough week'.", "worldview:identity"),
        ("Like I was doing a mental state exam.", "clinical_language:drift"),
        ("I was only asking her about her weight, like a checklist.", "focus:drift"),
        ("Told him what worked for me and that he should do the same.", "advice:drift"),
        ("I said that's not my role.", "advocacy:identity"),
        ("I offered to go with him if he chooses to go.", "connection:identity"),
        ("She told me about her daughter and her old job.", "connection:identity"),
        ("People kept coming in just to sit together.", "connection:identity"),
        ("He knows he's not on his own.", "connection:identity"),
        ("We had a good chat about her grandkids.", "connection:identity"),
        ("We talked about what's actually going on for her.", "worldview:identity"),
        ("I wrote what J. told me she needs.", "worldview:identity"),
        ("The first one who ever asked what I'm good at.", "focus:identity"),
        ("Turns out she's a brilliant baker.", "focus:identity"),
        ("Next week she's teaching me to pipe icing.", "mutuality:identity"),
        ("We made a list of who could help.", "mutuality:identity"),
        ("We all came up with the agenda together.", "mutuality:identity"),
        ("I don't feel like I have the right to disagree.", "voice:drift"),
        ("Not proud of it.", "self_worth:drift"),
    ],
)
def test_everyday_phrasings(text: str, key: str) -> None:
    assert key in counted_keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # benefits forms are not busy work for the team
        ("We laughed about the benefits forms.", "co_optation:drift"),
        # the writer's own case notes are not lived experience
        ("I wrote in my notes that she was low.", "story:identity"),
        # "get it out of the way" is not letting someone offload
        ("Let's get it out of the way first.", "connection:identity"),
        # "not difficult" is not a rejected label
        ("It's not difficult to see he's tired.", "worldview:identity"),
        # things, not people, sitting together
        ("Those two ideas sit together badly.", "connection:identity"),
        # a mood declining is not the writer declining
        ("Her mood declined over the week.", "voice:identity"),
        ("He hurt himself last week.", "advocacy:identity"),
        ("She showed me her mood diary and we laughed.", "co_optation:drift"),
        # the person's own account of how they got through is not the writer's story
        ("She told me how she got through it.", "story:identity"),
        # cleaning the flat is not being clean
        ("The flat was clean and he'd paid rent.", "story:identity"),
        # "we talked about" someone else's plan is connection, not the person's idea
        ("The team had an idea about housing.", "moving_toward:identity"),
        # a phone call in the ordinary sense is not a messenger
        ("She rang round her friends to find a bed.", "co_optation:drift"),
        # "said so" by someone else is not the writer's voice
        ("The nurse said so at handover.", "voice:identity"),
        # a receptionist mentioned, not the writer acting like one
        ("The receptionist was lovely to her.", "co_optation:drift"),
        # mood as a word the person chose, not a clinical score
        ("He said his mood was better this week.", "co_optation:drift"),
        # the person's own turn to a plan is not the writer's list-making
        ("She made a list of her own.", "mutuality:identity"),
        # a checklist of the writer's shopping is not a transactional visit
        ("I ticked things off my shopping list.", "co_optation:drift"),
        # staff talking about someone is not the writer's conversation with them
        ("They talked about him in the ward round.", "connection:identity"),
        # a good baker in general talk is not the person's strength
        ("The cafe has a brilliant baker now.", "focus:identity"),
        # the person sorting something for someone else is not the writer doing to
        ("She sorted it out for her son herself.", "mutuality:drift"),
    ],
)
def test_everyday_phrasings_that_are_not_markers(text: str, key: str) -> None:
    assert key not in counted_keys(text)


def test_writer_quoting_what_they_noticed_they_wrote_or_said() -> None:
    for text in (
        "I noticed I'd written 'non-compliant' in my notes.",
        "I caught myself saying 'he is so non-compliant' to the nurse.",
        "Looking back I've written \"non-compliant\" twice.",
    ):
        h = only(text, "clinical_language")
        assert h.counted and not h.attributed and h.self_noticed, text
    # someone else wrote it, even when the writer noticed it
    for text in (
        "I noticed she'd written 'non-compliant' in my notes.",
        "I noticed she wrote 'non-compliant' in my notes.",
    ):
        assert only(text, "clinical_language").attributed, text


@pytest.mark.parametrize(
    "text",
    [
        "I used to tell everyone what to do - you should do this, you should do that.",
        "I used to lecture people: you need to stop drinking.",
        "Years ago I was the worst for it \u2013 telling people they should quit.",
    ],
)
def test_a_past_habit_spelled_out_after_a_dash_or_colon_is_hypothetical(text: str) -> None:
    found = hits(text, "advice")
    assert found and all(h.hypothetical and not h.counted for h in found)


@pytest.mark.parametrize(
    "text",
    [
        "I used to lecture - now I tell her she should decide.",  # turns to the present
        "I used to lecture: but today I told her she should rest.",
        "I used to hide it. You should talk to someone, I told her.",  # another sentence
        "I said it plainly: you should go.",  # no habit before the colon
        "I used to worry, then I told her she should go.",  # a comma does not spell it out
    ],
)
def test_habit_scope_ends_at_the_present_or_the_sentence(text: str) -> None:
    assert [h.counted for h in hits(text, "advice")] == [True]


def test_the_one_word_wildcard_is_never_the_writer_or_the_reader() -> None:
    # someone doing something for the writer is not the writer rescuing
    assert hits("Jo had saved me the good biscuits.", "mutuality") == []
    assert only("I saved him from himself.", "mutuality").counted
    # someone telling the reader, in the writer's retelling, is not the writer's advice
    assert hits("He kept telling you they need space, which was fair.", "advice") == []
    assert only("I kept telling him he needs to stop.", "advice").counted


@pytest.mark.parametrize(
    "text",
    [
        "The nurse asked me to make sure she took her meds.",
        "The team wants me to convince him to take the depot.",
        "Her care coordinator wanted me to check she takes her tablets.",
    ],
)
def test_someone_elses_request_is_their_framing(text: str) -> None:
    found = hits(text)
    assert found and all(h.attributed and not h.counted for h in found)


def test_the_writers_own_request_is_theirs() -> None:
    assert only("I asked her to make sure she took her meds.", "co_optation").counted
    assert only("Then I wanted to convince him.", "advice").counted


@pytest.mark.parametrize(
    "text",
    [
        "Why do we still write suffering from on the referral forms?",
        "I hate seeing 'suffering from' in the notes.",
        "Sick of reading suffering from in every referral.",
    ],
)
def test_a_critique_of_the_language_is_not_using_it(text: str) -> None:
    assert only(text, "clinical_language").attributed


def test_using_the_language_still_counts() -> None:
    assert only("He is suffering from depression.", "clinical_language").counted
    assert only("Why did I bother? He's suffering from depression.", "clinical_language").counted


def test_getting_carried_away_is_self_noticed() -> None:
    assert only("I got a bit carried away and told her she should apply.", "advice").self_noticed
    assert only("I went too far and told him he should leave.", "advice").self_noticed
    assert not only("He got carried away, so I told him he should rest.", "advice").self_noticed


@pytest.mark.parametrize(
    "text",
    [
        "The midwife said she lacks insight.",
        "The SHO described her as manipulative.",
        "The CPN called him a frequent flyer.",
    ],
)
def test_roles_and_acronyms_are_other_speakers(text: str) -> None:
    assert only(text, "clinical_language").attributed


def test_an_embedded_question_is_not_a_condition() -> None:
    text = "I asked if we could say she was getting her needs met."
    assert only(text, "worldview").counted
    assert not only("I wondered if he was lonely and sat with him.", "connection").hypothetical
    assert only("If he's lonely I'll sit with him.", "connection").hypothetical


@pytest.mark.parametrize(
    "text",
    [
        # a critique in a question mentions the words it criticises, quoted or not
        'Why do we still say people are "suffering from" things?',
        "Why is it 'non-compliant' when a patient says no?",
        "Why is it non-compliant when a patient says no?",
        "I'm fed up of being used as a compliance officer.",
    ],
)
def test_critique_in_a_question_is_others_framing(text: str) -> None:
    h = [x for x in hits(text) if x.polarity == "drift"]
    assert h and all(x.attributed and not x.counted for x in h), h


def test_the_writers_own_question_still_counts() -> None:
    # no critique cue: the writer quoting their own words is the writer's language
    h = only("We still say 'non-compliant' in handover, I do too.", "clinical_language")
    assert h.counted and not h.attributed


def test_someone_asking_what_they_should_do_is_not_advice() -> None:
    for text in (
        "When A. asked what he should do about the loan, I listened.",
        "The caller said everyone tells her she should eat more.",
    ):
        assert "advice:drift" not in counted_keys(text), text
    # the writer telling is still advice
    assert "advice:drift" in counted_keys("I told her what she should do about the loan.")


def test_words_put_to_the_writer_are_not_the_writers_quote() -> None:
    for text in (
        "I've been asked to 'encourage medication adherence' three times.",
        "I was called 'non-compliant' for years.",
    ):
        h = [x for x in hits(text) if x.polarity == "drift"]
        assert h and all(x.attributed and not x.counted for x in h), (text, h)
    # the writer's own quote is still the writer's
    h = [x for x in hits("I've said 'non-compliant' twice today.") if x.polarity == "drift"]
    assert h and all(x.counted for x in h), h


def counted(text: str, marker_prefix: str) -> list[Hit]:
    return [h for h in hits(text, marker_prefix) if h.counted]


# Families of ordinary phrasing added from the third held-out set's errors: each found where it
# is meant, and not in ordinary narration that shares its words.
@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I said I'd sat in the car for an hour before going in.", "story.shared"),
        ("I've sat in that same corridor, waiting for news.", "story.shared"),
        ("I did shout, when it was my daughter.", "story.lived_experience"),
        ("I learn as much from this lot as they do from me.", "mutuality"),
        ("J's trick with the calendar is genius, I'm nicking it.", "mutuality"),
        ("We sorted his bus pass together.", "mutuality"),
        ("She sobbed and I cried too.", "connection"),
        ("We were both crying by the end.", "connection"),
        ("Met W. off the gate at 8am.", "connection"),
        ("We'd been talking about fishing.", "connection"),
        ("Ron and me just talked about the bench he's making.", "connection"),
        ("So we just walked to the shop and back.", "connection"),
        ("She laughed for the first time this week.", "connection"),
        ("He did the talking at the counter.", "voice"),
        ("I asked where the person's own hopes are in the plan.", "voice"),
        ("I'm so proud of her.", "focus.strengths"),
        ("I went as his supporter.", "advocacy"),
        ("I said that he's allowed breaks.", "advocacy"),
        ("Going to suggest it to the coordinator on Monday.", "advocacy"),
        ("Next on the list: whether we could scrap the form.", "advocacy"),
        ("I made sure the midwife heard it from her.", "advocacy"),
        ("Told Ron he can't come in if he's had a drink.", "advice"),
        ("Told him to pull himself together.", "advice"),
        ("Searched his room while he was out.", "co_optation"),
        ("Checked the bins for cans.", "co_optation"),
    ],
)
def test_new_phrasing_families_are_found(text: str, marker: str) -> None:
    assert counted(text, marker), hits(text)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("She said she'd sat there all night.", "story"),
        ("I've sat in that chair at every team meeting.", "story"),
        ("When it was my turn to speak I froze.", "story"),
        ("I learn as much as I can about benefits.", "mutuality"),
        ("I'm nicking off early today.", "mutuality"),
        ("He cried too.", "connection"),
        ("We were both late.", "connection"),
        ("Met the manager at the office at 8am.", "connection"),
        ("They'd been talking about me.", "connection"),
        ("She laughed at the doctor.", "connection"),
        ("The doctor did all the talking.", "voice"),
        ("I asked where the toilet was.", "voice"),
        ("Proud of myself for today.", "focus.strengths"),
        ("I went as soon as I could.", "advocacy"),
        ("He's allowed to smoke outside.", "advocacy"),
        ("I made sure the door was locked.", "advocacy"),
        ("Told her I can't make Tuesday.", "advice"),
        ("We went through the bags of donations.", "co_optation"),
        ("Checked the bins were out.", "co_optation"),
    ],
)
def test_new_phrasing_families_stay_out_of_narration(text: str, marker: str) -> None:
    assert not counted(text, marker), hits(text, marker)


def test_not_pushing_the_script_is_not_deferring() -> None:
    assert not counted("Didnt diagnose, didnt lecture, didnt push the script.", "voice")
    assert counted("I didn't challenge the decision.", "voice.defer_avoid")


def test_not_saying_much_beside_someone_is_not_silence() -> None:
    assert not counted("I sat with his girlfriend for hours. I didn't say much.", "voice")
    assert counted("I didn't say anything in the meeting.", "voice.defer_avoid")


def test_an_initial_without_its_period_is_another_speaker() -> None:
    text = "I didn't give advice, even when M asked me straight what she should do."
    assert not counted(text, "advice")
    assert counted("I told her what she should do.", "advice")


def test_doing_what_was_asked_adopts_the_request() -> None:
    text = "The coordinator asked me to keep an eye on his drinking and report back, so I did."
    assert counted(text, "co_optation")
    assert not counted(
        "The coordinator asked me to keep an eye on his drinking and report back.", "co_optation"
    )


def test_a_long_single_quoted_notice_is_someone_elses() -> None:
    text = (
        "On the staff room wall: 'Patients must be compliant with treatment plans to be referred"
        " to social prescribing'. I asked who wrote it."
    )
    assert hits(text, "co_optation") and not counted(text, "co_optation")


@pytest.mark.parametrize(
    "text",
    [
        "Caught myself calling her 'the bipolar lady' to the receptionist.",
        "Kept saying 'you should' to the mum in the parents room.",
    ],
)
def test_the_writers_own_quoted_words_count(text: str) -> None:
    found = [h for h in hits(text) if h.polarity == "drift"]
    assert found and all(h.counted and not h.attributed for h in found), found


def test_someone_named_by_an_initial_keeps_their_quote() -> None:
    text = 'Y. kept saying "I\'m a nutter" and laughing.'
    found = hits(text, "clinical_language")
    assert found and all(h.attributed and not h.counted for h in found)


def test_a_number_is_not_an_initial() -> None:
    text = "15 min checks on bay 2, filled in the obs charts, chased W to take his meds."
    assert counted(text, "co_optation.compliance_monitor")


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I mentioned I'm in recovery myself.", "story.shared"),
        ("I let her know I'd been through something similar.", "story.shared"),
        ("He asked if I'd ever used and I said yes.", "story.shared"),
        ("I explained that I've got my own diagnosis.", "story.lived_experience"),
        ("I've lived it.", "story.lived_experience"),
        ("He reminded me of myself at that age.", "story.lived_experience"),
        ("We had a cuppa and a natter.", "connection"),
        ("I said I wasn't there to judge.", "connection"),
        ("I said I didn't agree with the plan.", "voice"),
        ("I spoke to the team about how she was treated.", "advocacy"),
        ("She has a real gift for drawing.", "focus.strengths"),
        ("I'm not clever enough for this job.", "self_worth.doubt_shame"),
        ("I let the team know he'd been drinking.", "co_optation"),
        ("I had to do the observations all night.", "co_optation"),
        ("I sat in on the mental health act assessment.", "co_optation"),
        ("I said she needed to see her GP.", "advice"),
        ("I told her she's got to stop drinking.", "advice"),
    ],
)
def test_more_phrasing_families_are_found(text: str, marker: str) -> None:
    assert counted(text, marker), hits(text)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I mentioned I'm off on Friday.", "story"),
        ("I let her know I'd be late.", "story"),
        ("I've lived here for years.", "story"),
        ("I said I didn't know the answer.", "voice"),
        ("The course is not professional enough for her.", "self_worth"),
        ("I let the team know I'd be late.", "co_optation"),
        ("I said she needed to hear that she mattered.", "advice"),
    ],
)
def test_more_phrasing_families_stay_out_of_narration(text: str, marker: str) -> None:
    assert not counted(text, marker), hits(text, marker)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I ticked 'none' because the care coordinator told me to.", "voice.defer_avoid"),
        ("I just asked questions and she got there herself.", "moving_toward"),
        ("He figured it out for himself in the end.", "moving_toward"),
        ("Nobody said scared, loving, exhausted.", "worldview.language_critique"),
    ],
)
def test_deference_self_direction_and_missing_words_are_found(text: str, marker: str) -> None:
    assert counted(text, marker), hits(text)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I went because the care coordinator was off sick.", "voice"),
        ("We got there in the end.", "moving_toward"),
        ("Nobody said anything at handover.", "worldview"),
    ],
)
def test_deference_self_direction_and_missing_words_stay_out_of_narration(
    text: str, marker: str
) -> None:
    assert not counted(text, marker), hits(text, marker)


# ------------------------------------------------ negations that affirm what follows
def polarity_of(text: str, marker_prefix: str) -> tuple[str, bool]:
    """(polarity, counted) of the one hit of `marker_prefix` in `text`."""
    hit = only(text, marker_prefix)
    return hit.polarity, hit.counted


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        # surprise: it happened
        ("I never thought I'd share my story at work, but I did.", "story"),
        ("I never expected to share my story in the group.", "story"),
        ("Never imagined I'd tell my own story to a consultant.", "story"),
        # a double negative
        ("I will never forget how he taught me to cook.", "mutuality"),
        ("I didn't forget to ask what she wanted.", "moving_toward"),
        # emphasis
        ("I can't tell you how much I enjoy sharing my story.", "story"),
        ("I can't begin to describe how much I learnt from him.", "mutuality"),
        # a comparative over all time, a superlative
        ("I've never felt more confident in a ward round.", "self_worth"),
        ("I've never been so proud to share my story.", "story"),
        ("I don't think I've ever felt so confident in a meeting.", "self_worth"),
        ("I couldn't be prouder of how I shared my story.", "story"),
        ("I couldn't have wished for a better connection with him.", "connection"),
        # a fear denied right before the hit
        ("I wasn't nervous sharing my story this time.", "story"),
        ("Wasn't even shy sharing my story with the consultant there.", "story"),
    ],
)
def test_a_negation_that_affirms_leaves_the_hit_as_written(text: str, marker: str) -> None:
    hit = only(text, marker)
    assert hit.polarity == "identity" and hit.counted and not hit.negated, hit


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I didn't think I'd share my story.", "story"),  # no "never": a plain expectation
        ("I never thought much of sharing my story.", "story"),
        ("I can't share my story at work.", "story"),
        ("I couldn't share my story.", "story"),
        ("I never felt confident in a ward round.", "self_worth"),
        ("I didn't feel so confident in the ward round.", "self_worth"),  # no "never" / "ever"
        ("I wasn't nervous, but I didn't share my story.", "story"),  # the fear is not next to it
    ],
)
def test_near_misses_of_an_affirming_negation_stay_negated(text: str, marker: str) -> None:
    hit = only(text, marker)
    assert hit.negated and hit.polarity == "drift", hit


def test_a_remembered_past_is_not_a_plan() -> None:
    remembered = "I'll always remember how she taught me to ground myself."
    assert not only(remembered, "mutuality").hypothetical
    assert only("I'll never tell her what she should do.", "advice").hypothetical


# ------------------------------------------------ scope of a negator
@pytest.mark.parametrize(
    ("text", "marker", "negated"),
    [
        ("She's back on my caseload.", "co_optation", False),
        ("He's back on my caseload after a month away.", "co_optation", False),
        ("I pushed back on the plan to check her meds.", "co_optation", True),
        ("I held back on giving advice.", "advice", True),
    ],
)
def test_back_on_negates_only_after_resisting(text: str, marker: str, negated: bool) -> None:
    assert only(text, marker).negated is negated


@pytest.mark.parametrize(
    ("text", "marker", "negated"),
    [
        # a negator that ends the phrase before reaches what follows
        ("I chose not to fill in the risk form in front of her.", "co_optation", True),
        ("I decided not to check his meds.", "co_optation", True),
        # a negation raised out of the clause it governs reaches further
        ("I didn't feel it was my place to say what she should do.", "advice", True),
        ("I didn't think it was really my job to tell her what she should do.", "advice", True),
        ("I didn't want to overstep but I told her what she should do.", "advice", False),
        # a new clause with its own subject and verb after "and" is out of scope
        ("I don't have a degree and my lived experience is what I bring.", "story", False),
        ("I didn't share my story and my experience.", "story", True),  # a coordinated object
    ],
)
def test_scope_of_a_negator(text: str, marker: str, negated: bool) -> None:
    assert only(text, marker).negated is negated


# ------------------------------------------------ others' actions, a past habit
@pytest.mark.parametrize(
    ("text", "marker", "attributed"),
    [
        ("Her mum let the doctor decide.", "voice", True),
        ("I let the doctor decide.", "voice", False),
        ("His mum put pressure on him to accept the depot.", "co_optation", True),
        ("The nurse made a fuss about his meds and I put pressure on him.", "advice", False),
    ],
)
def test_what_someone_else_does_is_theirs(text: str, marker: str, attributed: bool) -> None:
    assert only(text, marker).attributed is attributed


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("He used to be a chef and still knows his stuff.", False),
        ("She used to drink and now knows her stuff.", False),
        ("He used to know his stuff.", True),
        ("He used to be a chef and knew his stuff.", True),
    ],
)
def test_a_past_habit_ends_where_the_present_starts(text: str, hypothetical: bool) -> None:
    assert only(text, "focus").hypothetical is hypothetical


@pytest.mark.parametrize(
    ("text", "negated_counted"),
    [
        # the next hit is the object of the negated one: the negation covers both, and the
        # first is about that object, not the person, so it is dropped rather than flipped
        ("I never asked about her symptoms, we talked about her dog.", []),
        ("I didn't ask about his symptoms.", []),
        ("I didn't ask about their diagnosis.", []),
        # near-misses: the person is the object ("her"), or no hit follows
        ("I never asked about her.", ["connection.presence"]),
        ("I didn't ask about her meds.", ["connection.presence"]),
    ],
)
def test_a_negated_verb_whose_object_is_the_next_hit(
    text: str, negated_counted: list[str]
) -> None:
    found = curated_score(text).hits
    assert [h.marker for h in found if h.negated and h.counted] == negated_counted, found
    assert not [h for h in found if h.marker.startswith("focus") and h.counted], found


@pytest.mark.parametrize(
    ("text", "prefix", "attributed"),
    [
        ("EIP training day on relapse prevention.", "focus", True),
        ("Training on managing challenging behaviour today.", "clinical_language", True),
        ("Sat through a webinar about risk assessment.", "co_optation", True),
        ("I ran a session on relapse prevention.", "focus", False),
        ("Went to a workshop on it, then did three risk assessments.", "co_optation", False),
    ],
)
def test_the_topic_of_a_training_is_someone_elses_framing(
    text: str, prefix: str, attributed: bool
) -> None:
    found = hits(text, prefix)
    assert found and all(h.attributed is attributed for h in found)


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ('I said in the feedback that "kicking off" is usually someone expressing distress.', True),
        ('"Lacks insight" just means she disagrees with the doctor.', True),
        ('To me "non-compliant" is code for "disagrees with us".', True),
        ('I wrote "non-compliant" in the notes.', False),
        ('I said "he is non-compliant again" at handover.', False),
        # unquoted, opening a sentence that defines it
        ("Non-compliant = she said no to the depot.", True),
        ("Non-compliant just means she said no to the depot.", True),
        ("Non-compliant again today, so no leave.", False),
        ("He was non-compliant, which means no leave.", False),
    ],
)
def test_a_quoted_word_the_writer_talks_about_is_mentioned_not_used(
    text: str, attributed: bool
) -> None:
    [hit] = hits(text, "clinical_language")
    assert hit.attributed is attributed and hit.counted is not attributed


@pytest.mark.parametrize(
    ("text", "told_past"),
    [
        ("I told her I'd felt exactly that with my first and was too scared to tell anyone.", True),
        ("I told her about my relapse and how ashamed I felt.", True),
        ("I shared my story. I was too scared to tell the team.", False),
        ("I told him I'd been sectioned, but I felt ashamed saying it.", False),
        # on through the sentence, past a clause that is still the story
        (
            "I told him about my first month sober, how I hid in the toilets because I was sure"
            " I didn't belong.",
            True,
        ),
        ("I told her about my relapse, and today I felt ashamed all over again.", False),
        # a story named, not told
        ("Cut the recovery story exercise short because a couple of them overshare.", False),
    ],
)
def test_feelings_inside_a_story_the_writer_tells_are_the_past(text: str, told_past: bool) -> None:
    drift = [h for h in hits(text, "") if h.polarity == "drift"]
    assert drift and all(h.hypothetical is told_past for h in drift)


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # diary style, addressed with a colon: the writer is the one speaking
        ('Group chat. To the lad who joined last week: "you need to ditch those mates".', False),
        ('Then to her, an hour later: "you should ring the GP tonight".', False),
        # someone else introduced with a colon stays theirs
        ('Then another member: "you need to stop sulking".', True),
    ],
)
def test_a_quote_addressed_to_someone_in_diary_style_is_the_writers(
    text: str, attributed: bool
) -> None:
    [hit] = hits(text, "advice")
    assert hit.attributed is attributed


@pytest.mark.parametrize(
    "text",
    [
        "Did the phone call for him and told him he should keep the letter.",
        "Had a call from the GP and I told her she should rest.",
    ],
)
def test_a_call_as_a_noun_reports_no_words(text: str) -> None:
    assert any(h.counted for h in hits(text, "advice"))


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # a role, name or initial after a preposition is not who speaks next
        ("Sat with Mr D and asked what Fridays usually look like for him.", False),
        ("Went over to the nurse and asked what mornings look like for him.", False),
        ("Stayed with Jo and asked what Sundays look like for him.", False),
        # … but is when it opens the clause
        ("The nurse asked what Sundays look like for him.", True),
        ("Next to Jo, the nurse asked what Sundays look like for him.", True),
    ],
)
def test_the_object_of_a_preposition_does_not_speak(text: str, attributed: bool) -> None:
    assert only(text, "worldview").attributed is attributed


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # after "myself" the speaker is the writer, however far the verb
        ("Caught myself in the staff room saying Liam was 'noncompliant'.", False),
        ("Caught myself at handover with the whole team calling him 'non-compliant'.", False),
        # hearing someone is their words
        ("I heard Jo saying 'she is non-compliant'.", True),
        ("I overheard Jo saying 'she is non-compliant'.", True),
        ("I said he was 'non-compliant' and regretted it.", False),
        # a long lead-in that ends with a colon
        (
            "What I said to the young lad in bay 4, word for word because it is stuck in my"
            " head: 'you are non-compliant'.",
            False,
        ),
        # "went" introduces a quote only right before it
        ("I went 'you are non-compliant' and she laughed.", False),
        ("Triage warned me before I went in: 'she is non-compliant'.", True),
        # a script: the writer's lines are marked "Me:"
        ('Nurse: "he is fine." Me: "he is non-compliant, to be honest".', False),
        ('Nurse: "he is non-compliant." Me: "says who?"', True),
        # a quote of several sentences, introduced where it opens; a reply in diary style
        ("I replied on the forum: 'Thanks for posting. Sounds like you're non-compliant.'", False),
        ("Also replied to a regular, 'you are being non-compliant'.", False),
        ("The nurse wrote back: 'Thanks. He is non-compliant.' I left it.", True),
    ],
)
def test_the_writers_own_quoted_words(text: str, attributed: bool) -> None:
    hit = only(text, "clinical_language")
    assert hit.attributed is attributed
    assert hit.text in ("noncompliant", "non-compliant")  # not the closing quotation mark


def test_a_role_after_like_is_a_subject_not_an_object() -> None:
    """The object rule needs the speech verb coordinated right after the object."""
    text = "I felt like the doctor wasn't listening to her, so I asked him to slow down."
    assert not any(h.counted and h.polarity == "drift" for h in curated_score(text).hits)


def test_a_plan_that_did_not_happen_is_hypothetical() -> None:
    hit = only("Was going to tell him what to do, then his mum arrived.", "advice")
    assert hit.hypothetical and not hit.counted
    assert only("I told him what to do, then his mum arrived.", "advice").counted


def test_tomorrow_is_a_plan() -> None:
    hit = only("Tomorrow I'm telling her what to do about the flat.", "advice")
    assert hit.hypothetical
    assert not only("I told her what to do about the flat.", "advice").hypothetical


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        # a first word right before a past deed is its subject
        ("Punter took her phone and her money.", True),
        ("Landlord took his phone off him.", True),
        # diary style: the verb opens the sentence, or an adverb comes before it
        ("Took her phone off her for the night.", False),
        ("Finally took his phone off him.", False),
        ("Even took his phone off him.", False),
    ],
)
def test_a_first_word_before_a_past_deed_is_its_subject(text: str, theirs: bool) -> None:
    hit = only(text, "co_optation")
    assert hit.attributed is theirs and hit.counted is not theirs


def test_a_past_state_the_writer_names_is_their_story_not_a_label() -> None:
    """"When I was manic" is the writer's lived experience; "He was manic" is a label."""
    assert [h.dimension for h in curated_score("When I was manic I spent everything.").hits] == [
        "story"
    ]
    assert any(
        h.polarity == "drift" and h.counted for h in curated_score("He was manic again.").hits
    )


def test_dialect_meself_and_me_own_read_as_myself_and_my_own() -> None:
    """"Heard meself say '…'" is the writer's own quoted words; spans still index the text."""
    text = "In handover I heard meself say 'he is non-compliant' and felt sick."
    hit = only(text, "clinical_language")
    assert not hit.attributed and hit.self_noticed
    assert text[hit.start : hit.end] == hit.text == "non-compliant"
    story = [h for h in curated_score("Told him about me own first month sober.").hits]
    assert [h.dimension for h in story if h.counted] == ["story"]


def test_a_condition_put_as_a_time_is_hypothetical() -> None:
    hit = only("The minute I'm the one chasing his meds he'll stop trusting me.", "co_optation")
    assert hit.hypothetical and not hit.counted
    assert only("I'm the one chasing his meds now.", "co_optation").counted


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        # the subject of the sentence's first clause carries to a clause with none of its own
        ("Young fella D came with his cousin, said nothing the first hour.", True),
        ("The nurse came in, told her she should take her meds.", True),
        ("She was quiet all morning, said nothing at group.", True),
        ("Then Dave came round, told him what to do.", True),
        # diary style, the writer among the subjects, or a subject that is not a person
        ("Met D at the gate, said nothing.", False),
        ("D and I went in, said nothing.", False),
        ("Me and Gaz went to the chemist, said nothing.", False),
        ("Shift was busy, said nothing at handover.", False),
        ("D came in and I told him what to do.", False),
        # a second verb of a clause's subject, after "and"
        ("The others came over, and Bernard brought her tea and said nothing.", True),
        ("Went round to his, sat down and said nothing about the meds.", False),
        ("Calmed him down when he was agitated and talked him into his PRN.", False),
    ],
)
def test_a_subject_carries_to_a_clause_without_one(text: str, theirs: bool) -> None:
    hit = next(h for h in curated_score(text).hits if h.polarity == "drift")
    assert hit.attributed is theirs and hit.counted is not theirs


def test_quoted_words_the_writer_then_used_are_theirs() -> None:
    text = 'The lead called them "hard to reach". Even used "hard to reach" myself later.'
    first, second = (h for h in curated_score(text).hits if h.dimension == "clinical_language")
    assert first.attributed and not first.counted
    assert second.counted and not second.attributed


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("Morning meeting.\nConsultant: Patient in bay 3 is non-adherent, query depot.", True),
        ("Handover.\nWard manager: She's kicking off every night anyway.", True),
        # a name's lines are theirs in a script where the writer's lines are "Me:"
        ("Me: How was the week?\nJo: Rough, I'm non-compliant apparently.", True),
        ("Me: Honestly, you're being non-compliant.\nJo: Fair.", False),
        # a heading is the writer's
        ("Shift notes\nPlan: chase his depot, he's non-compliant.", False),
    ],
)
def test_a_script_line_is_its_speakers(text: str, theirs: bool) -> None:
    hit = next(h for h in curated_score(text).hits if h.dimension == "clinical_language")
    assert hit.attributed is theirs


@pytest.mark.parametrize(
    ("text", "used"),
    [
        # a label named as a thing, or echoed at a sentence's start to question it
        ("She asked if she was doing herself down with the nutter thing.", False),
        ("I'd carried a borderline label for ten years.", False),
        ("Treatment resistant, like he is the problem.", False),
        ("Challenging behaviour, that's the heading on his care plan.", False),
        ("Noncompliant. Every time I see that word in a chart I wince.", False),
        # … but not a label the writer applies
        ("Manipulative. That's what she is.", True),
        ("She's non-compliant, like I said.", True),
    ],
)
def test_a_label_talked_about_is_not_used(text: str, used: bool) -> None:
    hit = only(text, "clinical_language")
    assert hit.counted is used


def test_someone_elses_deed_after_a_pronoun() -> None:
    """"She said nothing" and "he will fix them" are the person's, not the writer's."""
    assert not only("Asked her what she wanted, she said nothing.", "voice").counted
    assert only("At the review I said nothing.", "voice").counted
    assert not only("He will fix them next week, his hands are still good.", "mutuality").counted


def test_the_wildcard_is_not_it_this_or_that() -> None:
    assert not [h for h in curated_score("I told this to his father today.").hits if h.counted]
    assert only("I told Segun to stop.", "advice").counted


def test_care_the_writer_received_in_a_story_they_tell_is_the_past() -> None:
    hit = only("Told Ben about my own section, three weeks with one-to-one obs.", "co_optation")
    assert hit.hypothetical and not hit.counted


def test_scots_forms_read_as_standard_ones() -> None:
    assert only("I didnae share my story with him.", "story").polarity == "drift"
    telt = only("Telt him aboot my first month sober.", "story")
    assert telt.counted and telt.text == "Telt him aboot my first"


def test_a_negator_does_not_reach_into_a_question_clause() -> None:
    hit = only("I don't know why I dodged it.", "voice")
    assert not hit.negated and hit.polarity == "drift"


def test_clinical_abbreviations_need_their_context() -> None:
    assert not curated_score("Said hi to her at the door, ah well.").hits
    clinical = hits("No SI today, AH present at night.", "clinical_language")
    assert [h.text for h in clinical if h.counted] == ["No SI", "AH present"]


def test_the_wildcard_is_a_name_not_an_article() -> None:
    """"go back to *" is going back to someone, not "going back to the bottle"."""
    assert not [h for h in curated_score("He keeps going back to the bottle.").hits if h.counted]
    assert only("Sat in the waiting room with A for an hour.", "connection").counted


def test_the_writers_words_they_noticed_themselves_talking_about() -> None:
    text = 'I noticed I was talking about her "symptoms" right to her face.'
    hit = only(text, "focus")
    assert hit.counted and hit.self_noticed and not hit.attributed


def test_someone_elses_shame_is_not_the_writers() -> None:
    assert not only("He was already ashamed, head down.", "self_worth").counted
    assert only("I was ashamed of how I spoke to him.", "self_worth").counted


def test_if_i_were_him_is_advice_not_a_condition() -> None:
    hit = only("I told him if I was him I wouldn't go out at all this year.", "advice")
    assert hit.counted and not hit.hypothetical


def test_someone_else_not_speaking_is_theirs() -> None:
    assert not only("He did not say anything again after that.", "voice").counted
    assert only("I did not say anything in the meeting.", "voice").counted


@pytest.mark.parametrize(
    "text",
    [
        "I started telling her 'you should not think like that' and stopped.",
        "Started to tell the nurse 'the paranoid one in 12 is up again', then bit it back.",
        "Caught myself telling the OT Mrs J was 'agitated and wandering again'.",
    ],
)
def test_the_writers_own_words_they_began_to_say(text: str) -> None:
    assert any(h.polarity == "drift" and h.counted for h in curated_score(text).hits)


def test_nobodys_is_a_negator_and_whose_shame_is_theirs() -> None:
    assert not only("Nobody's diagnosis came up all afternoon.", "focus").counted
    assert not only("Then I sat with Ibrahim, who was ashamed.", "self_worth").counted


def test_what_the_writer_put_in_the_notes_is_theirs() -> None:
    text = 'Writing my notes I put "patient has poor insight" because that is how they are written.'
    assert only(text, "clinical_language").counted
    assert not only('I put the kettle on and she said "he is non-compliant".', "clinical").counted


def test_a_story_told_ends_where_the_writer_turns_to_what_it_enabled() -> None:
    text = "I told her my own story, and through that I was able to encourage her to comply."
    assert only(text, "co_optation").counted


# -- run-on text (dictation with no full stops) ---------------------------------------------

RUN_ON = (
    "I told her she should take her meds and we talked about the group and I listened to her "
    "story and she said the doctor called her non-compliant "
)


def test_a_run_on_text_is_read_in_sentences_of_bounded_length() -> None:
    """A hit's flags are read from its sentence up to it: without a cap, a text with no full
    stop took time quadratic in its length (15,000 characters: 4 s; 60,000: over 40 s)."""
    from peerjournal.drift.matcher import MAX_SENTENCE_CHARS, _capped, _tokenize

    text = RUN_ON * 40
    norm, _, tokens, starts = _tokenize(text)
    ands = [starts[i] for i, word in enumerate(tokens) if word == "and"]
    capped = _capped([0], ands, starts, len(norm))
    assert len(capped) > len(text) // MAX_SENTENCE_CHARS
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in itertools.pairwise([*capped, len(norm)]))
    assert set(capped[1:]) <= set(ands)  # cut where a clause starts


def test_the_cap_changes_no_phrase_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting a run-on text changes how some hits are read (whose words, in a text with no
    sentence ends to go by), never which phrases are found."""
    from peerjournal.drift import matcher

    capped = curated_score(RUN_ON * 30).hits
    monkeypatch.setattr(matcher, "MAX_SENTENCE_CHARS", 10**9)
    whole = curated_score(RUN_ON * 30).hits
    assert [(h.marker, h.start, h.end) for h in capped] == [
        (h.marker, h.start, h.end) for h in whole
    ]
    assert len(capped) == 30 * len(curated_score(RUN_ON).hits)


def test_a_word_longer_than_a_sentence_is_cut_anywhere() -> None:
    from peerjournal.drift.matcher import MAX_SENTENCE_CHARS, _capped

    size = 3 * MAX_SENTENCE_CHARS + 5
    assert _capped([0], [], [0], size) == [0, MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS,
                                          3 * MAX_SENTENCE_CHARS]
