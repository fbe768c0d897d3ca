"""QA round 31 (mentor summary and review), fixed in round 32.

2. A marker's quote was cut (70 characters, or at ". " and line breaks only) before it was
   redacted, so a Chinese name cut in half left ("…也王小…"): the text is now redacted first
   and the quote cut from that, at "。" too, never inside a placeholder.
5. Two writers whose signatures were both replaced ("[person]") were compared as one.
10. A signature with a line break drew a fake "File: …" line in review.
11. A balance that disagreed with its identity and drift was shown; a broken link in a
    folder was passed over in silence.
12. `export --json` left out the passages no name check could read.
14. "Hope Walker came to mind." counted "hope" as a feeling named.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import CLI
from peerjournal.feelings import named_feelings
from peerjournal.redact import Person, Redactor, placeholders
from peerjournal.reviewing import _PLACEHOLDER, writer_key
from peerjournal.summary import balance_range, build_summary, excerpt
from test_summary import sample_summary

CJK_NAME = "王小明"
# Chinese with none of the name's characters, and no full stop: one long run of letters
CJK = "我们一起坐了很久他说他很累我也很累今天的工作很多我们谈了很多关于家庭的事情他的孩子生病了"


def proper_parts(name: str) -> list[str]:
    """Every proper sub-string of `name` of two characters or more."""
    return [name[i:j] for i in range(len(name)) for j in range(i + 2, len(name) + 1)
            if j - i < len(name)]


# -- 2. quotes are cut after redaction ---------------------------------------------------------


@pytest.mark.parametrize("before", range(40, 100, 3))
def test_a_chinese_name_at_the_cut_is_replaced_whole_not_cut_in_half(before: int) -> None:
    redact = Redactor([Person(CJK_NAME)])
    text = "HIT" + (CJK * 3)[:before] + CJK_NAME + "的妈妈来了" + CJK
    quote = excerpt(text, 0, 3, redact, keep=sorted(placeholders()))
    assert quote.startswith("HIT")
    assert not any(part in quote for part in proper_parts(CJK_NAME)), quote
    ahead = CJK + CJK_NAME + (CJK * 3)[:before] + "HIT"
    quote = excerpt(ahead, len(ahead) - 3, len(ahead), redact, keep=sorted(placeholders()))
    assert quote.endswith("HIT")
    assert not any(part in quote for part in proper_parts(CJK_NAME)), quote


def test_a_quote_ends_at_a_chinese_full_stop_and_is_cut_after_a_pause_mark() -> None:
    redact = Redactor([Person(CJK_NAME)])
    text = "Hard day. I told him he should。" + CJK + CJK_NAME + "的妈妈来了。"
    start = text.index("told")
    assert excerpt(text, start, start + 8, redact) == "I told him he should。"
    text = "HIT" + CJK[:40] + "，" + CJK * 2
    assert excerpt(text, 0, 3, redact) == "HIT" + CJK[:40] + "，…"


def test_a_cut_never_falls_inside_a_placeholder_or_an_alias() -> None:
    redact = Redactor([Person("Ngozi Okonkwo", "N. O."), Person(CJK_NAME)])
    keep = [*placeholders(), "N. O."]
    for n in range(55, 80):
        text = "HIT" + (CJK * 3)[:n] + CJK_NAME + CJK * 2
        quote = excerpt(text, 0, 3, redact, keep=keep)
        assert "[person]" in quote or "[" not in quote, quote
        latin = "HIT " + "x" * (n - 10) + "-Ngozi-Okonkwo-" + "y" * 90
        quote = excerpt(latin, 0, 3, redact, keep=keep)
        assert "N. O." in quote or "N." not in quote, quote


@pytest.mark.parametrize("before", [290, 297, 298])
def test_an_intention_cut_short_leaves_no_half_name(before: int) -> None:
    """An answer to "what will you do differently?" was cut at 300 characters, then redacted:
    in Chinese, with no space to cut at, the cut could fall inside a name."""
    from test_summary_qa import _entry, _input

    answer = (CJK * 8)[:before] + CJK_NAME + "的妈妈谈谈" + CJK
    entry = _entry(1, evaluation="", answers={"do_differently": answer})
    s = build_summary(_input([entry]), Redactor([Person(CJK_NAME)]))
    (intention,) = s["intentions"]
    assert intention["text"].endswith("…")
    assert not any(part in intention["text"] for part in proper_parts(CJK_NAME))


@pytest.fixture
def entry_with(cli: CLI) -> Callable[..., None]:
    def write(text: str, *names: str) -> None:
        for name in names:
            assert cli("people", "add", name).exit_code == 0
        result = cli("write", "--share", "-x", text)
        assert result.exit_code == 0, result.stderr

    return write


def exported(cli: CLI, tmp_path: Path) -> dict[str, str]:
    """The summary of today in every format that carries text, as text."""
    out = {}
    for fmt in ("json", "md", "html", "pdf"):
        path = tmp_path / f"s.{fmt}"
        result = cli("export", "--since", "2026-11-20", "--yes", "-o", str(path))
        assert result.exit_code == 0, result.stderr
        data = path.read_bytes()
        out[fmt] = ("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
                    if fmt == "pdf" else data.decode("utf-8"))
    return out


def quotes(summary_json: str) -> list[str]:
    summary = json.loads(summary_json)
    return [x["text"] for side in ("identity", "drift") for m in summary["markers"][side]
            for x in m["excerpts"]]


@pytest.mark.parametrize("mark", ["。", "，"])
def test_a_chinese_name_past_the_old_cut_leaves_in_no_format(
    cli: CLI, tmp_path: Path, entry_with: Callable[..., None], mark: str
) -> None:
    """The QA's case: two of the name's three characters were quoted ("…也王小…")."""
    entry_with(f"Hard day. I told him he should{mark}" + (CJK * 2)[:67] + CJK_NAME + "的妈妈来了。",
               CJK_NAME)
    formats = exported(cli, tmp_path)
    assert any("told him he should" in q for q in quotes(formats["json"]))
    for fmt, text in formats.items():
        assert not any(part in text for part in proper_parts(CJK_NAME)), fmt


@pytest.mark.parametrize("rings", [12, 13, 14])
def test_a_latin_name_at_the_old_cut_leaves_in_no_format(
    cli: CLI, tmp_path: Path, entry_with: Callable[..., None], rings: int
) -> None:
    """With no space after the marker, the 70th character fell inside "Okonkwo" ("…Okon…")."""
    entry_with("Later I told him he should" + "-ring" * rings + "-Okonkwo-ring-ring today.",
               "Ngozi Okonkwo")
    formats = exported(cli, tmp_path)
    (quote,) = [q for q in quotes(formats["json"]) if "told him" in q]
    assert "[person]" in quote or "ring…" in quote
    words = quote.replace("[person]", "").casefold()
    assert not any(part.casefold() in words for part in proper_parts("Okonkwo"))
    for fmt, text in formats.items():
        assert not any(part in text for part in proper_parts("Okonkwo") if len(part) > 2), fmt


# -- 5. a replaced signature names no one -------------------------------------------------------


def test_summaries_signed_with_a_replaced_name_are_not_one_writers(
    cli: CLI, tmp_path: Path, add: Callable[..., int]
) -> None:
    """Three writers' summaries as one journal's exports without its ID (--no-journal-id, or
    from before round 43): only their signatures could join them, and redaction made those
    alike ("[person]", "SJ"). One journal's summaries with its ID are one writer's whatever
    the signatures (tests/test_r43_journal_id.py)."""
    add("I told him he should take his meds.")
    for name in ("Will Turner", "Grace"):
        assert cli("people", "add", name).exit_code == 0
    assert cli("people", "add", "Sam Jones", "--alias", "SJ").exit_code == 0
    files = []
    for n, writer in enumerate(("Will", "Grace", "Sam")):
        path = tmp_path / f"w{n}.json"
        result = cli("export", "--from", writer, "--yes", "--no-journal-id", "-o", str(path))
        assert result.exit_code == 0, result.stderr
        summary = json.loads(path.read_text(encoding="utf-8"))
        assert summary["writer_replaced"] is True and writer_key(summary) is None
        files.append(str(path))
    merged = json.loads(cli("review", "--json", *files).stdout)
    assert merged["between"] == []
    assert "Between summaries" not in cli("review", *files).stdout


def test_a_placeholder_in_a_signature_is_never_compared_and_a_name_still_is() -> None:
    assert all(_PLACEHOLDER.fullmatch(p) for p in placeholders())  # review's own pattern
    assert writer_key({"writer": "[person]"}) is None
    assert writer_key({"writer": "Sam [phone]"}) is None
    assert writer_key({"writer": "  Sam  "}) == "sam"
    assert "writer_replaced" not in sample_summary()  # signed Sam, nothing replaced


# -- 10. a signature is one line ----------------------------------------------------------------


@pytest.mark.parametrize("writer", ["Sam\nFile: evil.json", "Sam\tJones", "Sam\x1b[2J",
                                    "Sam\u2028File"])
def test_a_signature_with_a_control_character_is_refused(
    cli: CLI, tmp_path: Path, add: Callable[..., int], writer: str
) -> None:
    add()
    result = cli("export", "--from", writer, "--yes", "-o", str(tmp_path / "s.json"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--from signs the summary with one line" in (
        result.stderr)
    assert not (tmp_path / "s.json").exists()


def test_a_tampered_signature_is_shown_on_one_line(cli: CLI, tmp_path: Path) -> None:
    summary = sample_summary()
    summary["writer"] = "Sam\nFile: evil.json"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert not any(line.strip(" │").startswith("File: evil.json")
                   for line in result.stdout.splitlines())
    assert "Sam File: evil.json" in result.stdout


# -- 11. a balance that its numbers do not give; a broken link ----------------------------------


def test_a_balance_its_identity_and_drift_do_not_give_is_refused(
    cli: CLI, tmp_path: Path
) -> None:
    summary = sample_summary()
    summary["totals"] = {"identity": 2.4, "drift": 2.6, "balance": 0.99}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: the file was changed after it was exported (totals balance is "
        "0.99, but totals identity 2.4 and drift 2.6 make it -0.040); ask for the summary to "
        "be sent again.\n"
    )


@pytest.mark.parametrize(("identity", "drift", "balance", "ok"), [
    (2.4, 2.6, -0.04, True),  # rounded to 3 decimals as a summary gives it
    (0.001, 0.0, 1.0, True),
    (0.0, 0.0, None, True),  # no evidence
    (0.0, 0.0, 0.5, True),  # both under half a thousandth: any balance may be right
    (0.002, 0.001, 0.6, True),  # so few that rounding moves it far
    (2.4, 2.6, None, False),
    (5.0, 5.1, -0.004, False),
    (2.0, 1.0, 0.33, True),  # a summary gives 0.333; review shows 0.33
    (2.0, 1.0, 0.32, False),
])
def test_the_balance_is_checked_within_rounding(
    identity: float, drift: float, balance: float | None, ok: bool
) -> None:
    possible = balance_range(identity, drift)
    if possible is None:
        assert ok
        return
    low, high = possible
    assert (balance is not None and low <= balance <= high) is ok


def test_every_exported_balance_passes(cli: CLI, add: Callable[..., int]) -> None:
    for text in ("I told him he should take his meds.", "I shared my story and we made a plan.",
                 "She chose what to do next; I listened."):
        add(text)
    result = cli("export", "--yes", "-f", "json")
    assert result.exit_code == 0, result.stderr
    totals = json.loads(result.stdout)["totals"]
    low, high = balance_range(totals["identity"], totals["drift"]) or (-1, 1)
    assert low <= totals["balance"] <= high


def test_a_broken_link_in_a_folder_gets_a_line(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "mentees"
    folder.mkdir()
    (folder / "sam.json").write_text(json.dumps(sample_summary()), encoding="utf-8")
    (folder / "ann.json").symlink_to(tmp_path / "moved.json")
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"peerjournal: skipped {folder / 'ann.json'}: a link to {tmp_path / 'moved.json'}, "
        "which is not there (moved or deleted?); not read.\n"
    )


# -- 12. export --json names the passages no check could read ----------------------------------


def test_export_json_lists_the_passages_it_could_not_check(
    cli: CLI, tmp_path: Path, entry_with: Callable[..., None]
) -> None:
    entry_with("We sat with 李华 and Priya today. I told him he should rest.")
    result = cli("export", "--yes", "--json", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    written: dict[str, Any] = json.loads(result.stdout)
    assert written["words_to_check"] == ["Priya"]
    assert written["passages_to_read"] == [{"text": "李华", "script": "Chinese characters"}]
    assert "李华" in result.stderr  # as the line on stderr names them
    unredacted = cli("export", "--yes", "--no-redact", "--json", "-o", str(tmp_path / "u.md"))
    assert json.loads(unredacted.stdout)["passages_to_read"] == []  # names sent on purpose


# -- 14. a listed name is no feeling -----------------------------------------------------------


@pytest.mark.parametrize(("text", "families"), [
    ("Hope Walker came to mind.", {}),
    ("Later I rang Hope about it.", {}),
    ("Felt hopeful and Hope rang.", {"hope": 1}),
    ("I felt hope again.", {"hope": 1}),  # in lower case: the feeling
    ("Anxious, tired. Hope.", {"fear": 1, "tired": 1, "hope": 1}),  # a list of feelings
])
def test_a_listed_name_is_not_a_feeling_named(text: str, families: dict[str, int]) -> None:
    assert dict(named_feelings(text, names=["Hope Walker"])) == families
    assert named_feelings(text)["hope"] >= 1  # without the list, as before
