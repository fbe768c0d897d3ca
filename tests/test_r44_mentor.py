"""Round 44 (fix_mentor): `review --json` says all the text says (why a summary is never
compared, a Journal ID read as two writers', the lines beside the numbers, repeats and
warnings); a review of several says once what a Journal ID is; `import --journal-id` (and a
question at a terminal) lets a writer who reinstalled give their new journal their old one's
ID, never changed unasked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.cli.importer import JOURNAL_ID_QUESTION
from peerjournal.exporters.common import JOURNAL_ID_NOTE
from peerjournal.reviewing import SIGNATURE_REPLACED, SIGNED_LIKE_SEVERAL, UNSIGNED
from test_r43_journal_id import (
    KEPT_NOTE,
    TAKEN_NOTE,
    _backup,
    _export,
    _flat,
    _months,
    _review_json,
    _stored,
    _without_id,
    _write,
)

NOV = ("--since", "2026-11-01", "--until", "2026-11-19")


def _copy(source: Path, to: Path, **changes: Any) -> Path:
    """The summary at `source`, with `changes`, written to `to` without its Journal ID (as an
    older peerjournal, or --no-journal-id, wrote it)."""
    data = {**json.loads(source.read_text(encoding="utf-8")), **changes}
    to.write_text(json.dumps(data), encoding="utf-8")
    return _without_id(to)


# -- review --json: what the text says, a script can read ------------------------------------

def test_json_says_why_a_summary_is_never_compared(cli: CLI, tmp_path: Path) -> None:
    """Was: "writer_number" null alone, for an unsigned one, one whose signature redaction
    replaced and one signed like two writers who give an ID (the text names that one)."""
    oct_, nov = _months(cli, tmp_path)
    other = ("--db", str(tmp_path / "other.db"))
    _write(cli, "A different writer's morning at the drop-in.", "2026-11-06", *other)
    _write(cli, "Another writer's September.", "2026-09-10", *other)
    theirs = _export(cli, tmp_path / "al.json", "--from", "Al", *NOV, db=other)
    assert theirs["journal"] != json.loads(nov.read_text(encoding="utf-8"))["journal"]
    unsigned = _copy(nov, tmp_path / "unsigned.json", writer=None)
    replaced = _copy(oct_, tmp_path / "replaced.json", writer="[person]")
    older = tmp_path / "older.json"  # (either's: its September shares no days with theirs)
    _export(cli, older, "--from", "Al", "--since", "2026-09-01", "--until", "2026-09-30",
            "--no-journal-id", db=other)
    merged = _review_json(cli, oct_, tmp_path / "al.json", unsigned, replaced, older)
    why = {Path(s["file"]).name: (s["writer_number"], s["not_compared"])
           for s in merged["summaries"]}
    assert why["unsigned.json"] == (None, UNSIGNED)
    assert why["replaced.json"] == (None, SIGNATURE_REPLACED)
    assert why["older.json"] == (None, SIGNED_LIKE_SEVERAL)
    assert why["mine-oct.json"][1] is None and why["al.json"][1] is None
    assert merged["signed_alike_told_apart_by"] == {"journal_id": True, "shared_entries": False}
    text = _flat(cli("review", str(oct_), str(tmp_path / "al.json"), str(older)).stdout)
    assert 'older.json carries no Journal ID and is signed "Al" like more than one' in text


def test_json_names_a_journal_id_read_as_two_writers(cli: CLI, tmp_path: Path) -> None:
    """A starter backup imported by two peers: the text's line "share a Journal ID … read as
    2 writers" was not in --json at all."""
    _write(cli, "Example: I listened and shared a little of my own recovery.", "2026-10-05")
    _export(cli, tmp_path / "sample.json", "--from", "Trainer")
    starter = tmp_path / "starter.json"
    _backup(cli, starter)
    files = []
    for who, text in (("Rin", "I sat with him and listened; I shared my story."),
                      ("Tam", "I told her she must take her medication.")):
        db = ("--db", str(tmp_path / who / "journal.db"))
        assert cli(*db, "import", str(starter)).exit_code == 0
        _write(cli, text, "2026-11-10", *db)
        files.append(tmp_path / f"{who.lower()}-nov.json")
        shared = _export(cli, files[-1], "--from", who, *NOV, db=db)["journal"]
    merged = _review_json(cli, *files)
    assert merged["shared_journal_ids"] == [
        {"journal_id": shared, "files": [str(f) for f in files], "writers": 2}]
    assert [s["not_compared"] for s in merged["summaries"]] == [None, None]
    alone = _review_json(cli, files[0])
    assert alone["shared_journal_ids"] == []
    assert alone["signed_alike_told_apart_by"] == {"journal_id": False, "shared_entries": False}


def test_json_gives_the_lines_beside_the_numbers(cli: CLI, tmp_path: Path) -> None:
    """The signatures (a line when they differ), an older summary's derived balance, the
    summaries that do not say their lexicon, and the dimensions that moved most."""
    oct_, nov = _months(cli, tmp_path, nov_from="Al Brown")
    old = json.loads(oct_.read_text(encoding="utf-8"))
    for key in ("totals", "lexicon_versions"):
        old.pop(key)
    for period in old["periods"]:
        period.pop("words"), period.pop("dimensions", None)
    (tmp_path / "mine-oct.json").write_text(json.dumps(old), encoding="utf-8")
    merged = _review_json(cli, oct_, nov)
    [between] = merged["between"]
    assert between["signatures"] == ["Al", "Al Brown"]
    derived = between["derived_balance"]
    assert derived[1] is None and isinstance(derived[0], float) and -1 <= derived[0] <= 1
    assert between["files_without_lexicon"] == [str(oct_)]
    assert between["moved_most"] == [[]]  # (one step; too little writing to name one)
    text = _flat(cli("review", str(oct_), str(nov)).stdout)
    assert f"its identity and drift give {derived[0]:+.2f}" in text
    assert "Signed differently over time" in text
    assert "The summary in mine-oct.json does not say which drift lexicon scored it" in text


def test_json_moved_most_is_the_texts_since_the_previous(cli: CLI, tmp_path: Path) -> None:
    """From one summary to the next, the dimensions "Since the previous summary" names."""
    for day, text in (("2026-10-0", "I told him he must take his medication as the ward said "),
                      ("2026-11-0", "I listened and shared my own story of recovery with her ")):
        for n in range(1, 10):
            _write(cli, text * 8, f"{day}{n}")
    oct_, nov = tmp_path / "oct.json", tmp_path / "nov.json"
    _export(cli, oct_, "--from", "Al", "--since", "2026-10-01", "--until", "2026-10-31")
    _export(cli, nov, "--from", "Al", *NOV)
    [between] = _review_json(cli, oct_, nov)["between"]
    [moves] = between["moved_most"]
    assert moves, between["words"]
    text = _flat(cli("review", str(oct_), str(nov)).stdout)
    for move in moves:
        assert set(move) == {"dimension", "label", "polarity", "before", "after"}
        went = "rose" if move["after"] > move["before"] else "fell"
        assert (f"{move['label']} ({move['polarity']} markers) {went} from "
                f"{move['before']:.1f} to {move['after']:.1f}") in text


def test_json_lists_repeats_and_warnings(cli: CLI, tmp_path: Path) -> None:
    """What review says on stderr of a summary it read (a copy shown once, one read as
    Windows-1252) is in --json too."""
    _, nov = _months(cli, tmp_path)
    copy = tmp_path / "mine-nov (1).json"
    copy.write_bytes(nov.read_bytes())
    latin = tmp_path / "latin.json"
    data = json.loads(nov.read_text(encoding="utf-8"))
    latin.write_bytes(json.dumps({**data, "note": "café"}, ensure_ascii=False).encode("cp1252"))
    result = cli("review", "--json", str(nov), str(copy), str(latin))
    assert result.exit_code == 0, result.stderr
    merged = json.loads(result.stdout)
    assert merged["repeats"] == [{"file": str(copy), "same_as": str(nov)}]
    [warning] = merged["warnings"]
    assert warning["file"] == str(latin) and warning["message"].startswith("not UTF-8 but ")
    assert f"peerjournal: {latin}: {warning['message']}" in result.stderr
    assert list(merged)[:5] == ["schema", "summaries", "between", "errors", "skipped"]


# -- the Journal ID said once in a review of several ------------------------------------------

def test_a_review_of_several_says_what_a_journal_id_is_once(cli: CLI, tmp_path: Path) -> None:
    """Was: "(the same in every summary from one journal; it names no one)" in every header."""
    oct_, nov = _months(cli, tmp_path)
    older = _copy(nov, tmp_path / "older.json", writer="Sam")
    journal = json.loads(nov.read_text(encoding="utf-8"))["journal"]
    out = cli("review", str(oct_), str(nov), str(older)).stdout
    assert _flat(out).count(JOURNAL_ID_NOTE) == 1 and out.count(f"Journal ID: {journal}\n") == 2
    assert f"File: {oct_}\nJournal ID: {journal}\nPeriod:" in out
    assert "a summary without one is from an older peerjournal" in _flat(out)
    one = cli("review", str(nov)).stdout
    assert f"Journal ID: {journal} {JOURNAL_ID_NOTE}" in _flat(one)
    both = _flat(cli("review", str(oct_), str(nov)).stdout)
    assert both.count(JOURNAL_ID_NOTE) == 1 and "without one" not in both


# -- import --journal-id ---------------------------------------------------------------------

def _reinstalled(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[
        Path, Path, tuple[str, str], str, str]:
    """A writer's old journal (an October summary and a backup), and the new journal they
    started after a reinstall, which exported once (November) before the backup came back."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-10-10T18:00:00+00:00")
    _write(cli, "We walked to the housing office together.", "2026-10-05")
    oct_ = tmp_path / "oct.json"
    old = _export(cli, oct_, "--from", "Kit", "--since", "2026-10-01", "--until", "2026-10-10")
    backup = tmp_path / "backup.json"
    _backup(cli, backup)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    new = ("--db", str(tmp_path / "new" / "journal.db"))
    _write(cli, "We sat in the garden and I listened.", "2026-11-05", *new)
    own = _export(cli, tmp_path / "nov.json", "--from", "Kit", *NOV, db=new)
    assert old["journal"] != own["journal"]
    return oct_, backup, new, old["journal"], own["journal"]


def test_without_a_choice_an_import_keeps_the_journals_id_and_says_how_to_take(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, backup, new, _, own = _reinstalled(cli, tmp_path, monkeypatch)
    result = cli(*new, "import", str(backup), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["journal_id"] == "kept"
    said = _flat(result.stderr)
    assert KEPT_NOTE in said and said.count("Journal ID") == 1
    assert (f"`peerjournal --db {new[1]} import --journal-id backup {backup}` gives this journal "
            "its ID (no entry is imported twice)") in said
    assert _stored(Path(new[1])) == [(1, own)]


def test_journal_id_backup_gives_the_journal_the_backups_id(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer who reinstalled: their summaries from before and after read as one writer's
    once the new journal carries the old ID (an import already made: nothing imported twice)."""
    oct_, backup, new, old, own = _reinstalled(cli, tmp_path, monkeypatch)
    assert cli(*new, "import", str(backup)).exit_code == 0  # (kept: the default)
    planned = cli(*new, "import", str(backup), "--journal-id", "backup", "--dry-run", "--json")
    assert planned.exit_code == 0, planned.stderr
    assert json.loads(planned.stdout)["journal_id"] == "replaced"
    assert _stored(Path(new[1])) == [(1, own)]
    result = cli(*new, "import", str(backup), "--journal-id", "BACKUP", "--json")
    assert result.exit_code == 0, result.stderr
    done = json.loads(result.stdout)
    assert done["journal_id"] == "replaced" and done["entries"] == 0
    assert (f"This journal took the backup's Journal ID ({old}) in place of its own ({own})"
            in _flat(result.stderr))
    assert f"those exported from this one before carry {own}: export them again" in _flat(
        result.stderr)
    assert _stored(Path(new[1])) == [(1, old)]
    again = _export(cli, tmp_path / "nov-again.json", "--from", "Kit", *NOV, db=new)
    assert again["journal"] == old
    merged = _review_json(cli, oct_, tmp_path / "nov-again.json")
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    same = cli(*new, "import", str(backup), "--journal-id", "backup", "--json")
    assert json.loads(same.stdout)["journal_id"] == "same"


def test_journal_id_keep_takes_no_id_from_someone_elses_backup(
    cli: CLI, tmp_path: Path
) -> None:
    """A starter backup into a new journal: kept out, its first summary makes its own."""
    _write(cli, "Example: I listened and shared a little of my own recovery.", "2026-10-05")
    starter = _export(cli, tmp_path / "sample.json", "--from", "Trainer")["journal"]
    _backup(cli, tmp_path / "starter.json")
    new = ("--db", str(tmp_path / "rin" / "journal.db"))
    result = cli(*new, "import", str(tmp_path / "starter.json"), "--journal-id", "keep",
                 "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["journal_id"] == "kept"
    assert "did not take the backup's Journal ID (--journal-id keep)" in _flat(result.stderr)
    assert _stored(Path(new[1])) == []
    _write(cli, "I sat with him and listened.", "2026-11-10", *new)
    assert _export(cli, tmp_path / "rin.json", *NOV, db=new)["journal"] != starter
    refused = cli(*new, "import", str(tmp_path / "starter.json"), "--journal-id", "theirs")
    assert refused.exit_code == 2 and "Traceback" not in refused.stderr


def test_at_a_terminal_the_writer_is_asked_which_id(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any
) -> None:
    """Only the writer knows whether the backup is their own: asked, when the IDs differ."""
    _, backup, new, old, own = _reinstalled(cli, tmp_path, monkeypatch)
    keys("n")
    kept = cli(*new, "import", str(backup))
    assert kept.exit_code == 0, kept.stderr
    assert _flat(JOURNAL_ID_QUESTION) in _flat(kept.stderr) and KEPT_NOTE in _flat(kept.stderr)
    assert "--journal-id backup" not in kept.stderr  # (answered: no hint)
    assert _stored(Path(new[1])) == [(1, own)]
    keys("y")
    taken = cli(*new, "import", str(backup))
    assert taken.exit_code == 0, taken.stderr
    assert "in place of its own" in _flat(taken.stderr)
    assert _stored(Path(new[1])) == [(1, old)]
    keys()  # (nothing typed: never asked once the IDs are the same)
    assert JOURNAL_ID_QUESTION[:40] not in cli(*new, "import", str(backup)).stderr


def test_no_question_in_a_dry_run_and_a_journal_with_no_id_asked_too(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any
) -> None:
    """(round 44: a journal with no ID is asked too: a starter backup is someone else's)"""
    _, backup, new, _, own = _reinstalled(cli, tmp_path, monkeypatch)
    keys()
    planned = cli(*new, "import", str(backup), "--dry-run")
    assert planned.exit_code == 0 and JOURNAL_ID_QUESTION[:40] not in planned.stderr
    assert "would keep its own Journal ID" in _flat(planned.stderr)
    fresh = ("--db", str(tmp_path / "fresh.db"))
    keys("y")
    taken = cli(*fresh, "import", str(backup))
    assert taken.exit_code == 0 and "Is the backup of your own journal? [y/N]" in taken.stderr
    assert TAKEN_NOTE in _flat(taken.stderr)
    assert _stored(Path(new[1])) == [(1, own)]
