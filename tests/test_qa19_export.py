"""QA round 19: what `export`'s question puts on stdout, and `share`/`unshare` arguments.

The question's stray space at the start of a summary written to stdout, the answer that never
comes, a file name with control characters in the question; share and unshare with one and
several IDs, duplicates, unknown and trashed IDs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from peerjournal.db.store import Store

CSV_HEADER = "summary_since,summary_until,redacted,start,end"


def _shared(store: Store, entry_ids: list[int]) -> list[bool]:
    """Whether each entry is shared, read from the journal itself."""
    return [store.get(entry_id).shared for entry_id in entry_ids]


# -- 1. the question writes nothing to stdout -------------------------------------------------


@pytest.mark.parametrize(("fmt", "start"), [
    ("csv", CSV_HEADER), ("md", "# "), ("json", "{"),
])
def test_answering_the_question_leaves_stdout_to_the_summary(cli, add, fmt, start) -> None:
    """Was: the question's trailing space went to stdout, so `export --format csv > out.csv`
    wrote " summary_since,…": a first column named " summary_since"."""
    add("I sat with Sam.", "--share")
    result = cli("export", "--format", fmt, input="y\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(start)
    assert "Write this summary to standard output? [y/N]" in result.stderr


def test_json_with_output_prints_only_json_after_the_question(cli, add, tmp_path) -> None:
    add("I sat with Sam.", "--share")
    out = tmp_path / "s.md"
    result = cli("export", "--json", "-o", str(out), input="y\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{")
    assert json.loads(result.stdout)["output"] == str(out)


def test_a_piped_answer_leaves_stdout_to_the_summary(add) -> None:
    """The real process, as `echo y | peerjournal export --format csv > out.csv` runs it."""
    add("I sat with Sam.", "--share")
    run = subprocess.run(
        [sys.executable, "-m", "peerjournal", "export", "--format", "csv"],
        input=b"y\n", capture_output=True, env=os.environ.copy(), timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(CSV_HEADER.encode())
    assert b"Write this summary to standard output? [y/N]" in run.stderr


def test_no_answer_writes_nothing_and_says_how_to_skip_the_question(cli, add, tmp_path) -> None:
    """End of input (`< /dev/null`, a script) is no: nothing on stdout, no file, a hint."""
    add("I sat with Sam.", "--share")
    result = cli("export", "--format", "csv", input="")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.rstrip().endswith(
        "Nothing was written. Check the preview, then add --yes to write without the question."
    )
    out = tmp_path / "s.md"
    assert cli("export", "-o", str(out), input="").exit_code == 1
    assert not out.exists()


def test_the_question_shows_control_characters_in_the_file_name(cli, add, tmp_path) -> None:
    """Was: the question sent a file name's escape sequences to the terminal as they were."""
    add("I sat with Sam.", "--share")
    out = tmp_path / "a\x1b[2Jb.md"
    result = cli("export", "-o", str(out), input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stderr
    assert "a\\x1b[2Jb.md? [y/N]" in result.stderr
    assert out.exists()


# -- 2. share and unshare say "its" for one entry, "their" for several ------------------------


def test_share_and_unshare_one_entry(cli, add, store) -> None:
    """Was: `unshare 1` said "exports keep only their numbers and markers"."""
    entry = add("I sat with Sam.")
    shared = cli("share", str(entry))
    assert shared.exit_code == 0 and shared.stdout == ""
    assert shared.stderr.strip() == (
        f"Entry {entry} shared: its text (redacted) goes into `peerjournal export`.")
    unshared = cli("unshare", str(entry))
    assert unshared.exit_code == 0 and unshared.stdout == ""
    assert unshared.stderr.strip() == (
        f"Entry {entry} no longer shared: exports keep only its numbers and markers.")
    assert _shared(store, [entry]) == [False]


def test_share_and_unshare_several_entries(cli, add, store) -> None:
    """Was: "Entries 1, 2, 3 shared"; now a list as the rest of the tool writes one."""
    ids = [add("I sat with Sam."), add("I listened."), add("We walked.")]
    shared = cli("share", *map(str, ids))
    assert shared.exit_code == 0
    assert shared.stderr.strip() == (
        f"Entries {ids[0]}, {ids[1]} and {ids[2]} shared: their text (redacted) goes into "
        "`peerjournal export`.")
    assert _shared(store, ids) == [True, True, True]
    unshared = cli("unshare", str(ids[0]), str(ids[2]))
    assert unshared.stderr.strip() == (
        f"Entries {ids[0]} and {ids[2]} no longer shared: exports keep only their numbers "
        "and markers.")
    assert _shared(store, ids) == [False, True, False]


def test_an_id_given_twice_is_one_entry(cli, add) -> None:
    """`share 1 '#1' 1` is entry 1, once: in the message and in --json."""
    entry = add("I sat with Sam.")
    result = cli("share", str(entry), f"#{entry}", str(entry))
    assert result.stderr.strip() == (
        f"Entry {entry} shared: its text (redacted) goes into `peerjournal export`.")
    as_json = cli("unshare", str(entry), f"#{entry}", "--json")
    assert json.loads(as_json.stdout) == {"ids": [entry], "shared": False}


def test_older_entries_outside_the_default_export_are_listed_in_words(cli, add) -> None:
    first = add("I sat with Sam.", "--date", "2026-09-01")
    second = add("I listened.", "--date", "2026-08-01")
    result = cli("share", str(first), str(second))
    assert result.exit_code == 0
    assert (
        "An export covers the last 4 weeks (from 2026-10-26) unless told otherwise; to include "
        f"entries {second} and {first}, export with --since 2026-08-01."
    ) in " ".join(result.stderr.split())


# -- 3. trashed and unknown IDs ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["share", "unshare"])
def test_a_trashed_entry_says_it_is_in_the_trash(cli, add, command) -> None:
    """Was: "No entry 2 in the journal", though `show 2` says it is in the trash."""
    entry = add("I sat with Sam.")
    assert cli("delete", str(entry)).exit_code == 0
    result = cli(command, str(entry))
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.strip() == (
        f"peerjournal: Entry {entry} is in the trash: `peerjournal restore {entry}` brings it "
        "back.")


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_one_wrong_id_among_several_changes_nothing_and_says_so(
    cli, add, store, json_flag
) -> None:
    kept, trashed = add("I sat with Sam."), add("I listened.")
    assert cli("delete", str(trashed)).exit_code == 0
    result = cli("share", str(kept), "999", *json_flag)
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.strip() == (
        "peerjournal: No entry 999 in the journal (see `peerjournal list`, or "
        "`peerjournal trash`). Nothing was changed.")
    result = cli("share", str(kept), str(trashed), *json_flag)
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.strip().endswith("brings it back. Nothing was changed.")
    assert _shared(store, [kept]) == [False]


def test_no_at_a_terminal_says_only_that_nothing_was_written(cli, add, terminal) -> None:
    add("I sat with Sam.", "--share")
    result = cli("export", "--format", "csv", input="n\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.rstrip().endswith("[y/N] Nothing was written.")
