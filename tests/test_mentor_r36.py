"""Round 36 (mentor): "Mueller" listed hides "Müller"; a listed word-name opening a sentence is
left in a phrase that makes it the word and said when replaced in doubt; a summary of a damaged
journal is not written; one e-mail rule and one "changed after export" message; Georgian names
match their real endings only; "love was in the air" with Sam Love listed; the redactor's
caches are bounded by size and worked out once per people list."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import plain_letters, redact, reviewing
from peerjournal.cli.export import in_doubt_note
from peerjournal.redact import Person, Redactor
from peerjournal.summary import SummaryError, changed_after_export
from test_damage_r35 import damaged_entries  # noqa: F401  (a fixture)
from test_redact_cli import people, shared


def redacted(text: str, *names: str) -> str:
    return Redactor([Person(name) for name in names])(text)


# ---------------------------------------------------------------- 1. Mueller listed, Müller written

@pytest.mark.parametrize(("listed", "text"), [
    ("Mueller", "I met Müller today."),
    ("Mueller", "I met MÜLLER today."),
    ("Hans Mueller", "Hans Müller rang."),
    ("Goethe", "Read Göthe."),
    ("Schroeder", "Schröder said no."),
    ("Jaeger", "Jäger came."),
    ("Müller", "I met Mueller today."),  # (the other way, as before)
])
def test_an_umlaut_written_out_in_the_list_matches_the_umlaut(listed: str, text: str) -> None:
    """Was: listed "Mueller" left "Müller" whole, while listed "Müller" hid "Mueller"."""
    out = redacted(text, listed)
    assert "[person]" in out and not any(w in out for w in ("ller", "the", "der", "ger")), out


def test_an_e_after_a_vowel_is_no_umlaut_written_out() -> None:
    """"Samuel", "Joe" and "Baer" are not also "Samul", "Jo" and "Bar"."""
    assert redacted("Samul and Jo came to the Bar.", "Samuel Joe", "Baer") == (
        "Samul and Jo came to the Bar."
    )


# ---------------------------------------------------------------- 2. a word-name opening a sentence

def test_a_word_name_opening_a_sentence_in_its_phrase_is_the_word() -> None:
    """Was: "[person] of light fell." with Ray Smith listed; the person still goes."""
    text = "Ray of light fell. Ray came by. Ray's mum rang. I saw Ray."
    assert redacted(text, "Ray Smith") == (
        "Ray of light fell. [person] came by. [person]'s mum rang. I saw [person]."
    )


def test_a_word_name_replaced_in_doubt_is_said() -> None:
    red = Redactor([Person("Ray Smith"), Person("Hope")])
    out = red("Hope so. Hope rang. Ray of light. Then Ray too.")
    assert out == "[person] so. [person] rang. Ray of light. Then [person] too."
    assert red.in_doubt == Counter({"Hope": 1})  # "Hope rang" is her; mid-sentence is no doubt
    note = in_doubt_note(red.in_doubt)
    assert note.startswith(  # (round 39: or after a possessive; 40: or a preposition)
        "Replaced opening a sentence (or after my, his, her…, or with, without, from…), where it "
        "may be the everyday word")
    assert "Hope." in note


def test_export_says_what_it_replaced_in_doubt_and_flags_what_it_left(cli: CLI) -> None:
    people(cli, "Ray Smith")
    shared(cli, "Ray of sunshine today. Ray anyway.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "Ray of sunshine today. [person] anyway." in result.stdout
    assert "Replaced opening a sentence (or after my, his, her…, or with, without, from…), " \
        "where it may be the everyday word and not the person: Ray." in result.stderr
    check = next(line for line in result.stderr.splitlines() if line.startswith("Check"))
    assert "Ray (like a listed name)" in check  # the one left as the word, to look at


# ---------------------------------------------------------------- 3. a damaged journal

def test_a_summary_of_a_damaged_journal_is_not_written(
    cli: CLI, damaged_entries: tuple[Path, list[int]], tmp_path: Path,  # noqa: F811
) -> None:
    """Was: exit 4 after writing a summary that left the entry out without a word, which
    `review` showed as the whole period."""
    _, lost = damaged_entries
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "--format", "json", "-o", str(out),
                 "--since", "2026-11-01", "--until", "2026-11-30")
    assert result.exit_code == 4 and not out.exists()
    assert "No summary was written: it would leave out entries that cannot be read" in (
        result.stderr)
    assert f"{'Entry' if len(lost) == 1 else 'Entries'} {lost[0]}" in result.stderr
    assert "of the journal at" in result.stderr
    assert "Traceback" not in result.stderr and "Wrote" not in result.stderr


# ---------------------------------------------------------------- 4-6. one rule, one message

def test_redaction_and_review_share_one_email_rule() -> None:
    rules = [r.regex for r in redact._identifier_rules() if r.kind == "email"]
    assert plain_letters.EMAIL in rules
    assert reviewing.EMAIL is plain_letters.EMAIL
    assert not hasattr(reviewing, "_EMAIL")


def test_the_changed_after_export_message_is_one() -> None:
    error = changed_after_export("s.json", "x is y")
    assert isinstance(error, SummaryError)
    assert error.message == (
        "s.json: the file was changed after it was exported (x is y); ask for the summary to be "
        "sent again."
    )


def test_a_key_given_twice_is_said_with_the_one_message(cli: CLI, tmp_path: Path) -> None:
    people(cli, "Sam")
    shared(cli, "A quiet day.")
    made = cli("export", "--yes", "--format", "json")
    assert made.exit_code == 0, made.stderr
    text = made.stdout.replace('{', '{"k' + "x" * 60 + '": 1, "k' + "x" * 60 + '": 2, ', 1)
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code != 0
    expected = changed_after_export(
        str(path), f"'k{'x' * 39}…' is given twice in one place, which an export never writes"
    ).message
    assert expected in " ".join(result.stderr.split()), result.stderr


# ---------------------------------------------------------------- 7. Georgian endings

def test_a_georgian_name_matches_its_real_endings_only() -> None:
    """Was: listed "ია" hid "იაკობი", and listed "იაკობი" hid "იაკობიშვილი" (another family)."""
    text = "იაკობი და იაკობს იაკობის იაკობმა იაკობისთვის იაკობით იაკობიც იაკობო"
    assert redacted(text, "იაკობი") == " ".join(
        "[person]" if w != "და" else w for w in text.split())
    assert redacted("იაკობიშვილი იაკობიანი ია", "იაკობი") == "იაკობიშვილი იაკობიანი ია"
    assert redacted("ია და იას იამ იაკობი", "ია") == "[person] და [person] [person] იაკობი"
    assert redacted("ნინომ ნინოთი ბერიძემ ბერიძეს ნინოც", "ნინო ბერიძე") == " ".join(
        ["[person]"] * 5)


# ---------------------------------------------------------------- 8. surnames that are words

@pytest.mark.parametrize(("text", "expected"), [
    ("love was in the air.", "love was in the air."),
    ("I think love was in the air.", "I think love was in the air."),
    ("Love was in the air.", "Love was in the air."),
    ("Love is all you need.", "[person] is all you need."),  # (as test_redact_export_r35)
    ("I do hope Sam is ok.", "I do hope [person] is ok."),
    ("Sam Love rang. Mr Love rang. Love rang me.", "[person] rang. Mr [person] rang. [person] "
     "rang me."),
    ("Hope and Sam came.", "[person] and [person] came."),
])
def test_a_surname_that_is_a_word_is_the_word_where_the_sentence_says(
    text: str, expected: str,
) -> None:
    """Was: "[person] was in the air." with Sam Love listed."""
    assert redacted(text, "Sam Love", "Hope Walker") == expected


# ---------------------------------------------------------------- 9. caches

def test_the_lower_case_words_cache_is_bounded_by_size() -> None:
    cache = redact._TextCache(lambda t: tuple(t.split()), chars=1000)
    for n in range(50):
        cache(f"word{n} " * 10)
    assert cache.held <= 1000
    huge = "x " * 5000  # more than an eighth of it: worked out, not kept
    assert cache(huge) == tuple(huge.split()) and cache.held <= 1000
    assert redact.lower_case_words(["Hello there, friend."]) >= {"there", "friend"}


def test_misspellable_parts_are_worked_out_once_per_people_list() -> None:
    redact._misspellable.cache_clear()
    names = ("Siobhan O'Brien", "Ngozi Okonkwo")
    for word in ("Kerry", "Siobahn", "ngozii", "Sam"):
        redact.nickname_like(word, names)
    info = redact._misspellable.cache_info()
    assert info.misses == 1 and info.hits >= 1  # (not a list worked out again per word)


def test_json_receipt_still_names_the_words_to_check(cli: CLI, tmp_path: Path) -> None:
    people(cli, "Ray Smith")
    shared(cli, "Ray of light today.")
    out = tmp_path / "s.md"
    result = cli("export", "--yes", "--format", "md", "-o", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    assert "Ray" in json.loads(result.stdout)["words_to_check"]
