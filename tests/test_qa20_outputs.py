"""QA round 20: what a mentor or a script receives: PDF and HTML exports with long notes,
other scripts and long windows; review of files cut short, of odd numbers and of a long
shared entry; the report's dimension detail."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from rich.console import Console

from conftest import CLI
from peerjournal.render.report import print_report
from peerjournal.supervision import MAX_NOTE_CHARS
from test_summary import sample_summary

Add = Callable[..., int]
CLINICAL = "She was non-compliant so I told her she should take her meds. Café."
CUT_SHORT = "ends part-way through"


def _complete_check(cli: CLI, tmp_path: Path, note: str) -> None:
    items = json.loads(cli("supervision", "check", "--list-items", "--json").stdout)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({i["id"]: {"score": 3, "note": note} for i in items}))
    result = cli("supervision", "check", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr


def test_a_pdf_with_the_longest_self_check_notes_is_written(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """A note may hold 2,000 characters; in a PDF table cell that was taller than a page, and
    `export --format pdf --with-check` failed with "Unexpected error (ValueError)", exit 70."""
    add(CLINICAL, "--share")
    note = "steady " * ((MAX_NOTE_CHARS - 3) // 7) + "end"  # 1,998 characters
    _complete_check(cli, tmp_path, note)
    out = tmp_path / "summary.pdf"
    result = cli("export", "--format", "pdf", "--with-check", "--yes", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = " ".join(
        "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split()
    )
    assert "Self-check (2026-11-20)" in text
    assert "score 3 of 5 When it could help someone" in text
    assert text.count("steady end") == len(json.loads(
        cli("supervision", "check", "--list-items", "--json").stdout
    ))  # every note whole, to its last word


@pytest.fixture
def summary_file(cli: CLI, add: Add, tmp_path: Path) -> bytes:
    add(CLINICAL, "--share", "--setting", "café")
    out = tmp_path / "summary.json"
    result = cli("export", "--format", "json", "--yes", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def _review(cli: CLI, tmp_path: Path, data: bytes) -> Any:
    path = tmp_path / "cut.json"
    path.write_bytes(data)
    return cli("review", str(path))


def _cut_after(data: bytes, pattern: bytes) -> bytes:
    match = re.search(pattern, data)
    assert match, pattern
    return data[: match.end()]


@pytest.mark.parametrize("pattern", [
    rb'"writer": nu',  # inside null
    rb'"redacted": tr',  # inside true
    rb'"identity": \d+\.',  # inside a number, after its point
    rb"caf\xc3",  # inside the two bytes of "é"
])
def test_a_summary_cut_short_inside_a_value_says_so(
    cli: CLI, tmp_path: Path, summary_file: bytes, pattern: bytes
) -> None:
    """A file cut inside a value was "not valid JSON (line 12, column 13: Expecting value)",
    or for a cut inside a character "not UTF-8 text", rather than cut short."""
    result = _review(cli, tmp_path, _cut_after(summary_file, pattern))
    assert result.exit_code == 1 and result.stdout == ""
    assert CUT_SHORT in result.stderr and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr and "non-compliant" not in result.stderr


def test_a_summary_cut_inside_an_escape_says_so(cli: CLI, tmp_path: Path) -> None:
    """A summary saved again with ASCII escapes, cut inside "\\u00e9"."""
    text = json.dumps({"schema": "peerjournal.summary/1", "note": "caf\u00e9"}, ensure_ascii=True)
    result = _review(cli, tmp_path, text[: text.index("\\u00e9") + 4].encode())
    assert result.exit_code == 1 and CUT_SHORT in result.stderr


@pytest.mark.parametrize("text", [
    '{"schema": "peerjournal.summary/1", "writer": nul, "note": ""}',
    '{"schema": "peerjournal.summary/1"} x',
    '{"schema": "peerjournal.summary/1", "entries": 1.}',
])
def test_a_whole_file_that_is_not_json_is_not_called_cut_short(
    cli: CLI, tmp_path: Path, text: str
) -> None:
    result = _review(cli, tmp_path, text.encode())
    assert result.exit_code == 1 and "not valid JSON" in result.stderr
    assert CUT_SHORT not in result.stderr


def test_dimension_detail_is_headed_with_the_lexicons_own_label(cli: CLI, add: Add) -> None:
    """An organisation's label ("IPS advice") was shown lower-cased and capitalised again:
    "Ips advice  in detail", while the Dimensions table above said "IPS advice"."""
    add(CLINICAL, "--date", "2026-11-18")
    result = cli("report", "--json", "--dimension", "advice")
    assert result.exit_code == 0, result.stderr
    console = Console(file=io.StringIO(), width=100, no_color=True)
    print_report(console, json.loads(result.stdout), {"advice": "IPS advice"})
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "IPS advice  in detail" in shown and "Ips advice" not in shown


def _save(path: Path, summary: dict[str, Any]) -> str:
    path.write_text(json.dumps(summary), encoding="utf-8")
    return str(path)


def test_an_overview_of_a_summary_with_drift_but_no_identity_number(
    cli: CLI, tmp_path: Path
) -> None:
    """The schema lets a period's identity or drift be null alone; the overview of several
    summaries multiplied the null by the period's entries: exit 70, "Unexpected error"."""
    odd = sample_summary()
    odd["writer"] = "Kez"
    for period in odd["periods"]:
        period["drift"] = None
    files = [_save(tmp_path / "a.json", sample_summary()), _save(tmp_path / "b.json", odd)]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    overview = result.stdout[: result.stdout.index("Reflective-practice summary")]
    rows = {line.split()[0]: line.replace("│", " ").split() for line in overview.splitlines()
            if line.startswith(("Sam", "Kez"))}
    sam, kez = rows["Sam"], rows["Kez"]
    assert kez[-3:] == [sam[-3], "–", sam[-1]]  # identity as Sam's, drift unknown, alerts


def test_a_long_shared_entry_is_reviewed_a_line_at_a_time(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich drew an entry as one string of all its lines and split it at each newline,
    copying the rest each time: a 2,000,000-character shared entry took 75 s to review at 30
    columns. Now no string longer than a line is split, and the text is unchanged."""
    from rich.segment import Segment

    longest = 0
    split = Segment.split_and_crop_lines

    def spy(segments: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal longest
        segments = list(segments)
        longest = max([longest, *(len(s.text) for s in segments)])
        return split(segments, *args, **kwargs)

    monkeypatch.setattr(Segment, "split_and_crop_lines", spy)
    words = [f"word{n}" for n in range(20_000)]
    summary = sample_summary()
    summary["shared_entries"][0]["experience"] = " ".join(words)
    result = cli("review", _save(tmp_path / "long.json", summary))
    assert result.exit_code == 0, result.stderr
    assert longest < 2_000  # the entry is 180,000 characters
    body = result.stdout.split(words[0], 1)[1]
    shown = re.findall(r"word\d+", body)
    assert shown[: len(words) - 1] == words[1:]  # every word, in order, none cut
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


@pytest.mark.parametrize("width", [30, 100])
def test_a_section_draws_its_text_as_rich_draws_a_text(width: int) -> None:
    """Styles, wrapping, long words folded: the line-by-line drawing changes nothing seen."""
    from rich.text import Text

    from peerjournal.render.summary import section

    text = Text("Plain start, ")
    text.append("italic excerpt " * 8, "italic")
    text.append("\n" + "x" * 75 + " end\n\nlast paragraph", "bold")

    def drawn(body: Any) -> str:
        console = Console(file=io.StringIO(), width=width, force_terminal=True,
                          color_system="truecolor")
        console.print(body)
        return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]

    from rich.panel import Panel

    assert drawn(section("Title", text)) == drawn(
        Panel(text, title=Text("Title"), title_align="left", expand=True)
    )


def test_html_journal_text_in_arabic_reads_right_to_left(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The page is lang="en", so every paragraph ran left to right: an entry in Arabic or
    Hebrew had its full stop at the wrong end. Journal text now takes its own direction."""
    arabic = "ذهبنا معا إلى مكتب الإسكان."
    add(arabic, "--share")
    out = tmp_path / "summary.html"
    result = cli("export", "--format", "html", "--note", "שלום.", "--yes", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text("utf-8")
    assert f'<p class="text" dir="auto">{arabic}</p>' in page
    assert '<blockquote dir="auto">שלום.</blockquote>' in page
    assert '<html lang="en">' in page  # the headings stay English, left to right


def _chart_labels(page: str) -> list[str]:
    """The dates under the HTML trend chart, read from its SVG as XML."""
    import xml.etree.ElementTree as ET

    chart = re.findall(r"<svg.*?</svg>", page, re.S)[0]
    return [t.text or "" for t in ET.fromstring(chart).iter("text") if "-" in (t.text or "")]


def test_chart_dates_name_their_year_when_the_window_spans_years(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Under the charts a period was its month and day alone: a window from 1990, whose
    empty years are one period, showed "01-01" beside "11-09", as if a week of this year."""
    add(CLINICAL, "--date", "2026-11-18")
    pages = {}
    for fmt, since in (("html", "1990-01-01"), ("pdf", "1990-01-01"), ("html", "2026-10-01")):
        out = tmp_path / f"{since}.{fmt}"
        result = cli("export", "--format", fmt, "--since", since, "--yes", "--output", str(out))
        assert result.exit_code == 0, result.stderr
        pages[fmt, since] = out.read_bytes()
    assert _chart_labels(pages["html", "1990-01-01"].decode())[:2] == [
        "1990-01-01", "2026-11-16"
    ]
    pdf = PdfReader(io.BytesIO(pages["pdf", "1990-01-01"]))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "1990-01-01 2026-11-16" in text  # the chart's labels, on one line
    assert _chart_labels(pages["html", "2026-10-01"].decode())[0] == "10-01"  # within a year


def test_a_pdf_says_why_some_characters_are_replacement_marks(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """An entry in Arabic, Hebrew or Chinese came out as rows of � with no word of why."""
    add("ذهبنا معا إلى مكتب الإسكان. 你好.", "--share")
    out = tmp_path / "summary.pdf"
    result = cli("export", "--format", "pdf", "--note", "שלום", "--yes", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    text = " ".join("\n".join(p.extract_text() for p in pages).split())
    assert "\ufffd" in text and "have no glyph in this PDF's font" in text
    assert "the HTML or Markdown export of the same summary shows them" in text


def test_a_pdf_without_such_characters_says_nothing_of_them(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("We walked to the housing office together. Café, naïve, Ωμέγα, Привет.", "--share")
    out = tmp_path / "plain.pdf"
    assert cli("export", "--format", "pdf", "--yes", "--output", str(out)).exit_code == 0
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Привет" in text and "\ufffd" not in text and "no glyph" not in text
