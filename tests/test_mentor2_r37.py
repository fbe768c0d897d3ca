"""Round 37 (mentor2): a modal that is a listed name ("will", "may", "can") stays before a
verb whose past is the same ("I will let her lead"); a listed person written as a user name
in prose is replaced where no English word could be it ("jsmith rang") and flagged where
one could ("skelly was upset"); a short everyday word that is part of a name ("an" of
Nguyễn Văn An) stays in lower case; the `people add` note says what redaction really does;
`--output` says which name a file name holds, and reads it as exports read a label;
`--format` is a usage error when unknown or empty; and the summary speaks to the mentor
(quotes shown of a marker's times, the lexicon version, the self-check's headings, a gloss
per dimension, a spike said as one)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.exporters import common, get_format
from peerjournal.redact import Person, Redactor, name_warnings, names_in_label, user_names_left
from peerjournal.render.summary import check_words_message, words_to_check
from test_qa19_mentor import seen, turning_summary
from test_summary_r26 import _weeks


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names])(text)


# ------------------------------------------------------------ 1. a modal before a verb


@pytest.mark.parametrize("name", ["Will", "May", "Can"])
@pytest.mark.parametrize("text", [
    "Next time I {m} let Kerry set the pace.", "I {m} put her first.", "We {m} cut back on calls.",
    "It {m} cost more.", "We {m} set up a group.", "I {m} read it tonight.", "I {m} run it.",
    "You {m} put it right.", "They {m} hit the target.", "he {m} probably drink there.",
    "so he {m} play his horn again.", "She {m} decide.",
])
def test_a_modal_after_its_subject_stays_before_any_verb(name: str, text: str) -> None:
    """Was: "I [person] let Kerry set the pace" (let, put, set, cut, read, hit, cost, run,
    drink, play… were not in the verbs after a modal)."""
    sentence = text.format(m=name.lower())
    assert redacted(sentence, name) == sentence


@pytest.mark.parametrize("name", ["Will", "May"])
@pytest.mark.parametrize("text", [
    "{M} let me down.", "I saw {m} read it.", "They said {m} put it there.", "{M} read it.",
])
def test_the_name_before_such_a_verb_is_still_replaced(name: str, text: str) -> None:
    """No subject before it: "Will read it" may be Will who did."""
    out = redacted(text.format(m=name.lower(), M=name), name)
    assert "[person]" in out and name.lower() not in out.lower()


# ------------------------------------------------------------ 2. user names in prose

NAMES = ("Jo Smith", "Sam Patel", "Siobhán Kelly", "Will Turner")


def test_a_user_name_no_word_could_be_is_replaced_in_prose() -> None:
    """Was: "jsmith rang me" and "wturner came" reached the mentor as written."""
    text = "jsmith rang me. wturner came. Jsmith's mum rang. I saw JSMITH."
    assert redacted(text, *NAMES) == (
        "[person] rang me. [person] came. [person]'s mum rang. I saw [person]."
    )


@pytest.mark.parametrize(("name", "text"), [
    ("Wendy Arden", "The warden was firm."), ("Tom Rainer", "Her trainer helped."),
    ("Sam Lander", "It felt like slander."), ("Tom Ennis", "We played tennis."),
    ("Kim Night", "A knight."), ("Bob Rother", "My brother rang."),
])
def test_an_english_word_made_so_stays_and_is_not_flagged(name: str, text: str) -> None:
    assert redacted(text, name) == text
    assert user_names_left(text, [name]) == []


def test_a_user_name_that_may_be_a_word_is_replaced_where_a_person_stands() -> None:
    """Was: "skelly was upset", "spatel said no" left and not flagged either; round 37 flagged
    them, round 38 replaces them (as "jedwards", "towen": tests/test_redaction_r38.py)."""
    text = redacted("skelly was upset. spatel said no. I spoke to skelly. The spatula.", *NAMES)
    assert text == "[person] was upset. [person] said no. I spoke to [person]. The spatula."
    people = [Person(n) for n in NAMES]
    assert words_to_check(text, [text], people) == Counter()
    message = check_words_message(Counter({"skelly": 2, "spatel": 1}), "in the summary", NAMES)
    assert "skelly and spatel may be listed people written as a user name" in message
    assert "people add" not in message  # they are listed already


def test_the_export_replaces_a_user_name_where_a_person_stands(cli: CLI, tmp_path: Path) -> None:
    cli("people", "add", "Siobhán Kelly")
    cli("write", "-x", "skelly was upset about the letter from the council.", "--share")
    out = tmp_path / "s.md"
    result = cli("export", "-o", str(out), "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["words_to_check"] == []
    assert "[person] was upset" in out.read_text() and "skelly" not in out.read_text()


# ------------------------------------------------------------ a short word of a name


def test_a_short_everyday_word_of_a_name_stays_in_lower_case() -> None:
    """Was: every "an" replaced with Nguyễn Văn An listed ("I had [person] idea")."""
    name = "Nguyễn Văn An"
    assert redacted("He has an engineering background. That's an excuse.", name) == (
        "He has an engineering background. That's an excuse.")
    assert redacted("An hour later it ended. Ah, well.", name, "Ah-young") == (
        "An hour later it ended. Ah, well.")
    assert redacted("An rang me. I met An. an rang too. An's mum. Ah-young came.", name,
                    "Ah-young") == (
        "[person] rang me. I met [person]. [person] rang too. [person]'s mum. [person] came.")


# ------------------------------------------------------------ 6. the people add note


@pytest.mark.parametrize(("name", "kept", "replaced"), [
    ("May", ["'I may try'", "'it may rain'", "'on 3 May'"], ["'may rang me'", "'I met may'"]),
    ("Will", ["'I will try'", "'it will rain'"], ["'will rang me'"]),
    ("Rose", ["'rose to the occasion'", "'the rose'"], ["'rose rang me'"]),
    ("Bill", ["'bill is due'"], ["'I met bill'"]),
    ("Can", ["'I can try'"], ["'can rang me'"]),  # (was no note: "can" is a modal)
])
def test_the_note_for_a_word_name_shows_what_redaction_does(
    name: str, kept: list[str], replaced: list[str]
) -> None:
    """Was: "replaced wherever it appears, in any case, … but where the sentence makes it the
    word ('the may', 'felt may')": made up, and "the may blossom" is replaced."""
    note = next(w for w in name_warnings(name) if "English word" in w)
    assert "wherever it appears" not in note and "felt" not in note
    for example in kept + replaced:
        assert example in note
    redactor = Redactor(people=[Person(name)])
    for example in kept:
        assert redactor(example.strip("'")) == example.strip("'")
    for example in replaced:
        assert "[person]" in redactor(example.strip("'"))


# ------------------------------------------------------------ 7. --output names


@pytest.mark.parametrize(("file", "said"), [
    ("bills.csv", "'bills' reads as Bill, a short form of William"),
    ("may.md", "'may' reads as May"),  # (may-2026.md: a month, written since d5bd2d2)
    ("jsmith.md", "'jsmith' reads as Jo Smith"),
    ("ngozicareplan.md", "'ngozicareplan' reads as Ngozi Okafor"),
])
def test_the_refused_file_name_says_which_name_it_holds(
    cli: CLI, tmp_path: Path, file: str, said: str
) -> None:
    """Was: "holds a name on the people list" without saying which, and "jsmith.md",
    "ngozicareplan.md" not refused at all (not read as exports read a label)."""
    for name in ("William", "May", "Jo Smith", "Ngozi Okafor"):
        cli("people", "add", name)
    result = cli("export", "-o", str(tmp_path / file), "--yes")
    assert result.exit_code == 1
    line = " ".join(result.stderr.split())
    assert f"The file name '{file}' holds a name on the people list ({said})" in line
    assert "refused even where the word is meant" in line and "Nothing was written" in line
    assert not (tmp_path / file).exists()


def test_names_in_a_label_and_a_plain_one() -> None:
    people = [Person("Grace"), Person("Will Turner")]
    assert names_in_label("grace-period.md", people) == [("grace-period", "Grace")]
    assert names_in_label("summary-2026-05.md", people) == []


def test_a_plain_file_name_is_written(cli: CLI, tmp_path: Path) -> None:
    cli("people", "add", "William")
    assert cli("export", "-o", str(tmp_path / "summary.md"), "--yes").exit_code == 0


# ------------------------------------------------------------ 8. --format


@pytest.mark.parametrize("fmt", ["docx", "", " "])
def test_an_unknown_or_empty_format_is_a_usage_error(cli: CLI, fmt: str) -> None:
    """Was: exit 1 for "docx", and "" taken for Markdown without a word."""
    result = cli("export", "--format", fmt, "--yes")
    assert result.exit_code == 2
    assert "use one of md, html, pdf, json or csv" in result.stderr
    assert result.stdout == ""


def test_get_format_still_reads_a_dotted_name() -> None:
    assert get_format(".PDF").name == "pdf"


# ------------------------------------------------------------ 4/5. the mentor's read


def _marker(count: int, excerpts: int) -> dict[str, Any]:
    return {"label": "telling them what to do", "dimension_label": "Advice", "count": count,
            "entries": 2, "noticed": 0,
            "excerpts": [{"date": "2026-11-25", "text": "x", "noticed": False}] * excerpts}


def test_a_marker_line_says_how_many_of_its_times_are_quoted() -> None:
    """Was: "3 times in 2 entries" above two quotes, the third not accounted for."""
    summary = {"shared_entries": [{}]}
    assert common.marker_line(_marker(3, 2), summary) == (
        "telling them what to do (Advice): 3 times in 2 entries; 2 quoted below")
    assert common.marker_line(_marker(2, 2), summary).endswith("2 times in 2 entries")


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "review"])
def test_the_summary_explains_itself_to_the_mentor(fmt: str, cli: CLI, tmp_path: Path) -> None:
    """Was: "Drift lexicon: version 8a08…" alone, the dimension names never explained, and
    the self-check's "What your workplace gives you" read as the mentor's workplace."""
    summary = turning_summary()
    summary["lexicon_versions"] = ["8a08af833f4a"]
    summary["selfcheck"] = {"date": "2026-11-20", "items": [
        {"id": "time", "section": "What your workplace gives you", "text": "I had time.",
         "score": 2, "note": ""},
    ]}
    text = seen(fmt, summary, cli, tmp_path)
    assert ("version 8a08af833f4a (the list of phrases the drift numbers count: two exports "
            "made with the same version compare directly)") in text
    assert "What the dimensions look for:" in text
    for dim in summary["dimensions"]:
        assert f"{dim['label']}: {common.DIMENSION_GLOSSES[dim['id']]}" in text
    assert "What the writer's workplace gives them" in text
    assert "What your workplace" not in text


def test_every_dimension_has_a_gloss() -> None:
    from peerjournal.drift.lexicon import DIMENSIONS

    assert set(common.DIMENSION_GLOSSES) == set(DIMENSIONS)


def test_check_section_speaks_of_the_writer() -> None:
    assert common.check_section("Looking after yourself") == "Looking after themselves"
    assert common.check_section("Your role") == "The writer's role"
    assert common.check_section("Peer identity and drift") == "Peer identity and drift"


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "review"])
def test_a_spike_is_said_with_its_numbers_as_one(fmt: str, cli: CLI, tmp_path: Path) -> None:
    """Was: "Peer drift showed no trend (0.6, then 2.1 per 100 words, the change from one week
    alone)": a number tripling called no trend."""
    summary = turning_summary()
    _weeks(summary, [5.0, 5.0, 5.0, 5.0], [0.0, 0.0, 17.0, 0.0])
    text = seen(fmt, summary, cli, tmp_path)
    assert "no trend" not in text
    assert "Peer drift went from 0.0 to 8.5 per 100 words: the first 2 weeks" in text
    assert ("; but the markers of the later half all come from one week, a spike rather than "
            "a trend.") in text
