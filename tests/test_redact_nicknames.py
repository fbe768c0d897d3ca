"""Short forms of listed names (Bob for Robert, Peggy for Margaret) in mentor summaries.

Was: a listed person's short form that does not start like the name left in every export,
and opening a sentence ("Bob was upset") the preview did not even flag it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor, nickname_like, short_forms

PEOPLE = ("Robert Smith", "William Jones", "Margaret Brown", "John Reid", "Edward Li")
ENTRY = (
    "Bob was upset at handover. Bobby's sister rang; BOB shouted. Bill said hi. Peggy laughed "
    "and Maggie too. Jack rang, then Ted came. Liam was quiet."
)
REDACTED = (
    "[person] was upset at handover. [person]'s sister rang; [person] shouted. [person] said "
    "hi. [person] laughed and [person] too. [person] rang, then [person] came. [person] was "
    "quiet."
)


def listed(cli: CLI, *names: str) -> None:
    for name in names:
        result = cli("people", "add", name)
        assert result.exit_code == 0, result.stderr


def shared(cli: CLI, text: str, *extra: str) -> None:
    result = cli("write", "-x", text, "--share", "--date", "yesterday", *extra)
    assert result.exit_code == 0, result.stderr


def exported(cli: CLI, path: Path, fmt: str, *extra: str) -> str:
    result = cli("export", "--yes", "--format", fmt, "--output", str(path), *extra)
    assert result.exit_code == 0, result.stderr
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_short_forms_opening_sentences_leave_no_export(cli: CLI, tmp_path: Path, fmt: str) -> None:
    listed(cli, *PEOPLE)
    shared(cli, ENTRY, "-t", "bob", "-s", "Peggy's flat")
    text = exported(cli, tmp_path / f"summary.{fmt}", fmt, "--note", "Ted and Bill again")
    for short in ("Bob", "Bobby", "Bill", "Peggy", "Maggie", "Jack", "Ted", "Liam"):
        assert not re.search(rf"\b{short}\b", text, re.IGNORECASE), short
    if fmt == "json":
        summary = json.loads(text)
        entry = summary["shared_entries"][0]
        assert entry["experience"] == REDACTED
        assert entry["tags"] == ["[person]"]
        assert entry["setting"] == "[person]'s flat"
        assert summary["note"] == "[person] and [person] again"


def test_a_short_form_that_is_a_word_is_redacted_only_as_a_name(cli: CLI, tmp_path: Path) -> None:
    """Bill, Will, Jack and May are words too: lower case they are the word; capitalised they
    are the name, opening a sentence too, except the verb opening a question ("Will you…?",
    "May I…?"), which the preview flags instead; never in the plural ("Bills")."""
    listed(cli, "William Jones", "Mary Poole", "John Reid")
    shared(cli, "Will was late. Will you come? I will pay the bill. Bills are a worry. "
                "May I ask? May was there. Jack up the heating, said Jack. Tagged #will and @jack.")
    summary = json.loads(exported(cli, tmp_path / "s.json", "json"))
    assert summary["shared_entries"][0]["experience"] == (
        "[person] was late. Will you come? I will pay the bill. Bills are a worry. "
        "May I ask? [person] was there. [person] up the heating, said [person]. Tagged "
        "#[person] and @[person]."
    )
    # the questions' "Will" and "May" are left, and the preview asks the writer to check them
    result = cli("export", "--format", "md", input="n\n")
    assert result.exit_code == 1
    checked = " ".join(result.stderr.split("Check these capitalised words")[1].split())
    assert checked.startswith(
        "(in the preview above): Will (like a listed name), May (like a listed name). If any "
        "is someone's name")
    assert "Nothing was written" in result.stderr


def test_a_short_form_that_starts_like_the_name_is_left_to_the_writer() -> None:
    """README: a nickname that starts like the name (Sammy, Rob, Liz) is flagged in the
    preview wherever it is and leaves until listed; one that does not is redacted."""
    assert [form for form, _ in short_forms("Robert Smith")] == ["Bert", "Bob", "Bobby"]
    assert short_forms("Samuel Jones") == []
    r = Redactor([Person("Robert Smith"), Person("Sam Jones")])
    assert r("Rob and Bob met Samuel.") == "Rob and [person] met Samuel."
    assert nickname_like("Rob", ["Robert Smith"]) and nickname_like("Bob", ["Robert Smith"])
    assert nickname_like("Robert", ["Bob"])  # flagged both ways, redacted one way


def test_people_add_names_the_short_forms_it_redacts(cli: CLI) -> None:
    result = cli("people", "add", "William", "Jones")
    assert result.exit_code == 0, result.stderr
    assert (
        "Note: exports also replace Bill, Billy, Liam and Will, short forms of William Jones "
        "(Bill and Will in lower case only where the sentence makes them a person, as in "
        "'met bill')." in " ".join(result.stderr.split())
    )
    assert "short forms" not in cli("people", "add", "Sam", "Jones").stderr


def test_an_alias_that_is_a_short_form_is_questioned_not_refused(cli: CLI) -> None:
    result = cli("people", "add", "Robert", "Smith", "--alias", "Bob")
    assert result.exit_code == 0, result.stderr
    assert "the alias 'Bob' is printed in exports in place of the name" in result.stderr


def test_a_file_name_holding_a_short_form_is_refused(cli: CLI, tmp_path: Path) -> None:
    listed(cli, "Margaret Brown")
    shared(cli, "We walked to the shop.")
    out = tmp_path / "Peggy-summary.md"
    result = cli("export", "--yes", "--output", str(out))
    assert result.exit_code != 0
    assert "holds a name on the people list" in result.stderr
    assert not out.exists()


def test_contractions_are_not_names(cli: CLI, tmp_path: Path) -> None:
    """Was: "Don't" became "[person]'t" with Don (or Donald's short form) listed, and "can't"
    "I [person]'t" with Can Yılmaz listed."""
    listed(cli, "Don Smith", "Can Yılmaz", "Won Lee")
    shared(cli, "Don't worry, I can't stay and we won't. DON'T. Don's bag, Can's coat.")
    summary = json.loads(exported(cli, tmp_path / "s.json", "json"))
    assert summary["shared_entries"][0]["experience"] == (
        "Don't worry, I can't stay and we won't. DON'T. [person]'s bag, [person]'s coat."
    )


def test_ed_in_capitals_is_the_department(cli: CLI, tmp_path: Path) -> None:
    """Ed for Edward is matched in title case only: "ED" is the emergency department."""
    listed(cli, "Edward Li")
    shared(cli, "Ed came with me to ED. Eddie waited.")
    summary = json.loads(exported(cli, tmp_path / "s.json", "json"))
    assert summary["shared_entries"][0]["experience"] == (
        "[person] came with me to ED. [person] waited."
    )


def test_people_add_says_when_a_part_that_is_a_word_is_replaced(cli: CLI) -> None:
    """Was: "replaced only when capitalised", though "met will" and "will rang" are replaced
    too (`redact._lower_part_reading`)."""
    said = " ".join(cli("people", "add", "Will", "Turner").stderr.split())
    assert ("Note: 'Will' on its own is also an English word, so it is replaced when "
            "capitalised (Will, WILL), and not as the verb opening a sentence ('Will do'), "
            "which the preview flags; in lower case, only where the sentence makes it a "
            "person ('met will', 'will rang').") in said
    r = Redactor([Person("Will Turner")])
    assert r("I met will today.") == "I met [person] today."
    assert r("will rang me") == "[person] rang me"
    assert r("I will try.") == "I will try."
