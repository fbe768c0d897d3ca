"""Review's checks of a hand-edited summary, export's --json receipt, and one way of saying
that a named file is missing or a folder (QA round 27, findings 7 and 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, FIXED_NOW, SRC

REMEDY = "; ask for the summary to be sent again.\n"
TOO_LARGE = "more than 1,000 per 100 words, larger than any real rate"


def _export(cli: CLI, path: Path, *args: str) -> dict[str, Any]:
    result = cli("export", "--format", "json", "-o", str(path), "--yes", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _write_entries(add: Callable[..., int]) -> None:
    add("I shared my story and we talked about hope and his choices.", "--share",
        "--date", "2026-10-28")
    add("The patient was non-compliant so I gave advice about meds.", "--share",
        "--date", "2026-11-10")
    add("We sat together. I listened.", "--date", "2026-11-18")
    add("I told him what to do.", "--share")


# -- real exports still pass ----------------------------------------------------------------


@pytest.mark.parametrize("entries", [True, False], ids=["entries", "empty journal"])
@pytest.mark.parametrize("args", [
    (), ("--by", "month"), ("--since", "today"), ("--since", "yesterday"),
    ("--since", "2016-01-01"), ("--since", "2016-01-01", "--by", "month"),
    ("--since", "2026-11-10", "--until", "2026-11-10"),
    ("--since", "2026-01-01", "--until", "2026-03-31", "--by", "month"),
])
def test_every_real_export_opens_in_review(cli, add, tmp_path, args, entries) -> None:
    if entries:
        _write_entries(add)
    path = tmp_path / "s.json"
    summary = _export(cli, path, *args)
    assert summary["periods"]  # what the new check asks of a summary
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


# -- the three fields a hand edit got past ---------------------------------------------------


@pytest.mark.parametrize(("edit", "said"), [
    (lambda s: s.update(generated_at="yesterday"),
     "generated at is not a date and time with its offset from UTC"),
    # export always writes the offset: a time without one was typed in
    (lambda s: s.update(generated_at="2026-11-20T18:30:00"),
     "generated at is not a date and time with its offset from UTC"),
    (lambda s: s.update(generated_at=20261120), "generated at is not a date and time with its "
                                                "offset from UTC"),
    (lambda s: s.update(periods=[]), "periods is empty"),
    (lambda s: s["totals"].update(identity=1e308), f"totals identity is {TOO_LARGE}"),
    (lambda s: s["periods"][-1].update(drift=1_000_001), f"periods #4 drift is {TOO_LARGE}"),
    (lambda s: s["dimensions"][0].update(identity_series=[0.0, 1e308]),
     f"dimensions #1 identity series holds a number {TOO_LARGE}"),
    # a negative number keeps its own reason
    (lambda s: s["totals"].update(identity=-1.0), "totals identity is not a number of 0 or more"),
    (lambda s: s["dimensions"][0].update(drift_series=[-1.0, 1e308]),
     "dimensions #1 drift series holds something other than numbers of 0 or more"),
])
def test_a_hand_edit_is_refused_as_other_edits_are(cli, add, tmp_path, edit, said) -> None:
    """Was: "Generated: yesterday"; no trend section and no word why; 1e308 "is not a number
    of 0 or more"."""
    _write_entries(add)
    summary = _export(cli, tmp_path / "s.json")
    assert summary["entries"]["total"] == 4 and len(summary["periods"]) == 4
    edit(summary)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: the file was changed after it was exported ({said}){REMEDY}")


def test_the_time_a_summary_was_made_is_shown_with_its_zone(cli, add, tmp_path) -> None:
    _write_entries(add)
    path = tmp_path / "s.json"
    summary = _export(cli, path)
    assert summary["generated_at"] == FIXED_NOW
    assert "Generated: 2026-11-20 18:30 UTC by peerjournal" in cli("review", str(path)).stdout


# -- export --json when the file is standard output -------------------------------------------


NOT_TO_STDOUT = ("peerjournal: --json describes the written file, and --output {} is where "
                 "standard output goes too: the two would run together. Leave out --json, or "
                 "write to another file.\n")


@pytest.mark.parametrize("output", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_json_receipt_is_refused_when_the_file_is_stdout(cli, add, output) -> None:
    """Was: the summary, then {"output": …, "bytes": …}, on one stdout: not JSON."""
    add("I sat with him.", "--share")
    result = cli("export", "--format", "json", "-o", output, "--yes", "--json")
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr == NOT_TO_STDOUT.format(output)


def test_json_receipt_is_refused_for_the_file_stdout_is_redirected_to(
    add, tmp_path
) -> None:
    """`-o out.json --json > out.json`: the same file by its name (os.path.samestat)."""
    add("I sat with him.", "--share")
    out = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": SRC}
    with out.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "peerjournal", "export", "--format", "json", "-o", str(out),
             "--yes", "--json", "--force"],
            stdout=stdout, stderr=subprocess.PIPE, env=env, check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == NOT_TO_STDOUT.format(out)
    assert out.read_bytes() == b""


def test_json_receipt_is_still_given_for_a_file(cli, add, tmp_path) -> None:
    add("I sat with him.", "--share")
    path = tmp_path / "s.json"
    result = cli("export", "--format", "json", "-o", str(path), "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "output": str(path), "format": "json", "bytes": path.stat().st_size,
        "words_to_check": [],
        # (round 44: the keys a script reads are there when empty)
        "replaced_opening": [], "passages_to_read": [], "after_today": 0}


# -- one opener: the messages each command gave ----------------------------------------------


@pytest.mark.parametrize(("command", "missing", "folder"), [
    (("write", "--from-file"), "No such file: {}.", "{} is a folder, not a file."),
    (("import",), "No such file: {}.", "{} is a folder, not a file."),
    # (a folder's summaries are read since round 30: one with no files says so)
    (("review",), "{}: no such file.", "{}: a folder with no files in it; `peerjournal review` "
     "reads the summaries made by `peerjournal export --format json`."),
])
def test_a_missing_file_or_a_folder_is_said_as_before(cli, tmp_path, command, missing,
                                                      folder) -> None:
    gone = str(tmp_path / "gone.json")
    result = cli(*command, gone)
    assert result.exit_code == 1 and result.stderr == f"peerjournal: {missing.format(gone)}\n"
    result = cli(*command, str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {folder.format(tmp_path)}\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_review_names_a_file_it_may_not_read(cli, tmp_path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0)
    result = cli("review", str(locked))
    assert result.stderr == f"peerjournal: {locked}: cannot be read (Permission denied).\n"
