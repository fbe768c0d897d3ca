"""QA round 26: `review` of several summaries: the overview (an unredacted summary marked, an
unsigned one named by its file, a light table, the period on one line), `--json` in the text's
order with its comparisons, and the help."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.render.summary import ALIKE_TITLE
from test_summary import moved, sample_summary


def _save(path: Path, data: dict[str, Any]) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _summary(writer: str | None = "Sam", since: str = "2026-10-26", until: str = "2026-11-20",
             **changes: Any) -> dict[str, Any]:
    s = moved(sample_summary(), since, until)
    s["writer"] = writer
    s.update(changes)
    return s


def _overview(out: str) -> str:
    """What a review of several shows above the summaries, up to the facts each gives alike
    (`ALIKE_TITLE`, round 42: their Redaction line holds a "…" of its own)."""
    end = out.index("Reflective-practice summary")
    alike = out.find(ALIKE_TITLE, 0, end)
    return out[: end if alike < 0 else alike]


def test_an_unredacted_summary_is_marked_in_the_overview(cli: CLI, tmp_path: Path) -> None:
    """Was: only its own section, further down, said it held real names."""
    files = [_save(tmp_path / "kasia.json", _summary("Kasia", redacted=False)),
             _save(tmp_path / "priya.json", _summary("Priya"))]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    rows = _overview(result.stdout).splitlines()
    kasia = next(n for n, line in enumerate(rows) if line.startswith("Kasia"))
    assert "(UNREDACTED)" in rows[kasia] + rows[kasia + 1]  # in its row (wrapped or not)
    assert "UNREDACTED" not in next(line for line in rows if line.startswith("Priya"))
    merged = json.loads(cli("review", "--json", *files).stdout)
    assert [(s["file"], s["redacted"]) for s in merged["summaries"]] == [
        (files[0], False), (files[1], True)]


def test_unsigned_summaries_are_named_by_their_files(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "/tmp/r26/qa1/…" twice at 80 columns, the file names cut off."""
    folder = tmp_path / "a-folder-with-a-long-name-as-downloads-have" / "mentees"
    folder.mkdir(parents=True)
    files = [_save(folder / "alex-week47.json", _summary(None)),
             _save(folder / "priya-november-week-47.json", _summary(None, drift=None))]
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("review", *files).stdout
    rows = _overview(out).splitlines()
    assert any(line.startswith("alex-week47.json  26 Oct – 20 Nov 2026") for line in rows)
    # too long for the room left by the numbers: whole, on two lines (round 30: it was cut
    # from the left, "…er-week-47.json", and a name's start can be what tells it apart)
    at = next(n for n, line in enumerate(rows) if line.startswith("priya-november-   26 Oct"))
    assert rows[at + 1] == "week-47.json", rows
    assert "a-folder" not in _overview(out)
    assert all(len(line) <= 80 for line in out.splitlines())


def test_the_overview_is_a_light_table_with_each_period_on_one_line(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: ┃ ━ ╇ │ on every line, even with TERM=dumb, and "2026-10-01 to" over
    "2026-10-31"."""
    files = [_save(tmp_path / "a.json", _summary("Sam", "2026-10-01", "2026-10-31")),
             _save(tmp_path / "b.json", _summary("Kez", "2025-12-29", "2026-01-25"))]
    overview = _overview(cli("review", *files).stdout)
    lines = overview.splitlines()
    assert lines[:2] == ["Summaries  (identity and drift per 100 words)",
                         "Who  Period                     Entries  Shared  Identity  Drift  Alerts"]
    assert set(lines[2]) == {"-"}  # plain text (TERM=dumb): "-", as every table (round 43)
    assert lines[3].startswith("Sam  1 Oct – 31 Oct 2026     ")
    assert lines[4].startswith("Kez  29 Dec 2025 – 25 Jan 2026")
    assert not set("┃━╇│┏┡└") & set(overview)
    assert all(line == line.rstrip() for line in lines)


def test_the_overview_is_as_light_on_a_colour_terminal(
    cli: CLI, tmp_path: Path, colour_terminal: None
) -> None:
    files = [_save(tmp_path / "a.json", _summary("Sam")), _save(tmp_path / "b.json",
                                                                  _summary("Kez"))]
    overview = cli("review", *files).stdout.split("\n\n")[0]
    assert "Sam" in overview and "─" in overview
    assert not set("┃━╇│") & set(overview)


def test_json_has_the_texts_order_and_comparison(cli: CLI, tmp_path: Path) -> None:
    """Was: the order named (November before October), no "Between summaries", and errors as
    strings with the path inside."""
    nov = _save(tmp_path / "nov.json", _summary("Priya", "2026-11-01", "2026-11-20"))
    oct_ = _save(tmp_path / "oct.json", _summary("priya ", "2026-10-01", "2026-11-05",
                                                 alerts=[]))
    other = _save(tmp_path / "sam.json", _summary("Sam"))
    missing = str(tmp_path / "gone.json")
    result = cli("review", "--json", nov, other, missing, oct_)
    assert result.exit_code == 1
    merged = json.loads(result.stdout)
    assert merged["schema"] == "peerjournal.review/2"
    assert [s["file"] for s in merged["summaries"]] == [oct_, nov, other]
    assert merged["between"] == [{
        "writer": "priya ", "files": [oct_, nov], "since": "2026-10-01", "until": "2026-11-20",
        "identity": [1.6, 1.6], "drift": [2.6, 2.6], "balance": [None, None],
        "entries": [2, 2], "alerts": [0, 1], "overlap": True, "lexicons_differ": False,
        # (round 43: these hand-made summaries, as an older peerjournal's, give no lexicon)
        "lexicons_unknown": True,
        "words": [None, None], "too_little_to_compare": False, "signature_only": False,
        # (round 44: what the text says, for scripts)
        "signatures": ["priya ", "Priya"], "derived_balance": [-0.23, -0.23],
        "files_without_lexicon": [oct_, nov], "moved_most": [[]],
        "lexicons": [[], []],  # (round 45: which lexicon scored each, none named here)
    }]
    assert merged["errors"] == [{"file": missing, "message": "no such file."}]
    assert result.stderr == f"peerjournal: {missing}: no such file.\n"
    text = cli("review", nov, other, oct_).stdout
    between = text[text.index("Between summaries"):text.index("Reflective-practice summary")]
    assert "priya : 2 summaries, 2026-10-01 to 2026-11-20" in between
    assert "identity 1.6 → 1.6" in between and "drift 2.6 → 2.6" in between
    assert "entries 2 → 2 · alerts 0 → 1" in between and "periods overlap" in between


def test_json_shows_a_repeated_summary_once_as_the_text_does(cli: CLI, tmp_path: Path) -> None:
    one = _save(tmp_path / "sam.json", _summary("Sam"))
    copy = _save(tmp_path / "sam (1).json", _summary("Sam"))
    result = cli("review", "--json", one, copy)
    assert result.exit_code == 0
    merged = json.loads(result.stdout)
    assert [s["file"] for s in merged["summaries"]] == [one] and merged["between"] == []
    assert result.stderr == f"peerjournal: {copy}: the same summary as {one}; shown once.\n"


def test_a_merged_review_is_refused_as_a_summary(cli: CLI, tmp_path: Path) -> None:
    merged = tmp_path / "merged.json"
    merged.write_text(cli("review", "--json", _save(tmp_path / "a.json", _summary())).stdout,
                      encoding="utf-8")
    result = cli("review", str(merged))
    assert result.exit_code == 1 and "merged by `peerjournal review --json`" in result.stderr


def test_help_says_what_dash_and_several_files_of_one_writer_give(cli: CLI) -> None:
    help_text = " ".join(cli("review", "--help").stdout.split())
    assert "`-` reads standard input" in help_text
    # one journal's summaries by their Journal ID (round 43), older ones by their signature
    assert "Summaries from one journal (the Journal ID each carries) are one writer's, and so " \
           "are those without one (from an older peerjournal) signed alike (`export --from`): " \
           "they are shown oldest first, with how the writer moved from one to the next. " \
           "Unsigned ones without an ID are never compared." in help_text
