"""Round 22's QA cases for `drift --text … --json`: whose words a story phrase that opens with a
speech verb is, advice the writer then says they did not say, and texts too short for a verdict.

The rules are checked with a small organisation lexicon written here (its phrases stand for the
shipped lexicon's learned and curated ones, which are being tuned); the reported sentences that
do not depend on tuning are checked against the shipped lexicon too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

LEXICON = """
[lexicon]
name = "qa22"

[[marker]]
id = "org.story"
dimension = "story"
polarity = "identity"
source = "test"
patterns = ["said it", "saying he was", "told me about", "talked about", "asked me how"]

[[marker]]
id = "org.voice"
dimension = "voice"
polarity = "identity"
source = "test"
patterns = ["said he wants"]

[[marker]]
id = "org.advice"
dimension = "advice"
polarity = "drift"
source = "test"
patterns = ["if i were you"]

[[marker]]
id = "org.clinical"
dimension = "clinical_language"
polarity = "drift"
source = "test"
patterns = ["non-compliant"]
"""


@pytest.fixture
def lexicon(tmp_path: Path) -> str:
    path = tmp_path / "qa22.toml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


def scored(cli: CLI, text: str, *lexicon: str) -> dict[str, Any]:
    args = ("--lexicon", *lexicon) if lexicon else ()
    result = cli("drift", "--json", *args, "--text", text)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def hit(data: dict[str, Any], text: str) -> dict[str, Any]:
    (found,) = [h for h in data["hits"] if h["text"].lower() == text.lower()]
    return found


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He said it was fine.", "said it"),
        ("Ray said it was fine, then left.", "said it"),
        ("Night shift. The agency worker kept saying he was kicking off.", "saying he was"),
    ],
)
def test_a_phrase_opening_with_someone_elses_saying_is_their_words(
    cli: CLI, lexicon: str, text: str, phrase: str
) -> None:
    data = scored(cli, text, lexicon)
    found = hit(data, phrase)
    assert found["attributed"] and not found["counted"]
    assert data["verdict"] == "insufficient"


@pytest.mark.parametrize(
    "text",
    ["I said it was fine to the whole group.", "Said it was fine to the whole group today."],
)
def test_the_writer_saying_it_is_still_the_writers(cli: CLI, lexicon: str, text: str) -> None:
    data = scored(cli, text, lexicon)
    found = hit(data, "said it")
    assert found["counted"] and not found["attributed"]
    assert data["verdict"] == "identity"


def test_a_sentence_opening_with_a_negative_verb_names_no_speaker(
    cli: CLI, lexicon: str
) -> None:
    # "Haven't" is not a name ("Haven") saying it: diary style, the writer's own
    data = scored(cli, "Haven't said it was fine to her yet.", lexicon)
    found = hit(data, "said it")
    assert not found["attributed"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She told me about her weekend and the dog.", "told me about"),
        ("He talked about football for an hour.", "talked about"),
        ("She asked me how I got through it.", "asked me how"),
    ],
)
def test_the_speech_itself_is_not_someone_elses_words(
    cli: CLI, lexicon: str, text: str, phrase: str
) -> None:
    """That the person spoke to the writer is what these phrases say: they stay counted."""
    assert hit(scored(cli, text, lexicon), phrase)["counted"]


def test_what_the_person_says_is_still_evidence_of_other_dimensions(
    cli: CLI, lexicon: str
) -> None:
    """Only the writer's story is theirs alone: "He said he wants to …" is the voice the
    writer's practice made room for."""
    found = hit(scored(cli, "He said he wants to go home on Friday.", lexicon), "said he wants")
    assert found["counted"] and not found["attributed"]


@pytest.mark.parametrize(
    "text",
    [
        "If I were you I would tell the team, I almost said to Sam.",
        "If I were you I would tell the team, I nearly told her.",
        "If I were you I would tell the team, but I didn't say.",
    ],
)
def test_advice_before_a_tag_the_writer_did_not_say_is_hypothetical(
    cli: CLI, lexicon: str, text: str
) -> None:
    data = scored(cli, text, lexicon)
    found = hit(data, "if I were you")
    assert found["hypothetical"] and not found["counted"]
    assert data["verdict"] == "insufficient"


def test_advice_before_a_tag_the_writer_said_counts(cli: CLI, lexicon: str) -> None:
    data = scored(cli, "If I were you I would tell the team, I said to Sam.", lexicon)
    found = hit(data, "if I were you")
    assert found["counted"] and not found["hypothetical"]
    assert data["verdict"] == "drift"


def test_a_tag_with_an_object_of_its_own_is_not_the_unsaid_words(
    cli: CLI, lexicon: str
) -> None:
    # "it" may be something else (a feeling, a thought): the advice before it was given
    data = scored(cli, "If I were you I would tell the team, and I nearly said it twice.", lexicon)
    assert hit(data, "if I were you")["counted"]


@pytest.mark.parametrize("text", ["Talked about football.", "Talked about it"])
def test_a_text_under_four_words_has_no_verdict(cli: CLI, lexicon: str, text: str) -> None:
    data = scored(cli, text, lexicon)
    assert hit(data, "talked about")["counted"]  # the evidence is still listed
    assert data["verdict"] == "insufficient"


def test_four_words_with_a_phrase_have_a_verdict(cli: CLI, lexicon: str) -> None:
    assert scored(cli, "Talked about football today.", lexicon)["verdict"] == "identity"


def test_the_reported_short_text_has_no_verdict_with_the_shipped_lexicon(cli: CLI) -> None:
    data = scored(cli, "Talked about football.")
    assert data["words"] == 3
    assert data["verdict"] == "insufficient"


@pytest.mark.parametrize("lexicon_used", ["org", "shipped"])
def test_a_hyphenated_label_is_a_phrase(cli: CLI, lexicon: str, lexicon_used: str) -> None:
    """ "non-compliant" is two words as the matcher splits them, as "non compliant" is: the
    writer's own label makes a one-phrase verdict whichever way it is typed."""
    args = (lexicon,) if lexicon_used == "org" else ()
    data = scored(cli, "I told the team she was non-compliant.", *args)
    found = hit(data, "non-compliant")
    assert found["counted"] and not found["attributed"]
    assert data["verdict"] == "drift"


def test_quick_opening_a_quick_entry_is_not_drift() -> None:
    """Was: "quick" learned as co-optation drift (how long the note is, not practice): with
    "busy" it outweighed "stayed with her" and the entry read as leaning clinical."""
    from peerjournal.drift import score_text

    score = score_text("Quick one tonight, busy shift. Jo was upset and I stayed with her.")
    assert "Quick" not in [h.text for h in score.hits]
    assert score.verdict == "identity"
