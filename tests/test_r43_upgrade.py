"""Round 43, a writer and a mentor upgrading from older versions (QA qa_upgrade): review says
when a summary does not say which lexicon scored it, tells apart two older summaries of one
period, and says the numbers count learned words only where that is known; `--version` gives
the journal format, and a journal a newer peerjournal upgraded is refused with the format
numbers and the copy the upgrade kept."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal import JOURNAL_FORMAT, __version__, version_line
from peerjournal.db import engine
from peerjournal.drift.lexicon import DEFAULT_LEXICON, lexicon_version, load_lexicon
from peerjournal.exporters.common import DATA_NOTE, data_note

Add = Callable[..., int]
PEER = ("Sat with a man at the drop-in. I shared a bit of my own story, when I was unwell "
        "too, and he smiled. We talked about football and his dog.")
SCORER = "a change may come from the scorer, not the writing."


def _flat(text: str) -> str:
    return " ".join(text.split())


def _export(cli: CLI, out: Path, since: str, until: str, *options: str) -> dict[str, Any]:
    result = cli("export", "--yes", "--force", "--since", since, "--until", until,
                 "-o", str(out), *options)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _edited(path: Path, *drop: str) -> Path:
    """The summary at `path` as an older peerjournal wrote it: without the keys `drop`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in drop:
        del data[key]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _three_months(cli: CLI, add: Add, tmp_path: Path) -> list[Path]:
    """Entries in September, October and November, each month exported signed "Al"."""
    files = []
    for month, last in (("09", "30"), ("10", "31"), ("11", "19")):
        for day in ("02", "09", "16"):
            add(PEER, "-d", f"2026-{month}-{day}")
        files.append(tmp_path / f"al-{month}.json")
        _export(cli, files[-1], f"2026-{month}-01", f"2026-{month}-{last}", "--from", "Al")
    return files


def _review(cli: CLI, *files: Path) -> tuple[str, str, dict[str, Any]]:
    """The text's "Between summaries", the rest after it (flat), and `--json`'s "between"."""
    result = cli("review", *map(str, files))
    assert result.exit_code == 0, result.stderr
    text = _flat(result.stdout)
    start = text.index("Between summaries")
    end = text.index("Reflective-practice summary", start)
    merged = json.loads(cli("review", "--json", *map(str, files)).stdout)
    return text[start:end], text[end:], merged["between"][0]


# -- 1. a summary that does not say which lexicon scored it -----------------------------------

def test_summaries_that_say_their_lexicon_get_no_such_note(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    files = _three_months(cli, add, tmp_path)
    between, rest, data = _review(cli, *files)
    assert "which drift lexicon scored" not in between + rest
    assert data["lexicons_unknown"] is False and data["lexicons_differ"] is False


def test_review_says_a_summary_does_not_say_which_lexicon_scored_it(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """QA upgrade #1: a summary from before `lexicon_versions` was compared with a newer one
    without a word, though every change came from the lexicon."""
    sep, oct_, nov = _three_months(cli, add, tmp_path)
    _edited(sep, "lexicon_versions")
    between, rest, data = _review(cli, sep, oct_, nov)
    assert f"The summary in al-09.json does not say which drift lexicon scored it: {SCORER}" \
        in between
    assert data["lexicons_unknown"] is True and data["lexicons_differ"] is False
    # since the previous summary: October's says it of September's, November's nothing
    october, november = rest.split("Since the previous summary")[1:]
    assert f"The previous summary does not say which drift lexicon scored it: {SCORER}" in october
    assert "which drift lexicon scored" not in november
    _edited(nov, "lexicon_versions")
    between, rest, _ = _review(cli, sep, oct_, nov)
    assert ("The summaries in al-09.json and al-11.json do not say which drift lexicon scored "
            f"them: {SCORER}") in between
    assert f"This summary does not say which drift lexicon scored it: {SCORER}" in rest


def test_neither_of_two_older_summaries_says_its_lexicon(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    sep, oct_, _ = _three_months(cli, add, tmp_path)
    for path in (sep, oct_):
        _edited(path, "lexicon_versions")
    between, rest, data = _review(cli, sep, oct_)
    assert f"Neither summary says which drift lexicon scored it: {SCORER}" in between
    assert f"Neither summary says which drift lexicon scored it: {SCORER}" in rest
    assert data["lexicons_unknown"] is True


def test_a_summary_without_numbers_needs_no_lexicon(cli: CLI, add: Add, tmp_path: Path) -> None:
    """A period with no entries was scored by no lexicon: nothing to say of it."""
    add(PEER, "-d", "2026-10-05")
    empty, full = tmp_path / "sep.json", tmp_path / "oct.json"
    assert _export(cli, empty, "2026-09-01", "2026-09-30", "--from", "Al")[
        "lexicon_versions"] == []
    _export(cli, full, "2026-10-01", "2026-10-31", "--from", "Al")
    between, rest, data = _review(cli, empty, full)
    assert "which drift lexicon scored" not in between + rest
    assert data["lexicons_unknown"] is False


# -- 4. two older summaries of one period ------------------------------------------------------

def test_two_older_summaries_of_one_period_are_told_apart(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """QA upgrade #4: "No balance (–) in the summary of 1 Aug – 23 Nov 2026: …" twice, with two
    balances, read as one summary."""
    for day in ("02", "09", "16"):
        add(PEER, "-d", f"2026-10-{day}")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _export(cli, first, "2026-10-01", "2026-10-31", "--from", "Al", "--note", "First.")
    _export(cli, second, "2026-10-01", "2026-10-31", "--from", "Al", "--note", "Second.")
    for path in (first, second):
        _edited(path, "totals")
    between, rest, _ = _review(cli, first, second)
    said = "No balance (–) in the summary of 1 Oct – 31 Oct 2026"
    assert between.count(said) == 2
    assert f"{said} (first.json): it is from an older peerjournal" in between
    assert f"{said} (second.json): it is from an older peerjournal" in between
    assert f"{said} (the previous one): it is from an older peerjournal" in rest
    assert f"{said} (this one): it is from an older peerjournal" in rest


def test_older_summaries_of_different_periods_are_named_by_them_alone(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    sep, oct_, _ = _three_months(cli, add, tmp_path)
    for path in (sep, oct_):
        _edited(path, "totals")
    between, _, _ = _review(cli, sep, oct_)
    assert "No balance (–) in the summary of 1 Sep – 30 Sep 2026: it is from" in between
    assert "No balance (–) in the summary of 1 Oct – 31 Oct 2026: it is from" in between


# -- 5. learned words: said outright only where known ------------------------------------------

def test_the_shipped_lexicon_holds_learned_markers() -> None:
    """What `data_note` says outright of a summary scored with it."""
    assert any(marker.learned for marker in load_lexicon().markers)


def test_the_numbers_count_learned_words_only_where_that_is_known() -> None:
    shipped = {"lexicon_versions": [lexicon_version()]}
    sure = "the numbers also count common words learned from labelled entries"
    maybe = ("the numbers may also count (as peerjournal's own lexicon has since 3 December "
             "2026) common words learned from labelled entries")
    assert sure in data_note(shipped) and maybe not in data_note(shipped)
    assert maybe in DATA_NOTE and sure not in DATA_NOTE
    for note in (DATA_NOTE, data_note(shipped)):  # (the sentence ends as it did)
        assert note.endswith("which the marker lists leave out and the writer can see entry by "
                             "entry with `peerjournal drift ID`. Trends over many entries say "
                             "more than one entry.")
    for others in ([{}], [{"lexicon_versions": []}], [{"lexicon_versions": ["0123abcd4567"]}],
                   [{"lexicon_versions": [lexicon_version(), "0123abcd4567"]}],
                   [shipped, {}], []):
        assert data_note(*others) == DATA_NOTE


def test_an_export_scored_with_another_lexicon_says_may(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    """An organisation's lexicon may hold no learned words."""
    ours = tmp_path / "ours.toml"
    ours.write_bytes(DEFAULT_LEXICON.read_bytes() + b"\n# our organisation's copy\n")
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text(f'[drift]\nlexicon = "{ours}"\n', encoding="utf-8")
    add(PEER, "-d", "2026-11-05")
    out = tmp_path / "s.md"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    text = _flat(out.read_text(encoding="utf-8"))
    assert "the numbers may also count (as peerjournal's own lexicon" in text
    config.unlink()  # the shipped lexicon again, every entry scored with it
    assert cli("drift", "--rescore").exit_code == 0
    assert cli("export", "--yes", "--force", "-o", str(out)).exit_code == 0
    assert "the numbers also count common words learned" in _flat(out.read_text("utf-8"))


def test_review_of_an_older_summary_does_not_say_it_counts_learned_words(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """QA upgrade #5: said of an 11-23 summary, whose lexicon had none."""
    add(PEER, "-d", "2026-10-05")
    old = tmp_path / "old.json"
    _export(cli, old, "2026-10-01", "2026-10-31")
    _edited(old, "lexicon_versions")
    result = cli("review", str(old))
    assert result.exit_code == 0, result.stderr
    text = _flat(result.stdout)
    assert "the numbers also count common words learned" not in text
    assert "the numbers may also count (as peerjournal's own lexicon" in text


# -- 3. the version, and a journal a newer peerjournal upgraded --------------------------------

def test_version_gives_the_journal_format(cli: CLI) -> None:
    line = f"peerjournal {__version__} (journal format {int(engine.HEAD_REVISION)})"
    assert version_line() == line
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "peerjournal", "--version"],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": SRC})
    assert done.returncode == 0 and done.stdout == f"{line}\n"
    imported = {row.split("|")[-1].strip() for row in done.stderr.splitlines()}
    assert not {name for name in imported if name.startswith(("peerjournal.db", "sqlite3"))}
    result = cli("--db", "x.db", "-V")  # (Typer's own --version, after another option)
    assert result.exit_code == 0 and result.stdout == f"{line}\n"


def test_the_journal_format_is_the_newest_migration() -> None:
    """One number: a new migration raises JOURNAL_FORMAT (engine's revisions follow it)."""
    versions = Path(engine.__file__).parent / "migrations" / "versions"
    newest = max(int(p.name[:4]) for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    assert JOURNAL_FORMAT == newest == int(engine.HEAD_REVISION)
    assert tuple(f"{n:04d}" for n in range(1, newest + 1)) == engine.KNOWN_REVISIONS


def _copy(journal: Path, name: str, revision: str) -> Path:
    """A copy of `journal` beside it, as an upgrade keeps one, at `revision`."""
    target = journal.with_name(name)
    with sqlite3.connect(journal) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
        copy.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    return target


def _upgraded_by_a_newer_one(journal: Path) -> None:
    with sqlite3.connect(journal) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?",
                     (f"{JOURNAL_FORMAT + 1:04d}",))


def _refusal(cli: CLI) -> str:
    result = cli("list")
    assert result.exit_code == 4 and result.stdout == ""
    return result.stderr


def test_a_journal_a_newer_peerjournal_upgraded_names_the_formats_and_the_copy(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """QA upgrade #3: "(schema 0011); upgrade peerjournal" named neither this version's format
    nor the copy the upgrade kept."""
    add("Written before the upgrade.")
    journal = isolated / "journal.db"
    older = _copy(journal, "journal.db.backup-20261101T090000", "0005")
    kept = _copy(journal, "journal.db.backup-20261119T090000", engine.HEAD_REVISION)
    _copy(journal, "journal.db.backup-20261120T090000", f"{JOURNAL_FORMAT + 1:04d}")  # newer
    _upgraded_by_a_newer_one(journal)
    assert _refusal(cli) == (
        f"peerjournal: The journal at {journal} was written by a newer peerjournal (journal "
        f"format {JOURNAL_FORMAT + 1}; this one, {__version__}, reads formats up to "
        f"{JOURNAL_FORMAT}): upgrade peerjournal to open it. The newest copy an upgrade kept "
        f"that this peerjournal opens is {kept} (journal format {JOURNAL_FORMAT}): it holds "
        "nothing written since that upgrade.\n")
    kept.unlink()
    assert f"opens is {older} (journal format 5)" in _refusal(cli)


def test_without_a_copy_the_refusal_names_the_formats_alone(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Written before the upgrade.")
    journal = isolated / "journal.db"
    _upgraded_by_a_newer_one(journal)
    assert _refusal(cli) == (
        f"peerjournal: The journal at {journal} was written by a newer peerjournal (journal "
        f"format {JOURNAL_FORMAT + 1}; this one, {__version__}, reads formats up to "
        f"{JOURNAL_FORMAT}): upgrade peerjournal to open it.\n")
    with sqlite3.connect(journal) as conn:  # (left as it was)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (f"{JOURNAL_FORMAT + 1:04d}",)]
    _copy(journal, "journal.db.backup-20261119T090000", f"{JOURNAL_FORMAT + 1:04d}")  # newer
    assert "copy an upgrade kept" not in _refusal(cli)


@pytest.mark.parametrize("given", ["0013x", "9999"])
def test_only_a_revision_like_ours_is_read_as_a_newer_format(
    cli: CLI, add: Add, isolated: Path, given: str
) -> None:
    add("One.")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (given,))
    said = _refusal(cli)
    assert ("newer peerjournal (journal format 9999;" in said) == (given == "9999")
