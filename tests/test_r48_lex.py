"""Round 48, the drift lexicon and matcher: "a drunk driver" is no label of the person; a habit
with a dangling preposition ("using on") and a word of where ("corner") are never learned; a
stock line the writer delivers is theirs, one that only comes back to them is not; the key
under the table explains "what you plan to do" and "you noticed it" where they are shown."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from drift_eval import Example
from learn_markers import count, usable
from peerjournal.drift import load_lexicon


def _hits(cli: CLI, text: str) -> list[dict[str, Any]]:
    result = cli("drift", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["hits"])


def _labels(cli: CLI, text: str) -> list[dict[str, Any]]:
    return [h for h in _hits(cli, text) if h["dimension"] == "clinical_language"]


@pytest.mark.parametrize("text", [
    "He was a drunk driver.",
    "He's a drunk driver and lost his licence over it.",
    "She was a drunk lass on the night bus, nothing more.",
])
def test_drunk_before_the_noun_it_describes_is_no_label(cli: CLI, text: str) -> None:
    assert _labels(cli, text) == []


@pytest.mark.parametrize(("text", "label"), [
    ("He's a drunk.", "He's a drunk"),
    ("He was a drunk who hit her.", "He was a drunk"),
    ("She is a drunk now, like her dad.", "She is a drunk"),
    ("He was a drunk in denial for years.", "He was a drunk"),
])
def test_a_drunk_as_a_noun_is_still_a_label(cli: CLI, text: str, label: str) -> None:
    hits = _labels(cli, text)
    assert [(h["text"], h["counted"]) for h in hits][:1] == [(label, True)]


def test_a_habit_with_a_dangling_preposition_is_not_learned() -> None:
    assert not usable("using on") and not usable("drinking to") and not usable("drinking on")
    # the habit with a word of its own, or a conjunction, stays learnable
    assert usable("drinking to excess") and usable("using and")


def _examples(*texts: str) -> list[Example]:
    return [Example(t, "identity", (), f"set{n % 2}") for n, t in enumerate(texts)]


def test_a_word_mostly_written_where_something_is_is_no_evidence_alone() -> None:
    texts = ["We sat in the corner."] * 7 + ["The peer corner was busy."] * 3
    places = count(iter(_examples(*texts))).places()
    assert "corner" in places
    assert not usable("corner", places=places) and not usable("corner of", places=places)
    assert usable("peer corner", places=places)  # with a word of its own


def test_few_uses_make_no_word_of_where() -> None:
    texts = ["Football at the rec."] * 5 + ["The rec was packed."]
    assert "rec" not in count(iter(_examples(*texts))).places()


def test_the_shipped_lexicon_learned_none_of_them() -> None:
    learned = {p for m in load_lexicon().markers if m.learned for p in m.patterns}
    assert learned.isdisjoint({"using on", "drinking to", "drinking on", "corner", "corner of"})
    assert "using and" in learned  # the rule is not a list of strings


def test_the_padding_s_corner_counts_for_nothing(cli: CLI) -> None:
    text = "The bus was late so we waited at the stop on the corner by the shops for a while."
    assert _hits(cli, text) == []


@pytest.mark.parametrize("text", [
    "I gave him my usual line, 'you should call your sponsor'.",
    "My line to him was 'you should go to rehab'.",
    "I used the old line on her, 'you should want it for yourself'.",
    "Out came my old line, 'you should go to meetings'.",
    "Nearly did the old line, 'you should go to meetings'.",
    "I told him, 'you should never give up'.",
])
def test_a_line_the_writer_delivers_is_theirs(cli: CLI, text: str) -> None:
    advice = [h for h in _hits(cli, text) if h["text"] == "you should"]
    assert [(h["attributed"], h["counted"]) for h in advice] == [(False, True)]


@pytest.mark.parametrize("text", [
    "The old line, 'you should just get over it,' came back to me.",
    "I remembered the old saying, 'you should never trust an addict'.",
    "My sponsor's line, 'you should call someone', stuck with me.",
    "He gave me the old line, 'you should want it'.",
    "She used her usual line on me, 'you should know better'.",
])
def test_a_line_the_writer_does_not_deliver_is_others_framing(cli: CLI, text: str) -> None:
    advice = [h for h in _hits(cli, text) if h["text"] == "you should"]
    assert [(h["attributed"], h["counted"]) for h in advice] == [(True, False)]


PLAN_KEY = "what you plan to do: the entry says only what you mean to do"
NOTICED_KEY = "you noticed it: you caught yourself at it."


def _key(cli: CLI, text: str) -> tuple[str, str]:
    """The table (from its header) and the key under it, on one line each."""
    result = cli("drift", "--text", text)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    table, key = out.split(" Dimension ", 1)[1].split("Key: ", 1)
    return table, key.split(" Your language", 1)[0].split(" This entry", 1)[0]


def test_the_key_explains_a_plan_where_one_is_shown(cli: CLI) -> None:
    table, key = _key(cli, "Next time I will share my story with him and ask what he wants.")
    assert "(what you plan to do" in table
    assert key.count(PLAN_KEY) == 1 and NOTICED_KEY not in key


def test_the_key_explains_a_noticed_slip_where_one_is_shown(cli: CLI) -> None:
    table, key = _key(cli, "I caught myself calling him non-compliant in handover. I shared my "
                           "own story with him later and we talked about what he wants.")
    assert "(you noticed it" in table
    assert key.count(NOTICED_KEY) == 1 and PLAN_KEY not in key


def test_neither_is_explained_where_neither_is_shown(cli: CLI) -> None:
    table, key = _key(cli, "I shared my own story and listened to him for an hour at group.")
    assert "plan to do" not in table and "noticed it" not in table
    assert PLAN_KEY not in key and NOTICED_KEY not in key
