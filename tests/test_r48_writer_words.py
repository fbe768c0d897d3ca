"""Round 48 (fix_words): an organisation's label said to the writer, as the mentor reads it
(`about_the_writer`). Text-speak "u", "ur", "urself", "u've", "r" is read as "you", "your",
"yourself", "you've", "are"; "you each" is a group, kept as said with its verb and its own
"your" ("you each bring your own story"), unless "each" is how often ("ring you each week");
a plural that is a verb too ("wins", "offers") before "you" is a noun where "you" has a verb
of its own ("wins you celebrate"), not where it gives the writer something ("what wins you
respect"); verbs joined by "&", "/" or "+" agree as they do joined by "and"/"or".
fix_words2: text-speak only as a lower-case word of its own ("U2", "4u", "r&r", "U R OK",
"the u in hub" are kept as typed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.exporters.writer_words import about_the_writer


@pytest.mark.parametrize(("label", "said"), [
    # 1: text-speak for "you" words
    ("when u feel stuck", "when the writer feels stuck"),
    ("what ur story is", "what the writer's story is"),
    ("how u look after urself after a hard shift",
     "how the writer looks after themselves after a hard shift"),
    ("if u feel u've overstepped", "if the writer feels the writer has overstepped"),
    ("u'll be fine", "the writer will be fine"),
    ("do u feel heard", "does the writer feel heard"),
    ("how r u", "how is the writer"),
    ("R u ok?", "Is the writer ok?"),
    ("u r doing ur best", "the writer is doing the writer's best"),
    ("U ok?", "The writer ok?"),
    ("things u celebrate with them", "things the writer celebrates with them"),
    ("u listen more than u talk", "the writer listens more than the writer talks"),
    # "ur" for "you're" reads as "the writer's" ("is"), so no "own" after it; nor a "your"
    # typed for "you're" before an -ing word
    ("u know ur doing well", "the writer knows the writer's doing well"),
    ("u said ur fine", "the writer said the writer's fine"),
    ("you know your doing well", "the writer knows the writer's doing well"),
    # ...and not a letter, a name, a capital inside a label, or a group
    ("Ward U", "Ward U"),
    ("UR story", "UR story"),
    ("When U Feel Stuck", "When U Feel Stuck"),
    ("thank u for listening", "thank u for listening"),
    ("u lot", "u lot"),
    ("all of u", "all of u"),
    # 2: "you each" is a group, as "you both" is; its own "your" is the group's
    ("you each decide", "you each decide"),
    ("when you each share", "when you each share"),
    ("do you each agree?", "do you each agree?"),
    ("how are you each?", "how are you each?"),
    ("you each bring your own story", "you each bring your own story"),
    ("when you each look after yourselves", "when you each look after yourselves"),
    ("you both bring your own story", "you both bring your own story"),
    ("you lot and your ideas", "you lot and your ideas"),
    ("calling them you lot when your shift ends",
     "calling them you lot when the writer's shift ends"),
    # ...unless "each" says how often
    ("staff ring you each week", "staff ring the writer each week"),
    ("you each day write notes", "the writer each day writes notes"),
    # 3: a noun before "you" with a verb of its own ("wins you celebrate")
    ("wins you celebrate", "wins the writer celebrates"),
    ("wins you celebrate with them", "wins the writer celebrates with them"),
    ("wins you mark", "wins the writer marks"),
    ("whatever wins you celebrate", "whatever wins the writer celebrates"),
    ("offers you take up", "offers the writer takes up"),
    ("the things you notice", "the things the writer notices"),
    ("the people you support", "the people the writer supports"),
    ("check-ins you do", "check-ins the writer does"),
    ("the follow-up you make", "the follow-up the writer makes"),
    # ...and a verb that gives the writer something, though that is a verb too
    ("what wins you respect", "what wins the writer respect"),
    ("what earns you trust", "what earns the writer trust"),
    ("what offers you hope", "what offers the writer hope"),
    ("what shows you respect", "what shows the writer respect"),
    ("when they co-facilitate you", "when they co-facilitate the writer"),
    # 4: verbs joined by "&", "/" or "+"
    ("you listen & reflect", "the writer listens & reflects"),
    ("what you listen & reflect on", "what the writer listens & reflects on"),
    ("you write/record notes", "the writer writes/records notes"),
    ("you write / record", "the writer writes / records"),
    ("you ask/listen/reflect", "the writer asks/listens/reflects"),
    ("you listen and/or reflect", "the writer listens and/or reflects"),
    ("you listen + reflect", "the writer listens + reflects"),
    ("you sit with them & listen", "the writer sits with them & listens"),
    ("you notice, name & validate feelings", "the writer notices, names & validates feelings"),
    ("when you're tired & you snap", "when the writer is tired & the writer snaps"),
    ("when you model hope & share", "when the writer models hope & shares"),
    # ...not nouns, nor a verb with a subject of its own
    ("you check meds/bloods", "the writer checks meds/bloods"),
    ("you listen & they talk", "the writer listens & they talk"),
    ("you listen & Sam chats", "the writer listens & Sam chats"),
    ("when Sam & you chat", "when Sam & the writer chat"),
    ("you & Sam decide", "the writer & Sam decide"),
    ("you hope they listen", "the writer hopes they listen"),
])
def test_r48_label_shapes(label: str, said: str) -> None:
    assert about_the_writer(label) == said


def test_the_four_shapes_agree_in_the_export(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    """Through a real export (Markdown and JSON), as an organisation's lexicon names them."""
    lexicon = tmp_path / "org.toml"
    markers = {
        "org.u": ("when u feel stuck and ur story comes up", "felt stuck"),
        "org.each": ("when you each share", "we each shared"),
        "org.wins": ("wins you celebrate", "small win"),
        "org.amp": ("when you listen & reflect", "listened"),
        "org.slash": ("you write/record notes", "wrote it up"),
    }
    lexicon.write_text("\n".join([
        '[lexicon]\nname = "R48 words"\n\n[labels]\nstory = "Your story"\n\n[marker_labels]',
        *(f'"{id_}" = "{label}"' for id_, (label, _) in markers.items()),
        *(f'[[marker]]\nid = "{id_}"\ndimension = "story"\npolarity = "identity"\n'
          f'source = "guide"\npatterns = ["{pattern}"]'
          for id_, (_, pattern) in markers.items()),
    ]), encoding="utf-8")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {json.dumps(str(lexicon))}\n")
    wrote = cli("write", "-x", "Group shift. I felt stuck at first. We each shared a small win. "
                "I listened a lot and then I wrote it up.", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    said = {"when the writer feels stuck and the writer's story comes up",
            "when you each share", "wins the writer celebrates",
            "when the writer listens & reflects", "the writer writes/records notes"}
    out = tmp_path / "s.md"
    assert cli("export", "--format", "md", "-o", str(out), "--yes").exit_code == 0
    md = out.read_text(encoding="utf-8")
    for label in said:
        assert f"- {label} (The writer's story)" in md
    summary = tmp_path / "s.json"
    assert cli("export", "--format", "json", "-o", str(summary), "--yes").exit_code == 0
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert {m["label"] for side in data["markers"].values() for m in side} == said


# -- text-speak reads as the words it stands for; a sign joins as "and"/"or" does -----------

_VOCABULARY = [
    "you", "yourself", "I", "and", "or", "but", "when", "what", "how", "who", "if", "that",
    "both", "all", "lot", "two", "of", "each", "a", "to", "not", "really", "listen", "ask",
    "wait", "chat", "push", "cry", "fix", "tell", "make", "let", "help", "check", "told", "can",
    "are", "have", "do", "don't", "labels", "stories", "people", "staff", "they", "them", "Sam",
    "gran", "nurse", "meds", "thank", "sure", "think", "feel", "with", "for", "it", "keeps",
    "wins", "hope", "notice", "chase", "run", "celebrate", "reflect", "record", "week", "day",
]
_LABELS = st.lists(st.tuples(st.sampled_from(_VOCABULARY),
                             st.sampled_from([" ", " ", " ", ", ", ". ", "? "])),
                   min_size=1, max_size=10).map(
    lambda pieces: "".join(word + gap for word, gap in pieces).strip())


# where a "u" is a letter ("a u in maths", "you mark it u", "u is a vowel"), not text-speak
_LETTER_U = re.compile(r"(?<![\w'])(?:a|an|the|letter|vitamin|plan|grade|it) you\b"
                       r"|\byou (?:is|has|does)\b", re.IGNORECASE)


def _swapped(text: str, words: dict[str, str]) -> str:
    return re.sub(r"[A-Za-z]+(?:'[A-Za-z]+)*", lambda m: words.get(m[0], m[0]), text)


@settings(max_examples=300, deadline=None)
@given(_LABELS)
def test_text_speak_reads_as_the_words_it_stands_for(label: str) -> None:
    assume(not _LETTER_U.search(label))  # "a u", "it u": a letter, not "you"
    texted = about_the_writer(_swapped(label, {"you": "u", "yourself": "urself"}))
    assert _swapped(texted, {"u": "you", "urself": "yourself"}) == about_the_writer(label)


@settings(max_examples=300, deadline=None)
@given(_LABELS, st.sampled_from([(" and ", " & "), (" or ", "/"), (" and ", " + ")]))
def test_a_sign_joins_as_its_word_does(label: str, join: tuple[str, str]) -> None:
    word, sign = join
    signed = about_the_writer(label.replace(word, sign))
    assert signed.replace(sign, word) == about_the_writer(label)


@pytest.mark.parametrize(("label", "said"), [
    # text-speak only as a word of its own in lower case: not inside a token, a capital, or
    # a letter
    ("U2 tickets you bought", "U2 tickets the writer bought"),
    ("U2 concert you went to", "U2 concert the writer went to"),
    ("u2", "u2"),
    ("4u", "4u"),
    ("2u", "2u"),
    ("U.S. vets you support", "U.S. vets the writer supports"),
    ("Done. Stories you tell", "Done. Stories the writer tells"),
    ("U of T students you support", "U of T students the writer supports"),
    ("u/s you did", "u/s the writer did"),
    ("you/u", "the writer/u"),
    ("you got a u in maths", "the writer got a u in maths"),
    ("u r&r", "the writer r&r"),
    ("you r&r", "the writer r&r"),
    ("you R&B fans", "the writer R&B fans"),
    ("u legend", "the writer legend"),
    ("U grade you got", "U grade the writer got"),
    ("u n me", "the writer n me"),
    ("vitamin u", "vitamin u"),
    ("the letter u", "the letter u"),
    ("the u in hub", "the u in hub"),
    ("you mark it u", "the writer marks it u"),
    ("you mark it as u", "the writer marks it as u"),
    ("u kno", "the writer kno"),
    ("you veto it", "the writer vetoes it"),
    ("u is a vowel", "u is a vowel"),
    ("plan u for the weekend", "plan u for the weekend"),
    ("Ur is an ancient city", "Ur is an ancient city"),
    ("Ur, the city you read about", "Ur, the city the writer reads about"),
    ("U", "U"),
    ("U R OK", "U R OK"),
    ("you R ok", "the writer R ok"),
    ("you R. and Sam met", "the writer R. and Sam met"),
    ("you r. smith", "the writer r. smith"),
    # ...where it still is text-speak
    ("is it u?", "is it the writer?"),
    ("see u.", "see the writer."),
    ("u: listen", "the writer: listen"),
    ("w/ u", "w/ the writer"),
    ("you r 2 kind", "the writer is 2 kind"),
    ("you listen & r there", "the writer listens & is there"),
    ("U can do it", "The writer can do it"),
    # a plural that is a verb too, first in a label: a noun where "you" has a verb
    ("causes you support", "causes the writer supports"),
    ("wins you hope for", "wins the writer hopes for"),
    ("offers you help with", "offers the writer helps with"),
    ("hands you support", "hands the writer supports"),
    ("wins you work for", "wins the writer works for"),
    ("leaves you cover", "leaves the writer covers"),
    ("drives you help run", "drives the writer helps run"),
    ("costs you help cover", "costs the writer helps cover"),
    ("sets you work", "sets the writer works"),
    ("what wins you respect", "what wins the writer respect"),
    # "you" as the second object of a verb ("helps Sam & you cope"): no verb of its own
    ("it helps Sam & you cope", "it helps Sam & the writer cope"),
    ("it helps Sam and you cope", "it helps Sam and the writer cope"),
    ("it lets him & you rest", "it lets him & the writer rest"),
    ("staff help Sam + you feel settled", "staff help Sam + the writer feel settled"),
    ("you help Sam and you cope", "the writer helps Sam and the writer copes"),
    ("you plan + you prepare", "the writer plans + the writer prepares"),
    # nouns joined by "and" after a verb; verbs of feeling joined by a sign
    ("you model thought and care", "the writer models thought and care"),
    ("you think & feel", "the writer thinks & feels"),
    ("you stop & think", "the writer stops & thinks"),
    ("you think/feel stuck", "the writer thinks/feels stuck"),
    ("you think & they feel", "the writer thinks & they feel"),
    # a capital "A" inside a label is a letter, not "a"
    ("Q&A you led", "Q&A the writer led"),
    ("the Q&A you lead", "the Q&A the writer leads"),
    ("the r&r you need", "the r&r the writer needs"),
    ("R&D you lead", "R&D the writer leads"),
    ("plan A you chose", "plan A the writer chose"),
    ("A you that shows up", "A writer that shows up"),
])
def test_r48_text_speak_and_agreement_after_qa(label: str, said: str) -> None:
    assert about_the_writer(label) == said
