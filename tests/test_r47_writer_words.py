"""Round 47 (fix_words; QA r46 qa_fixes_f 2, qa_fixes_d 6, fix_words2 "not done"): an
organisation's label said to the writer, as the mentor reads it (`about_the_writer`). A bare
noun before "you" is what "you" does something to ("labels the writer uses"), a verb with "s"
before it is not ("what keeps the writer quiet"); "you both", "you lot", "you two", "all of you"
are a group, kept as said, questions to them too ("Are you guys listening?") (r47 fix_words2,
qa_words 1-4); a list's verbs all agree, "dont" agrees, an aside or an owner ("the person's
mum and the writer agree") does not break agreement (qa_words 5, 6, 8, 9, 10); "Sam and you
chat" is two people's verb; a name after "and" starts its own clause; a hyphened verb takes its
"s" at the end; the rewording never drops or adds another word."""

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
    # QA 2, read again in r47 (qa_words 3): "you both" is two people, whatever follows it,
    # kept as said; only a singular "yourself" after it makes it the writer doing both
    ("you both ask and listen", "you both ask and listen"),
    ("when you both ask and really listen", "when you both ask and really listen"),
    ("you both ask questions and listen", "you both ask questions and listen"),
    ("learning you both do", "learning you both do"),
    ("you both learn and grow", "you both learn and grow"),
    ("you both share and learn", "you both share and learn"),
    ("when you both talk and listen", "when you both talk and listen"),
    ("you both ask and check in with yourself",
     "the writer both asks and checks in with themselves"),
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
    # r47 qa_words 1: a verb ending in "s" before "you" is no plural noun; the word after
    # "you" is its second object or how it leaves the writer, and keeps its form
    "what keeps you quiet?", "what gives you hope", "when the doctor gives you advice",
    "when the ward keeps you busy", "what drives you mad", "what gets you through",
    "supervision gives you space", "peer work gives you purpose",
    "lived experience gives you insight", "when the nurse hands you paperwork",
    "when the nurse tells you no", "when the team calls you staff", "the job pays you little",
    "whatever keeps you safe", "when the manager tells you sit down", "Keeps you quiet",
    "what brings you joy", "when work keeps you late",
])
def test_you_after_a_verb_is_its_object(label: str) -> None:
    said = about_the_writer(label)
    assert said == label.replace("you", "the writer").replace("You", "The writer")


@pytest.mark.parametrize(("label", "said"), [
    # a word that is a noun and a verb before "you": a noun where "you" has a verb that needs
    # it, as the first word or after "what"
    ("calls you make", "calls the writer makes"),
    ("what hopes you hold", "what hopes the writer holds"),
    ("values you hold", "values the writer holds"),
    ("checks you do", "checks the writer does"),
    ("drives you have", "drives the writer has"),
    # r47 qa_words 2: a question asked of a group keeps its plural verb
    ("Are you guys listening?", "Are you guys listening?"),
    ("are you all ok?", "are you all ok?"),
    ("do you both agree?", "do you both agree?"),
    ("have you two met?", "have you two met?"),
    ("were you lot there?", "were you lot there?"),
    ("don't you all agree?", "don't you all agree?"),
    ("what are you all doing?", "what are you all doing?"),
    ("how are you both?", "how are you both?"),
    ("Are all of you listening?", "Are all of you listening?"),
    ("are you ok?", "is the writer ok?"),
    # r47 qa_words 4: "those of you" is a group
    ("those of you who decide", "those of you who decide"),
    ("those of you who were there", "those of you who were there"),
    # r47 qa_words 6: every verb in a list agrees, not a list of nouns
    ("you fill in forms, chase meds and run errands",
     "the writer fills in forms, chases meds and runs errands"),
    ("you chase meds, fill in forms and run errands",
     "the writer chases meds, fills in forms and runs errands"),
    ("you book appointments, sort benefits and ring the GP",
     "the writer books appointments, sorts benefits and rings the GP"),
    ("you listen, nod and wait", "the writer listens, nods and waits"),
    ("you bring tea, cake and time", "the writer brings tea, cake and time"),
    ("you check meds, bloods and obs", "the writer checks meds, bloods and obs"),
    ("when you listen and meds run out", "when the writer listens and meds run out"),
    # r47 qa_words 8: contractions typed without their apostrophe
    ("you dont ask them", "the writer doesnt ask them"),
    ("you cant say no", "the writer cant say no"),
    ("why dont you speak up?", "why doesnt the writer speak up?"),
    ("youre there for them", "the writer is there for them"),
    ("arent you tired?", "isnt the writer tired?"),
    ("you didnt ask", "the writer didnt ask"),
    # r47 qa_words 5: the other person with an owner before them
    ("when the person's mum and you agree a plan",
     "when the person's mum and the writer agree a plan"),
    ("your gran and you chat", "the writer's gran and the writer chat"),
    ("when Sam's mum and you chat", "when Sam's mum and the writer chat"),
    # r47 qa_words 9: "you" after a verb of knowing is the subject of its own clause
    ("you notice you drift", "the writer notices the writer drifts"),
    ("they remember you said no", "they remember the writer said no"),
    ("you ask questions, notice and wait", "the writer asks questions, notices and waits"),
    # r47 qa_words 10: an aside between "you" and its verb
    ("you, the peer, decide", "the writer, the peer, decides"),
    ("you as a peer decide", "the writer as a peer decides"),
    ("you (the peer) decide", "the writer (the peer) decides"),
    ("you - the peer - decide", "the writer - the peer - decides"),
    ("if you, like many peers, hold back", "if the writer, like many peers, holds back"),
    ("you (and Sam) decide", "the writer (and Sam) decide"),
    ("you plus Sam decide", "the writer plus Sam decide"),
    ("you, staff, family", "the writer, staff, family"),
    ("read-only for you (another user's?): SQLite makes it",
     "read-only for the writer (another user's?): SQLite makes it"),
])
def test_r47_qa_words_shapes(label: str, said: str) -> None:
    assert about_the_writer(label) == said


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
        "org.quiet": ("what keeps you quiet?", "story", "identity", "kept quiet"),
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
                 "Told the group let's keep the focus on you lot. Sam and I chat after group. "
                 "I kept quiet in the review.",
                 "Handover again. I wrote in the notes that he was non-compliant."):
        wrote = cli("write", "-x", text, "--share")
        assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.md"
    result = cli("export", "--format", "md", "-o", str(out), "--yes")
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    for line in ("- labels the writer uses about people (Clinical words): 1 time in 1 entry",
                 "- being there while you both wait (The writer's story)",
                 "- when you both ask and listen (The writer's story)",
                 "- what keeps the writer quiet? (The writer's story)",
                 "- calling them you lot (The writer's advice)",
                 "- when Sam and the writer chat (The writer's story)",
                 "“Sam and I chat after group.”"):
        assert line in md
    summary = tmp_path / "s.json"
    assert cli("export", "--format", "json", "-o", str(summary), "--yes").exit_code == 0
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert {m["label"] for side in data["markers"].values() for m in side} == {
        "labels the writer uses about people", "being there while you both wait",
        "when you both ask and listen", "what keeps the writer quiet?", "calling them you lot",
        "when Sam and the writer chat"}


# -- the rewording changes pronouns and verb endings, never another word ------------------

_YOU_WORDS = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll",
              "you'd"}
# what a "you" word may become ("the writer's own", "themselves")
_SAID_FOR_YOU = {"the", "writer", "writer's", "own", "themselves"}
# a contraction's verb, said after "the writer" as any other is ("you're": "the writer is")
_CONTRACTED = {"you're": "are", "you've": "have", "you'll": "will", "you'd": "would"}
_AGREEING = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
             "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't", "would": "had",
             "dont": "doesnt"}
_VOCABULARY = sorted({
    *_YOU_WORDS, "You", "YOU", "Your", "I", "and", "or", "but", "when", "what", "how", "who",
    "if", "that", "while", "both", "all", "lot", "guys", "two", "of", "each", "a", "to", "not",
    "really", "always", "quietly", "listen", "ask", "wait", "chat", "push", "cry", "go", "fix",
    "tell", "make", "let", "help", "co", "facilitate", "check", "told", "said", "can", "can't",
    "are", "were", "have", "do", "don't", "aren't", "labels", "stories", "advice", "hopes",
    "people", "staff", "they", "them", "Sam", "gran", "nurse", "story", "meds", "thank",
    "sure", "think", "feel", "back", "with", "for", "it", "Think", "Stories", "LISTEN",
    "keeps", "gives", "calls", "hope", "quiet", "those", "dont", "cant", "notice",
    "peer", "as", "chase", "run", "mum's", "yourself",
})
_GAPS = [" ", " ", " ", " ", ", ", ". ", "? ", "-", "; ", " (", ") ", " - "]


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
