"""Round 20: messages as the writer reads them.

1. An error from the text checks reads naturally after a prefix ("voice: the text …").
2. A yes/no question answered from a pipe ends its line; its text is cleaned.
3. A bad --by value names the option.
4. `edit ID --json` prints the entry even when the editor changed nothing.
5. `import --dry-run` says how many of the backup's people are already listed.
6. A setting with an invisible character at one end is the same setting.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.context import AppContext
from peerjournal.db.store import Store
from peerjournal.entry import MAX_TEXT_CHARS, NUL_MESSAGE, after_prefix
from peerjournal.errors import PeerJournalError
from peerjournal.setting_groups import setting_key
from peerjournal.supervision import load_form

Add = Callable[..., int]


def as_json(cli: CLI, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- 1. errors after a prefix --------------------------------------------------------------------


def test_a_nul_byte_in_a_self_check_note_reads_naturally(
    cli: CLI, tmp_path: Path, store: Store
) -> None:
    """Was: "a.json: voice: The text contains NUL bytes …", a capital after the prefix."""
    item = load_form().items[0].id
    path = tmp_path / "a.json"
    path.write_text(json.dumps({item: {"score": 3, "note": "a\x00b"}}), encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: {item}: the text contains NUL bytes; is this a binary file?\n"
    )
    assert store.conn.execute("SELECT COUNT(*) FROM selfcheck").fetchone() == (0,)


def test_a_note_over_the_text_limit_reads_naturally(cli: CLI, store: Store) -> None:
    """Was: "--note: The text is 2,000,001 characters; …"."""
    result = cli("supervision", "done", "--note", "z" * (MAX_TEXT_CHARS + 1))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: --note: the text is {MAX_TEXT_CHARS + 1:,} characters; the limit is "
        f"{MAX_TEXT_CHARS:,}.\n"
    )
    assert store.conn.execute("SELECT COUNT(*) FROM supervision").fetchone() == (0,)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"date": "2026-11-01", "experience": "a\x00b"},
         "record 1: the text contains NUL bytes; is this a binary file?"),
        ({"date": "2026-11-01", "experience": " "},
         "record 1: the experience is empty: write at least a line about what happened."),
        ({"date": "2026-11-01", "experience": "ok", "mode": "later"},
         "record 1: unknown mode 'later': use on-action or in-action."),
    ],
)
def test_import_errors_read_naturally_after_the_record(
    cli: CLI, tmp_path: Path, record: dict[str, str], message: str
) -> None:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: {message} Nothing was imported.\n"
    assert as_json(cli, "list") == []


def test_a_person_too_long_in_a_backup_reads_naturally(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    backup = {"schema": "peerjournal.backup/1", "entries": [], "people": [{"name": "M" * 500}]}
    path.write_text(json.dumps(backup), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peerjournal: {path}: person 1: a name can be at most ")


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("The text is long.", "x: the text is long."),
        ("A name can be short.", "x: a name can be short."),
        ("NUL bytes here.", "x: NUL bytes here."),
        ("UTF-8 is needed.", "x: UTF-8 is needed."),
        ("'1234' is not a name.", "x: '1234' is not a name."),
        ("PEERJOURNAL_NOW is odd.", "x: PEERJOURNAL_NOW is odd."),
    ],
)
def test_after_prefix_lowers_only_a_sentence_capital(message: str, shown: str) -> None:
    assert after_prefix("x", message) == shown


def test_the_editor_refuses_nul_with_the_entry_message(tmp_path: Path) -> None:
    from peerjournal.cli.editor import decode, parse_entry

    with pytest.raises(PeerJournalError) as caught:
        decode(b"a\x00b", "f.md")
    assert caught.value.message == after_prefix("f.md", NUL_MESSAGE)  # naming the file
    with pytest.raises(PeerJournalError) as caught:
        parse_entry("a\x00b")
    assert caught.value.message == NUL_MESSAGE


# -- 2. a question answered from a pipe ----------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "said", "left"),
    [("n\n", "Nothing destroyed.", 1), ("y\n", "Destroyed 1 entry.", 0)],
)
def test_a_piped_answer_ends_the_question_line(
    cli: CLI, add: Add, answer: str, said: str, left: int
) -> None:
    """Was: "Destroy 1 entry for good? [y/N] Nothing destroyed." on one line."""
    assert cli("delete", str(add())).exit_code == 0
    result = cli("trash", "--empty", input=answer)
    assert result.stderr.startswith(f"Destroy 1 entry for good? [y/N] \n{said}")
    assert len(as_json(cli, "trash")) == left


def test_a_piped_no_at_export_ends_the_question_line(cli: CLI, add: Add) -> None:
    add("I sat with Sam.", "--share")
    result = cli("export", "--format", "csv", input="n\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert "? [y/N] \nNothing was written." in result.stderr


def test_an_answer_echoed_by_a_terminal_is_not_followed_by_a_blank_line(
    cli: CLI, add: Add, terminal: None
) -> None:
    assert cli("delete", str(add())).exit_code == 0
    result = cli("trash", "--empty", input="n\n")
    assert result.stderr.startswith("Destroy 1 entry for good? [y/N] Nothing destroyed.")


def test_the_question_is_cleaned(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(builtins, "input", lambda: "n")
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: False)
    assert AppContext().confirm("Write this summary to a\x1b[2J\nb.md?") is False
    assert capsys.readouterr().err == "Write this summary to a\\x1b[2J b.md? [y/N] \n"


# -- 3. --by ---------------------------------------------------------------------------------------


def test_export_by_an_unknown_period_names_the_option(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "Unknown period 'year': use week or month." (which option?), exit 1."""
    add("I sat with Sam.", "--share")
    target = tmp_path / "summary.md"
    result = cli("export", "--by", "year", "--yes", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("peerjournal: Invalid value for '--by': 'year' is not one of")
    assert result.stderr.count("\n") == 1
    assert not target.exists()


def test_export_by_takes_the_period_in_any_case_as_report_does(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: `report --by Month` worked, `export --by Month` was refused."""
    add("I sat with Sam.", "--share")
    target = tmp_path / "summary.json"
    result = cli("export", "--format", "json", "--by", "Month", "--yes", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["period"]["by"] == "month"


# -- 4. edit --json without a change --------------------------------------------------------------


def test_edit_json_without_a_change_prints_the_entry(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: nothing on stdout ("No changes." on stderr): a script got no JSON."""
    entry_id = add("We met at the library.", "--setting", "community")
    monkeypatch.setenv("EDITOR", "true")  # leaves the file as it is
    result = cli("edit", str(entry_id), "--json")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Entry {entry_id} is unchanged.")
    assert json.loads(result.stdout) == as_json(cli, "show", str(entry_id))
    plain = cli("edit", str(entry_id))
    assert plain.exit_code == 0 and plain.stdout == ""


# -- 5. import --dry-run and the people list ------------------------------------------------------


def test_dry_run_says_how_many_people_are_already_listed(cli: CLI, tmp_path: Path) -> None:
    """Was: "a people list of 2 people", while the import said "(1 already listed)"."""
    assert cli("people", "add", "Maria").exit_code == 0
    path = tmp_path / "backup.json"
    people = [{"name": "maria"}, {"name": "Jo"}]
    path.write_text(json.dumps({"schema": "peerjournal.backup/1", "entries": [],
                                "people": people}), encoding="utf-8")
    dry = cli("import", str(path), "--dry-run")
    assert dry.exit_code == 0
    assert dry.stderr == (
        "Would import no entries (peerjournal backup) and a people list of 2 people "
        "(1 already listed). Nothing was changed (--dry-run).\n"
    )
    assert [p["name"] for p in as_json(cli, "people", "list")] == ["Maria"]
    real = cli("import", str(path))
    assert "People list: added 1 of 2 people (1 already listed)." in real.stderr
    assert "(2 already listed)" in cli("import", str(path), "--dry-run").stderr


def test_dry_run_into_no_journal_creates_none(cli: CLI, tmp_path: Path, isolated: Path) -> None:
    path = tmp_path / "backup.json"
    people = [{"name": "Jo"}, {"name": "JO"}]
    path.write_text(json.dumps({"schema": "peerjournal.backup/1", "entries": [],
                                "people": people}), encoding="utf-8")
    dry = cli("import", str(path), "--dry-run")
    assert dry.exit_code == 0
    assert "a people list of 2 people (1 named twice in the backup)." in dry.stderr
    assert not list(isolated.rglob("*.db"))


# -- 6. settings with an invisible character at one end ----------------------------------------


def test_a_setting_with_a_zero_width_space_after_it_is_the_same(cli: CLI, add: Add) -> None:
    """Was: "crisis" and "crisis" + U+200B were two groups, and --setting crisis missed one."""
    plain = add("A long night on the crisis line.", "--setting", "crisis")
    pasted = add("Another call.", "--setting", "\ufeffCrisis\u200b")
    # (round 38: what is drawn as nothing is left out of a setting, as of a tag)
    assert as_json(cli, "show", str(pasted))["setting"] == "Crisis"
    assert sorted(e["id"] for e in as_json(cli, "list", "--setting", "crisis")) == [plain, pasted]
    report = cli("report")
    assert report.exit_code == 0
    # (round 44: shown as the spelling most entries carry, on a tie the last written, as tags)
    assert [line.split()[:2] for line in report.stdout.splitlines()
            if line.lower().startswith("crisis")] == [["Crisis", "2"]]


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("crisis\u200b", "crisis"),
        ("\u200e מרפאה \u200f", "מרפאה"),
        ("מרכז\u200fקהילה", "מרכז\u200fקהילה"),  # a direction mark inside stays
        ("team \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
         "team \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"),
        ("\u200b", "unspecified"),
    ],
)
def test_setting_key_strips_invisible_ends_only(setting: str, key: str) -> None:
    assert setting_key(setting) == key


# -- ~name paths with no such user ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--lexicon", "~nosuchuser-pj/org.toml", "drift", "--text", "I listened."],
         "--lexicon is '~nosuchuser-pj/org.toml'"),
        (["export", "--yes", "-o", "~nosuchuser-pj/summary.md"],
         "--output is '~nosuchuser-pj/summary.md'"),
    ],
)
def test_a_home_folder_that_does_not_exist_is_one_line(
    cli: CLI, add: Add, args: list[str], named: str
) -> None:
    """Was: "Unexpected error (RuntimeError)", exit 70."""
    add("I sat with Sam.", "--share")
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {named}: "
        "there is no home folder '~nosuchuser-pj' on this computer; write the path in full.\n"
    )


@pytest.mark.parametrize("option", ["--note", "--from"])
@pytest.mark.parametrize("fmt", ["md", "html", "json", "pdf"])
def test_export_text_options_that_are_not_utf8_are_one_line(
    cli: CLI, add: Add, tmp_path: Path, option: str, fmt: str
) -> None:
    """Was: exit 70 (UnicodeEncodeError) when the summary was written. Round 36: the bytes
    are read as `write -x` reads them (Windows-1252: 0xff is 'ÿ'), no longer refused."""
    add("I sat with Sam.", "--share")
    target = tmp_path / f"summary.{fmt}"
    text = "A hard month \udcff"  # a byte that is not UTF-8, as Python hands it over
    result = cli("export", "--format", fmt, option, text, "--yes", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and "\\udc" not in result.stderr
    assert target.exists()
