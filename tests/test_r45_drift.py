"""Round 45: evidence a writer can read behind every number (a newcomer's QA, then its QA).

- "feeling tired and pretty useless" is the writer's self-doubt, a thing or someone else not;
- advice after "…, told him" is the writer's when "him" is the first clause's own subject, and
  a hit with a subject of its own ("she'll thank me", "I put pressure on him") is not carried;
- the writer calling someone "the client" is clinical language, staff doing it are not the
  writer, and "a case worker" is not a label;
- a word that is also a place ("the depot" beside a van, drivers) is not the depot injection.
"""

from __future__ import annotations

from peerjournal.drift import load_lexicon
from peerjournal.drift.matcher import Hit
from peerjournal.drift.score import DriftScore, score_text


def scored(text: str) -> DriftScore:
    return score_text(text, load_lexicon())


def counted(score: DriftScore, dimension: str, polarity: str) -> list[Hit]:
    return [
        h for h in score.hits if h.counted and h.dimension == dimension and h.polarity == polarity
    ]


def test_tired_and_useless_is_the_writers_self_doubt() -> None:
    for own in (
        "Got home feeling tired and pretty useless after the review, going over every word.",
        "Honestly I was exhausted and a bit useless on shift today, kept losing my thread.",
    ):
        assert counted(scored(own), "self_worth", "drift"), own
    for other in (
        "The old printer is slow and pretty useless.",
        "The radiator was stuck and useless all day so we kept our coats on in group.",
        "The duty worker looked tired and pretty useless, so we went and got a coffee.",
        # a past recovery story, not how the writer is now
        "I'd been stuck and useless for a year when I was ill, so I told him how I got out.",
    ):
        assert not counted(scored(other), "self_worth", "drift"), other


def test_advice_told_to_the_first_clauses_own_subject_is_the_writers() -> None:
    for own in (
        "He was low again, told him he should get out for a walk round the park.",
        "She looked shattered, told her she should have an early night for once.",
        "The nurse made a fuss about his meds and I put pressure on him.",
        "He said he'd used drugs at the weekend, so I told him he should stop.",
        "Told Jade she should move back in with her nan. She came in but she'll thank me one day.",
    ):
        assert counted(scored(own), "advice", "drift"), own
    went_along = scored(
        "They decided at the team meeting to stop her leave and I just went along with it."
    )
    assert counted(went_along, "voice", "drift")
    # someone else's advice, told to another person: still theirs
    theirs = scored("The nurse came in, told her she should rest more and stop worrying.")
    assert not counted(theirs, "advice", "drift")
    assert any(h.attributed for h in theirs.hits if h.dimension == "advice")


def test_the_writer_calling_someone_the_client_is_clinical_language() -> None:
    for own in (
        "I kept calling her 'the client' in the review without thinking about it.",
        "I was calling him the patient all through handover and only clocked it later.",
    ):
        slip = [h for h in scored(own).hits if h.marker == "clinical_language.system_nouns"]
        assert slip and slip[0].counted, own
    for other in (
        "Staff call him 'the client' and I hate it, he has a name and a life.",
        "The ward manager referred to her as the patient for the whole meeting.",
        "Called her a case worker by mistake when she introduced herself, she laughed.",
        "Called her a patient transport for Thursday because the buses are hopeless.",
    ):
        hits = [h for h in scored(other).hits if h.marker == "clinical_language.system_nouns"]
        assert not hits, other


def test_realised_without_i_notices_a_slip() -> None:
    score = scored("Realised I was telling her what to do about her flat, so I stopped.")
    slip = counted(score, "advice", "drift")
    assert slip and slip[0].self_noticed
    assert counted(score, "worldview", "identity")  # the awareness, beside the slip it notices
    other = scored("Her sister noticed I was telling her what to do about her flat.")
    assert not counted(other, "worldview", "identity")
    assert not any(h.self_noticed for h in other.hits)
    # "I'd" is one word: "Realised I'd started …" notices too, "She noticed I'd …" does not
    started = scored("Realised I'd started telling her what to do about the rent, so I stopped.")
    assert counted(started, "worldview", "identity")
    theirs = scored("Her sister noticed I'd been telling her what to do about her flat.")
    assert not counted(theirs, "worldview", "identity")


def test_a_place_is_not_the_depot_injection() -> None:
    for place in (
        "Dropped the van back at the depot after the outreach run, then walked home through"
        " the park in the dark.",
        "His dad works at the depot and gets him free bus passes, which helps with groups.",
    ):
        assert not [h for h in scored(place).hits if "depot" in h.text.lower()], place
    for injection in (
        "She is due for the depot on Friday and dreads it, so we talked about what might make"
        " the wait easier for her.",
        "Finally got him to agree to the depot after weeks of going on at him about it.",
        "He's due at the depot on Thursday and the CPN asked me to make sure he turns up.",
    ):
        assert [h for h in scored(injection).hits if "depot" in h.text.lower()], injection
