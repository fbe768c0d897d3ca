"""QA round 16: a mentor opening what they were sent, as they were sent it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peerjournal.render.summary import ALIKE_TITLE
from test_summary import sample_summary


def _save(path: Path, data: Any) -> str:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture
def exported(cli, add, tmp_path: Path) -> Path:
    """A small journal, exported in every format into tmp_path/summary.<ext>."""
    add("I shared my own recovery story with Maria and we learned from each other.",
        "--date", "2026-11-16", "--share")
    assert cli("people", "add", "Maria").exit_code == 0
    for fmt in ("md", "html", "pdf", "csv", "json"):
        result = cli("export", "--yes", "-o", str(tmp_path / f"summary.{fmt}"))
        assert result.exit_code == 0, result.stderr
    return tmp_path


@pytest.mark.parametrize(("ext", "kind", "opener"), [
    ("md", "a Markdown summary", "any text editor or Markdown viewer"),
    ("html", "an HTML summary", "a web browser"),
    ("pdf", "a PDF summary", "a PDF viewer"),
    ("csv", "a CSV (numbers only) summary", "a spreadsheet"),
])
def test_a_summary_in_another_format_says_how_to_open_it(
    cli, exported: Path, ext: str, kind: str, opener: str
) -> None:
    """Was: "not valid JSON (line 1, column 1: Expecting value)" for the writer's own .md."""
    file = exported / f"summary.{ext}"
    result = cli("review", str(file))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {file}: {kind}, to read as it is: open it with {opener}. "
        "`peerjournal review` reads summaries exported with `--format json`.\n"
    )
    assert "not valid JSON" not in result.stderr and "UTF-8" not in result.stderr
    assert cli("review", str(exported / "summary.json")).exit_code == 0


def test_a_renamed_markdown_summary_is_still_recognised(cli, exported: Path) -> None:
    renamed = exported / "from-sam.json"
    renamed.write_bytes((exported / "summary.md").read_bytes())
    result = cli("review", str(renamed))
    assert result.exit_code == 1 and "a Markdown summary, to read as it is" in result.stderr


def test_an_empty_file_says_it_is_empty(cli, tmp_path: Path) -> None:
    for content in ("", "\n  \n"):
        result = cli("review", _save(tmp_path / "empty.json", content))
        assert result.exit_code == 1
        assert "empty.json: the file is empty; ask for the summary to be sent again." in (
            result.stderr
        )


def test_a_cut_short_file_says_so(cli, tmp_path: Path) -> None:
    whole = json.dumps(sample_summary(), indent=2)
    for cut in (len(whole) // 2, len(whole) - 1, 1):
        result = cli("review", _save(tmp_path / "cut.json", whole[:cut]))
        assert result.exit_code == 1, cut
        assert "cut.json: the file ends part-way through" in result.stderr, result.stderr
    broken = cli("review", _save(tmp_path / "bad.json", '{"schema": 1,, }'))
    assert "not valid JSON (line 1" in broken.stderr  # a real syntax error stays one


def test_a_full_backup_is_named_as_one(cli, add, tmp_path: Path) -> None:
    add("A private entry about Maria.")
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "--format", "json", "-o", str(backup)).exit_code == 0
    entries = _save(tmp_path / "entries.json", json.loads(cli("list", "--json").stdout))
    for file in (str(backup), entries):
        result = cli("review", file)
        assert result.exit_code == 1
        assert "a journal backup or entry list (unredacted, names included), not a summary" in (
            result.stderr
        )
        assert "Maria" not in result.stderr


def test_merged_review_output_and_other_lists_are_named(cli, tmp_path: Path) -> None:
    one = _save(tmp_path / "one.json", sample_summary())
    merged = _save(tmp_path / "merged.json", cli("review", one, "--json").stdout)
    result = cli("review", merged)
    assert result.exit_code == 1 and "merged by `peerjournal review --json`" in result.stderr
    listed = cli("review", _save(tmp_path / "list.json", "[1, 2]"))
    assert "a JSON list, not a peerjournal summary" in listed.stderr


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s["periods"][1].update(identity=-3.0),
     "(periods #2 identity is not a number of 0 or more)"),
    (lambda s: s["periods"][1].update(balance=4.0),
     "(periods #2 balance is not a number from -1 to 1)"),
    (lambda s: s["entries"].update(shared=9), "(entries shared is more than entries total)"),
    (lambda s: s["period"].update(since="2027-01-01"), "(period since is after period until)"),
    # made before the period it covers ended: a date edited, or a clock years out
    (lambda s: s.update(generated_at="1901-01-01T12:00:00+00:00"),
     "(period until is after the day the summary was made)"),
    (lambda s: s["dimensions"][0].update(identity_series=[-1]),
     "(dimensions #1 identity series holds something other than numbers of 0 or more)"),
    (lambda s: s.update(lexicon_versions="abc"), "(lexicon versions is not a list)"),
])
def test_impossible_hand_edited_numbers_are_refused(cli, tmp_path: Path, edit, message) -> None:
    data = sample_summary()
    edit(data)
    result = cli("review", _save(tmp_path / "edited.json", data))
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert result.stderr.startswith("peerjournal: ") and result.stderr.count("\n") == 1
    assert result.stderr.endswith(
        f"the file was changed after it was exported {message}; ask for the summary to be sent "
        "again.\n"
    ), result.stderr


def test_a_summary_from_before_lexicon_versions_still_opens(cli, tmp_path: Path) -> None:
    data = sample_summary()
    data.pop("lexicon_versions", None)
    result = cli("review", _save(tmp_path / "older.json", data))
    assert result.exit_code == 0 and "Drift lexicon" not in result.stdout


def test_review_explains_its_numbers(cli, tmp_path: Path) -> None:
    """Was: rates with no unit and no word on what balance or a dash means."""
    out = " ".join(cli("review", _save(tmp_path / "s.json", sample_summary())).stdout.split())
    assert "marker evidence per 100 words" in out
    assert "balance runs from -1 (all drift) to +1 (all identity)" in out


def test_an_empty_period_says_there_is_nothing(cli, tmp_path: Path) -> None:
    data = sample_summary()
    data["entries"] = {"total": 0, "shared": 0, "scored": 0}
    data["shared_entries"] = []
    data["markers"] = {"identity": [], "drift": []}  # (no marker in no scored entry: round 37)
    for period in data["periods"]:
        period.update(entries=0, identity=None, drift=None, balance=None)
    result = cli("review", _save(tmp_path / "none.json", data))
    assert result.exit_code == 0
    assert "No entries were written in this period" in " ".join(result.stdout.split())
    assert "Trend by week" not in result.stdout and "Dimensions" not in result.stdout


def test_review_at_40_columns_cuts_no_number_or_date(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: '2026-…' for every period and '…' for the bars at COLUMNS=40."""
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("review", _save(tmp_path / "s.json", sample_summary())).stdout
    assert max(len(line) for line in out.splitlines()) <= 40
    trend = out[out.index("Trend by week"):out.index("Dimensions")]
    assert "…" not in trend
    assert "2026-11-02 –" in trend and "2026-11-08" in trend and "3.2" in trend
    dimensions = out[out.index("Dimensions"):]
    assert "Recovery story" in dimensions and "3.2" in dimensions
    assert dimensions.index("Identity") < dimensions.index("Drift")  # as the exports order them
    monkeypatch.setenv("COLUMNS", "100")
    assert "drift│identity" in cli("review", str(tmp_path / "s.json")).stdout


def test_self_check_names_each_section_once(cli, tmp_path: Path) -> None:
    """Was: the section's name repeated in a column of its own beside every item."""
    data = sample_summary()
    first = data["selfcheck"]["items"][0]
    data["selfcheck"]["items"] = [
        first,
        {**first, "id": "mutuality.other", "text": "Relationships felt two-way", "score": 2},
        {**first, "id": "scope.x", "section": "Scope", "text": "I stayed in my role",
         "score": None},
    ]
    out = cli("review", _save(tmp_path / "s.json", data)).stdout
    check = out[out.index("Self-check"):]
    assert check.count("Mutuality") == 1 and check.count("Scope") == 1
    assert check.index("Mutuality") < check.index("Relationships felt two-way") < (
        check.index("Scope")
    )
    assert "2 of 5" in check and "4 of 5" in check  # (under the Score heading: "2 of 5")


def test_several_summaries_on_a_narrow_terminal(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a seven-column table cut to "Al…", "20…", "13…" at COLUMNS=40."""
    other = sample_summary()
    other["writer"] = "Kez"
    files = [_save(tmp_path / "sam.json", sample_summary()), _save(tmp_path / "kez.json", other)]
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("review", *files).stdout
    head = out[: out.index("Reflective-practice summary: Sam")]
    assert "…" not in head[: head.index(ALIKE_TITLE)]  # (its Redaction line holds one)
    assert "Sam  26 Oct – 20 Nov 2026" in head and "Kez  26 Oct – 20 Nov 2026" in head
    assert "2 entries, 1 shared · 1 alert" in head
    # (1.1 + 4.0) / 2 = 2.55, rounded once, ties to even, as the report rounds (was 2.5: the
    # float 2.55 is 2.5499…)
    assert "identity 1.6, drift 2.6 per 100 words" in head
    monkeypatch.setenv("COLUMNS", "100")
    assert "Summaries  (identity and drift per 100 words)" in cli("review", *files).stdout
