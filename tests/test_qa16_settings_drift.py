"""`drift` as a writer runs it: --stdin at a terminal, Ctrl-C during --rescore, and which
lexicon scored the text (QA round 16)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import scoring
from peerjournal.context import AppContext
from peerjournal.drift import load_lexicon
from test_drift_cli import DRIFT, IDENTITY, make_stale, ok, org_lexicon, stored_versions

Add = Callable[..., int]


def test_stdin_at_a_terminal_says_how_to_end_the_text(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing piped: it waited in silence, as if it had hung."""
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)
    result = ok(cli("drift", "--stdin", input="I told her she should take her meds.\n"))
    assert "Type or paste the text to score, then press Ctrl-D" in result.stderr
    assert "Your text" in result.stdout and "peer drift" in result.stdout


def test_piped_stdin_gets_no_typing_hint(cli: CLI) -> None:
    result = ok(cli("drift", "--stdin", "--json", input=DRIFT))
    assert result.stderr == ""


def test_ctrl_c_during_rescore_stores_nothing_and_says_so(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [add(DRIFT), add(IDENTITY), add("Rain all day.")]
    make_stale(isolated, *ids)
    before = stored_versions(isolated)
    real = scoring.score_for_store

    def interrupted(texts: Sequence[str], *args: object, **kwargs: object) -> Iterator[object]:
        scores = real(texts, *args, **kwargs)  # type: ignore[arg-type]
        yield next(scores)  # one score is ready (and handed to the store) …
        raise KeyboardInterrupt  # … when the writer presses Ctrl-C

    monkeypatch.setattr(scoring, "score_for_store", interrupted)
    result = cli("drift", "--rescore")
    assert result.exit_code == 130
    assert result.stderr.count("\n") == 1
    assert "no entry was re-scored, the journal is as it was" in result.stderr
    assert "`peerjournal drift --rescore` again" in result.stderr
    assert stored_versions(isolated) == before == dict.fromkeys(ids, "an-old-one")
    monkeypatch.setattr(scoring, "score_for_store", real)
    ok(cli("drift", "--rescore"))  # and the next run does it all
    assert set(stored_versions(isolated).values()) == {load_lexicon().version}


def test_the_lexicon_is_named_where_its_version_is_shown(
    cli: CLI, add: Add, tmp_path: Path, isolated: Path
) -> None:
    """A bare hash told an organisation's writer nothing about which lexicon was used."""
    path = org_lexicon(tmp_path)
    version = load_lexicon(path).version
    out = ok(cli("drift", "--lexicon", str(path), "--text", "I told her to rest.")).stdout
    assert f"Lexicon {version} (our-org)." in out
    add(DRIFT)
    (isolated / "config.toml").write_text(f'[drift]\nlexicon = "{path}"\n', encoding="utf-8")
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == f"Re-scored 1 entry with lexicon {version} (our-org).\n"


def test_explaining_an_entry_whose_stored_score_is_stale_says_so(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """`list` showed "leans peer" while `drift ID` explained "leans clinical", without a word
    about why (the lexicon had changed since the entry was scored)."""
    entry_id = add(DRIFT)
    assert ok(cli("drift", str(entry_id))).stderr == ""  # up to date: nothing to say
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET drift_verdict = 'identity' WHERE id = ?", (entry_id,))
    result = ok(cli("drift", str(entry_id)))
    assert "leans toward a clinical role" in result.stdout
    assert "earlier score for this entry (leans peer)" in result.stderr
    assert "`peerjournal drift --rescore`" in result.stderr
    assert ok(cli("drift", str(entry_id), "--json")).stderr == ""  # JSON: data only


@pytest.mark.parametrize("where", ["command", "global"])
def test_an_empty_lexicon_option_is_not_the_shipped_lexicon(cli: CLI, where: str) -> None:
    """`--lexicon "$OUR_LEXICON"` with the variable unset scored with the shipped lexicon,
    without a word."""
    args = ["drift", "--lexicon", ""] if where == "command" else ["--lexicon", "", "drift"]
    result = cli(*args, "--text", DRIFT)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "peerjournal: --lexicon is empty: give the lexicon file's path.\n"
