"""Round 44: the leftovers of the joined-up-name redaction.

1. A two-letter listed name before an acronym in a label ("JoCV" as a setting, the tag
   "jocv"), a two-letter name ending a tag after an everyday word ("teamal" with Al listed),
   and a name in capitals glued to a capitalised word in prose ("WILLVisit") are replaced.
2. `export -o summary.md` with Mary listed is written: a listed name inside an ordinary
   English word of the file name refuses nothing ("mary-notes.md", "MaryVisit.md" still do).
3. A tag or setting is redacted by one rule, redaction's `Redactor.label`: the summary's tags
   agree with it ("willpower" with Max Power listed stays in both).
4. The writer is told how many words joined up with a listed name were replaced whole, not
   which (masked, "[person]AlVisit" still showed Al with Al Hart listed: its QA): no listed
   name on stdout or stderr.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor, joined_note, names_in_label
from peerjournal.summary import _label_redactor, build_summary
from test_r43_redact import label, redact
from test_summary import sample_input

# ----------------------------------------------------------------- 1. what was still kept


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (("Jo",), "JoCV", "[person]"),
        (("Jo",), "jocv", "[person]"),
        (("Jo",), "gpjo", "[person]"),
        (("Sam",), "samgp", "[person]"),
        (("Jo",), "housing-jocv", "housing-[person]"),
        (("Al",), "teamal", "[person]"),
        (("Al",), "teamals", "[person]"),
        (("Ed",), "rotaed", "[person]"),
        (("Will",), "WILLVisit", "[person]"),
        (("Mo",), "MoMA", "[person]"),  # a label has no sentence to tell the museum
    ],
)
def test_a_label_with_a_name_glued_to_an_acronym_or_word_goes(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    assert label(names, text) == expected


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Jo",), "jobs"),  # two letters that are no acronym: an everyday word
        (("Jo",), "joke"),
        (("Al",), "delusional"),  # a word of "-ion" and "al" the word list lacks
        (("Al",), "sectionals"),
        (("Ed",), "selfcareneeded"),  # words, the last ending so
        (("Ed",), "teamed"),
        (("Will",), "willpower"),
    ],
)
def test_a_word_ending_or_opening_like_a_short_name_stays(
    names: tuple[str, ...], text: str
) -> None:
    assert label(names, text) == text


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (("Will",), "We met at WILLVisit today.", "We met at [person] today."),
        (("Jo",), "The JOGroup ran late.", "The [person] ran late."),
        (("Kim",), "KIMVisit was short.", "[person] was short."),
        (("Mo",), "We went to MoMA.", "We went to MoMA."),  # in prose, the abbreviation
        (("Ed",), "The EDTriage nurse came.", "The EDTriage nurse came."),  # ED: a department
        (("Will Grant",), "Sheer WILLPower.", "Sheer WILLPower."),  # a word, for a part
    ],
)
def test_a_name_in_capitals_glued_to_a_word_goes_in_prose(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    assert redact(names, text) == expected


def test_a_setting_and_tag_with_an_acronym_leave_no_name_in_an_export(
    cli: CLI, tmp_path: Path
) -> None:
    for name in ("Jo", "Al"):
        assert cli("people", "add", name).exit_code == 0
    wrote = cli("write", "-x", "We went over her CV together.", "-s", "JoCV", "-t",
                "jocv,teamal", "--date", "2026-11-20", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    entry = json.loads(out.read_text(encoding="utf-8"))["shared_entries"][0]
    assert entry["setting"] == "[person]" and entry["tags"] == ["[person]"]  # (one, twice)


# -------------------------------------------------------------- 2. the output's file name


@pytest.mark.parametrize("file_name", ["summary.md", "Summary.html", "summary-notes.json",
                                       "SummaryNotes.md"])
def test_a_name_inside_an_english_word_of_the_file_name_is_no_refusal(
    cli: CLI, tmp_path: Path, file_name: str
) -> None:
    """Was: "The file name 'summary.md' holds a name on the people list ('summary' reads as
    Mary)", README's own example refused."""
    assert cli("people", "add", "Mary").exit_code == 0
    assert names_in_label(file_name, [Person("Mary")]) == []
    result = cli("export", "--yes", "-o", str(tmp_path / file_name))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / file_name).exists()


@pytest.mark.parametrize("file_name", ["mary-notes.md", "MaryVisit.md", "marysflat.md",
                                       "mary.md"])
def test_a_file_name_that_holds_the_name_is_still_refused(
    cli: CLI, tmp_path: Path, file_name: str
) -> None:
    assert cli("people", "add", "Mary").exit_code == 0
    result = cli("export", "--yes", "-o", str(tmp_path / file_name))
    assert result.exit_code == 1
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / file_name).exists()


def test_a_name_inside_an_english_word_stays_in_a_file_name_in_prose() -> None:
    names = ("Mary",)
    assert redact(names, "I sent summary.pdf on.") == "I sent summary.pdf on."
    assert redact(names, "I sent marynotes.pdf on.") == "I sent [person].pdf on."
    assert redact(names, "Posted #JusticeForMary.") == "Posted #[person]."


# -------------------------------------------------------------------------- 3. one rule


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (("Max Power",), "willpower", "willpower"),  # was "[person]" in the summary alone
        (("Max Power",), "powerpoint", "powerpoint"),  # a brand, for a part of a full name
        (("Carl Green", "Priya Patel"), "priyasmum", "[person]"),
        (("Carl Green", "Priya Patel"), "Carlisle", "[person]"),  # Carl: no everyday word
        (("Carl Green", "Priya Patel"), "Greenwich", "Greenwich"),
        (("Priya",), "xyzpriyaabc", "[person]"),  # was kept by the redactor's label
        (("Mary",), "summary", "summary"),  # was "[person]" in both
    ],
)
def test_a_summary_tag_is_redacted_as_a_label_is(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    redactor = Redactor([Person(n) for n in names])
    assert redactor.label(text) == expected
    assert _label_redactor(redactor)(text) == expected


def test_the_exported_tag_agrees_with_the_label() -> None:
    entry = sample_input()
    entry.entries[0].tags = ["willpower", "priyavisit"]
    summary = build_summary(entry, Redactor([Person("Max Power"), Person("Priya")]))
    assert sorted(summary["shared_entries"][0]["tags"]) == ["[person]", "willpower"]


# ------------------------------------------------------------------ 4. the writer is told


def test_the_words_replaced_whole_are_counted_with_the_name_masked() -> None:
    redactor = Redactor([Person("Hope"), Person("Sky"), Person("Jo Smith"), Person("Al")])
    text = redactor("He lost money on SkyBet. I gave him the HopeLine number. Hope rang jsmith.")
    assert text == (
        "He lost money on [person]. I gave him the [person] number. [person] rang [person]."
    )
    assert redactor.label("skybet") == "[person]" and redactor.label("teamal") == "[person]"
    assert dict(redactor.joined) == {
        "[person]Bet": 1, "[person]Line": 1, "[person]bet": 1, "team[person]": 1
    }
    note = joined_note(redactor.joined)
    assert note.startswith("3 words joined up with a listed name were replaced whole "
                           "(each shows as [person]; not named here")
    assert not re.search(r"(?i)sky|hope|smith|\bal\b", note)
    assert joined_note(redactor.joined.__class__()) == ""


def test_the_note_shows_no_name_the_masking_did_not_know() -> None:
    """Its QA: "[person]AlVisit" with Al Hart listed, "Kerri" (a misspelt Kerry) shown."""
    redactor = Redactor([Person("Al Hart"), Person("Jo"), Person("Kerry")])
    redactor("We met at JoAlVisit and the JoKerriVisit group.")
    note = joined_note(redactor.joined)
    assert note.startswith("2 words joined up with a listed name were replaced whole")
    assert not re.search(r"Al|Kerr|Jo|Visit", note), note


def test_one_word_replaced_whole_is_said_in_the_singular() -> None:
    redactor = Redactor([Person("Kerry")])
    assert redactor.label("kerryvisit") == "[person]"
    assert joined_note(redactor.joined).startswith(
        "1 word joined up with a listed name was replaced whole (each shows as [person]")


LEAKED = re.compile(r"(?i)sky|kerry|ngozi")


@pytest.mark.parametrize("yes", [True, False])
def test_the_export_says_how_many_and_which_and_names_no_one(
    cli: CLI, tmp_path: Path, yes: bool
) -> None:
    for name in ("Sky", "Kerry", "Ngozi"):
        assert cli("people", "add", name).exit_code == 0
    wrote = cli("write", "-x", "He lost money on SkyBet again. We sat for an hour.", "-s",
                "ngozisflat", "-t", "kerryvisit", "--date", "2026-11-20", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.md"
    args = ["export", "--since", "2026-11-01", "-o", str(out)]
    result = cli(*args, "--yes") if yes else cli(*args, input="n\n")
    said = " ".join(result.stderr.split())
    assert ("3 words joined up with a listed name were replaced whole (each shows as "
            "[person]; not named here, as a name could show through)") in said
    assert not LEAKED.search(result.stdout + result.stderr)
    if yes:
        assert result.exit_code == 0
        assert not LEAKED.search(out.read_text(encoding="utf-8"))


def test_a_csv_export_has_no_such_note(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Sky").exit_code == 0
    wrote = cli("write", "-x", "He lost money on SkyBet.", "--date", "2026-11-20", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(tmp_path / "s.csv"))
    assert result.exit_code == 0, result.stderr
    assert "joined up with a listed name" not in result.stderr
