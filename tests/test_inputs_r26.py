"""Bad and large inputs, round 26 (QA findings 3, 8, 9, 11 and 12): a jrnl journal over the
size limit of one entry, unusable prompt sets, end of input and a locked journal in the
self-check, and how a few errors show what was typed."""

from __future__ import annotations

import builtins
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CTRL_D, Keys
from peerjournal.cli import importer
from peerjournal.db import engine
from peerjournal.db.store import Store
from peerjournal.entry import MAX_TEXT_CHARS
from peerjournal.supervision import load_items

CLI = Callable[..., Any]
N = len(load_items())


def jrnl(entries: int, words: int) -> str:
    """A jrnl text journal of `entries` entries, one a day from 1 Jan 2020, each of `words`
    words after its title."""
    return "".join(
        f"[2020-01-{1 + n % 28:02d} 09:{n % 60:02d}] Shift {n}\n" + "word " * words + "\n\n"
        for n in range(entries)
    )


def stored_checks(store: Store) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in store.conn.execute("SELECT answers FROM selfcheck")]


# -- import: the size limit is an entry's, not the file's ---------------------------------------


def test_a_jrnl_journal_larger_than_one_entry_may_be_is_imported(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "The text is 3,154,887 characters; the limit is 2,000,000", for the whole file."""
    text = jrnl(1_100, 400)  # 2.2 million characters in all, 2,000 an entry
    assert len(text) > MAX_TEXT_CHARS
    path = tmp_path / "journal.txt"
    path.write_text(text, encoding="utf-8")
    result = cli("import", str(path), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "Would import 1,100 entries (jrnl text)" in result.stderr
    piped = cli("import", "-", "--dry-run", input=text.encode())
    assert piped.exit_code == 0 and "Would import 1,100 entries" in piped.stderr


def test_one_entry_over_the_limit_is_named_by_file_line_and_date_not_text(
    cli: CLI, tmp_path: Path
) -> None:
    text = "[2024-03-05 10:00] Short\nSecret client story.\n\n[2024-03-06 10:00] Long\n" + (
        "Sam said " * (MAX_TEXT_CHARS // 9 + 1)
    )
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    for args, name, given in (((str(path),), str(path), None), (("-",), "standard input",
                                                                  text.encode())):
        result = cli("import", *args, input=given)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Sam" not in result.stderr
        assert result.stderr.startswith(
            f"peerjournal: {name}: line 4: the entry of 6 Mar 2024 is "
        ), result.stderr
        assert f"an entry can hold at most {MAX_TEXT_CHARS:,}" in result.stderr
        assert "Nothing was imported." in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []


def test_a_file_over_the_import_cap_is_refused_by_name(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 1024 * 1024)  # (256 MB really)
    path = tmp_path / "huge.txt"
    path.write_text(jrnl(600, 400), encoding="utf-8")  # 1.2 MB
    for args, name, given in (((str(path),), str(path), None),
                              (("-",), "standard input", path.read_bytes())):
        result = cli("import", *args, input=given)
        assert result.exit_code == 1
        assert result.stderr == (
            f"peerjournal: {name} is larger than 1 MB, more than `import` reads: split it "
            "into smaller files and import each. Nothing was imported.\n"
        )


def test_nul_bytes_are_refused_naming_the_file_or_standard_input(
    cli: CLI, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_bytes(b"attention = 3\x00\n")
    checked = cli("supervision", "check", "--answers", str(answers))
    assert checked.exit_code == 1
    assert checked.stderr == (
        f"peerjournal: {answers}: the text contains NUL bytes; is this a binary file?\n"
    )
    for command in (("import", "-"), ("supervision", "check", "--answers", "-")):
        result = cli(*command, input=b"\x00\x00")
        assert result.exit_code == 1
        assert result.stderr.startswith("peerjournal: standard input: the text contains NUL")


# -- prompts list: what is wrong with each unusable set, and exit 0 -----------------------------


def test_prompts_list_names_every_unusable_set_and_succeeds(cli: CLI, isolated: Path) -> None:
    folder = isolated / "prompts"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text("garbage [[[", encoding="utf-8")
    (folder / "half.toml").write_text('title = "Half"\n', encoding="utf-8")
    result = cli("prompts", "list")
    assert result.exit_code == 0
    assert {"boud", "gibbs", "driscoll", "ips"} <= {
        line.split()[0] for line in result.stdout.splitlines()
    }
    unusable = [line for line in result.stderr.splitlines()
                if line.startswith("Prompt set not usable: ")]
    assert len(unusable) == 2, result.stderr
    assert f"{folder / 'bad.toml'}: not valid TOML" in unusable[0]
    assert f"{folder / 'half.toml'}: experience: missing table" in unusable[1]
    as_json = cli("prompts", "list", "--json")
    assert as_json.exit_code == 0 and "bad" not in {s["name"] for s in
                                                    json.loads(as_json.stdout)}
    shown = cli("prompts", "show", "bad")
    assert shown.exit_code == 1 and shown.stdout == ""
    assert shown.stderr.startswith(f"peerjournal: {folder / 'bad.toml'}: not valid TOML")


# -- supervision check: end of input, a locked journal ------------------------------------------


def test_end_of_input_leaves_the_check_unfinished_with_exit_0(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    """r48: exit 0, a stop for now as q is (docs/exit-codes.md); was 1."""
    keys("4", "", "2", "held back", CTRL_D)
    result = cli("supervision", "check")
    assert result.exit_code == 0
    assert result.stderr.endswith(
        f"Kept 2 of {N} answers; "
        "`peerjournal supervision check` carries on from there.\n"
    )
    [answers] = stored_checks(store)
    assert len(answers) == 2 and "held back" in json.dumps(answers)


@pytest.fixture
def locked(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[sqlite3.Connection]:
    """The journal, held by another program (its write lock) until the test lets it go."""
    assert cli("write", "-x", "Earlier entry.").exit_code == 0
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "50")
    holder = sqlite3.connect(isolated / "journal.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_an_answer_given_while_the_journal_is_locked_is_saved_once_it_is_free(
    cli: CLI, store: Store, keys: Callable[..., Keys], locked: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: the answer was lost, and the exit-4 message did not say what was kept."""
    fake = keys("4", "a note typed with care", "", "q")  # "": Enter at "tries again"
    calls: list[None] = []

    def typed() -> str:
        calls.append(None)
        if len(calls) == 3:  # the other program is done before Enter is pressed
            locked.execute("ROLLBACK")
        return fake()

    monkeypatch.setattr(builtins, "input", typed)
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "locked by another program; try again in a moment. Your answer is not saved yet." \
        in result.stderr
    assert f"Kept 1 of {N} answers;" in result.stderr
    [answers] = stored_checks(store)
    assert [a["note"] for a in answers.values()] == ["a note typed with care"]


@pytest.mark.parametrize("stop", ["q", CTRL_D])
def test_stopping_while_the_journal_stays_locked_says_what_is_kept(
    cli: CLI, store: Store, keys: Callable[..., Keys], locked: sqlite3.Connection, stop: str
) -> None:
    keys("4", "", stop)
    result = cli("supervision", "check")
    assert result.exit_code == 4
    # (after the prompt: a typed line's echo is the terminal's, not there in a test)
    kept = re.search(  # (round 44: the answer is kept in a file, no longer lost)
        r"peerjournal: The journal at \S+ is locked by another program; try again in a moment\. "
        r"The answer just given was not saved: it is kept in (\S+answers-\S+\.json) "
        r"\(`peerjournal supervision check --answers \1` saves it once the journal can take "
        r"it\)\.\n\Z",
        result.stderr,
    )
    assert kept, result.stderr
    assert '"score": 4' in Path(kept.group(1)).read_text(encoding="utf-8")
    locked.execute("ROLLBACK")
    assert stored_checks(store) == []


# -- dates: what was typed, as typed; out of range, not unreadable ------------------------------


def test_a_date_that_is_not_utf8_is_shown_with_replacement_characters(cli: CLI) -> None:
    result = cli("list", "--since", "\udcff\udcfe")  # how Python hands over b"\xff\xfe"
    assert result.exit_code == 1
    assert result.stderr.startswith("peerjournal: Could not read the date '\ufffd\ufffd'.")
    assert "\\udc" not in result.stderr


@pytest.mark.parametrize("typed", ["100000 days ago", "99999999 weeks ago",
                                   "123456789012345678901234567890 years ago",
                                   "in 10000000 days"])
def test_far_too_many_days_ago_is_out_of_range(cli: CLI, typed: str) -> None:
    result = cli("list", "--since", typed)
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: Date out of range: '{typed}'. Use a date from 1 Jan 1900 to 31 Dec 9999.\n"
    )


def test_many_days_ago_within_range_is_still_read(cli: CLI, add: Callable[..., int]) -> None:
    add("An entry.", "--date", "2026-11-01")
    result = cli("list", "--since", "40000 days ago", "--json")  # 1917
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1


# -- report: no number cut at a narrow terminal ---------------------------------------------------


def test_a_report_at_20_columns_cuts_no_number(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "23 N…  29.… 8.… +0.…": every number cut. Below 30 columns each row is a line."""
    for day in ("2026-11-10", "2026-11-18"):
        add("I shared my recovery story with Sam and told him what to do.", "--date", day,
            "--feelings", "tired", "--setting", "community drop-in")
    add("We talked about his diagnosis.", "--date", "2026-09-01")
    monkeypatch.setenv("COLUMNS", "20")
    result = cli("report")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= 20
    assert not re.search(r"[\d.]…", text), text
    rows = " ".join(text.split())  # the rows, unwrapped
    data = json.loads(cli("report", "--json").stdout)
    week = next(p for p in data["periods"] if p["entries"])
    assert re.search(rf"entries {week['entries']}, identity \d+\.\d\d, drift \d+\.\d\d, "
                     r"balance [+-]\d\.\d\d", rows), rows
    assert "community drop-in: entries 2, balance " in rows
    monkeypatch.setenv("COLUMNS", "30")  # the tables, as before
    assert re.search(r"^Week +N +Ident +Drift +Bal$", cli("report").stdout, re.M)
