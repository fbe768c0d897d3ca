"""Round 43, QA of the Journal ID (qa_mentor2): two people who share an ID (a starter backup, a
copied journal.db) are two writers where their summaries hold different entries of the same
days; an older summary signed like two writers with IDs is not guessed; an unsigned summary is
never named by another's signature, and every export carrying the ID says what it links."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CLI
from peerjournal.cli.export import JOURNAL_ID_LINKS
from peerjournal.render.review import ALIKE_JOURNAL_NOTE, ALIKE_NOTE
from peerjournal.reviewing import told_apart, unplaced, writers
from test_r43_journal_id import (
    ONLY_BECAUSE,
    TAKEN_NOTE,
    _backup,
    _export,
    _flat,
    _import_json,
    _months,
    _review_json,
    _signed,
    _write,
)

NOV = ("--since", "2026-11-01", "--until", "2026-11-19")


def _starter_kit(cli: CLI, tmp_path: Path) -> Path:
    """A trainer's journal that exported a summary (so holds an ID), backed up for new peers."""
    _write(cli, "Example: I listened and shared a little of my own recovery.", "2026-10-05")
    _export(cli, tmp_path / "sample.json", "--from", "Trainer")
    _backup(cli, tmp_path / "starter.json")
    return tmp_path / "starter.json"


def test_two_peers_started_from_one_backup_are_two_writers(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """Was: read as one writer ("Tam: 2 summaries", Rin's numbers as Tam's past), "over time"
    and "the same entries are counted in more than one" although both are November's and
    share no entry; and each import took the backup's ID without a word."""
    starter = _starter_kit(cli, tmp_path)
    files = []
    for who, text, day in (("Rin", "I sat with him and listened; I shared my story.", "2026-11-10"),
                           ("Tam", "I told her she must take her medication.", "2026-11-12")):
        db = ("--db", str(tmp_path / who / "journal.db"))
        done, said = _import_json(cli, starter, *db)
        assert done["journal_id"] == "taken" and TAKEN_NOTE in said
        _write(cli, text, day, *db)
        files.append(tmp_path / f"{who.lower()}-nov.json")
        _export(cli, files[-1], "--from", who, *NOV, db=db)
    assert len({json.loads(f.read_text(encoding="utf-8"))["journal"] for f in files}) == 1
    merged = _review_json(cli, *files)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 2]
    assert merged["between"] == []
    out = _flat(cli("review", *map(str, files)).stdout)
    assert ("rin-nov.json and tam-nov.json share a Journal ID but cover the same days with "
            "different entries: read as 2 writers (a copied journal?).") in out
    assert "Between summaries" not in out and "Signed differently" not in out


def test_one_writer_with_one_id_is_still_one_writer_over_overlapping_periods(
    cli: CLI, tmp_path: Path
) -> None:
    """The split is for different entries of the same days, never for one writer's summaries
    that share them (a month, then the whole autumn)."""
    oct_, nov = _months(cli, tmp_path)
    autumn = tmp_path / "autumn.json"
    _export(cli, autumn, "--from", "Al", "--since", "2026-10-01", "--until", "2026-11-19")
    merged = _review_json(cli, oct_, nov, autumn)
    assert {s["writer_number"] for s in merged["summaries"]} == {1}
    assert "share a Journal ID" not in _flat(cli("review", str(oct_), str(autumn)).stdout)


def test_an_older_summary_signed_like_two_writers_with_ids_is_not_guessed(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: given to whichever came first in file order, with a false line saying summaries
    were told apart by shared entries of the same days."""
    a, b = ("--db", str(tmp_path / "a.db")), ("--db", str(tmp_path / "b.db"))
    _write(cli, "I doubted myself and kept telling her what to do.", "2026-08-10", *b)
    _write(cli, "The nurse asked me to make sure she took her medication.", "2026-09-12", *b)
    _write(cli, "I sat with him and listened; I shared my story.", "2026-09-10", *a)
    files = [tmp_path / "ellis_b-aug.json", tmp_path / "ellis_a-sep.json",
             tmp_path / "ellis_b-sep.json"]
    aug, sep = ("--since", "2026-08-01", "--until", "2026-08-31"), (
        "--since", "2026-09-01", "--until", "2026-09-30")
    _export(cli, files[0], "--from", "Ellis", *aug, "--no-journal-id", db=b)
    _export(cli, files[1], "--from", "Ellis", *sep, db=a)
    _export(cli, files[2], "--from", "Ellis", *sep, db=b)
    merged = _review_json(cli, *files)
    numbers = {s["file"]: s["writer_number"] for s in merged["summaries"]}
    assert numbers[str(files[0])] is None and numbers[str(files[1])] != numbers[str(files[2])]
    out = _flat(cli("review", *map(str, files)).stdout)
    assert ('ellis_b-aug.json carries no Journal ID and is signed "Ellis" like more than one '
            "writer who gives one: it could be any of theirs, so it is not compared.") in out
    assert _flat(ALIKE_JOURNAL_NOTE) in out and _flat(ALIKE_NOTE) not in out


def test_unplaced_and_told_apart_by_entries_only_when_apart() -> None:
    x, y = "aaaaaaaaaaaa", "bbbbbbbbbbbb"
    a = _signed("Ellis", "2026-11-01", "2026-11-30", x, ("2026-11-05", "A one."))
    b = _signed("Ellis", "2026-11-01", "2026-11-30", y, ("2026-11-06", "B one."))
    quiet = _signed("Ellis", "2026-10-01", "2026-10-31", None)
    sharing = _signed("Ellis", "2026-11-01", "2026-11-15", None, ("2026-11-06", "B one."))
    keys = writers([a, b, quiet])
    assert keys[2] is None and unplaced([a, b, quiet], keys) == [2]
    assert told_apart([a, b, quiet], keys) == (True, False)
    # one that shares an entry with one of them is that writer's, not guessed
    assert writers([a, b, sharing])[2] == keys[1]
    # with one writer with an ID signed so, it joins them, as before
    assert writers([a, quiet])[1] == writers([a, quiet])[0]


def test_an_unsigned_summary_is_never_shown_under_another_signature(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "Maya: 2 summaries" holding the one she left unsigned to stay anonymous."""
    files = _months(cli, tmp_path, "Maya", "")
    found = json.loads(files[0].read_text(encoding="utf-8"))["journal"]
    merged = _review_json(cli, *files)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["writer"] is None
    out = _flat(cli("review", *map(str, files)).stdout)
    assert f"Journal ID {found}: 2 summaries" in out and "Maya: 2 summaries" not in out
    assert ('Signed differently over time: "Maya" (mine-oct.json) and unsigned (mine-nov.json); '
            "read as one writer's by their Journal ID.") in out


def test_every_export_with_the_id_says_what_it_links(cli: CLI, tmp_path: Path) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    done = cli("export", "--yes", "-o", str(tmp_path / "s.json"))
    assert done.exit_code == 0 and _flat(JOURNAL_ID_LINKS) in _flat(done.stderr)
    asked = cli("export", "-o", str(tmp_path / "p.md"), input="n\n")
    assert _flat(JOURNAL_ID_LINKS) in _flat(asked.stderr) and not (tmp_path / "p.md").exists()
    without = cli("export", "--yes", "--no-journal-id", "-o", str(tmp_path / "n.json"))
    assert without.exit_code == 0 and "Journal ID" not in without.stderr
    csv = cli("export", "--yes", "--format", "csv", "-o", str(tmp_path / "n.csv"))
    assert csv.exit_code == 0 and "Journal ID" not in csv.stderr


def test_a_signature_only_line_names_the_signature_that_joined(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: 'each is signed "Maya R."' of two signed "Maya", and "read as one writer's by their
    Journal ID" of one that carries none."""
    _write(cli, "I sat with him and listened; I shared my story.", "2026-09-05")
    _write(cli, "We walked to the housing office together.", "2026-10-05")
    _write(cli, "We sat in the garden and I listened.", "2026-11-05")
    sep, oct_, nov = (tmp_path / f"maya-{m}.json" for m in ("09", "10", "11"))
    _export(cli, sep, "--from", "Maya", "--since", "2026-09-01", "--until", "2026-09-30")
    _export(cli, oct_, "--from", "Maya", "--since", "2026-10-01", "--until", "2026-10-31",
            "--no-journal-id")
    _export(cli, nov, "--from", "Maya R.", *NOV)
    out = _flat(cli("review", str(sep), str(oct_), str(nov)).stdout)
    assert "Maya R.: 3 summaries" in out
    assert ("Maya R.'s summaries without a Journal ID are read as that writer's only because "
            'they are signed "Maya", as some of the others are') in out
    assert ('"Maya" (maya-09.json, maya-10.json) and "Maya R." (maya-11.json); read as one '
            "writer's by their Journal ID, and those without one by their signature.") in out
    assert ONLY_BECAUSE not in out.replace("that writer's only because", "")


def test_a_null_journal_reads_as_no_id(cli: CLI, tmp_path: Path) -> None:
    """Was: refused by review, while import read a backup's null as no ID."""
    oct_, nov = _months(cli, tmp_path)
    for path in (oct_, nov):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["journal"] = None
        path.write_text(json.dumps(data), encoding="utf-8")
    merged = _review_json(cli, oct_, nov)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["signature_only"] is True
