"""Round 36 (data2): a broken --lexicon refused by report and export too, no "no entries" in a
journal whose entries cannot be read, one exit code for a data folder that is a file, the
narrow list keeping settings and tags, tables without padding in a file or pipe, ASCII stand-ins
for an ASCII-only locale, a stale-scores note that names what changed, and prep's follow-ups
matched on meaningful words."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.supervision import follow_intentions
from test_store_r34 import entry_leaf_of, settled, zero_page
from test_supervision import facts

Add = Callable[..., int]
SHIPPED = Path(__file__).parents[1] / "src" / "peerjournal" / "drift" / "markers.toml"


# -- qa_robust 3: a broken --lexicon -----------------------------------------------------------


@pytest.mark.parametrize("kind", ["empty", "cut short", "labels only"])
def test_report_and_export_refuse_a_broken_lexicon_as_drift_does(
    cli: CLI, add: Add, tmp_path: Path, kind: str
) -> None:
    """Before: an empty file, or one whose head parsed, gave a report (exit 0)."""
    add("We walked to the housing office together.")
    text = SHIPPED.read_text("utf-8")
    broken = tmp_path / "lex.toml"
    broken.write_text({"empty": "", "cut short": text[:200_000],
                       "labels only": text.partition("\n[[marker]]")[0]}[kind], "utf-8")
    refused = cli("--lexicon", str(broken), "drift", "1")
    assert refused.exit_code == 1
    for args in (("report",), ("report", "--json"), ("export", "--yes", "-o", "-")):
        result = cli("--lexicon", str(broken), *args)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.splitlines()[-1] == refused.stderr.splitlines()[-1]
        assert result.stderr.splitlines()[-1].startswith(f"peerjournal: {broken}: ")


def test_report_with_a_sound_lexicon_of_ones_own_still_works(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("We walked to the housing office together.")
    own = tmp_path / "own.toml"
    own.write_bytes(SHIPPED.read_bytes())
    assert cli("--lexicon", str(own), "report").exit_code == 0


# -- qa_robust 4: a damaged journal says no "no entries" ---------------------------------------


def test_a_journal_whose_entries_cannot_be_read_is_not_said_to_be_empty(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """Before: "No entries from … Your only entry is dated <in the range>", and "No entries in
    the journal; 1 entry is in the trash", then the error that the entry cannot be read."""
    add("Marker 0. We walked to the office.", "--date", "2026-11-10")
    add("Marker 1. We walked to the office.", "--date", "2026-11-11")
    assert cli("delete", "1").exit_code == 0
    path = isolated / "journal.db"
    settled(path)
    zero_page(path, entry_leaf_of(path, b"Marker 1. We walked"))
    for args in (("report",), ("list",)):
        result = cli(*args)
        assert result.exit_code == 4, result.stderr
        assert "No entries" not in result.stdout + result.stderr
        assert "only entry" not in result.stdout + result.stderr
        assert "cannot be read" in result.stderr


# -- qa_robust 7: PEERJOURNAL_HOME a file -------------------------------------------------------


def test_where_and_prompts_list_exit_4_when_the_data_folder_is_a_file(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "homefile"
    home.write_text("hi")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    assert cli("list").exit_code == 4
    message = (f"PEERJOURNAL_HOME points at a file, not a folder: {home}; no journal, draft or "
               "setting can be kept there.\n")
    where = cli("where")
    prompts = cli("prompts", "list")
    assert (where.exit_code, prompts.exit_code) == (4, 4)
    assert where.stderr == prompts.stderr == message
    assert "boud" in prompts.stdout  # the shipped sets are still listed
    assert "Add your own" not in prompts.stderr


def test_prompts_list_still_says_where_to_add_ones_own(cli: CLI, isolated: Path) -> None:
    result = cli("prompts", "list")
    assert result.exit_code == 0
    assert f"Add your own as TOML files in {isolated / 'prompts'}." in result.stderr


# -- qa_week 5: the narrow list keeps setting and tags -----------------------------------------


@pytest.mark.parametrize("columns", ["40", "56", "62"])
def test_a_narrow_list_keeps_every_entrys_setting_and_tags(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    add("Walked with Sam to the housing office.", "-s", "community", "-t", "housing")
    add("Quick chat.")
    monkeypatch.setenv("COLUMNS", columns)
    out = cli("list").stdout
    assert "commun" in out and "housi" in out  # whole on a line of their own, or cut
    assert all(len(line) <= int(columns) for line in out.splitlines())


def test_a_narrow_list_of_entries_with_no_setting_keeps_its_table(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Walked with Sam to the housing office.")
    monkeypatch.setenv("COLUMNS", "56")
    assert cli("list").stdout.splitlines()[0].split()[:2] == ["ID", "Date"]


# -- qa_week 8: tables in a file or pipe --------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("list",), ("trash",), ("people", "list"), ("supervision", "check", "--list-items")]
)
def test_tables_written_to_a_pipe_have_no_padding_lines_or_trailing_spaces(
    cli: CLI, add: Add, args: tuple[str, ...]
) -> None:
    add("Walked with Sam to the housing office.", "-s", "community", "-t", "housing")
    add("To be trashed.")
    assert cli("delete", "2").exit_code == 0
    assert cli("people", "add", "Sam Jones").exit_code == 0
    out = cli(*args).stdout
    lines = out.splitlines()
    assert lines and lines[0].strip() and lines[-1].strip()
    assert not [line for line in lines if line != line.rstrip()]
    assert out.endswith("\n") and not out.endswith("\n\n")


# -- qa_week 9: an ASCII-only locale -------------------------------------------------------------


def test_a_stream_that_cannot_take_a_character_gets_a_stand_in_as_wide() -> None:
    from peerjournal.render.console import Substituted, stand_ins

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="backslashreplace")
    Substituted(stream).write("Zoë – we t… · “x” ─│")
    stream.flush()  # letters are escaped by the stream: no word of an entry is lost
    assert raw.getvalue().decode("ascii") == 'Zo\\xeb - we t~ / "x" -|'
    assert stand_ins("Café with Zoë – we t… 日", "ascii") == "Cafe with Zoe - we t~ ??"
    assert stand_ins("Café – x", "latin-1") == "Café - x"
    assert stand_ins("Café – x", "utf-8") == "Café – x"


def test_list_and_show_in_an_ascii_locale_keep_their_borders_and_agree_with_drift(
    add: Add, isolated: Path
) -> None:
    add("Café with Zoë – we talked about the week and what she wants next.")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "ascii",
           "PYTHONPATH": str(Path(__file__).parents[1] / "src")}

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "peerjournal", *args], env=env,
                              capture_output=True, check=True)
        return done.stdout.decode("ascii")

    listed = run("list").splitlines()
    assert "\\x" not in "".join(listed) and "Cafe with Zoe - we" in "".join(listed)
    # a rule of "-" (round 43: not Rich's grid of "+---+" and "|"), the columns in line
    assert set(listed[1].strip()) == {"-"} and "|" not in "".join(listed)
    assert listed[2][listed[0].index("Experience"):].startswith("Cafe with Zoe")
    shown = run("show", "1")
    assert shown.startswith("#1 / ") and "Caf\\xe9 with Zo\\xeb - we" in shown  # whole
    assert run("drift", "1").splitlines()[0].startswith("#1 / ")


# -- qa_mentor 7: what made scores stale ---------------------------------------------------------


def test_the_stale_note_names_what_changed(cli: CLI, add: Add, isolated: Path) -> None:
    """Before: "another version of the drift lexicon or of peerjournal" when only the scoring
    code had changed (seen after `people add`, and blamed on it)."""
    add("We walked with Grace to the housing office and she spoke up.")
    add("We sat together and I shared my story.")
    assert cli("people", "add", "grace").exit_code == 0
    assert "--rescore" not in cli("report").stderr  # names play no part in scoring

    def stale(sql: str) -> str:
        assert cli("drift", "--rescore").exit_code == 0
        with sqlite3.connect(isolated / "journal.db") as conn:
            conn.execute(sql)
        return " ".join(cli("report").stderr.split())

    code = stale("UPDATE entry SET scorer_version = 'older-code'")
    assert ("2 entries were scored with another version of peerjournal (its drift scoring "
            "has changed since; the lexicon has not);") in code
    lexicon = stale("UPDATE entry SET lexicon_version = 'an-old-one' WHERE id = 1")
    assert "1 entry was scored with another version of the drift lexicon;" in lexicon
    both = stale("UPDATE entry SET lexicon_version = CASE id WHEN 1 THEN 'an-old-one' ELSE "
                 "lexicon_version END, scorer_version = CASE id WHEN 2 THEN 'older-code' ELSE "
                 "scorer_version END")
    assert "2 entries were scored with another version of the drift lexicon or of " in both
    exported = " ".join(cli("export", "--yes", "-o", "-").stderr.split())
    assert "2 entries were scored with another version of the drift lexicon or of " in exported


# -- qa_mentor 9: prep's follow-ups ----------------------------------------------------------------


def test_everyday_words_alone_do_not_follow_up_an_intention() -> None:
    entries = [
        facts(1, date(2026, 11, 9),
              evaluation="Next time I will ask Kerry first what she wants said at handover."),
        facts(3, date(2026, 11, 10),
              experience="Hope rang in crisis. I said I would ask the team and call back."),
    ]
    (found,) = follow_intentions(entries, ["Kerry Walsh", "Hope"])
    assert found.came_back_in is None


def test_an_intention_naming_a_listed_person_is_followed_up_only_about_them() -> None:
    intention = facts(12, date(2026, 11, 18),
                      evaluation="I will ask Precious if she wants to co-run a session.")
    other = facts(20, date(2026, 11, 20),
                  experience="Zoë asked to co-run a session of the group with me.")
    same = facts(30, date(2026, 12, 5),
                 experience="Precious said yes: we co-run a session on Friday.")
    people = ["Precious Moyo", "Zoë Brennan"]
    (found,) = follow_intentions([intention, other, same], people)
    assert found.came_back_in == same
    assert set(found.shared_words) >= {"precious", "session"}
    (unnamed,) = follow_intentions([intention, other], [])  # no people list: words decide
    assert unnamed.came_back_in == other


def test_names_with_letters_beyond_ascii_count_as_words() -> None:
    intention = facts(6, date(2026, 11, 12),
                      evaluation="Next time I will ask Zoë what she wants from the sessions.")
    later = facts(12, date(2026, 11, 18), experience="We planned the sessions with Precious.")
    (found,) = follow_intentions([intention, later], ["Zoë Brennan", "Precious Moyo"])
    assert found.came_back_in is None  # "sessions" alone, about someone else
