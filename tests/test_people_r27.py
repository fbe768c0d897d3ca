"""Round 27: one-letter names (initials), aliases ending in a full stop, and why an alias is
refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db.store import Store
from peerjournal.redact import PLACEHOLDER, Person, Redactor


def shared(cli: CLI, text: str) -> None:
    result = cli("write", "-x", text, "--share", "--date", "yesterday")
    assert result.exit_code == 0, result.stderr


def exported(cli: CLI, fmt: str = "json") -> str:
    result = cli("export", "--yes", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def experience(cli: CLI) -> str:
    return str(json.loads(exported(cli))["shared_entries"][0]["experience"])


def listed(cli: CLI) -> list[tuple[str, str | None]]:
    return [(p["name"], p["alias"]) for p in json.loads(cli("people", "list", "--json").stdout)]


# ------------------------------------------------------------------ 1. one-letter names


@pytest.mark.parametrize(("name", "word"), [("A", "'a'"), ("a", "'a'"), ("I", "'I'"),
                                            ("i.", "'I'"), ("O", "'O'")])
def test_a_one_letter_english_word_is_refused_as_a_name(cli: CLI, name: str, word: str) -> None:
    result = cli("people", "add", name)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"it is also the word {word}" in result.stderr
    assert "Add the full name instead" in result.stderr and "--alias" in result.stderr
    assert listed(cli) == []


def test_a_one_letter_word_alias_is_refused_but_an_initial_with_a_full_stop_is_not(
    cli: CLI,
) -> None:
    refused = cli("people", "add", "Alice Smith", "--alias", "a")
    assert refused.exit_code == 1
    assert "would read as the word 'a'" in refused.stderr and "--alias A." in refused.stderr
    assert listed(cli) == []
    assert cli("people", "add", "Alice Smith", "--alias", "A.").exit_code == 0
    assert listed(cli) == [("Alice Smith", "A.")]


def test_an_initial_is_replaced_only_as_that_capital_standing_alone(cli: CLI) -> None:
    added = cli("people", "add", "j")
    assert added.exit_code == 0 and "Added J:" in added.stderr
    assert "taken as an initial" in added.stderr and "not 'j'" in added.stderr
    assert listed(cli) == [("J", None)]
    shared(cli, "J said j was fine. J's mum, Jo, JS and Js came. A nurse had a chat.")
    assert experience(cli) == (
        f"{PLACEHOLDER} said j was fine. {PLACEHOLDER}'s mum, Jo, JS and Js came. "
        "A nurse had a chat."
    )


def test_an_initial_with_a_full_stop_is_the_same_initial() -> None:
    redact = Redactor([Person("J.")], identifiers=False)
    assert redact("Then J. rang; jam and Jam.") == f"Then {PLACEHOLDER} rang; jam and Jam."


def test_an_a_listed_before_the_refusal_no_longer_takes_every_article(
    cli: CLI, store: Store
) -> None:
    from peerjournal.db.people import restore_people

    added, notes = restore_people(store, [Person("A")], datetime(2026, 11, 20, tzinfo=UTC))
    assert [p.name for p in added] == ["A"]  # a backup's name is kept: it may be someone
    assert notes and "also the word 'a'" in notes[0] and "people remove A" in notes[0]
    shared(cli, "A nurse came in and I had a chat with a man.")
    assert experience(cli) == f"{PLACEHOLDER} nurse came in and I had a chat with a man."
    result = cli("people", "list")
    assert "Note: 'A' is also the word 'a'" in result.stderr
    assert "`peerjournal people remove A`" in result.stderr


def test_people_list_says_nothing_more_for_ordinary_names(cli: CLI) -> None:
    cli("people", "add", "J")
    assert "Note" not in cli("people", "list").stderr


# ------------------------------------------------------------- 2. an alias ending in "."


def test_an_alias_ending_in_a_full_stop_takes_the_sentences_full_stop(cli: CLI) -> None:
    assert cli("people", "add", "Robert Smith", "--alias", "R.").exit_code == 0
    shared(cli, "Then I rang Robert. Did you ring Robert? Robert! Robert... gone. Robert's mum.")
    want = "Then I rang R. Did you ring R.? R.! R... gone. R.'s mum."
    assert experience(cli) == want
    for fmt in ("md", "html"):
        assert want.replace("'", "&#x27;" if fmt == "html" else "'") in exported(cli, fmt)


def test_an_alias_without_a_full_stop_leaves_the_sentences_alone() -> None:
    redact = Redactor([Person("Robert Smith", "my mentee")], identifiers=False)
    assert redact("I rang Robert.") == "I rang my mentee."
    assert Redactor([Person("Robert Smith")])("I rang Robert.") == f"I rang {PLACEHOLDER}."


# ------------------------------------------------------------------ 3. why an alias is refused


def test_an_alias_holding_the_name_itself_says_so_on_an_empty_list(cli: CLI) -> None:
    for alias in ("Lee L.", "Mr Lee"):
        result = cli("people", "add", "Lee", "--alias", alias)
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            f"peerjournal: The alias {alias!r} contains the name Lee itself, so it would not "
            "hide it; choose one that doesn't."
        )
    assert listed(cli) == []


def test_an_alias_holding_another_listed_name_names_them(cli: CLI) -> None:
    cli("people", "add", "Sam Jones")
    cli("people", "add", "Priya")
    result = cli("people", "add", "Jo", "--alias", "Sam and Priya's friend")
    assert result.exit_code == 1
    assert ("The alias \"Sam and Priya's friend\" names Priya and Sam Jones, who are on the "
            "people list; choose one that doesn't.") in result.stderr
    one = cli("people", "add", "Jo", "--alias", "Sam's friend")
    assert "names Sam Jones, who is on the people list" in one.stderr
    # changing a listed person's alias: their own name is theirs, not another's
    changed = cli("people", "add", "sam jones", "--alias", "Jones junior")
    assert "contains part of the name sam jones" in changed.stderr


@pytest.mark.parametrize("name", ["ก", "林"])
def test_a_name_of_one_character_without_a_capital_is_matched_as_any_name(name: str) -> None:
    """The initial rule is for letters with a capital: "ก" beside other text is still a name
    (found by Hypothesis: a one-character Thai name followed by "S" survived)."""
    out = Redactor([Person(name)])(f"{name}S 0 and {name}")
    assert name not in out, out


def test_the_export_preview_repeats_the_note_on_a_listed_one_letter_word(
    cli: CLI, store: Store
) -> None:
    """An "A" listed before the refusal is named where the writer checks what leaves: the
    export, beside the preview's question (and with --yes)."""
    from peerjournal.db.people import restore_people

    restore_people(store, [Person("A")], datetime(2026, 11, 20, tzinfo=UTC))
    shared(cli, "A nurse came in and we talked about the garden.")
    result = cli("export", "--format", "md", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "Note: 'A' is also the word 'a'" in result.stderr
    assert "`peerjournal people remove A`" in result.stderr
    restore_people(store, [Person("Sam Jones")], datetime(2026, 11, 20, tzinfo=UTC))
    plain = cli("export", "--format", "md", "--yes")
    assert plain.stderr.count("is also the word") == 1  # only the one-letter word


def test_an_alias_holding_part_of_the_name_says_part(cli: CLI) -> None:
    """QA: "--alias Lopez" for Maria Lopez said it held "the name Maria Lopez itself"."""
    result = cli("people", "add", "Maria Lopez", "--alias", "Lopez")
    assert result.exit_code == 1
    assert "contains part of the name Maria Lopez, so it would not hide it" in result.stderr
    assert cli("people", "list", "--json").stdout.strip() in ("[]", "")


@pytest.mark.parametrize(
    "text",
    [
        "I sat in the lounge. (Also the garden.) Was it calm? Yes.",
        "She said \"No.\" Was it fair?",
        "We talked [about the bus.] Was it late?",
    ],
)
def test_a_sentence_opening_after_a_closing_bracket_or_quote_is_not_a_name(text: str) -> None:
    """QA: "(Also the garden.) Was it calm?" asked the writer to check "Was"."""
    from peerjournal.redact import unlisted_capitalised

    assert "Was" not in [text[a:b] for a, b in unlisted_capitalised(text)]
    named = text.replace("Was it", "Kerry was")  # a name opening the sentence still is one
    assert "Kerry" in [named[a:b] for a, b in unlisted_capitalised(named)]


def test_an_import_into_another_journal_names_its_db_in_the_one_letter_note(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    """The note on a restored "A" names the command with the --db the import was given (it
    named the default journal's)."""
    from peerjournal.db.people import restore_people

    restore_people(store, [Person("A")], datetime(2026, 11, 20, tzinfo=UTC))
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    other = tmp_path / "other.db"
    result = cli("--db", str(other), "import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert f"`peerjournal --db {other} people remove A`" in result.stderr
