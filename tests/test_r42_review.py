"""Round 42 (a mentor reviewing six writers' summaries): review compares only summaries with
enough writing, says when one writer's summaries are joined by their signature alone, tells
files of one name apart, reads redacted summaries from before `people_listed`, shows no
"steady" for a one-week spike, and says plainly what a folder of folders, curly quotes or a
Word document are; a folder of many summaries explains the numbers once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from peerjournal.render.review import distinct_names
from peerjournal.render.summary import ALIKE_TITLE

CLI = Callable[..., Result]
Add = Callable[..., int]

PEER = ("Sat with a man at the drop-in. I shared a bit of my own story, when I was unwell "
        "too, and he smiled. We talked about football and his dog.")
CLINICAL = (" Then I checked his medication compliance and reported his non-compliance to the "
            "team.")
FILL = (" The room was busy and loud, people came and went, tea was made and drunk, and the "
        "afternoon went slowly on while the rain kept falling outside the big front windows.")


def _export(cli: CLI, out: Path, since: str, until: str, *options: str) -> dict[str, Any]:
    result = cli("export", "--yes", "--force", "--since", since, "--until", until,
                 "-o", str(out), *options)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _months(
    cli: CLI, add: Add, tmp_path: Path, text_oct: str, text_nov: str, *options: str
) -> list[str]:
    """Four entries in each of October and November, each month exported signed "Al" (with
    `options` too)."""
    for day in ("02", "09", "16", "23"):
        add(text_oct, "-d", f"2026-10-{day}", "--share")
    for day in ("02", "09", "13", "16"):
        add(text_nov, "-d", f"2026-11-{day}", "--share")
    oct_, nov = tmp_path / "oct.json", tmp_path / "nov.json"
    _export(cli, oct_, "2026-10-01", "2026-10-31", "--from", "Al", *options)
    _export(cli, nov, "2026-11-01", "2026-11-19", "--from", "Al", *options)
    return [str(oct_), str(nov)]


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- 1. too little writing to compare, as the writer's report says -----------------------------

def test_review_names_no_moved_dimension_from_too_little_writing(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    files = _months(cli, add, tmp_path, PEER, PEER + " I shared my own story of recovery.")
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    since = _flat(result.stdout[result.stdout.index("Since the previous summary"):])
    assert ("Too little writing to say which dimensions moved: 124 and 152 scored words (a "
            "comparison needs 300 in each, as the writer's own report asks)") in since
    assert " rose from " not in since and " fell from " not in since
    between = json.loads(cli("review", "--json", *files).stdout)["between"]
    assert between[0]["too_little_to_compare"] is True and between[0]["words"] == [124, 152]


def test_review_names_the_dimension_that_moved_with_enough_writing(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    files = _months(cli, add, tmp_path, PEER + FILL * 3, PEER + CLINICAL + FILL * 3)
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    since = _flat(result.stdout[result.stdout.index("Since the previous summary"):])
    assert "Too little writing" not in since
    assert "(drift markers) rose from 0.0 to" in since
    between = json.loads(cli("review", "--json", *files).stdout)["between"]
    assert between[0]["too_little_to_compare"] is False


# -- 2. one writer's summaries joined by their signature alone --------------------------------
# (summaries without a journal ID: from before round 43, or exported with --no-journal-id; one
# journal's summaries that carry it are joined by it: tests/test_r43_journal_id.py)

NO_ID = ("not every one of them says which journal it came from (a Journal ID, which summaries "
         "carry since December 2026 unless exported with --no-journal-id), so two people who "
         "sign alike would read here as one; ask if a change surprises you.")


def test_between_says_when_summaries_are_joined_only_by_their_signature(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    files = _months(cli, add, tmp_path, PEER, PEER, "--no-journal-id")
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    between = _flat(result.stdout[:result.stdout.index("Reflective-practice summary")])
    assert f'These are read as one writer\'s only because each is signed "Al": {NO_ID}' in between
    merged = json.loads(cli("review", "--json", *files).stdout)
    assert merged["between"][0]["signature_only"] is True


def test_the_signature_note_is_said_once_for_every_writer_it_is_true_of(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Final review: true of most writers' summaries (sharing is opt-in), the note was said
    under each writer's comparison; now once, below them all."""
    files = _months(cli, add, tmp_path, PEER, PEER, "--no-journal-id")
    for month, since, until in (("oct", "2026-10-01", "2026-10-31"),
                                ("nov", "2026-11-01", "2026-11-19")):
        _export(cli, tmp_path / f"bo-{month}.json", since, until, "--from", "Bo",
                "--no-journal-id")
        files.append(str(tmp_path / f"bo-{month}.json"))
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    between = _flat(result.stdout[:result.stdout.index("Reflective-practice summary")])
    note = ('The summaries signed "Al", and those signed "Bo", are each read as one writer\'s '
            f"only because they are signed alike: {NO_ID}")
    assert between.count("only because") == 1
    assert between.index(note) > between.index("Bo: 2 summaries") > between.index("Al: 2 summa")
    assert [c["signature_only"] for c in json.loads(
        cli("review", "--json", *files).stdout)["between"]] == [True, True]


def test_summaries_sharing_an_entry_are_not_said_to_rest_on_the_signature(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add(PEER, "-d", "2026-11-02", "--share")
    add(PEER, "-d", "2026-11-09", "--share")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    _export(cli, first, "2026-11-01", "2026-11-10", "--from", "Al")
    _export(cli, second, "2026-11-02", "2026-11-19", "--from", "Al")
    result = cli("review", str(first), str(second))
    assert result.exit_code == 0, result.stderr
    assert "only because each is signed" not in result.stdout
    merged = json.loads(cli("review", "--json", str(first), str(second)).stdout)
    assert merged["between"][0]["signature_only"] is False


# -- 3. files of one name told apart -------------------------------------------------------------

def test_distinct_names_are_the_shortest_ending_that_differs() -> None:
    assert distinct_names(["in/drift/summary.json", "in/essay/summary.json", "in/x/oct.json"]) \
        == ["drift/summary.json", "essay/summary.json", "oct.json"]
    assert distinct_names(["a/b/nov.json", "c/b/nov.json"]) == ["a/b/nov.json", "c/b/nov.json"]
    assert distinct_names(["nov.json", "x/nov.json"]) == ["nov.json", "x/nov.json"]
    assert distinct_names(["standard input"]) == ["standard input"]


def test_overview_tells_unsigned_files_of_one_name_apart(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add(PEER, "-d", "2026-10-05")
    add(PEER, "-d", "2026-11-05")
    for folder, since, until in (("drift", "2026-10-01", "2026-10-31"),
                                 ("essay", "2026-11-01", "2026-11-19")):
        (tmp_path / folder).mkdir()
        _export(cli, tmp_path / folder / "summary.json", since, until)
    result = cli("review", str(tmp_path / "drift" / "summary.json"),
                 str(tmp_path / "essay" / "summary.json"))
    assert result.exit_code == 0, result.stderr
    overview = result.stdout[:result.stdout.index("Reflective-practice summary")]
    assert "drift/summary.json" in overview and "essay/summary.json" in overview


# -- 4. redacted summaries from before people_listed ---------------------------------------------

def _without_people_listed(cli: CLI, add: Add, tmp_path: Path) -> Path:
    add(PEER, "-d", "2026-11-05", "--share")
    path = tmp_path / "old.json"
    summary = _export(cli, path, "2026-11-01", "2026-11-19", "--from", "Bea")
    assert summary["redacted"] is True
    del summary["people_listed"]
    path.write_text(json.dumps(summary), encoding="utf-8")
    return path


def test_a_redacted_summary_from_before_people_listed_is_read(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    path = _without_people_listed(cli, add, tmp_path)  # made on 20 Nov 2026
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Reflective-practice summary: Bea" in result.stdout and result.stderr == ""


def test_a_later_redacted_summary_without_people_listed_is_refused(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T18:30:00+00:00")
    path = _without_people_listed(cli, add, tmp_path)
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: it says it is redacted, but not whether the people list had "
        "anyone on it, as every redacted export since 6 December 2026 says: it was made by an "
        "older peerjournal (ask the writer to update peerjournal and export it again), or it "
        "was changed after it was exported.\n")


def test_an_older_summary_claims_no_redaction_it_cannot_show(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The final review's repro: an unredacted summary from before `people_listed`, its
    "redacted" set to true by hand, is read, but its Redaction line says names may not have
    been hidden (never "shown as [person]" beside the name it shows)."""
    assert cli("people", "add", "Priya Shah").exit_code == 0
    add("I sat with Priya Shah at the hostel and we talked about her week.", "-d", "2026-11-18",
        "--share")
    path = tmp_path / "flag.json"
    summary = _export(cli, path, "2026-11-01", "2026-11-19", "--no-redact")  # on 20 Nov 2026
    assert summary["redacted"] is False and "people_listed" not in summary
    summary["redacted"] = True
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    out = _flat(result.stdout)
    assert ("Redaction: on, but this summary was made before peerjournal recorded whether "
            "anyone was on the people list, so names may not have been hidden: check it before "
            "sharing it further") in out
    assert "shown as [person]" not in out and "Priya Shah" in out
    both = _flat(cli("review", str(path), str(_without_people_listed(cli, add, tmp_path))).stdout)
    assert both.count("names may not have been hidden") == 1  # said once, above them both


# -- 5. a one-week spike is no "steady" -------------------------------------------------------

def test_a_one_week_spike_shows_no_steady_arrow(cli: CLI, add: Add, tmp_path: Path) -> None:
    # four weeks from Monday 5 October, drift in the first only (each text 4 times over: each
    # half holds the 300 scored words a trend needs, round 43)
    for day in ("05", "06"):
        add(" ".join([PEER + CLINICAL] * 4), "-d", f"2026-10-{day}")
    for day in ("12", "13", "19", "20", "26", "27"):
        add(" ".join([PEER] * 4), "-d", f"2026-10-{day}")
    path = tmp_path / "oct.json"
    summary = _export(cli, path, "2026-10-05", "2026-11-01")
    rows = {d["id"]: d for d in summary["dimensions"]}
    assert rows["co_optation"]["drift_direction"] == "steady"  # the file as `report` says it
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert "a spike rather than a trend" in _flat(result.stdout)
    line = next(x for x in result.stdout.splitlines() if x.startswith("Co-optation"))
    # drift shows its rate alone; identity, 0.0 throughout, is steady (no spike)
    assert line.split()[:5] == ["Co-optation", "0.0", "→", "steady", "1.1"]
    assert line.count("steady") == 1 and "rising" not in line and "falling" not in line
    md = tmp_path / "oct.md"
    assert cli("export", "--yes", "--since", "2026-10-05", "--until", "2026-11-01",
               "--format", "md", "-o", str(md)).exit_code == 0
    row = next(x for x in md.read_text(encoding="utf-8").splitlines() if "Co-optation" in x)
    # (round 48: the file says "spike" as `review` does, not a bare number)
    assert "| Co-optation | 0.0 → steady | 1.1 spike |" in row


# -- 6-9. a folder of folders, curly quotes, a Word document, a folder of many ----------------

def test_a_folder_of_folders_says_so(cli: CLI, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for name in ("alex", "sam"):
        (inbox / name).mkdir(parents=True)
    result = cli("review", str(inbox))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {inbox}: holds no summaries of its own, only 2 folders, which "
        f"`peerjournal review` does not look inside: name them, as in `peerjournal review "
        f"{inbox}/*/`.\n")


def test_the_folder_in_the_hint_is_quoted_for_the_shell(cli: CLI, tmp_path: Path) -> None:
    inbox = tmp_path / "mentor inbox"
    (inbox / "alex").mkdir(parents=True)
    result = cli("review", f"{inbox}/")
    assert result.exit_code == 1
    assert result.stderr.endswith(f"as in `peerjournal review '{inbox}'/*/`.\n")
    folders = result.stderr.split("`")[-2].removeprefix("peerjournal review ")
    shown = subprocess.run(["sh", "-c", f"printf '%s\\n' {folders}"],  # as the shell reads it
                           capture_output=True, text=True, check=True).stdout
    assert shown == f"{inbox}/alex/\n"


def test_curly_quotes_are_named(cli: CLI, add: Add, tmp_path: Path) -> None:
    add(PEER, "-d", "2026-11-05")
    path = tmp_path / "s.json"
    _export(cli, path, "2026-11-01", "2026-11-19")
    text = path.read_text(encoding="utf-8")
    curly = "".join(("“" if n % 2 == 0 else "”") + part
                    for n, part in enumerate(text.split('"')))[1:]
    path.write_text(curly, encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: its quotation marks were made curly (“ ”), as a word processor "
        "does when it saves a file; ask for the summary again, and read it here without "
        "opening it in a word processor first.\n")


def test_a_word_document_is_named(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "summary.json"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: a word processor's document (Word or LibreOffice), not a "
        "summary: it was opened and saved again as a document. Ask for the .json file as it "
        "was sent, unopened.\n")
    plain = tmp_path / "other.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("summary.json", "{}")
    assert "unpack it first" in cli("review", str(plain)).stderr


def test_a_folder_of_many_explains_once_and_groups_other_formats(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add(PEER, "-d", "2026-10-05")
    add(PEER, "-d", "2026-11-05")
    folder = tmp_path / "flat"
    folder.mkdir()
    for month, since, until in (("oct", "2026-10-01", "2026-10-31"),
                                ("nov", "2026-11-01", "2026-11-19")):
        for fmt in ("json", "md", "html"):
            result = cli("export", "--yes", "--since", since, "--until", until, "--format", fmt,
                         "-o", str(folder / f"{month}.{fmt}"))
            assert result.exit_code == 0, result.stderr
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"peerjournal: skipped 2 HTML and 2 Markdown summaries in {folder}: read them as they "
        "are (in a text editor, a browser, a PDF viewer or a spreadsheet); `peerjournal "
        "review` reads summaries exported with `--format json`.\n")
    out = _flat(result.stdout)
    assert out.count("What the dimensions look for:") == 1
    assert out.count("Identity and drift are marker evidence per 100 words") == 1
    assert out.count("What the dimensions look for, and what the numbers mean: at the end") == 2
    assert out.index("About the numbers") > out.rindex("Reflective-practice summary")
    one = cli("review", str(folder / "oct.json"))  # one summary: explained where it is
    assert "What the dimensions look for:" in one.stdout and "About the numbers" not in one.stdout
    # the lexicon and redaction, alike in both, are said once, above them
    alike = out.index(ALIKE_TITLE)
    assert alike < out.index("Reflective-practice summary")
    assert out.count("Drift lexicon: version") == 1 and out.count("Redaction: on") == 1
    assert out.index("Redaction: on") > alike
    assert "Redaction: on" in one.stdout and ALIKE_TITLE not in one.stdout


def test_facts_that_differ_are_said_in_each_summary(cli: CLI, add: Add, tmp_path: Path) -> None:
    add(PEER, "-d", "2026-11-05")
    redacted, plain = tmp_path / "r.json", tmp_path / "p.json"
    _export(cli, redacted, "2026-11-01", "2026-11-19")
    _export(cli, plain, "2026-11-01", "2026-11-19", "--no-redact")
    result = cli("review", str(redacted), str(plain))
    assert result.exit_code == 0, result.stderr
    out = _flat(result.stdout)
    assert out.count(f"{ALIKE_TITLE} Drift lexicon: version") == 1  # the lexicon is alike
    assert out.count("Drift lexicon: version") == 1
    assert out.count("Redaction: on") == 1 and out.count("Redaction: OFF") == 1
    assert out.index(ALIKE_TITLE) < out.index("Reflective-practice summary")


# -- a gone stderr does not fail a finished read ----------------------------------------------

def _latin_1(cli: CLI, add: Add, tmp_path: Path) -> Path:
    """A summary saved again as Windows-1252, which review reads with a note on stderr."""
    add(PEER, "-d", "2026-11-05")
    summary = _export(cli, tmp_path / "s.json", "2026-11-01", "2026-11-19")
    summary["note"] = "café"
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(summary, ensure_ascii=False).encode("cp1252"))
    return path


@pytest.mark.parametrize("how", ["review", "load_summary"])
def test_a_note_to_a_gone_stderr_is_lost_and_the_read_succeeds(
    cli: CLI, add: Add, tmp_path: Path, how: str
) -> None:
    """Was (load_summary without `said`): a raw print to stderr, whose reader had gone, failed
    the read with a BrokenPipeError."""
    path = _latin_1(cli, add, tmp_path)
    read = ("import sys; from datetime import UTC, datetime; from pathlib import Path; "
            "from peerjournal.cli.review import load_summary; "
            "s = load_summary(Path(sys.argv[1]), datetime(2026, 11, 20, 18, 30, tzinfo=UTC)); "
            "print(s['note'] == 'café')")
    args = ["-m", "peerjournal", "review"] if how == "review" else ["-c", read]
    reader, writer = os.pipe()
    os.close(reader)  # the reader of stderr is gone
    try:
        done = subprocess.run([sys.executable, *args, str(path)], stdout=subprocess.PIPE,
                              stderr=writer, env={**os.environ, "NO_COLOR": "1"},
                              check=False, timeout=120)
    finally:
        os.close(writer)
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert ("café" in out) if how == "review" else (out == "True\n")
