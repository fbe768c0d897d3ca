"""Round 35: `drift --stdin` reads Windows-1252 text as `write --stdin` does, with the same
note, instead of refusing it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

CLI = Callable[..., Any]

LATIN1 = "Went to the café with José and I shared my own story with him.\n".encode("cp1252")


def test_drift_stdin_reads_windows_1252_as_write_does(cli: CLI) -> None:
    result = cli("drift", "--stdin", input=LATIN1)
    assert result.exit_code == 0, result.stderr
    assert "café with José" in result.stdout
    assert "read as Windows-1252" in result.stderr
    written = cli("write", "--stdin", input=LATIN1)
    assert written.exit_code == 0, written.stderr
    assert "read as Windows-1252" in written.stderr


def test_drift_stdin_json_spans_index_the_decoded_text(cli: CLI) -> None:
    result = cli("drift", "--stdin", "--json", input=LATIN1)
    assert result.exit_code == 0, result.stderr
    score = json.loads(result.stdout)
    text = LATIN1.decode("cp1252")
    assert score["hits"], score
    assert all(text[h["start"] : h["end"]] == h["text"] for h in score["hits"])


def test_drift_stdin_still_refuses_bytes_that_are_no_text(cli: CLI) -> None:
    result = cli("drift", "--stdin", input=b"\xff\xfe\x00\xd8\x00\x00binary\x00\x81\x8d")
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# -- words typed where `drift` takes an ID --------------------------------------------------


def test_text_given_as_the_id_points_to_text_and_is_not_repeated(cli: CLI) -> None:
    typed = "I told Priya she should take her meds"
    result = cli("drift", typed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "not an entry ID" in result.stderr and "--text TEXT" in result.stderr
    assert "Priya" not in result.stderr and "meds" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_number_as_the_id_is_still_read_as_one(cli: CLI, add: Callable[..., int]) -> None:
    entry = add("I shared my own story with Sam.")
    assert cli("drift", f"#{entry}").exit_code == 0
    zero = cli("drift", "0")
    assert zero.exit_code == 2 and "IDs start at 1" in zero.stderr
