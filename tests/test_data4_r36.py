"""Round 36 (data4): every command-line text that names data read as `write` reads it (bytes
that are not UTF-8: Windows-1252), the stale-scores note under a lexicon only tried, and the
people list's table under an ASCII-only output encoding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import CLI

Add = Callable[..., int]
RENEE, CAFE = "Ren\udce9e", "caf\udce9"  # Latin-1 bytes typed under a UTF-8 locale
READ_AS_1252 = "it was read as Windows-1252"


# -- qa_changes3 7: people remove, --alias, list --tag/--setting, report -t ----------------------


def test_a_name_added_in_latin_1_is_removed_the_same_way(cli: CLI) -> None:
    """Before: exit 3, "'Ren\\udce9e' is not on the people list" (a surrogate escape)."""
    assert cli("people", "add", RENEE).exit_code == 0
    result = cli("people", "remove", RENEE)
    assert result.exit_code == 0, result.stderr
    assert "Removed Renée" in result.stderr and "\\udc" not in result.stderr
    missing = cli("people", "remove", RENEE)
    assert missing.exit_code == 3 and "'Renée' is not on the people list" in missing.stderr


def test_an_alias_in_latin_1_is_read_as_windows_1252_with_one_note(cli: CLI) -> None:
    """Before: exit 1, "Some of the text given is not UTF-8"."""
    result = cli("people", "add", "Zo\udceb", "Smith", "--alias", RENEE)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(READ_AS_1252) == 1  # one note for the name and the alias
    listed = json.loads(cli("people", "list", "--json").stdout)
    assert [(p["name"], p["alias"]) for p in listed] == [("Zoë Smith", "Renée")]


def test_list_search_and_report_filters_in_latin_1_find_what_write_saved(
    cli: CLI, add: Add
) -> None:
    """Before: `list --setting` exit 1 ("not UTF-8"); `list --tag` "no entry is tagged caf"."""
    add("Met Sam at the café today.", "-s", CAFE, "-t", CAFE)
    for command in (("list",), ("search", "Sam")):
        for option in ("--tag", "--setting"):
            result = cli(*command, option, CAFE, "--json")
            assert result.exit_code == 0, result.stderr
            assert [e["id"] for e in json.loads(result.stdout)] == [1], (command, option)
    report = cli("report", "-t", CAFE, "-s", CAFE, "--json")
    assert report.exit_code == 0, report.stderr
    assert "\\udc" not in report.stdout + report.stderr
    none = cli("list", "--tag", "th\udce9")  # (no such tag)
    assert "tagged thé" in none.stderr and "\\udc" not in none.stderr


def test_export_note_in_latin_1_is_kept_as_its_letters(cli: CLI, add: Add) -> None:
    """Before: exit 1, "--note: UTF-8 is needed …"."""
    add("We walked to the office together.")
    result = cli("export", "--yes", "--format", "md", "--note", CAFE, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "café" in result.stdout


def test_typed_noted_reads_each_value_and_says_a_note_once() -> None:
    from peerjournal.cli.options import typed, typed_noted

    said: list[str] = []

    class App:
        def say(self, message: str) -> None:
            said.append(message)

    assert typed(CAFE) == "café" and typed("plain") == "plain"
    assert typed_noted(App(), CAFE, None, RENEE) == ["café", None, "Renée"]  # type: ignore[arg-type]
    assert len(said) == 1 and READ_AS_1252 in said[0]


# -- qa_changes3 8: the stale note under a lexicon only tried ------------------------------------


def test_the_stale_note_under_a_tried_lexicon_does_not_promise_rescore(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Before: "`peerjournal drift --rescore` brings them up to date" (it uses config.toml's)."""
    add("We sat together and I shared my story.")
    shipped = Path(__file__).parents[1] / "src/peerjournal/drift/markers.toml"
    tried = tmp_path / "ours.toml"
    tried.write_text(shipped.read_text(encoding="utf-8").replace(
        'name = "', 'name = "Our org ', 1), encoding="utf-8")
    said = " ".join(cli("--lexicon", str(tried), "report").stderr.split())
    assert "brings it up to date" not in said
    assert ("1 entry was scored with another drift lexicon than the one given with --lexicon. "
            "`peerjournal drift --rescore` uses the lexicon in config.toml, not --lexicon: to "
            f'score the journal with this one, set lexicon = "{tried}" under [drift]') in said
    same = " ".join(cli("--lexicon", str(shipped), "report").stderr.split())
    assert "scored with another" not in same  # the journal's own lexicon, given again


# -- qa_changes3 10: people list under an ASCII-only output encoding -----------------------------


def test_people_list_in_an_ascii_locale_keeps_its_borders(cli: CLI, isolated: Path) -> None:
    """Before: "|Zo\\xeb Smith | …" with the columns shifted."""
    assert cli("people", "add", "Zoë Smith", "--alias", "Z.").exit_code == 0
    assert cli("people", "add", "Renée").exit_code == 0
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "ascii",
           "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    done = subprocess.run([sys.executable, "-m", "peerjournal", "people", "list"], env=env,
                          capture_output=True, check=True)
    listed = done.stdout.decode("ascii").splitlines()
    assert "\\x" not in "".join(listed) and "Zoe Smith" in "".join(listed)
    # a rule of "-" (round 43: not Rich's grid of "+---+" and "|"), the columns in line
    assert set(listed[1].strip()) == {"-"} and "|" not in "".join(listed)
    added = listed[0].index("Added")
    assert all(row[added:added + 4] == "2026" for row in listed[2:]), listed


def test_a_table_printed_under_ascii_gets_stand_ins_as_wide() -> None:
    import io

    from rich.table import Table

    from peerjournal.render.console import make_console

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="backslashreplace")
    table = Table("Name", "Tag")
    table.add_row("Zoë", "café")
    sys_stdout = sys.stdout
    try:
        sys.stdout = stream
        make_console(stderr=False).print(table)
    finally:
        sys.stdout = sys_stdout
    stream.flush()
    lines = raw.getvalue().decode("ascii").splitlines()
    assert "Zoe" in "".join(lines) and "\\x" not in "".join(lines)
    assert len({len(line) for line in lines if line.strip()}) == 1
