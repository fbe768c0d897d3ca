"""Round 30: whose practice it is, in three more shapes of sentence.

- A subject with a relative clause between commas ("The caller's mum, who was upset, told her
  she should leave him", "Her keyworker, who I like, said she needs …") is the subject of the
  verb after it: the advice is theirs (attributed), even with "I" inside the relative clause.
  "I, who had never met her, told her …" is still the writer's.
- A progressive ("Her mum was telling her to leave him", "has been telling") is done by its
  subject, as "keeps telling" is; "I was telling her what to do" is still the writer's.
- After a semicolon a clause without a subject is the writer's diary style, as after a full
  stop ("She was upset; told her she should call the crisis line"); after a comma the first
  clause's subject still carries ("The nurse came in, told her she should …").
- A clinician's compliment about the writer's work counts as neither the writer's drift nor
  their identity: "The consultant told me | my handover was clear" reports what was said (as
  "He told me his | landlord's number is …" did), so the learned "told me" is not the writer's
  story.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI


def scored(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def counted(data: dict[str, Any], polarity: str = "drift") -> list[str]:
    return [h["text"] for h in data["hits"] if h["counted"] and h["polarity"] == polarity]


def advice(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [h for h in data["hits"] if h["marker"] == "advice.you_should"]


OTHERS = [
    # a relative clause between the subject and its verb
    "The caller's mum, who was upset, told her she should leave him.",
    "Her keyworker, who I like, said she needs to take her meds.",
    "His dad, who drove him in, told him he should just take the tablets.",
    "The nurse, who had been on since seven, told her she needs to take her meds.",
    "Her social worker, who I've known for years, keeps telling her what to do.",
    "The duty doctor, whose shift was ending, told him he should take his meds.",
    "Sam's sister, who I'd never met before, told her she should get a job.",
    "Her CPN, who was running late again, told her she should leave him.",
    "When I got there, her mum, who was clearly exhausted, told her she should go home.",
    "Her keyworker, who I really rate, kept saying she needs to take her meds.",
    # a progressive
    "Her mum was telling her to leave him.",
    "Her dad was telling her she should move back home.",
    "His nurse has been telling him he needs to take his meds.",
    "The ward staff were telling her she should calm down.",
    "Her boyfriend is always telling her what to do.",
    "Her sister was constantly telling her she should get a job.",
    "The doctor kept telling him he was non-compliant.",
    "Yesterday his probation officer was telling him he should take his meds.",
    # more of the same shapes: names, "whom", dashes, "'s" for "has" / "is"
    "Dave, who runs the Tuesday group, told him he should stop drinking.",
    "Jo, who I work with on Tuesdays, was telling him he needs to engage.",
    "Her GP, whom she's seen twice, told her she needs to stop drinking.",
    "My colleague, who is new, told him he should take his meds.",
    "The psychiatrist, who was lovely actually, kept telling her she should comply.",
    "Her mum - who was fuming - told her she should leave him.",
    "Her mum \u2013 who was fuming \u2013 told her she should leave him.",
    "Her brother, who she hadn't seen in months, was telling her to get a grip.",
    "Her mum's been telling her to leave him for years.",
    "Her mum's told her to leave him.",
    "Sam's told her she should leave him.",
    "Everyone's telling him to just get on with it.",
    "They were telling him he needs to comply or he'd lose his flat.",
]


@pytest.mark.parametrize("text", OTHERS)
def test_someone_elses_practice_is_theirs(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    # what they did, after a relative clause (whose words are the writer's: a learned word
    # there, or in the speaker's name, "Her keyworker said …", counts as without one)
    relative = text.find(", wh")
    after = text.index(", ", relative + 2) if relative >= 0 else 0
    theirs = [h for h in data["hits"] if h["start"] > after and h["polarity"] == "drift"]
    assert theirs and all(h["attributed"] and not h["counted"] for h in theirs), data["hits"]
    if relative < 0:
        assert data["verdict"] != "drift"


WRITERS = [
    # the writer is the subject, with a relative clause or a progressive
    "I, who had never met her, told her she should leave him.",
    "I, who had only just met her, told her she should take her meds.",
    "I was telling her what to do",
    "I was telling him he should take his meds.",
    "We were telling her she should leave him.",
    "I've been telling her she should leave him for weeks.",
    # diary style after a semicolon, as after a full stop
    "She was upset; told her she should call the crisis line.",
    "She was upset. Told her she should call the crisis line.",
    "He was in a right state; told him he should go to A&E.",
    "Her mum was there; told her she needs to take her meds.",
    "Rough night for him; told him he should take his meds.",
    "The nurse came in late; told her she should take her meds.",
    "He kept pacing; told him he should sit down and have a brew.",
    "They were both shouting; told them they need to calm down.",
    "She was crying on the phone; told her she needs to go to her GP.",
    "Mum came in; told her she should eat something.",
    # the writer with a parenthesis, or joined to someone else
    "I - who should know better - told her she should leave him.",
    "I, being the only peer on shift, told her she should leave him.",
    "Me and the nurse, who'd known her for years, told her she should stay.",
    "I'm always telling them they should eat more.",
    "I was literally telling him what to do.",
]


@pytest.mark.parametrize("text", WRITERS)
def test_the_writers_own_advice_counts(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    hits = advice(data)
    assert hits and all(h["counted"] and not h["attributed"] for h in hits), data["hits"]
    assert data["verdict"] == "drift"


@pytest.mark.parametrize(
    "text",
    [
        # a subject carried over a comma is still the subject (unchanged)
        "The nurse came in, told her she should take her meds.",
        "D came with his cousin, said nothing first hour.",
    ],
)
def test_a_subject_carries_over_a_comma(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data) == [], data["hits"]


@pytest.mark.parametrize(
    "text",
    [
        "The CPN said my notes were thorough.",
        "The CPN told me my notes were really thorough.",
        "The ward manager said my risk assessment was spot on.",
        "My supervisor said I was brilliant with her today.",
        # what was said about the writer's work is reported, not an exchange of stories
        "The consultant told me my handover was really clear.",
        "The CPN told us our notes were the best on the ward.",
    ],
)
def test_a_compliment_about_the_writer_is_not_their_drift_or_identity(
    cli: CLI, text: str
) -> None:
    data = scored(cli, text)
    curated = [h for h in data["hits"] if h["counted"] and not h["marker"].startswith("learned.")]
    assert curated == [], data["hits"]
    assert counted(data, "identity") == [], data["hits"]
    assert data["verdict"] not in ("drift", "identity")


def test_what_someone_tells_of_their_own_is_still_an_exchange(cli: CLI) -> None:
    data = scored(cli, "She told me hers.")
    assert counted(data, "identity"), data["hits"]
