"""peerjournal review: the mentor's side. Untrusted files, clear errors, no journal needed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_summary import sample_summary

ESC = "\x1b"


def _save(path: Path, data: Any) -> str:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_review_renders_a_summary_without_a_journal(cli, isolated: Path, tmp_path: Path) -> None:
    file = _save(tmp_path / "sam.json", sample_summary())
    result = cli("review", file)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in ("Reflective-practice summary: Sam", "Trend by week", "Recovery story",
                     "Peer drift markers", "non compliant", "Drift rose in the last two weeks",
                     "Next time I will ask [person] what she wants.", "Self-check (2026-11-19)",
                     "Note from the writer", "[person]'s case is on my mind"):
        assert expected in out
    assert not isolated.exists() or not any(isolated.rglob("*.db"))


def test_several_summaries_get_an_overview(cli, tmp_path: Path) -> None:
    other = sample_summary()
    other["writer"] = "Kez"
    other["alerts"] = []
    files = [_save(tmp_path / "sam.json", sample_summary()), _save(tmp_path / "kez.json", other)]
    out = cli("review", *files).stdout
    assert out.index("Summaries") < out.index("Reflective-practice summary: Sam")
    overview = out[: out.index("Reflective-practice summary: Sam")]
    assert "Sam" in overview and "Kez" in overview


def test_json_merges_the_summaries(cli, tmp_path: Path) -> None:
    other = sample_summary()
    other["writer"] = "Kez"
    files = [_save(tmp_path / "a.json", sample_summary()), _save(tmp_path / "b.json", other)]
    merged = json.loads(cli("review", *files, "--json").stdout)
    assert merged["schema"] == "peerjournal.review/2" and merged["errors"] == []
    assert [s["file"] for s in merged["summaries"]] == files
    assert merged["summaries"][0]["summary"] == sample_summary()


def test_malformed_files_are_named(cli, tmp_path: Path) -> None:
    cases = {
        "broken.json": "{not json",
        "list.json": "[]",
        "nan.json": json.dumps(sample_summary()).replace('"identity": 3.2', '"identity": NaN'),
        "binary.json": "\udcff",
    }
    for name, content in cases.items():
        path = tmp_path / name
        if name == "binary.json":
            path.write_bytes(b"\xff\xfe\x00garbage")
        else:
            path.write_text(content)
        result = cli("review", str(path))
        assert result.exit_code == 1, name
        assert result.stderr.startswith(f"peerjournal: {path}: "), result.stderr
        assert "Traceback" not in result.stderr
    missing = cli("review", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1 and "nope.json: no such file" in missing.stderr


def test_future_schema_is_refused_clearly(cli, tmp_path: Path) -> None:
    data = sample_summary()
    data["schema"] = "peerjournal.summary/2"
    result = cli("review", _save(tmp_path / "new.json", data))
    assert result.exit_code == 1
    assert "new.json: summary schema 'peerjournal.summary/2' is not supported" in result.stderr


def test_good_files_still_render_when_one_is_bad(cli, tmp_path: Path) -> None:
    good = _save(tmp_path / "good.json", sample_summary())
    bad = _save(tmp_path / "bad.json", {"schema": "peerjournal.summary/1"})
    result = cli("review", good, bad)
    assert result.exit_code == 1 and "Reflective-practice summary: Sam" in result.stdout
    assert "bad.json: the file was changed after it was exported (generated at is missing)" \
        in result.stderr
    merged = cli("review", good, bad, "--json")
    assert merged.exit_code == 1
    body = json.loads(merged.stdout)
    assert len(body["summaries"]) == 1
    [error] = body["errors"]  # the file apart from the message, which does not repeat it
    assert error["file"] == bad and "generated" in error["message"] and bad not in error["message"]


def test_hostile_text_never_reaches_the_terminal(cli, tmp_path: Path) -> None:
    evil = f"{ESC}]0;pwned\x07{ESC}[2J\r\x9b31mred\u202egnp.exe [bold]x[/bold]"
    data = sample_summary()
    data["note"] = evil
    data["writer"] = f"Sam{ESC}[31m"
    data["shared_entries"][0]["experience"] = evil
    data["markers"]["drift"][0]["excerpts"][0]["text"] = evil
    data["dimensions"][0]["label"] = evil
    data["periods"][1]["dimensions"] = {evil: {"identity": 1.0, "drift": 0.0}}
    file = _save(tmp_path / "evil.json", data)
    result = cli("review", file)
    assert result.exit_code == 0, result.stderr
    for forbidden in (ESC, "\x07", "\r", "\x9b", "\u202e"):
        assert forbidden not in result.stdout
    assert "\\x1b]0;pwned" in result.stdout and "\\u202e" in result.stdout
    assert "[bold]x[/bold]" in result.stdout  # shown as written, not as markup
    merged = cli("review", file, "--json").stdout
    assert ESC not in merged and "\u202e" not in merged and "\x9b" not in merged


def test_hostile_field_names_in_errors_are_neutralised(cli, tmp_path: Path) -> None:
    data = sample_summary()
    data["periods"][0]["dimensions"] = {f"x{ESC}[31m": {"identity": "bad", "drift": 0}}
    result = cli("review", _save(tmp_path / "e.json", data))
    assert result.exit_code == 1 and ESC not in result.stderr and "\\x1b" in result.stderr


def test_a_summary_saved_again_as_utf16_is_read(cli, tmp_path: Path) -> None:
    """Was: "not UTF-8 text" for a summary an editor had saved again as "Unicode"."""
    text = json.dumps(sample_summary(), ensure_ascii=False)
    for n, encoding in enumerate(("utf-16", "utf-16-le", "utf-32")):
        file = tmp_path / f"s{n}.json"
        file.write_bytes(text.encode(encoding))
        result = cli("review", str(file))
        assert result.exit_code == 0, (encoding, result.stderr)
        assert "Reflective-practice summary: Sam" in result.stdout


def test_a_compressed_summary_is_named_as_such(cli, tmp_path: Path) -> None:
    import gzip

    file = tmp_path / "s.json.gz"
    file.write_bytes(gzip.compress(json.dumps(sample_summary()).encode()))
    result = cli("review", str(file))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {file}: a compressed file (gzip or zip); unpack it first.\n")


def test_an_absurd_rate_is_refused(cli, tmp_path: Path) -> None:
    """Was: shown, its 300 digits squeezing the Period column out of the table."""
    summary = sample_summary()
    summary["periods"][1]["identity"] = 1e300
    result = cli("review", _save(tmp_path / "s.json", summary))
    assert result.exit_code == 1
    assert ("(periods #2 identity is more than 1,000 per 100 words, larger than any real "
            "rate)") in result.stderr


def test_a_csv_from_before_its_summary_columns_still_says_how_to_open_it(
    cli, tmp_path: Path
) -> None:
    file = _save(tmp_path / "old.csv", "start,end,entries,identity,drift,balance\n")
    result = cli("review", file)
    assert result.exit_code == 1 and "a CSV (numbers only) summary" in result.stderr


def test_a_csv_saved_again_by_a_spreadsheet_still_says_how_to_open_it(
    cli, tmp_path: Path
) -> None:
    """Was: "not valid JSON (line 1, column 1 …)" once quoted or ";"-separated."""
    for n, header in enumerate(('"summary_since";"summary_until";"redacted";"start"',
                                "summary_since\tsummary_until\tredacted\tstart")):
        file = _save(tmp_path / f"s{n}.csv", header + "\r\n2026-11-02;2026-11-20;true\r\n")
        result = cli("review", file)
        assert result.exit_code == 1 and "a CSV (numbers only) summary" in result.stderr, n
