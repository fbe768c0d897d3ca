"""Round 44, second pass: what the QA of the joined-up-name redaction still found.

1. A listed name with an "s" and punctuation ("Skys.", "(Wills)", "It was Als", "EDS' mum")
   or in capitals ("WILLS office") is replaced: the plural of a word-name ("Bills are due",
   "The Wills flat") is read only where a capital may open it and a word follows.
2. The given name of a full name that is also a particle ("Al" of Al Hart, "Del" of Del Boy)
   is replaced joined up in a tag, setting or file name ("teamal", "alvisit", "delvisit"), as
   it is with "Al" listed alone.
3. A two-letter name between two everyday words ("teamjovisit") or with an "s" before one
   ("josflat") is replaced.
4. Everyday words stay: "rosemary" (Mary listed), "mobilephone" (Mo), "txed"/"dxed" (Ed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import PLACEHOLDER
from test_r43_redact import label, redact

PERSONA = ("Jo", "Al Hart", "Ed", "Mo", "Bo", "Sky", "Will Turner", "Mary Smith")

# --------------------------------------------------- 1. a name with an "s" and punctuation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saw Skys. mum later.", "Saw [person]. mum later."),
        ("It was Skys", "It was [person]"),
        ("I rang (Skys) then left.", "I rang ([person]) then left."),
        ("Saw SKYS. mum later.", "Saw [person]. mum later."),
        ("It was Wills.", "It was [person]."),
        ("I rang Wills then left.", "I rang [person] then left."),
        ("Saw Wills-visit notes.", "Saw [person]-visit notes."),
        ("WILLS office was shut.", "[person] office was shut."),
        ("It was Als, then me.", "It was [person], then me."),
        ("Saw EDS' mum later.", "Saw [person]' mum later."),
    ],
)
def test_a_name_with_an_s_and_punctuation_is_replaced(text: str, expected: str) -> None:
    assert redact(PERSONA, text) == expected


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Will",), "The Wills flat is big."),
        (("William",), "Wills review with the solicitor."),
        (("William",), "Energy Bills Support Scheme"),
        (("Ed",), "The EDS support group met."),  # the syndrome
        (("Ed",), "Went to ED. The ED's queue was long."),  # the department
    ],
)
def test_a_words_plural_or_an_abbreviation_stays(names: tuple[str, ...], text: str) -> None:
    assert redact(names, text) == text


# ----------------------------------------------------- 2. a given name that is a particle


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Al Hart",), "teamal"), (("Al Hart",), "alvisit"), (("Al Hart",), "alwalk"),
        (("Al Hart",), "alrota"), (("Del Boy",), "delvisit"), (("Del Boy",), "teamdel"),
    ],
)
def test_a_given_name_that_is_a_particle_is_replaced_joined_up(
    names: tuple[str, ...], text: str
) -> None:
    assert label(names, text) == PLACEHOLDER


@pytest.mark.parametrize("text", ["also", "normal", "animal", "total", "alright"])
def test_everyday_words_holding_the_particle_stay(text: str) -> None:
    assert label(("Al Hart",), text) == text


# ------------------------------------------------------- 3. a two-letter name in a word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the teamjovisit ran.", "the [person] ran."),
        ("i did the josflat check", "i did the [person] check"),
        ("i did the mosflat check", "i did the [person] check"),
    ],
)
def test_a_two_letter_name_inside_a_lower_case_word_is_replaced(
    text: str, expected: str
) -> None:
    assert redact(PERSONA, text) == expected
    assert label(PERSONA, "teamjovisit") == PLACEHOLDER


# ----------------------------------------------------------- 4. everyday words that stay


@pytest.mark.parametrize(
    "text",
    ["Some rosemary tea after.", "Her mobilephone was dead.", "Rosemary rang me.",
     "She was dxed with BPD and txed since."],
)
def test_everyday_words_holding_a_name_stay_in_prose(text: str) -> None:
    assert redact(PERSONA, text) == text


@pytest.mark.parametrize("tag", ["txed", "dxed", "mobilephone", "mobilecrisis"])
def test_everyday_tags_holding_a_name_stay(tag: str) -> None:
    assert label(PERSONA, tag) == tag


# ------------------------------------------------------------------------- the export


def test_the_export_leaves_no_name_in_entries_tags_setting_or_note(
    cli: CLI, tmp_path: Path
) -> None:
    for name in PERSONA:
        assert cli("people", "add", name).exit_code == 0
    wrote = cli("write", "-x", "Saw Skys. mum. WILLS office was shut. the teamjovisit ran. "
                "Some rosemary tea after.", "-s", "Jo-alvisit", "-t", "teamal,alvisit,txed",
                "--date", "2026-11-20", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "--since", "2026-11-01", "--note",
                 "Skys. WILLS and Als, EDS' too", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))
    entry = summary["shared_entries"][0]
    assert entry["setting"] == "[person]-[person]"
    assert entry["tags"] == ["[person]", "txed"]
    assert "Some rosemary tea after." in json.dumps(entry)
    text = json.dumps(summary) + result.stdout + result.stderr
    for leak in ("Skys", "SKYS", "WILLS", "Als", "EDS", "alvisit", "teamal", "teamjovisit"):
        assert leak not in text


def test_a_file_name_with_the_given_name_is_refused(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Al Hart").exit_code == 0
    result = cli("export", "--yes", "-o", str(tmp_path / "teamal.md"))
    assert result.exit_code == 1
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / "teamal.md").exists()
