"""Each writer, and the invariants: no listed name in any format, nothing external in HTML."""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import sys
import unicodedata
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from peerjournal.entry import Entry
from peerjournal.exporters import FORMATS, get_format
from peerjournal.exporters.pdf import FONT, MISSING_GLYPHS, _Report
from peerjournal.namewords import TITLES
from peerjournal.redact import COMMON_WORDS, Person, Redactor
from peerjournal.summary import SummaryInput, build_summary, validate_summary
from test_summary import redactor, sample_input, sample_summary

NAME_LETTERS = "bcdfghjklmnpqrstvwxzáéíóúñøçł"
HOSTILE = (
    " <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
    "![pixel](https://tracker.example/p.png) <style>@import url(//evil.example/x.css)</style> "
    "*bold* | pipe | # heading"
)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def rendered(fmt: str, summary: dict[str, Any]) -> str:
    data = get_format(fmt).write(summary)
    return pdf_text(data) if fmt == "pdf" else data.decode("utf-8")


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def readable(fmt: str, summary: dict[str, Any]) -> str:
    """The text a reader gets from the file: JSON decoded, so the letters of its escapes
    ("\\b", "\\n") are not read as words; HTML with its entities ("&lt;") resolved."""
    out = rendered(fmt, summary)
    if fmt == "json":
        return "\n".join(_strings(json.loads(out)))
    return html.unescape(out) if fmt == "html" else out


def test_registry_knows_every_format() -> None:
    assert set(FORMATS) == {"md", "html", "pdf", "json", "csv"}
    assert get_format(".PDF").name == "pdf"
    with pytest.raises(Exception, match="Unknown format 'docx'"):
        get_format("docx")


def test_pdf_writer_is_the_only_one_that_imports_fpdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # every fpdf module goes, and comes back after: a package dropped without its submodules
    # fails the next test that imports it ("module 'fpdf' has no attribute 'fpdf'")
    loaded = [n for n in sys.modules if n == "fpdf" or n.startswith("fpdf.")]
    for name in [*loaded, "peerjournal.exporters.pdf"]:
        monkeypatch.delitem(sys.modules, name, raising=False)
    for fmt in ("md", "html", "json", "csv"):
        get_format(fmt).write(sample_summary())
    assert "fpdf" not in sys.modules
    get_format("pdf").write(sample_summary())
    assert "fpdf" in sys.modules


def test_markdown_has_sections_and_escapes_journal_text() -> None:
    md = rendered("md", sample_summary(extra_text=HOSTILE))
    for heading in ("# Reflective-practice summary: Sam", "## Trend by week", "## Dimensions",
                    "## Peer identity markers", "## What the writer will do differently",
                    "## Self-check (2026-11-19)", "## Shared entries", "## Alerts"):
        assert heading in md
    entries = md.split("## Shared entries", 1)[1]
    assert not re.search(r"(?<!\\)[<>]", entries)  # every angle bracket escaped: no raw HTML
    assert not re.search(r"(?<!\\)\]\(", entries)  # no link or image syntax
    assert "\\<script\\>" in md and "\\*bold\\*" in md


def _tags(page: str) -> list[str]:
    return re.findall(r"<[a-zA-Z!/][^>]*>", page)


def test_html_is_self_contained_and_escaped() -> None:
    html = rendered("html", sample_summary(extra_text=HOSTILE))
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html and "<style>" in html
    assert "<script" not in html.lower() and "http" not in html.lower()
    assert not any(re.search(r"\b(src|href|action|xmlns)\s*=", t) for t in _tags(html))
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style and "//" not in style
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x" in html


def test_html_has_no_external_references_even_unredacted() -> None:
    html = build_summary(sample_input(extra_text=" see https://example.org/x"), None)
    page = get_format("html").write(html).decode()
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)
    assert not any(re.search(r"\b(src|href|xlink:href|action)\s*=", t) for t in tags)
    assert "<script" not in page and "UNREDACTED" in page


def test_pdf_is_valid_and_holds_the_expected_text() -> None:
    data = get_format("pdf").write(sample_summary())
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 4
    text = pdf_text(data)
    for expected in ("Reflective-practice summary: Sam", "Trend by week", "Recovery story",
                     "Next time I will ask [person] what she wants.", "Self-check (2026-11-19)",
                     "I learn from the people I support", "[person]'s house"):
        assert expected in text
    assert "Maria" not in text
    assert len(data) < 60_000  # the font is subset on output


def test_pdf_copes_with_any_unicode() -> None:
    summary = sample_summary(extra_text=" Ünïcödé — “quotes” € Ωμέγα Привет 😀 中文 \x07 \u202e")
    text = " ".join(pdf_text(get_format("pdf").write(summary)).split())
    assert "Ünïcödé — “quotes” € Ωμέγα Привет \ufffd" in text  # no glyph: U+FFFD, not nothing
    assert "\x07" not in text and "\u202e" not in text


def test_pdf_prints_a_page_count_alias_as_written() -> None:
    data = sample_input(extra_text=" Page {nb} of my notes.")
    assert data.selfcheck is not None
    data.selfcheck.items[0].note = "{nb} times"
    text = _flat(pdf_text(get_format("pdf").write(build_summary(data, redactor()))))
    assert "Page {nb} of my notes." in text and "{nb} times" in text


def test_pdf_says_unredacted() -> None:
    data = get_format("pdf").write(build_summary(sample_input(), None))
    assert "UNREDACTED" in pdf_text(data)


WORDS = ("walked", "housing", "office", "forms", "garden", "listened", "silence", "weekend",
         "library", "hope", "supervision", "boundaries", "mutual", "alongside", "recovery",
         "story", "team", "nurse", "handover", "bus", "weather", "tired", "proud", "anxious",
         "calm", "café", "naïve")
NAMES = ("Maria", "maria", "MARIA", "Lopez", "Maria Lopez", "Maria's", "lopez’s")


def _many_shared(count: int) -> SummaryInput:
    """The sample summary's input with `count` shared entries instead of its own: each one's
    text is unique and names the listed person in one of several forms."""
    rng = random.Random(count)
    data = sample_input()

    def words(n: int, entry: int) -> str:
        return " ".join([f"entry{entry}", *(rng.choice(WORDS) for _ in range(n)), "done."])

    extra = [
        Entry(date=date(2026, 11, 1 + n % 19), id=100 + n, shared=True,
              experience=f"{words(90, n)} I met {rng.choice(NAMES)} at the ward. {words(60, n)}",
              feelings=words(25, n), evaluation=f"Ask {rng.choice(NAMES)} first. {words(30, n)}",
              self_care=words(8, n) if n % 3 else "")
        for n in range(count)
    ]
    return replace(data, entries=extra)


def test_a_long_pdf_holds_every_shared_entry_and_no_listed_name() -> None:
    summary = build_summary(_many_shared(60), Redactor([Person("Maria Lopez")]))
    assert len(summary["shared_entries"]) == 60
    data = get_format("pdf").write(summary)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 10
    text = _flat(pdf_text(data))
    for entry in summary["shared_entries"]:
        for key in ("experience", "feelings", "evaluation", "self_care"):
            assert _flat(entry[key]) in text, (entry["date"], key)
    assert text.count("[person]") >= 120
    assert not re.search(r"maria|lopez", text, re.IGNORECASE)


@pytest.fixture(scope="module")
def two_reports() -> tuple[_Report, _Report]:
    """Two PDFs with the same history: one draws paragraphs our way, one with multi_cell."""
    return _Report(sample_summary()), _Report(sample_summary())


def _drawn(report: _Report, text: str, size: float, indent: float, y: float,
           ours: bool) -> tuple[list[bytes], float, float]:
    """The new pages' content streams and where the text ended."""
    pdf = report.pdf
    pdf.add_page()
    first = pdf.page
    pdf.set_font(FONT, "", size)
    pdf.set_xy(pdf.l_margin + indent, y)
    if ours:
        report.paragraph(text, pdf.epw - indent, size * 0.5)
    else:
        pdf.multi_cell(pdf.epw - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pages = [bytes(pdf.pages[n].contents) for n in range(first, pdf.page + 1)]
    return pages, pdf.get_x(), pdf.get_y()


paragraph_text = st.lists(
    st.one_of(
        st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\u00a0", "\u2003", "—", "Ω", "{nb}"]),
        st.text("aeiounrstlmWM", min_size=1, max_size=12),
        st.text("mw", min_size=60, max_size=150),  # a word wider than the line
    ),
    max_size=120,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=paragraph_text, size=st.sampled_from([8, 9, 10, 11, 13, 18]),
       indent=st.sampled_from([0, 2, 8]), y=st.floats(20, 270))
def test_pdf_paragraphs_are_drawn_as_multi_cell_draws_them(
    two_reports: tuple[_Report, _Report], text: str, size: float, indent: float, y: float
) -> None:
    ours, theirs = two_reports
    assert _drawn(ours, text, size, indent, y, True) == _drawn(theirs, text, size, indent, y,
                                                               False)


def test_csv_holds_per_period_numbers() -> None:
    rows = list(csv.DictReader(io.StringIO(rendered("csv", sample_summary()))))
    assert [r["start"] for r in rows] == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    assert rows[0]["identity"] == "" and rows[1]["identity"] == "3.2"
    assert rows[2]["co_optation_drift"] == "4.0" and rows[1]["story_identity"] == "3.2"
    summary = sample_summary()
    assert {(r["summary_since"], r["summary_until"], r["redacted"]) for r in rows} == {
        (summary["period"]["since"], summary["period"]["until"], "true")}


def test_json_is_the_summary_and_validates() -> None:
    summary = sample_summary()
    loaded = json.loads(rendered("json", summary))
    assert loaded == summary and validate_summary(loaded, "s.json") == summary


# ----------------------------------------------------------------------- the invariants

BOILERPLATE = " ".join(rendered(f, sample_summary(experience="", evaluation="x", note="x"))
                       for f in ("md", "html", "json", "csv")).casefold()


def _occurs(word: str, text: str) -> bool:
    return bool(re.search(rf"(?<![^\W\d_]){re.escape(word.casefold())}(?![^\W\d_])",
                          text.casefold()))


names = st.tuples(
    st.text(NAME_LETTERS, min_size=2, max_size=8), st.text(NAME_LETTERS, min_size=2, max_size=8)
).map(" ".join)
placements = st.sampled_from(["{}", "{}'s", "{}’s", "“{}”", "({})", "{},", "#{}", "{}_x", "{}."])
fillers = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                  max_size=40)


def _mention(name: str, form: int, case: int, placement: str) -> str:
    word = [name, name.split()[0], name.split()[1]][form]
    word = [word, word.upper(), word.lower(), word.title()][case]
    return placement.format(word)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, data=st.data())
def test_a_listed_name_never_appears_in_any_export(name: str, data: st.DataObject) -> None:
    parts = [name, *name.split()]
    # (a title, "mr" of "mr bb", is never replaced on its own: the name's other part is)
    assume(not any(p in COMMON_WORDS or p in TITLES or p in BOILERPLATE
                   for p in name.casefold().split()))

    def filler() -> str:
        text = data.draw(fillers)
        assume(not any(_occurs(p, text) for p in parts))
        return text

    def mention() -> str:
        return _mention(name, data.draw(st.integers(0, 2)), data.draw(st.integers(0, 3)),
                        data.draw(placements))

    def text() -> str:
        return f"{filler()} {mention()} {filler()}"

    entry = sample_input(experience=f"I shared my story. {text()}", evaluation=text(),
                         note=text())
    shared = entry.entries[0]
    shared.tags, shared.setting, shared.feelings = [mention().lower()], text(), text()
    entry.writer = mention()
    entry.report["alerts"] = [text()]
    summary = build_summary(entry, Redactor([Person(name)]))
    for fmt in ("md", "html", "json", "csv"):
        out = readable(fmt, summary)
        assert not any(_occurs(p, out) for p in parts), fmt


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, form=st.integers(0, 2), case=st.integers(0, 3), placement=placements)
def test_a_listed_name_never_appears_in_the_pdf(name: str, form: int, case: int,
                                                placement: str) -> None:
    # the PDF's own words too: a name "bb pdf" is not leaked by "this PDF's font"
    assume(not any(p in COMMON_WORDS or p in TITLES or p in BOILERPLATE
                   or _occurs(p, MISSING_GLYPHS) for p in name.casefold().split()))
    said = _mention(name, form, case, placement)
    entry = sample_input(experience=f"I shared my story with {said} today.",
                         evaluation=f"Next time I will ask {said} first.", note=said)
    out = pdf_text(get_format("pdf").write(build_summary(entry, Redactor([Person(name)]))))
    for part in [name, *name.split()]:
        assert not _occurs(part, out)


@settings(max_examples=40, deadline=None)
@given(url=st.from_regex(r"https?://[a-z]{1,10}\.(org|com|net)(/[a-z0-9]{0,8})?", fullmatch=True),
       filler=fillers)
def test_html_never_carries_a_url(url: str, filler: str) -> None:
    assume("http" not in filler.lower() and "//" not in filler)
    summary = sample_summary(extra_text=f" {filler} {url} <script>x</script>")
    html = rendered("html", summary)
    assert "http" not in html.lower() and "//" not in html and "<script" not in html.lower()


def test_a_control_character_next_to_a_name_part_is_not_written_as_an_escape() -> None:
    # Found by test_a_listed_name_never_appears_in_any_export: with "bb bb" listed, the text
    # "bb bb \x08B" was redacted to "[person] \x08B", which JSON wrote as "[person] \bB": the
    # escape's letter and the text's "B" read as "bB". Control characters now leave as spaces.
    entry = sample_input(experience="I shared my story. bb bb \x08B", note="\x1bb bb\x08b")
    entry.report["alerts"] = [" bb bb \x08B"]
    summary = build_summary(entry, Redactor([Person("bb bb")]))
    for fmt in FORMATS:
        for out in {rendered(fmt, summary), readable(fmt, summary) if fmt != "pdf" else ""}:
            assert not _occurs("bb", out), fmt
            assert "\\b" not in out and "\\u001b" not in out and "\x08" not in out, fmt


def _plain(text: str) -> str:
    """What a reader would take `text` to say: compatibility forms, no accents, no invisible
    or control characters, no apostrophes ("O´Brien" is "OBrien"), case folded."""
    decomposed = unicodedata.normalize("NFKD", re.sub("['’ʼ‘`´′]", "", text))
    kept = "".join(ch for ch in decomposed if ch.isspace() or (
        not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Cc", "Cf")))
    return kept.casefold()


def _seen(word: str, text: str) -> bool:
    return bool(re.search(rf"(?<![^\W\d_]){re.escape(_plain(word))}(?![^\W\d_])", _plain(text)))


DISGUISED = [
    # each is a real leak found while hunting: the listed name, the text that said it
    ("Maria Lopez", "Ma\u00adria came (a soft hyphen pasted from a document)."),
    ("Maria Lopez", "Lo\u200bpez came (a zero-width space)."),
    ("Maria Lopez", "Ma\x00ria came (a control character the PDF drops)."),
    ("Maria", "Maria\u02bcs flat (the modifier-letter apostrophe some keyboards type)."),
    ("ΝΙΚΟΣ", "Ο Νίκος ήρθε (final sigma, listed in capitals)."),
    ("Ilker Kaya", "İlker and ılker and ILKER (Turkish dotted and dotless i)."),
    ("İlker Kaya", "ilker came (listed with a dotted capital I)."),
    ("Jan Strauss", "Herr Strauß came (ß for ss)."),
    ("Seán Murphy", "Sean came (the accent left off)."),
    ("Zoe", "Zoë came (an accent added)."),
    ("Maria Lopez", "ＭＡＲＩＡ came (full-width letters from an East Asian keyboard)."),
    ("Sinéad O'Brien", "O´Brien came (an acute accent typed for the apostrophe)."),
    ("Sinéad O'Brien", "Obrien came (the apostrophe left out)."),
]


@pytest.mark.parametrize(("name", "text"), DISGUISED)
def test_a_disguised_listed_name_never_appears_in_any_export(name: str, text: str) -> None:
    entry = sample_input(experience=f"I shared my story. {text}", note=text)
    entry.report["alerts"] = [text]
    summary = build_summary(entry, Redactor([Person(name)]))
    for fmt in FORMATS:
        out = readable(fmt, summary) if fmt != "pdf" else rendered(fmt, summary)
        for part in [name, *name.split()]:
            assert not _seen(part, out), (fmt, part)


def test_markdown_never_makes_a_link_or_image_of_a_placeholder() -> None:
    """Was: "!Sam(//1.2.3.4/p.png)" became "![person](//1.2.3.4/p.png)", an image a Markdown
    viewer fetches; "S&#97;m" showed as "Sam"; "\\[person]" opened a line read as text."""
    from markdown_it import MarkdownIt

    from peerjournal.exporters.markdown import escape

    redact = Redactor([Person("Sam Jones")])
    text = ("look !Sam(//1.2.3.4/p.png) and Sam(notes.html), x@y.com(//h/a.png)\n"
            "Sam taught me\nSam: /definition\nS&#97;m &lt;b&gt; A&E")
    page = MarkdownIt("commonmark").render(escape(redact(text)))
    assert "<img" not in page and "<a " not in page and "Sam" not in page
    assert "&lt;b&gt;" not in page and "A&amp;E" in page
    lines = escape(redact(text)).splitlines()
    assert lines[1] == "[person] taught me"  # readable as plain text too
    assert lines[2].startswith("\\[person]:")  # but never a link definition


def test_every_readable_format_says_it_was_redacted() -> None:
    """Was: said only when it was not; a mentor had to infer redaction from a missing line."""
    from peerjournal.exporters.common import REDACTED

    summary = sample_summary()
    assert summary["redacted"]
    for fmt in ("md", "html", "pdf"):
        out = _flat(readable(fmt, summary))
        assert "Redaction" in out and _flat(REDACTED) in out, fmt
