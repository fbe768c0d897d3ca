"""Round 43 (drift in services the lexicon had seen less of: youth, homelessness, prison and
probation, perinatal, older adults and dementia; QA helper "qa_drift_contexts").

- The labels of those services are clinical language ("prolific offender", "lacks any victim
  empathy", "a faller", "poor historian", "school refuser", "entrenched rough sleeper"), and
  talking to an adult "like a child" is instructing, not mutuality.
- Everyday senses of learned words ("presenting breech", "an episode of Bluey", "conditions on
  the ward", "her frame") are no evidence alone.
- What a service asked of the writer and the writer then did ("… and i ticked high risk",
  "Rang round and logged it.") is the writer's co-optation, not others' framing; an initial
  with its full stop ("Home visit with K. Went through …") ends its sentence.
- Probation, social-services and benefits compliance is co-optation; "didnt really feel like i
  could say no" is voice drift.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from learn_markers import usable

PERINATAL = (
    "visited jo on the postnatal ward. baby was presenting breech so she had an emergency "
    "section, shes sore and fed up. conditions on the ward are grim, no sleep. we watched an "
    "episode of bluey on her phone and had a laugh"
)
PROBATION = (
    "Home visit with K. Went through his licence conditions with him again, checked he was at "
    "the approved address and that the curfew tag was working. He'd been out past 7 on Tuesday "
    "so I told his probation officer. Reminded him he'll be recalled if it happens again."
)
FORENSIC = (
    "D is a prolific offender, lacks any victim empathy and has distorted thinking. Spent the "
    "session challenging it."
)
DEMENTIA = (
    "Mrs B was wandering all afternoon, a real wanderer and a faller, poor historian, "
    "confabulating again. talked to her like a child to get her to sit down, good girl, well "
    "done."
)
SCHOOL = (
    "head of year wants me to do the attendance calls weekly now. didnt really feel like i "
    "could say no tbh. probably better to just leave the hard ones to camhs"
)
OMU = (
    "then OMU asked me to fill in the risk assessment on him and i ticked high risk of "
    "reoffending because of his associates."
)


def _drift_json(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _counted(data: dict[str, Any], marker_prefix: str = "") -> list[str]:
    return [
        h["text"]
        for h in data["hits"]
        if h["counted"] and h["marker"].startswith(marker_prefix)
        and not h["marker"].startswith("learned.")
    ]


def test_everyday_senses_leave_a_warm_visit_identity(cli: CLI) -> None:
    data = _drift_json(cli, PERINATAL)
    assert data["verdict"] == "identity"
    texts = {h["text"].lower() for h in data["hits"] if h["counted"]}
    assert not texts & {"presenting", "episode", "conditions"}
    assert not usable("presenting") and not usable("the health")
    assert usable("licence conditions") and usable("psychotic episode")


def test_forensic_labels_are_clinical_language_not_empathy(cli: CLI) -> None:
    data = _drift_json(cli, FORENSIC)
    assert data["verdict"] == "drift"
    assert _counted(data, "clinical_language.") == [
        "prolific offender",
        "lacks any victim empathy",
        "distorted thinking",
    ]
    assert not [h for h in data["hits"] if h["dimension"] == "connection" and h["counted"]]


def test_dementia_labels_and_talking_like_to_a_child(cli: CLI) -> None:
    data = _drift_json(cli, DEMENTIA)
    assert data["verdict"] == "drift"
    assert _counted(data, "clinical_language.") == [
        "was wandering",
        "real wanderer",
        "a faller",
        "poor historian",
        "confabulating",
    ]
    assert _counted(data, "mutuality.") == ["talked to her like a child"]


@pytest.mark.parametrize(
    "text",
    [
        "We went wandering round the garden centre and he told me about his allotment.",
        "She filled the bird feeder while we talked about her late husband.",
        "I rang his offender manager with him so he could ask about his hostel himself.",
    ],
)
def test_everyday_wandering_feeder_and_roles_are_no_label(cli: CLI, text: str) -> None:
    data = _drift_json(cli, text)
    assert _counted(data, "clinical_language.") == []


def test_a_service_request_the_writer_could_not_refuse_is_voice_drift(cli: CLI) -> None:
    data = _drift_json(cli, SCHOOL)
    assert data["verdict"] == "drift"
    assert _counted(data, "voice.") == [
        "didnt really feel like i could say no",
        "leave the hard ones to camhs",
    ]


def test_asked_then_done_is_the_writers_act(cli: CLI) -> None:
    data = _drift_json(cli, OMU)
    risk = next(h for h in data["hits"] if h["text"] == "risk assessment")
    assert (risk["counted"], risk["attributed"]) == (True, False)
    # refusing what was asked leaves it the nurse's
    data = _drift_json(cli, "The nurse asked me to do the risk assessment and I said no.")
    risk = next(h for h in data["hits"] if h["text"] == "risk assessment")
    assert (risk["counted"], risk["attributed"]) == (False, True)
    assert data["verdict"] == "identity"


def test_probation_compliance_after_an_initial_is_the_writers(cli: CLI) -> None:
    data = _drift_json(cli, PROBATION)
    assert data["verdict"] == "drift"
    assert _counted(data, "co_optation.") == [
        "Went through his licence conditions",
        "checked he was at the approved address",
        "so I told his probation officer",
        "Reminded him he'll be recalled",
    ]
    # a surname after an initial is no new sentence: J. Smith's advice stays his
    data = _drift_json(cli, "Met J. Smith said she should leave him.")
    assert [h["attributed"] for h in data["hits"] if h["marker"] == "advice.you_should"] == [True]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Made sure they'd all taken their sertraline before group.", "sertraline"),
        ("Chased their sick notes all morning.", "sick notes"),
        (
            "Had a look in the fridge while she was making tea and emailed the social worker "
            "after.",
            "fridge",
        ),
        (
            "The manager had me write up the warning letter and hand it to him myself.",
            "warning letter",
        ),
    ],
)
def test_compliance_and_messenger_work_is_co_optation(cli: CLI, text: str, phrase: str) -> None:
    data = _drift_json(cli, text)
    assert data["verdict"] == "drift"
    assert any(phrase in t for t in _counted(data, "co_optation."))


def test_walking_frame_is_no_worldview(cli: CLI) -> None:
    data = _drift_json(cli, "told her she should really be using her frame.")
    assert not [h for h in data["hits"] if h["dimension"] == "worldview"]
    assert data["verdict"] == "drift"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "made sure everyone took their tablets, filled in the behaviour charts for the team.",
            "for the team",
        ),
        ("Visit with Dee. Made sure she took her meds and logged it for the team.", "logged it"),
        ("made sure they all took their meds, did the incident reports for the team.", "for the"),
    ],
)
def test_the_writers_diary_verbs_stay_the_writers(cli: CLI, text: str, phrase: str) -> None:
    """'Made sure everyone …' opens the writer's sentence, so the next, subjectless verb is
    the writer's too; "the behaviour charts" is a plural noun, no one's speech."""
    data = _drift_json(cli, text)
    hit = next(h for h in data["hits"] if h["text"].startswith(phrase))
    assert (hit["counted"], hit["attributed"]) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse reports he is non-compliant.",
        "D came with his cousin, told her she should stop using.",
        # "says", "calls him": verbs, never a record's plural (dev traps jus-ci-050, dis-ci-057)
        "Her care plan says to do a full risk assessment every time.",
        "His report calls him treatment-resistant.",
    ],
)
def test_someone_elses_words_stay_attributed(cli: CLI, text: str) -> None:
    data = _drift_json(cli, text)
    curated = [h for h in data["hits"] if not h["marker"].startswith("learned.")]
    assert curated and all(h["attributed"] and not h["counted"] for h in curated)
