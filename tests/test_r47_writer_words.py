"""Round 47 (fix_words; QA r46 qa_fixes_f 2, qa_fixes_d 6, fix_words2 "not done"): an
organisation's label said to the writer, as the mentor reads it (`about_the_writer`). A bare
noun before "you" is what "you" does something to ("labels the writer uses"); "you both ask
and listen" is the writer doing both; "you lot", "you two", "all of you" are a group, kept as
said; "Sam and you chat" is two people's verb; a name after "and" starts its own clause; a
hyphened verb takes its "s" at the end; the rewording never drops or adds another word."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.exporters.writer_words import about_the_writer


@pytest.mark.parametrize(("label", "said"), [
    # QA 1: a label that starts with a bare noun (plural or not), then "you" and its verb
    ("labels you use about people", "labels the writer uses about people"),
    ("errands you run for staff", "errands the writer runs for staff"),
    ("advice you give, they take", "advice the writer gives, they take"),
    ("charts you fill in, staff sign", "charts the writer fills in, staff sign"),
    ("stories you tell about your own recovery",
     "stories the writer tells about the writer's own recovery"),
    ("hopes you hold for them", "hopes the writer holds for them"),
    ("phone calls you make on their behalf", "phone calls the writer makes on their behalf"),
    ("jargon you pick up on the ward", "jargon the writer picks up on the ward"),
    ("about labels you use", "about labels the writer uses"),
    ("Stories You Tell", "Stories The Writer Tells"),
    # QA 2: "both … and" is the writer doing both; "you both" alone is two people
    ("you both ask and listen", "the writer both asks and listens"),
    ("when you both ask and really listen", "when the writer both asks and really listens"),
    ("you both ask questions and listen", "the writer both asks questions and listens"),
    ("being there while you both wait", "being there while you both wait"),
    ("you both ask it", "you both ask it"),
    # QA 3: "you" as a group the writer speaks to or is one of: kept as said, verb and all
    ("calling them you lot", "calling them you lot"),
    ("you guys on the ward", "you guys on the ward"),
    ("all of you in the team", "all of you in the team"),
    ("what each of you brings", "what each of you brings"),
    ("when you all decide together", "when you all decide together"),
    ("you two talk it through", "you two talk it through"),
    ("You people", "You people"),
    # QA 4: two who do something together; a name or a person after "and"
    ("when Sam and you chat after group", "when Sam and the writer chat after group"),
    ("when the nurse and you agree a plan", "when the nurse and the writer agree a plan"),
    ("if she and you agree", "if she and the writer agree"),
    ("when you and Sam chat", "when the writer and Sam chat"),
    ("when you listen and Sam chats", "when the writer listens and Sam chats"),
    ("when you listen and gran chat", "when the writer listens and gran chat"),
    # found writing labels in the peer supporters' style
    ("you who were there", "the writer who was there"),
    ("you, who listen", "the writer, who listens"),
    ("when you co-facilitate the group", "when the writer co-facilitates the group"),
    ("when you double-check the notes", "when the writer double-checks the notes"),
])
def test_a_label_s_verb_agrees_with_the_writer(label: str, said: str) -> None:
    assert about_the_writer(label) == said


@pytest.mark.parametrize("label", [
    # "you" the object of a verb before it, first word or not: its verb keeps its form
    "tell you what to do", "Remind you to eat", "makes you feel small", "lets you rest",
    "when staff make you feel small", "they label you", "when it labels you",
    "Gran makes you laugh", "when someone tells you to calm down",
])
def test_you_after_a_verb_is_its_object(label: str) -> None:
    said = about_the_writer(label)
    assert said == label.replace("you", "the writer").replace("You", "The writer")


def test_an_organisation_s_labels_agree_in_the_export(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """The QA shapes as an organisation writes them, through a real export: the markers the
    entry's sentences hit are named about the writer; the writer's own sentences, quoted
    under them, are kept as written."""
    lexicon = tmp_path / "org.toml"
    markers = {
        "org.labels": ("labels you use about people", "clinical_language", "drift",
                       "non-compliant"),
        "org.wait": ("being there while you both wait", "story", "identity", "waited with him"),
        "org.ask": ("when you both ask and listen", "story", "identity", "asked and listened"),
        "org.lot": ("calling them you lot", "advice", "drift", "you lot"),
        "org.chat": ("when Sam and you chat", "story", "identity", "sam and i chat"),
    }
    lexicon.write_text("\n".join([
        '[lexicon]\nname = "R47 words"\n\n[labels]\nstory = "Your story"',
        'advice = "Your advice"\nclinical_language = "Clinical words"\n\n[marker_labels]',
        *(f'"{id_}" = "{label}"' for id_, (label, *_) in markers.items()),
        *(f'[[marker]]\nid = "{id_}"\ndimension = "{dim}"\npolarity = "{polarity}"\n'
          f'source = "guide"\npatterns = ["{pattern}"]'
          for id_, (_, dim, polarity, pattern) in markers.items()),
    ]), encoding="utf-8")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {json.dumps(str(lexicon))}\n")
    for text in ("Ward shift. I waited with him for the crisis team. I asked and listened. "
                 "Told the group let's keep the focus on you lot. Sam and I chat after group.",
                 "Handover again. I wrote in the notes that he was non-compliant."):
        wrote = cli("write", "-x", text, "--share")
        assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.md"
    result = cli("export", "--format", "md", "-o", str(out), "--yes")
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    for line in ("- labels the writer uses about people (Clinical words): 1 time in 1 entry",
                 "- being there while you both wait (The writer's story)",
                 "- when the writer both asks and listens (The writer's story)",
                 "- calling them you lot (The writer's advice)",
                 "- when Sam and the writer chat (The writer's story)",
                 "“Sam and I chat after group.”"):
        assert line in md
    summary = tmp_path / "s.json"
    assert cli("export", "--format", "json", "-o", str(summary), "--yes").exit_code == 0
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert {m["label"] for side in data["markers"].values() for m in side} == {
        "labels the writer uses about people", "being there while you both wait",
        "when the writer both asks and listens", "calling them you lot",
        "when Sam and the writer chat"}


# -- the rewording changes pronouns and verb endings, never another word ------------------

_YOU_WORDS = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll",
              "you'd"}
# what a "you" word may become ("the writer's own", "themselves")
_SAID_FOR_YOU = {"the", "writer", "writer's", "own", "themselves"}
# a contraction's verb, said after "the writer" as any other is ("you're": "the writer is")
_CONTRACTED = {"you're": "are", "you've": "have", "you'll": "will", "you'd": "would"}
_AGREEING = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
             "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't", "would": "had"}
_VOCABULARY = sorted({
    *_YOU_WORDS, "You", "YOU", "Your", "I", "and", "or", "but", "when", "what", "how", "who",
    "if", "that", "while", "both", "all", "lot", "guys", "two", "of", "each", "a", "to", "not",
    "really", "always", "quietly", "listen", "ask", "wait", "chat", "push", "cry", "go", "fix",
    "tell", "make", "let", "help", "co", "facilitate", "check", "told", "said", "can", "can't",
    "are", "were", "have", "do", "don't", "aren't", "labels", "stories", "advice", "hopes",
    "people", "staff", "they", "them", "Sam", "gran", "nurse", "story", "meds", "thank",
    "sure", "think", "feel", "back", "with", "for", "it", "Think", "Stories", "LISTEN",
})
_GAPS = [" ", " ", " ", " ", ", ", ". ", "? ", "-", "; ", " (", ") "]


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)*", text)


def _same_word(was: str, now: str) -> bool:
    """`now` is `was`, or `was` as said after "the writer" ("listens", "cries", "is")."""
    w, n = was.casefold(), now.casefold()
    return n in {w, w + "s", w + "es", w[:-1] + "ies", _AGREEING.get(w, w)}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_VOCABULARY), st.sampled_from(_GAPS)),
                min_size=1, max_size=14))
def test_the_rewording_never_drops_or_adds_a_word_other_than_a_pronoun(
    pieces: list[tuple[str, str]]
) -> None:
    label = "".join(word + gap for word, gap in pieces).strip()
    said = about_the_writer(label)
    was = [_CONTRACTED.get(w.casefold(), w) for w in _words(label)]
    was = [w for w in was if w.casefold() not in _YOU_WORDS]
    now = [w for w in _words(said) if w.casefold() not in _YOU_WORDS | _SAID_FOR_YOU]
    assert len(now) == len(was), (label, said)
    assert all(_same_word(a, b) for a, b in zip(was, now, strict=True)), (label, said)
