"""Round 46: self-noticing as peer workers write it (a six-month QA persona, finding 8).

"I noticed the old pull to fix things for Sam and let it go." scored 13.0 drift: the
self-noticed cue knew "I caught myself" but not the pull a writer notices in themselves. A
drift marker the writer notices is flagged ``self_noticed`` (and the awareness shows beside it);
a noticed urge is not counted, as "tempted to" is not; someone else's noticing, the writer
noticing someone else and then instructing, or giving in to the pull, stays drift.
"""

from __future__ import annotations

import json

import pytest

from conftest import CLI
from peerjournal.drift import load_lexicon
from peerjournal.drift.matcher import Hit
from peerjournal.drift.score import DriftScore, score_text

# the writer noticing their own pull toward a clinical role: every drift marker is flagged
NOTICED = [
    "Noticed the familiar pull to tell him what he should do about his debts, and sat with it.",
    "I noticed the urge to tell her what to do and held off.",
    "I felt the pull to tell him what he should do about his flat, and just listened.",
    "I could feel myself wanting to tell him he should go back on his meds.",
    "I could feel myself slipping into telling her what to do.",
    "I clocked the itch to give advice and let it pass.",
    "I recognised the old temptation to tell her she should leave him.",
    "Felt the tug to tell her what to do, and didn't.",
    "I sensed myself sliding into telling her what she should do.",
    "I became aware of wanting to tell her what to do.",
    "Part of me wanted to tell him he must take his tablets, but I asked what he thought instead.",
    "I had to stop myself telling her she should call her mum.",
    "I heard myself telling him he needs to calm down.",
    "I found myself about to tell her what she should do.",
    "I realised I'd slid into telling him what to do.",
    "I noticed my old habit of telling people what they should do creeping in.",
    "We both noticed the pull to tell her what to do, and talked about it after.",
    "I could hear myself giving him advice he hadn't asked for.",
    "Caught the old impulse to tell her what to do and left it.",
    "I noticed the usual pull towards telling him what to do and stayed curious.",
    "Honestly, I felt that old urge to tell her what she needs to do.",
    "I could see myself going into telling him what to do.",
]
# someone else noticing, the writer noticing someone else (then instructing), a need or a
# feeling that is no noticing, or a pull the writer gave in to: at least one drift marker stays
# counted and unflagged
STILL_DRIFT = [
    "I noticed she was off her meds again, so I told her she needs to take them.",
    "The nurse noticed I was telling her what to do.",
    "My supervisor noticed I was telling him what to do.",
    "She felt the pull to tell her son what to do, so I told her she should let him decide.",
    "I felt the need to tell him he must stop drinking.",
    "I felt that I had to tell her she should go to A&E.",
    "I noticed the bruises and told her she needs to report it.",
    "I noticed her temptation to quit, so I told her she must stick with it.",
    "Part of the plan was to tell her she must take her meds.",
    "I noticed he was drinking again and told him he should go to detox.",
    "I felt sorry for him so I told him he should move out.",
    "I noticed that he was non compliant and I told the nurse.",
    "She could feel herself wanting to cry, so I told her she should go home.",
    "I could feel the anger in him, so I told him he must calm down.",
    "I felt strongly that she must take her medication, so I told her she needs to.",
    "I noticed the pull to tell her what to do, and then I told her what to do anyway.",
    "I noticed the pull to tell her what to do and gave in and told her she must leave him.",
    "Noticed the pull to tell her what to do and told her she should leave him.",
    "He felt the urge to leave, and I told him he should stay on the ward.",
    "Jo clocked the temptation to rescue him and said I should tell him what to do.",
    "I felt the pull of the old job and told him he must take his meds.",
    "I noticed he seemed low so I told him he needs to see his GP.",
    "I felt myself that he must go back to hospital.",
    "The team recognised the impulse to discharge him, so I told him he must comply.",
    "I told him he must take his tablets, though I noticed the pull to say more.",
]


def scored(text: str) -> DriftScore:
    return score_text(text, load_lexicon())


def writers_drift(score: DriftScore) -> list[Hit]:
    """The curated drift markers of the writer's (learned ones only ever weigh beside them)."""
    return [
        h for h in score.hits
        if h.polarity == "drift" and not h.attributed and not h.marker.startswith("learned.")
    ]


def test_enough_sentences_of_each_kind() -> None:
    assert len(NOTICED) >= 20 and len(STILL_DRIFT) >= 20
    assert len(set(NOTICED + STILL_DRIFT)) == len(NOTICED) + len(STILL_DRIFT)


@pytest.mark.parametrize("text", NOTICED)
def test_the_writers_noticed_pull_is_flagged(text: str) -> None:
    hits = writers_drift(scored(text))
    assert hits, text
    assert all(h.self_noticed for h in hits), [(h.text, h.self_noticed) for h in hits]


@pytest.mark.parametrize("text", STILL_DRIFT)
def test_drift_that_is_not_noticed_stays_drift(text: str) -> None:
    hits = writers_drift(scored(text))
    assert any(h.counted and not h.self_noticed for h in hits), [
        (h.text, h.self_noticed, h.counted) for h in hits
    ]


def test_the_qa_entry_shows_the_awareness() -> None:
    score = scored(
        "I noticed the old pull to fix things for Sam and let it go. "
        "She knows her own life better than I do."
    )
    fix = [h for h in writers_drift(score) if h.text == "fix things for"]
    assert fix and fix[0].self_noticed
    awareness = [h for h in score.hits if h.marker == "worldview.self_noticing"]
    assert awareness and awareness[0].counted
    assert awareness[0].text.startswith("noticed the old pull")
    # the pull and the letting go of it are no deed: nothing of it counts as drift
    assert score.drift == 0 and score.verdict == "identity"
    assert all(h.self_noticed and not h.counted for h in writers_drift(score))


def test_only_a_pull_is_let_go() -> None:
    """"let it go" after a slip the writer noticed and let stand still counts (the slip
    happened), and so does letting a decision go."""
    for text in (
        "I noticed I was telling her what to do and let it go.",
        "The doctor wanted to discharge him and I let it go.",
    ):
        let_go = [h for h in writers_drift(scored(text)) if h.text == "let it go"]
        assert let_go and let_go[0].counted, text


def test_the_cli_shows_a_noticed_pull_flagged(cli: CLI) -> None:
    text = "I felt the pull to tell him what he should do about his flat, and just listened."
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0 and result.stderr == ""
    hits = json.loads(result.stdout)["hits"]
    advice = [
        h for h in hits if h["polarity"] == "drift" and not h["marker"].startswith("learned.")
    ]
    assert advice and all(h["self_noticed"] for h in advice)
    assert any(h["marker"] == "worldview.self_noticing" and h["counted"] for h in hits)
