"""Recovery language in an addiction service (round 47's QA, a peer recovery coach with lived
experience of recovery from alcohol).

A peer worker's own addiction, relapse and recovery, said alongside the person ("He's an
alcoholic and I'm one too", "I relapsed too") is shared experience, not a clinical label; a
relapse is a plain fact, not deficit talk; worry after an overshare is self-doubt, not holding
the story back. The stigmatising words recovery training asks coaches to drop ("a drunk", "his
test came back dirty") and compliance monitoring ("a no-show", "I checked he'd taken his
antabuse") are drift. The sentences are new, written in the style of addiction-service peer
workers, not the QA's own; none is in a set the lexicon learns from.
"""

from __future__ import annotations

import json

import pytest

from conftest import CLI
from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.lexicon import Lexicon

# the writer's own addiction, relapse or recovery, beside the person's: peer identity
IDENTITY = [
    "She told me she's an addict and I said I am too, twelve years clean now.",
    "He said he felt like a failure for drinking again. I told him I slipped twice in my first"
    " year.",
    "Me and Jay are both alcoholics, we understand each other without saying much.",
    "When he said he'd picked up again I said I've relapsed myself, more than once.",
    "I'm a recovering alcoholic and I told him so.",
    "Relapse is part of recovery for a lot of us, it was for me.",
    "I said slips can be part of the journey and it was the same for me.",
    "Told her it's not the end of her recovery, she can start again tomorrow.",
    "He's a gambler and I'm one too, so I knew the feeling of chasing losses.",
    "We get each other because we've both been there.",
    "I said I'd lapsed at Christmas too and we laughed about the state of us.",
    "I am an addict in recovery and I used that today.",
    "Dave's an alcoholic, so am I, and that's why he trusted me.",
    "He's an addict like me and he knows I won't judge him.",
    "I told him I'd used again after five years and came back from it.",
    "I never call anyone a drunk, I know how that felt.",
    "The keyworker called him a drunk and I pushed back.",
    "The nurse said his test came back dirty, I asked him how he was doing.",
    "My manager wants me to check he's taken his antabuse every morning and I said no.",
    "Group tonight. M said he was ashamed of drinking again after six months. I told him I"
    " relapsed too, more than once, and that it's not the end. We talked about what helped me get"
    " back to meetings. He asked if I'd come with him on Thursday.",
]

# stigmatising words and compliance monitoring, in the writer's own voice: peer drift
DRIFT = [
    "He's just a drunk, there's no helping him.",
    "She was a drunk when she came in.",
    "Her test came back dirty again.",
    "Their screens were dirty so I wrote it up.",
    "He was a no-show for the third time this month.",
    "Another no-show from Kev, so I closed the referral.",
    "She no-showed on Tuesday and I flagged it to the team.",
    "I made sure he'd taken his methadone before we left.",
    "I watched her take her antabuse at the counter.",
    "I checked whether he'd been taking his meds.",
    "Confirmed he had collected his script and told the keyworker.",
    "Half the junkies on the list never turn up.",
    "Busy shift. Did the breath tests at nine, then checked he'd taken his antabuse. Another"
    " no-show from the afternoon list so I rang round. Wrote up that her test came back dirty.",
]

# plain facts, negated drift and others' words: never drift
NOT_DRIFT = [
    "He relapsed on Friday.",
    "She relapsed after the funeral and rang me on Sunday.",
    "They relapsed last month but came back to the group.",
    "I didn't check whether he'd taken his antabuse, that's not my job.",
    "I'm not his medication monitor so I didn't watch him take his methadone.",
    "He wasn't a no-show, the bus broke down.",
    "Staff said she was a no-show again but nobody asked why.",
    "The doctor said he's an alcoholic and will never stop.",
    "He's an alcoholic and I'm one too, so I didn't need to explain much.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def counted(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """(dimension, polarity) of each counted hit."""
    return [(h.dimension, h.polarity) for h in score_text(text, lexicon).hits if h.counted]


@pytest.mark.parametrize("text", IDENTITY)
def test_own_recovery_beside_theirs_is_peer_identity(text: str, lexicon: Lexicon) -> None:
    assert score_text(text, lexicon).verdict == "identity"


@pytest.mark.parametrize("text", DRIFT)
def test_stigma_words_and_compliance_checks_are_drift(text: str, lexicon: Lexicon) -> None:
    assert score_text(text, lexicon).verdict == "drift"


@pytest.mark.parametrize("text", NOT_DRIFT)
def test_facts_negations_and_others_words_are_not_drift(text: str, lexicon: Lexicon) -> None:
    assert score_text(text, lexicon).verdict != "drift"


def test_the_label_still_shows_beside_the_writers_own(lexicon: Lexicon) -> None:
    hits = counted("He's an alcoholic and I'm one too, we get each other.", lexicon)
    assert ("clinical_language", "drift") in hits  # the word about him is not hidden
    assert ("story", "identity") in hits and ("mutuality", "identity") in hits
    assert score_text("He's an alcoholic, full stop.", lexicon).verdict == "drift"


@pytest.mark.parametrize(
    "text",
    ["Worried I overshared in group today.", "Felt I'd overshared with him, a bit anxious after."],
)
def test_overshare_worry_is_self_doubt_not_story_drift(text: str, lexicon: Lexicon) -> None:
    hits = counted(text, lexicon)
    assert ("self_worth", "drift") in hits
    assert ("story", "drift") not in hits


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("He is a drunk.", "clinical_language"),
        ("His test came back dirty.", "clinical_language"),
        ("He was a no-show again.", "co_optation"),
        ("I checked he'd taken his antabuse.", "co_optation"),
    ],
)
def test_missed_drift_is_read_in_its_dimension(text: str, dimension: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    assert score.verdict == "drift"
    assert (dimension, "drift") in counted(text, lexicon)


def test_drift_text_shows_the_antabuse_check_as_drift(cli: CLI) -> None:
    """The QA's biggest number sat beside "not enough signal" (two learned words in a six-word
    text decide nothing): a curated phrase now reads the check itself."""
    result = cli("drift", "--json", "--text", "I checked he'd taken his antabuse.")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "drift"
    texts = [h["text"] for h in data["hits"] if h["counted"]]
    assert texts == ["checked he'd taken his antabuse"]


@pytest.mark.parametrize("text", [
    "He relapsed at the weekend.",
    "He is still using.",  # (learned as advice until round 47's lex2: a fact, not advice)
])
def test_a_relapse_alone_leans_nowhere(cli: CLI, text: str) -> None:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "insufficient"
    assert not [h for h in data["hits"] if h["counted"]]
