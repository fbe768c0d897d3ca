"""Round 42 leftovers: one cut-at-a-word rule for `list` and `drafts` (`textsafe.at_a_word`);
`list`'s "too little" from the one constant, without the exporters' modules; `import` of a file
it refuses says how to convert it; a dry run's Windows-1252 line says what is true of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.textsafe import at_a_word, cut

# -- 1. one cut at a word ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "width", "shown"),
    [
        ("Met Jo at the library", 30, "Met Jo at the library"),  # fits: whole
        ("Met Jo at the library", 21, "Met Jo at the library"),
        ("Met Jo at the library", 7, "Met Jo…"),  # "Jo" ends at the cut: kept (was "Met…")
        ("Met Jo at the library", 6, "Met…"),  # "Jo" cut inside: left out
        ("Met Jo at the library", 12, "Met Jo at…"),
        ("Supercalifragilistic word", 10, "Supercali…"),  # a first word wider: cut inside it
        ("Met Jo at", 2, "M…"),
        ("Met Jo at", 1, "…"),
        ("Met Jo at", 0, "…"),  # (was "Met Jo…": wider than no room at all)
        ("Met Jo at", -4, "…"),
        ("", 0, ""),
    ],
)
def test_at_a_word(line: str, width: int, shown: str) -> None:
    assert at_a_word(line, width) == shown
    assert len(shown) <= max(width, 1)


def test_cut_with_no_room_is_only_the_ellipsis() -> None:
    assert cut("Met Jo at", 0) == cut("Met Jo at", -2) == "…"
    assert cut("Met Jo at", 5) == "Met…"


def test_list_and_drafts_share_the_one_rule() -> None:
    from peerjournal.cli import drafts_list
    from peerjournal.render import entries

    assert not hasattr(entries, "word_cut") and not hasattr(drafts_list, "_at_a_word")
    assert entries.at_a_word is at_a_word


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


EXPERIENCE = ("Met Jo at the library and we talked about her sister and the new flat she "
              "hopes to get soon")


def test_the_narrow_list_keeps_a_word_that_ends_at_the_cut(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(EXPERIENCE, "-s", "community", "-t", "housing")
    # (round 43: the setting and tag whole, so ten columns for the experience at 65, not 62)
    monkeypatch.setenv("COLUMNS", "65")
    row = ok(cli("list")).stdout.splitlines()[2]
    # ten columns for the experience: "Met Jo at" and the "…" (the old rule: "Met Jo…")
    assert row.rstrip().endswith("leans peer   Met Jo at…"), row


def test_the_stacked_list_keeps_a_word_that_ends_at_the_cut(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(EXPERIENCE, "-s", "community", "-t", "housing")
    monkeypatch.setenv("COLUMNS", "34")
    lines = [line.rstrip() for line in ok(cli("list")).stdout.splitlines()]
    assert lines[2:] == ["  Met Jo at the library and we", "  talked about her sister and the…"]
    assert all(len(line) <= 34 for line in lines)


DRAFT_ROW = {"number": 1, "modified": "2026-12-07T05:00:00", "age": "just now",
             "kind": "guided", "entry_id": None,
             "first_words": "Met Jo at the library and we talked"}


def test_drafts_keep_a_word_that_ends_at_the_cut() -> None:
    from peerjournal.cli.drafts_list import lines

    head = "  1  2026-12-07 05:00  just now  guided  "
    # "Met Jo at the" and the "…": the old rule left "the" out ("Met Jo at…")
    (line,) = lines([DRAFT_ROW], len(head) + 14)
    assert line == head + "Met Jo at the…"


@pytest.mark.parametrize("width", [3, 5, 6])
def test_drafts_on_a_terminal_too_narrow_for_any_word(width: int) -> None:
    """The first words beneath, with no room past their indent: "…", not the whole line
    (the old rule's cut of a width of 0 or less kept all but the last few characters)."""
    from peerjournal.cli.drafts_list import lines

    assert lines([DRAFT_ROW], width) == ["  1  just now  guided", "     …"]


# -- 2. "too little" in one place --------------------------------------------------------------


def test_list_names_the_verdict_as_drift_does(cli: CLI, add: Callable[..., int]) -> None:
    """Round 47: "not enough signal", as `drift` and `show` say (was "too little", the
    reports' word for a period's balance, which they keep)."""
    from peerjournal.exporters import TOO_LITTLE
    from peerjournal.exporters.common import balance

    add("A calm shift.")  # too short for a verdict: "insufficient"
    assert json.loads(ok(cli("list", "--json")).stdout)[0]["drift"] == "insufficient"
    row = ok(cli("list")).stdout.splitlines()[2]
    assert "  not enough signal  " in row, row
    assert balance(None, {"too_little": True}) == TOO_LITTLE


def test_list_does_not_load_the_exporters_wording(add: Callable[..., int]) -> None:
    add("A calm shift.")
    check = (
        "import sys; from peerjournal.launcher import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('peerjournal.exporters')),"
        " file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", check, "list"], env={**os.environ, "PYTHONPATH": SRC},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert "not enough signal" in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "[]"


# -- 3. a file refused says how to convert it --------------------------------------------------

CYRILLIC = "[2022-03-04 09:30] Привет мир очень хорошо\nМы говорили долго.\n".encode("cp1251")
LATIN_JRNL = b"[2022-03-04 09:30] Caf\xe9 shift\nMet Jos\xe9 at the caf\xe9, calm \x96 mostly.\n"


def listed(cli: CLI) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(ok(cli("list", "--json", "--limit", "0")).stdout)
    return data


def refused(result: Any) -> str:
    """The one line of a refusal, and nothing imported."""
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    line: str = result.stderr
    return line


def test_a_cyrillic_file_is_refused_with_the_iconv_command(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "old journal.txt"
    path.write_bytes(CYRILLIC)
    line = refused(cli("import", str(path)))
    copy = tmp_path / "old journal-utf8.txt"
    assert line.endswith(
        f"it looks like Cyrillic text in Windows-1251: save it as UTF-8 and try again. To "
        f"convert it: `iconv -f CP1251 -t UTF-8 '{path}' > '{copy}'`, then `peerjournal import "
        f"'{copy}'`.\n"
    ), line
    assert "Привет" not in line  # (no journal text in an error)
    assert listed(cli) == []
    # the command does what it says: the copy imports
    copy.write_bytes(CYRILLIC.decode("cp1251").encode("utf-8"))
    assert "Imported 1 entry" in ok(cli("import", str(copy))).stderr


def test_the_command_names_the_journal_in_use(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "cyr.txt"
    path.write_bytes(CYRILLIC)
    db = tmp_path / "other.db"
    line = refused(cli("--db", str(db), "import", str(path), "--dry-run"))
    assert f", then `peerjournal --db {db} import {tmp_path / 'cyr-utf8.txt'}`." in line
    assert not db.exists()


def test_utf16_without_its_mark_is_refused_with_its_byte_order(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "notes.jrnl"
    path.write_bytes("[2022-03-04 09:30] Cafe\nWe talked.\n".encode("utf-16-le"))
    line = refused(cli("import", str(path)))
    assert "looks like UTF-16 saved without a byte order mark" in line
    assert f"`iconv -f UTF-16LE -t UTF-8 {path} > {tmp_path / 'notes-utf8.jrnl'}`" in line


def test_an_unknown_encoding_leaves_it_to_fill_in(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"[2022-03-04 09:30] Visit\nMet Jo \x81\x8d\x8f\x90 there.\n")
    line = refused(cli("import", str(path)))
    assert (f"`iconv -f ENCODING -t UTF-8 {path} > {tmp_path / 'odd-utf8.txt'}` (ENCODING: "
            "the one it was saved in), then") in line


def test_standard_input_is_converted_on_its_way_in(cli: CLI) -> None:
    line = refused(cli("import", "-", input=CYRILLIC))
    assert line.endswith(
        "save it as UTF-8 and try again. To convert it: `iconv -f CP1251 -t UTF-8 FILE | "
        "peerjournal import -` (FILE: the file piped in).\n"
    ), line


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),  # not text
    b"\xff\xfe[\x002\x000\x00\x00\xd8\n\x00",  # UTF-16 by its mark, broken: not converted either
])
def test_no_conversion_where_it_is_no_way_out(cli: CLI, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "photo.bin"
    path.write_bytes(data)
    line = refused(cli("import", str(path)))
    assert "iconv" not in line and "convert" not in line


def test_on_windows_a_line_of_python_converts_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli.importer import _conversion
    from peerjournal.context import AppContext

    monkeypatch.setattr(sys, "platform", "win32")
    hint = _conversion(AppContext(), r"C:\Users\sam\old journal.txt", "CP1251")
    command = hint.split("`")[1]
    assert command == (
        "python -c \"import sys; open(sys.argv[2], 'w', encoding='utf-8').write(open(sys.argv[1]"
        ", encoding='CP1251').read())\" \"C:\\Users\\sam\\old journal.txt\" "
        "\"C:\\Users\\sam\\old journal-utf8.txt\""
    )
    # the line runs: argv as Windows splits it, here given as a list
    source, copy = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(CYRILLIC)
    code = command.split('"')[1]
    subprocess.run([sys.executable, "-c", code, str(source), str(copy)], check=True)
    assert copy.read_text(encoding="utf-8") == CYRILLIC.decode("cp1251")


def test_a_gzipped_file_is_unpacked_before_it_is_converted(cli: CLI, tmp_path: Path) -> None:
    """Final review: iconv of the compressed bytes wrote neither text nor gzip."""
    import gzip
    import shutil

    path = tmp_path / "old backup.jrnl.gz"
    path.write_bytes(gzip.compress(CYRILLIC))
    line = refused(cli("import", str(path)))
    copy = tmp_path / "old backup-utf8.jrnl"
    assert line.endswith(
        f"To convert it: `gunzip -c '{path}' | iconv -f CP1251 -t UTF-8 > '{copy}'`, then "
        f"`peerjournal import '{copy}'`.\n"
    ), line
    if shutil.which("gunzip") and shutil.which("iconv"):  # the command does what it says
        subprocess.run(["sh", "-c", line.split("`")[1]], check=True)
        assert "Imported 1 entry" in ok(cli("import", str(copy))).stderr


def test_on_windows_a_gzipped_file_is_read_unpacked(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    from peerjournal.cli.importer import _conversion
    from peerjournal.context import AppContext

    source, copy = tmp_path / "in.json.gz", tmp_path / "in-utf8.json"
    source.write_bytes(gzip.compress(CYRILLIC))
    monkeypatch.setattr(sys, "platform", "win32")
    command = _conversion(AppContext(), str(source), "CP1251").split("`")[1]
    assert "gzip.open(sys.argv[1], 'rt', encoding='CP1251')" in command
    assert command.endswith(f" {source} {copy}")
    subprocess.run([sys.executable, "-c", command.split('"')[1], str(source), str(copy)],
                   check=True)
    assert copy.read_text(encoding="utf-8") == CYRILLIC.decode("cp1251")


# -- 4. a dry run of Windows-1252 text ---------------------------------------------------------


def test_a_dry_run_of_windows_1252_does_not_point_at_an_entry(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "latin.jrnl"
    path.write_bytes(LATIN_JRNL)
    dry = ok(cli("import", str(path), "--dry-run", "--json"))
    line = (f"{path} is not UTF-8: it was read as Windows-1252 (Latin-1), so letters such as é "
            "are kept; check them in the entries once imported.")
    assert dry.stderr.splitlines()[0] == line
    assert json.loads(dry.stdout)["notes"] == [line]
    assert listed(cli) == []
    done = ok(cli("import", str(path)))
    assert done.stderr.splitlines()[0] == line.replace(
        "in the entries once imported", "in the imported entries")
    assert [e["experience"] for e in listed(cli)] == [
        "Café shift\nMet José at the café, calm – mostly."]


def test_a_dry_run_from_standard_input_says_it_as_a_sentence(cli: CLI) -> None:
    dry = ok(cli("import", "-", "--dry-run", input=LATIN_JRNL))
    assert dry.stderr.startswith(
        "Standard input is not UTF-8: it was read as Windows-1252 (Latin-1), so letters such "
        "as é are kept; check them in the entries once imported.\n")
    assert listed(cli) == []


# -- 5. trash --empty names only the upgrade copies that may hold what it destroyed -------------


def test_trash_empty_names_only_copies_made_after_the_entry_was_written(
    cli: CLI, isolated: Path
) -> None:
    """Final review: a copy made before the entry was written cannot hold it. The entry is
    written on 20 Nov 2026 (the fixed clock); a copy's time is the later of its name's and
    its last change."""
    from datetime import datetime

    ok(cli("write", "-x", EXPERIENCE))
    journal = isolated / "journal.db"
    copies = {  # name: last change
        "journal.db.backup-20260101T000000": "2026-01-01T00:00:00",  # before: not named
        "journal.db.backup-old": "2026-02-01T00:00:00",  # named by hand, changed before
        "journal.db.backup-20261201T080000": "2026-01-01T00:00:00",  # after, by its name
        "journal.db.backup-20260301T000000-2": "2026-12-01T08:00:00",  # after, by its change
    }
    for name, changed in copies.items():
        (isolated / name).write_bytes(journal.read_bytes())
        when = datetime.fromisoformat(changed).timestamp()
        os.utime(isolated / name, (when, when))
    ok(cli("delete", "1"))
    said = " ".join(ok(cli("trash", "--empty", "--yes")).stderr.split())
    assert said == (
        "Destroyed 1 entry. Copies of the journal kept by an upgrade may still hold it: "
        f"{isolated / 'journal.db.backup-20260301T000000-2'}, "
        f"{isolated / 'journal.db.backup-20261201T080000'}; deleting them (once you are happy "
        "with this version of peerjournal) removes that text for good."
    )
    assert all((isolated / name).exists() for name in copies)  # never deleted
