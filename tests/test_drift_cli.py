"""`peerjournal drift` as a user sees it: the entry view, ad-hoc text, JSON, lexicons, rescoring,
errors and where each kind of output goes.

The shipped lexicon is being tuned, so only the most basic sentences are asserted against it.
Rendering details (labels, questions, negated and attributed hits) are checked with a small
organisation lexicon written here, or against the command's own JSON.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from conftest import CLI, HIT_KEYS, SCORE_KEYS
from peerjournal import drift as drift_engine
from peerjournal.db import engine
from peerjournal.drift import DIMENSIONS, is_learned_marker, load_lexicon
from peerjournal.entry import MAX_TEXT_CHARS, scored_text
from peerjournal.render.drift import VERDICT_SENTENCES

Add = Callable[..., int]

DRIFT = "I told her she should take her meds."
IDENTITY = "I shared my story and we learned together."

ORG_LEXICON = """
[lexicon]
name = "our-org"

[labels]
advice = "Advice giving"
story = "Our stories"
clinical_language = "Clinical words"

[questions]
advice = ["ORG advice one?", "ORG advice two?", "ORG advice three?"]
clinical_language = ["ORG clinical one?", "ORG clinical two?"]
story = ["ORG story, never asked of identity?"]

[[marker]]
id = "org.advice"
dimension = "advice"
polarity = "drift"
source = "our practice guide, p. 1"
patterns = ["you should", "told her to"]

[[marker]]
id = "org.story"
dimension = "story"
polarity = "identity"
source = "our practice guide, p. 2"
patterns = ["shared my story", "my own journey", "peer café"]

[[marker]]
id = "org.clinical"
dimension = "clinical_language"
polarity = "drift"
source = "our practice guide, p. 3"
patterns = ["non-compliant", "treatment resistant"]
"""


# -- helpers -------------------------------------------------------------------------------------


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


def one_line_error(result: Result, code: int, *fragments: str) -> str:
    """A failure: the documented code, one line on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    stderr = result.stderr
    assert stderr.startswith("peerjournal: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in stderr, (fragment, stderr)
    return stderr


def drift_json(cli: CLI, *args: str, input: str | bytes | None = None) -> dict[str, Any]:
    result = ok(cli("drift", "--json", *args, input=input))
    assert result.stderr == ""  # data only
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def org_lexicon(tmp_path: Path, text: str = ORG_LEXICON, name: str = "org.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_spans_index(data: dict[str, Any], text: str) -> None:
    for hit in data["hits"]:
        assert 0 <= hit["start"] < hit["end"] <= len(text), hit
        assert text[hit["start"] : hit["end"]] == hit["text"], hit


def entry_text(cli: CLI, entry_id: int) -> str:
    entry = json.loads(ok(cli("show", str(entry_id), "--json")).stdout)
    return scored_text(
        entry["experience"], entry["feelings"], entry["evaluation"], entry["answers"]
    )


def stored_versions(home: Path) -> dict[int, str | None]:
    with sqlite3.connect(home / "journal.db") as conn:
        return dict(conn.execute("SELECT id, lexicon_version FROM entry").fetchall())


def make_stale(home: Path, *ids: int) -> None:
    with sqlite3.connect(home / "journal.db") as conn:
        conn.executemany(
            "UPDATE entry SET lexicon_version = 'an-old-one' WHERE id = ?", [(i,) for i in ids]
        )


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def style_before(stdout: str, phrase: str) -> str:
    """The SGR parameters of the escape code directly before `phrase`."""
    found = re.search(r"\x1b\[([0-9;]*)m" + re.escape(phrase), stdout)
    assert found, (phrase, stdout)
    return found.group(1)


# -- drift ID: the entry view --------------------------------------------------------------------


def test_title_shows_id_date_and_setting(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT, "--setting", "inpatient", "--date", "2026-11-18")
    first = ok(cli("drift", str(entry_id))).stdout.splitlines()[0]
    assert f"#{entry_id} · Wed 18 Nov 2026 · inpatient" in first


def test_title_without_a_setting_has_no_empty_part(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT)
    first = ok(cli("drift", str(entry_id))).stdout.splitlines()[0]
    assert first == f"#{entry_id} · Fri 20 Nov 2026"  # piped: the title is a heading


def test_panel_holds_every_element_of_the_entry(cli: CLI, add: Add) -> None:
    entry_id = add(
        "We walked to the housing office.",
        "--feelings",
        "Nervous at first.",
        "--evaluation",
        "Next time I will ask first.",
    )
    out = ok(cli("drift", str(entry_id))).stdout
    for part in ("We walked to the housing office.", "Nervous at first.", "Next time I will ask"):
        assert part in out


def test_drift_entry_table_and_verdict(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT)
    out = ok(cli("drift", str(entry_id))).stdout
    for header in ("Dimension", "Identity", "Drift", "Phrases", "All (per 100 words)"):
        assert header in out
    data = drift_json(cli, str(entry_id))
    assert data["verdict"] in ("drift", "mixed")
    assert VERDICT_SENTENCES[data["verdict"]] in out
    lexicon = load_lexicon()
    curated = [h for h in data["hits"] if not is_learned_marker(h["marker"])]
    # a learned phrase on a curated phrase's words ("told her she" inside "told her she
    # should") is not counted, and not listed: the curated one is, "(also learned)"
    folded = [
        h for h in data["hits"]
        if is_learned_marker(h["marker"])
        and any(c["start"] < h["end"] and h["start"] < c["end"] for c in curated)
    ]
    assert folded and not any(h["counted"] for h in folded)
    assert "(also learned)" in out
    listed = [h for h in data["hits"] if h not in folded]
    for hit in listed:
        assert f"“{hit['text']}”" in out
        assert lexicon.label(hit["dimension"]) in out
    counted = [h for h in data["hits"] if h["counted"]]
    assert f"{len(counted)} counted of {len(listed)} phrase" in out
    assert f"{data['drift']:.1f}" in out


def test_identity_entry_verdict_has_no_questions(cli: CLI, add: Add) -> None:
    entry_id = add(IDENTITY)
    out = ok(cli("drift", str(entry_id))).stdout
    data = drift_json(cli, str(entry_id))
    assert data["verdict"] == "identity"
    assert "leans toward your peer identity" in out
    assert f"Balance {data['balance']:+.2f} (-1 drift" in out  # "-", not U+2212 (round 43)
    assert "Questions to sit with" not in out


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("You should rest. I told her to eat. You should sleep.", "leans toward a clinical role"),
        ("I shared my story. It was my own journey.", "leans toward your peer identity"),
        ("You should rest. I told her to eat. I shared my story. My own journey.", "holds both"),
        ("Rain all day.", "Not enough signal"),
    ],
)
def test_verdict_in_plain_words(cli: CLI, tmp_path: Path, text: str, words: str) -> None:
    out = ok(cli("drift", "--lexicon", str(org_lexicon(tmp_path)), "--text", text)).stdout
    assert words in out


def test_drift_entry_asks_two_or_three_questions_from_its_drifting_dimensions(
    cli: CLI, add: Add
) -> None:
    entry_id = add(DRIFT)
    out = ok(cli("drift", str(entry_id))).stdout
    data = drift_json(cli, str(entry_id))
    lexicon = load_lexicon()
    drifting = [d for d, v in data["dimensions"].items() if v["drift"] > 0]
    allowed = {q for d in drifting for q in lexicon.questions.get(d, ())}
    assert "Questions to sit with:" in out
    asked = [
        line.strip()[2:]
        for line in out.split("Questions to sit with:")[1].splitlines()
        if line.strip().startswith("• ")
    ]
    assert 2 <= len(asked) <= 3
    assert set(asked) <= allowed
    assert all(q.endswith("?") for q in asked)  # questions, not advice


def test_questions_come_only_from_dimensions_that_drifted(cli: CLI, tmp_path: Path) -> None:
    lexicon = org_lexicon(tmp_path)
    out = ok(
        cli(
            "drift",
            "--lexicon",
            str(lexicon),
            "--text",
            "I shared my story. Then I said you should go to bed early, you should rest.",
        )
    ).stdout
    assert "ORG advice one?" in out and "ORG advice two?" in out
    assert "ORG story" not in out  # story showed identity, not drift
    assert "ORG clinical" not in out  # no clinical language at all


def test_negated_hit_is_marked_and_not_counted(cli: CLI, tmp_path: Path) -> None:
    lexicon = str(org_lexicon(tmp_path))
    text = "I did not say you should rest. I shared my story."
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    negated = [h for h in data["hits"] if h["negated"]]
    assert negated and not any(h["counted"] for h in negated)
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    assert f"“{negated[0]['text']}” (negated)" in out
    assert "ORG advice" not in out  # a negated marker asks nothing
    assert "0 counted of" not in out and "1 counted of 2 phrases" in out


def test_others_framing_is_shown_apart_and_not_counted(cli: CLI, tmp_path: Path) -> None:
    lexicon = str(org_lexicon(tmp_path))
    text = "The doctor called her non-compliant. I shared my story."
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    framing = [h for h in data["hits"] if h["attributed"]]
    assert [h["text"] for h in framing] == ["non-compliant"]
    assert data["dimensions"]["clinical_language"]["drift"] == 0.0
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    assert "“non-compliant” (others' framing)" in out
    assert "Others' framing, not counted as yours: “non-compliant”" in out
    assert "ORG clinical" not in out


def test_a_repeated_phrase_is_listed_once_with_a_count(cli: CLI, tmp_path: Path) -> None:
    lexicon = str(org_lexicon(tmp_path))
    text = "you should rest. You should eat. YOU SHOULD sleep. I did not say you should go."
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    assert "“you should” ×3; “you should” (negated)" in out
    assert "3 counted of 4 phrases" in out


def test_a_legend_explains_the_highlighting(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # where phrases are marked (not piped)
    monkeypatch.setenv("TERM", "xterm-256color")
    out = ok(cli("drift", "--text", DRIFT)).stdout
    # each mark's style named in words too, so that the key reads aloud (round 43)
    assert "Key to the marks in the text: " in out and "others' framing" in out
    assert "negated" in out and "(dim, struck through)" in out


def test_entry_json_spans_index_the_scored_text(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT, "--feelings", "Uneasy.", "--evaluation", IDENTITY)
    data = drift_json(cli, str(entry_id))
    text = entry_text(cli, entry_id)
    assert data["hits"] and any(h["start"] > len(DRIFT) for h in data["hits"])
    assert_spans_index(data, text)


def test_answers_are_scored_with_the_elements(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    """The answers to a prompt set's questions are the writer's reflection too: written,
    imported and re-scored, they count, and their spans index the scored text."""
    answers = {"do_differently": DRIFT}
    entry = {"date": "2026-11-20", "experience": "Rain all day.", "answers": answers}
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps([entry]), encoding="utf-8")
    ok(cli("import", str(backup)))
    data = drift_json(cli, "1")
    assert data["verdict"] == "drift"
    assert any(h["counted"] and h["start"] > len("Rain all day.") for h in data["hits"])
    assert_spans_index(data, entry_text(cli, 1))
    assert json.loads(ok(cli("list", "--json")).stdout)[0]["drift"] == "drift"
    make_stale(isolated, 1)
    ok(cli("drift", "--rescore"))
    assert json.loads(ok(cli("list", "--json")).stdout)[0]["drift"] == "drift"


def test_entry_and_the_same_text_score_the_same(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT)
    assert drift_json(cli, str(entry_id)) == drift_json(cli, "--text", DRIFT)


def test_entry_with_no_markers_says_so_calmly(cli: CLI, add: Add) -> None:
    entry_id = add("Rain all day.")
    out = ok(cli("drift", str(entry_id))).stdout
    assert "Not enough signal" in out
    assert "Dimension" not in out and "Questions" not in out and "Balance" not in out


# -- IDs that are not entries --------------------------------------------------------------------


def test_unknown_id_is_not_found(cli: CLI, add: Add) -> None:
    add(DRIFT)
    one_line_error(cli("drift", "99"), 3, "No entry 99", "peerjournal list")


def test_trashed_entry_is_not_found(cli: CLI, add: Add) -> None:
    """Was "No entry 1 in the journal", where `show 1` says it is in the trash."""
    entry_id = add(DRIFT)
    ok(cli("delete", str(entry_id)))
    stderr = one_line_error(cli("drift", str(entry_id)), 3)
    assert stderr == (
        f"peerjournal: Entry {entry_id} is in the trash: `peerjournal restore {entry_id}` "
        "brings it back.\n"
    )


@pytest.mark.parametrize("args", [["0"], ["--", "0"], ["--", "-1"], ["--", "-42"]])
def test_zero_and_negative_ids_are_usage_errors(cli: CLI, add: Add, args: list[str]) -> None:
    add(DRIFT)
    value = args[-1]
    one_line_error(cli("drift", *args), 2, f"{value} is not an entry ID", "start at 1")


def test_a_negative_id_without_dashes_is_a_usage_error(cli: CLI) -> None:
    result = cli("drift", "-1")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_an_id_beyond_sqlite_is_not_found(cli: CLI) -> None:
    one_line_error(cli("drift", str(2**70)), 3, "No entry")


def test_a_word_is_not_an_id(cli: CLI) -> None:
    result = cli("drift", "twelve")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stdout == ""


# -- conflicting or missing sources --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["1", "--text", "x"], "ID and --text"),
        (["--text", "x", "--stdin"], "--text and --stdin"),
        (["1", "--stdin"], "ID and --stdin"),
        (["--rescore", "--text", "x"], "--text and --rescore"),
        (["1", "--rescore"], "ID and --rescore"),
        ([], "Give one of"),
    ],
)
def test_exactly_one_source(cli: CLI, add: Add, args: list[str], named: str) -> None:
    add(DRIFT)
    one_line_error(cli("drift", *args, input="text"), 2, named, "--text TEXT")


# -- drift --text --------------------------------------------------------------------------------


def test_text_is_scored_and_nothing_is_saved(cli: CLI, isolated: Path) -> None:
    result = ok(cli("drift", "--text", DRIFT))
    assert result.stdout.splitlines()[0] == "Your text"  # piped: a heading, no panel
    assert DRIFT in result.stdout
    assert result.stderr == ""
    assert not (isolated / "journal.db").exists()  # never even opens a journal


def test_text_basic_drift_hit(cli: CLI) -> None:
    data = drift_json(cli, "--text", DRIFT)
    assert any(h["polarity"] == "drift" and h["counted"] for h in data["hits"])
    assert data["drift"] > 0
    assert_spans_index(data, DRIFT)


def test_text_basic_identity_hit(cli: CLI) -> None:
    data = drift_json(cli, "--text", IDENTITY)
    assert any(h["polarity"] == "identity" and h["counted"] for h in data["hits"])
    assert data["identity"] > 0 and data["drift"] == 0.0
    assert_spans_index(data, IDENTITY)


@pytest.mark.parametrize("empty", ["", " ", "   \n\t  \n", "\r\n"])
def test_empty_text_is_nothing_to_score(cli: CLI, empty: str) -> None:
    one_line_error(cli("drift", "--text", empty), 1, "Nothing to score: --text is empty")
    one_line_error(cli("drift", "--json", "--text", empty), 1, "Nothing to score")


def test_text_with_a_nul_byte_is_refused(cli: CLI) -> None:
    one_line_error(cli("drift", "--text", "private\x00words"), 1, "NUL")


def test_text_over_the_limit_is_refused_without_echoing_it(cli: CLI) -> None:
    huge = "private " * (MAX_TEXT_CHARS // 8 + 1)
    stderr = one_line_error(cli("drift", "--text", huge), 1, "limit")
    assert "private" not in stderr


def test_text_json_spans_index_the_text_as_given(cli: CLI) -> None:
    text = "\r\n   I told her she should take her meds.\r\n\r\nI shared my story.  \n"
    data = drift_json(cli, "--text", text)
    assert len(data["hits"]) >= 2
    assert_spans_index(data, text)


def test_text_is_printed_exactly_even_with_markup_and_unicode(cli: CLI) -> None:
    text = "[bold]Sam[/bold] said “I’m fine” 🙂 :smile: and I told her she should rest."
    out = ok(cli("drift", "--text", text)).stdout
    assert "[bold]Sam[/bold]" in out and "“I’m fine” 🙂 :smile:" in out
    assert_spans_index(drift_json(cli, "--text", text), text)


# -- drift --stdin -------------------------------------------------------------------------------


def test_stdin_is_scored_like_text(cli: CLI, isolated: Path) -> None:
    piped = drift_json(cli, "--stdin", input=DRIFT + "\n")
    assert piped == drift_json(cli, "--text", DRIFT + "\n")
    out = ok(cli("drift", "--stdin", input=DRIFT)).stdout
    assert "Your text" in out and DRIFT in out
    assert not (isolated / "journal.db").exists()


def test_stdin_json_spans_index_what_was_piped(cli: CLI) -> None:
    text = f"\n\n{DRIFT}\r\n{IDENTITY}\n"
    data = drift_json(cli, "--stdin", input=text.encode("utf-8"))
    assert_spans_index(data, text)


@pytest.mark.parametrize("empty", [b"", b"\n", b" \t \r\n  \n"])
def test_empty_stdin_is_nothing_to_score(cli: CLI, empty: bytes) -> None:
    one_line_error(cli("drift", "--stdin", input=empty), 1, "Nothing to score: standard input")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        # a UTF-16 byte order mark: read as UTF-16 (Notepad's "Unicode"), which this is not
        (b"\xff\xfeI told her\x80", "not valid UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        (b"private words\x00\x00 more", "NUL"),
    ],
)
def test_binary_stdin_is_a_clear_error(cli: CLI, data: bytes, fragment: str) -> None:
    # (Latin-1 text is read as Windows-1252, as `write --stdin` reads it: test_drift_stdin_r35)
    stderr = one_line_error(cli("drift", "--stdin", input=data), 1, fragment)
    assert "private" not in stderr and "told" not in stderr


def test_stdin_byte_order_mark_is_not_text(cli: CLI) -> None:
    data = drift_json(cli, "--stdin", input="\ufeff".encode() + DRIFT.encode())
    assert data == drift_json(cli, "--text", DRIFT)


def test_large_stdin_is_scored(cli: CLI) -> None:
    text = (DRIFT + " " + IDENTITY + "\n") * 2000  # ~34,000 words
    data = drift_json(cli, "--stdin", input=text)
    assert data["words"] > 30_000
    assert len(data["hits"]) >= 4000
    assert_spans_index(data, text)


def test_stdin_over_the_limit_is_refused(cli: CLI) -> None:
    huge = ("private " * (MAX_TEXT_CHARS // 8 + 1)).encode()
    stderr = one_line_error(cli("drift", "--stdin", input=huge), 1, "limit")
    assert "private" not in stderr


def test_stdin_is_not_read_whole_when_it_is_far_too_big(cli: CLI) -> None:
    flood = b"\x00private" * (MAX_TEXT_CHARS // 2) + b"!"  # one byte over four bytes a char
    stderr = one_line_error(cli("drift", "--stdin", input=flood), 1, "bytes", "limit")
    assert "private" not in stderr


# -- --json --------------------------------------------------------------------------------------


def test_json_has_exactly_the_contracted_keys_and_types(cli: CLI) -> None:
    text = f"{DRIFT} The doctor called her non-compliant. I did not give advice. {IDENTITY}"
    data = drift_json(cli, "--text", text)
    assert set(data) == set(SCORE_KEYS)
    assert data["verdict"] in {"identity", "drift", "mixed", "insufficient"}
    for key in ("balance", "identity", "drift"):
        assert isinstance(data[key], float), key
    assert -1.0 <= data["balance"] <= 1.0
    assert isinstance(data["words"], int) and not isinstance(data["words"], bool)
    assert isinstance(data["lexicon_version"], str) and data["lexicon_version"]
    assert set(data["dimensions"]) == set(DIMENSIONS)
    for values in data["dimensions"].values():
        assert set(values) == {"identity", "drift"}
        assert all(isinstance(v, float) for v in values.values())
    assert data["hits"]
    for hit in data["hits"]:
        assert tuple(hit) == HIT_KEYS
        assert isinstance(hit["marker"], str) and isinstance(hit["text"], str)
        assert hit["dimension"] in DIMENSIONS
        assert hit["polarity"] in ("identity", "drift")
        for key in ("start", "end"):
            assert isinstance(hit[key], int) and not isinstance(hit[key], bool)
        for key in ("negated", "attributed", "hypothetical", "self_noticed", "counted"):
            assert isinstance(hit[key], bool), key
    assert_spans_index(data, text)


def test_json_with_no_hits(cli: CLI) -> None:
    data = drift_json(cli, "--text", "Rain all day.")
    assert data["hits"] == [] and data["verdict"] == "insufficient"
    assert data["words"] == 3
    assert data["lexicon_version"] == load_lexicon().version


def test_json_totals_are_traceable_to_the_dimensions(cli: CLI) -> None:
    data = drift_json(cli, "--text", f"{DRIFT} {IDENTITY}")
    for polarity in ("identity", "drift"):
        total = sum(v[polarity] for v in data["dimensions"].values())
        assert total == pytest.approx(data[polarity], abs=0.01)
    for hit in data["hits"]:
        if hit["counted"]:
            assert data["dimensions"][hit["dimension"]][hit["polarity"]] > 0


def test_json_keeps_unicode_readable(cli: CLI, tmp_path: Path) -> None:
    text = "She said “no” 🙂 and then we met at the peer café."
    lexicon = str(org_lexicon(tmp_path))
    result = ok(cli("drift", "--lexicon", lexicon, "--json", "--text", text))
    assert '"text": "peer café"' in result.stdout and "\\u" not in result.stdout
    assert_spans_index(json.loads(result.stdout), text)


# -- --lexicon -----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["command", "global"])
def test_an_organisation_lexicon(cli: CLI, tmp_path: Path, where: str) -> None:
    path = org_lexicon(tmp_path)
    args = (
        ["drift", "--lexicon", str(path)]
        if where == "command"
        else ["--lexicon", str(path), "drift"]
    )
    text = "I told her to rest. I shared my story."
    data = json.loads(ok(cli(*args, "--json", "--text", text)).stdout)
    assert data["lexicon_version"] == load_lexicon(path).version != load_lexicon().version
    assert {h["marker"] for h in data["hits"]} == {"org.advice", "org.story"}
    assert_spans_index(data, text)
    out = ok(cli(*args, "--text", text)).stdout
    assert "Advice giving" in out and "Our stories" in out
    assert f"Lexicon {load_lexicon(path).version}" in out


def test_an_organisation_lexicon_explains_a_stored_entry(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    entry_id = add("I told her to rest.")
    path = org_lexicon(tmp_path)
    data = json.loads(ok(cli("drift", str(entry_id), "--lexicon", str(path), "--json")).stdout)
    assert [h["marker"] for h in data["hits"]] == ["org.advice"]


def test_the_lexicon_setting_is_used_and_the_option_wins(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    org = org_lexicon(tmp_path)
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {json.dumps(str(org))}\n")
    assert drift_json(cli, "--text", DRIFT)["lexicon_version"] == load_lexicon(org).version
    other = org_lexicon(tmp_path, ORG_LEXICON.replace("our-org", "another-org"), "other.toml")
    chosen = drift_json(cli, "--lexicon", str(other), "--text", DRIFT)
    assert chosen["lexicon_version"] == load_lexicon(other).version


def test_a_relative_lexicon_setting_is_read_from_the_settings_folder(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`lexicon = "our.toml"` in config.toml names the file beside it, whatever the working
    directory (QA: it was read from the current directory)."""
    isolated.mkdir(parents=True, exist_ok=True)
    org = org_lexicon(isolated, name="our.toml")
    (isolated / "config.toml").write_text('[drift]\nlexicon = "our.toml"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert drift_json(cli, "--text", DRIFT)["lexicon_version"] == load_lexicon(org).version


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("drift = 5\n", "[drift] should be a section of settings"),
        ("[vibes]\nx = 1\n", "unknown section [vibes]"),
        (None, "cannot read settings"),  # config.toml is a folder
    ],
)
def test_bad_settings_keep_the_entry_as_a_draft(
    cli: CLI, isolated: Path, settings: str | None, message: str
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    if settings is None:
        config.mkdir()
    else:
        config.write_text(settings)
    result = cli("write", "--from-file", "-", input="## Experience\nLong reflection.\n")
    assert result.exit_code == 1
    assert message in result.stderr and "kept as draft" in result.stderr
    [draft] = (isolated / "drafts").glob("*.json")
    assert "Long reflection." in draft.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("replace", "by", "fragments"),
    [
        ('dimension = "advice"', 'dimension = "vibes"', ["marker 'org.advice'", "'dimension'"]),
        (
            'polarity = "drift"\nsource = "our practice guide, p. 3"',
            'polarity = "identity"\nsource = "our practice guide, p. 3"',
            ["marker 'org.clinical'", "'polarity'", "drift-only"],
        ),
        (
            'patterns = ["non-compliant", "treatment resistant"]',
            "patterns = []",
            ["marker 'org.clinical'", "'patterns'"],
        ),
        ('source = "our practice guide, p. 1"\n', "", ["marker 'org.advice'", "'source'"]),
        ('"ORG advice one?"', '"ORG advice one."', ["table 'questions'", "'advice'"]),
    ],
)
def test_an_invalid_lexicon_is_one_line_naming_file_marker_and_field(
    cli: CLI, tmp_path: Path, replace: str, by: str, fragments: list[str]
) -> None:
    assert replace in ORG_LEXICON
    path = org_lexicon(tmp_path, ORG_LEXICON.replace(replace, by, 1))
    for args in (["--text", DRIFT], ["--rescore"]):
        one_line_error(cli("drift", "--lexicon", str(path), *args), 1, str(path), *fragments)


def test_lexicon_that_is_not_toml(cli: CLI, tmp_path: Path) -> None:
    path = org_lexicon(tmp_path, "[[marker]\nid = ")
    one_line_error(cli("drift", "--lexicon", str(path), "--text", DRIFT), 1, str(path), "TOML")


@pytest.mark.parametrize("name", ["missing.toml", "."])
def test_lexicon_that_cannot_be_read(cli: CLI, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    one_line_error(cli("drift", "--lexicon", str(path), "--text", DRIFT), 1, "cannot read lexicon")


# -- --rescore -----------------------------------------------------------------------------------


def rescored(entries: str) -> str:
    """What `drift --rescore` says when it re-scored `entries` with the shipped lexicon."""
    return f"Re-scored {entries} with lexicon {load_lexicon().version} (peerjournal default).\n"


def test_rescore_with_nothing_to_do(cli: CLI, add: Add) -> None:
    add(DRIFT)
    result = ok(cli("drift", "--rescore"))
    assert result.stdout == ""
    assert f"already scored with lexicon {load_lexicon().version}" in result.stderr


def test_rescore_on_an_empty_journal(cli: CLI) -> None:
    """Was: "Every entry is already scored with …" of a journal with no entry at all."""
    result = ok(cli("drift", "--rescore"))
    assert result.stdout == ""
    first, second = result.stderr.splitlines()  # no journal file: none is made to read
    assert first == "The journal has no entries yet: there is nothing to score."
    assert second.startswith("No journal yet at ") and "`peerjournal write` starts one" in second


def test_rescore_one_entry_is_singular(cli: CLI, add: Add, isolated: Path) -> None:
    for text in (DRIFT, IDENTITY, "Rain all day."):
        add(text)
    make_stale(isolated, 2)
    result = ok(cli("drift", "--rescore"))
    assert result.stdout == ""
    assert result.stderr == rescored("1 entry")
    assert set(stored_versions(isolated).values()) == {load_lexicon().version}
    assert "already scored" in ok(cli("drift", "--rescore")).stderr


def test_rescore_several_entries_is_plural(cli: CLI, add: Add, isolated: Path) -> None:
    for text in (DRIFT, IDENTITY, "Rain all day."):
        add(text)
    make_stale(isolated, 1, 3)
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == rescored("2 entries")


def test_rescore_only_touches_stale_entries(cli: CLI, add: Add, isolated: Path) -> None:
    for text in (DRIFT, IDENTITY):
        add(text)
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET drift_verdict = 'left-alone' WHERE id = 2")
        conn.execute(
            "UPDATE entry SET drift_verdict = 'stale', lexicon_version = 'old' WHERE id = 1"
        )
    ok(cli("drift", "--rescore"))
    verdicts = {e["id"]: e["drift"] for e in json.loads(ok(cli("list", "--json")).stdout)}
    assert verdicts == {1: "drift", 2: "left-alone"}


def test_rescore_after_an_upgrade_of_the_scoring_code(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """The lexicon is unchanged but the code that applies it is not: older scores are stale."""
    from peerjournal.drift.lexicon import scorer_version

    for text in (DRIFT, IDENTITY):
        add(text)
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert {v for (v,) in conn.execute("SELECT scorer_version FROM entry")} == {
            scorer_version()
        }
        conn.execute("UPDATE entry SET scorer_version = 'older-code', drift_verdict = 'x'")
        conn.execute("UPDATE entry SET scorer_version = NULL WHERE id = 2")
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == rescored("2 entries")
    with sqlite3.connect(isolated / "journal.db") as conn:
        rows = conn.execute("SELECT drift_verdict, scorer_version FROM entry ORDER BY id")
        assert rows.fetchall() == [("drift", scorer_version()), ("identity", scorer_version())]


def test_rescore_with_an_organisation_lexicon(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    for text in (DRIFT, IDENTITY):
        add(text)
    path = str(org_lexicon(tmp_path))
    config = isolated / "config.toml"
    config.write_text(f"[drift]\nlexicon = {json.dumps(path)}\n", encoding="utf-8")
    assert "Re-scored 2 entries" in ok(cli("drift", "--rescore")).stderr
    assert set(stored_versions(isolated).values()) == {load_lexicon(Path(path)).version}
    # naming the configured lexicon again is allowed, and finds nothing to do
    assert "already scored" in ok(cli("--lexicon", path, "drift", "--rescore")).stderr
    config.unlink()
    assert "Re-scored 2 entries" in ok(cli("drift", "--rescore")).stderr  # back to shipped


def test_rescore_includes_the_trash(cli: CLI, add: Add, isolated: Path) -> None:
    entry_id = add(DRIFT)
    ok(cli("delete", str(entry_id)))
    make_stale(isolated, entry_id)
    assert "Re-scored 1 entry" in ok(cli("drift", "--rescore")).stderr
    assert stored_versions(isolated)[entry_id] == load_lexicon().version


def test_rescore_json_prints_machine_output(cli: CLI, add: Add, isolated: Path) -> None:
    add(DRIFT)
    add(IDENTITY)
    make_stale(isolated, 1)
    version = load_lexicon().version
    result = ok(cli("drift", "--rescore", "--json"))
    assert json.loads(result.stdout) == {"rescored": 1, "lexicon_version": version}
    assert "Re-scored 1 entry" in result.stderr  # the message stays on stderr
    again = ok(cli("drift", "--rescore", "--json"))
    assert json.loads(again.stdout) == {"rescored": 0, "lexicon_version": version}


def test_rescore_on_a_locked_journal(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(DRIFT)
    make_stale(isolated, 1)
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "100")
    holder = sqlite3.connect(isolated / "journal.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        one_line_error(cli("drift", "--rescore"), 4, "locked")
        ok(cli("drift", "1"))  # explaining an entry only reads
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Re-scored 1 entry" in ok(cli("drift", "--rescore")).stderr


# -- the journal file ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["1"], ["--rescore"]])
def test_a_corrupt_journal_is_one_line(cli: CLI, tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "journal.db"
    path.write_bytes(b"private words, not a database " * 200)
    stderr = one_line_error(cli("--db", str(path), "drift", *args), 4, str(path))
    assert "private" not in stderr.replace(str(path), "")


def test_a_missing_journal_has_no_entries(cli: CLI) -> None:
    one_line_error(cli("drift", "1"), 3, "No entry 1")


def test_a_journal_path_that_cannot_exist(cli: CLI, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    path = str(blocker / "journal.db")
    one_line_error(cli("--db", path, "write", "-x", DRIFT), 4, str(blocker))
    # a command that only reads never tries to make it: there is no journal there
    one_line_error(cli("--db", path, "drift", "1"), 3, "There is no journal at")


def test_text_does_not_need_a_working_journal(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.write_bytes(b"not a database")
    ok(cli("--db", str(path), "drift", "--text", DRIFT))


# -- streams, colour and failures ----------------------------------------------------------------


def test_data_on_stdout_messages_on_stderr(cli: CLI, add: Add) -> None:
    entry_id = add(DRIFT)
    view = ok(cli("drift", str(entry_id)))
    assert DRIFT in view.stdout and view.stderr == ""
    text = ok(cli("drift", "--text", IDENTITY))
    assert IDENTITY in text.stdout and text.stderr == ""


def test_no_color_means_no_escape_codes(cli: CLI, add: Add) -> None:
    entry_id = add(f"{DRIFT} The doctor called her non-compliant. {IDENTITY}")
    for args in ([str(entry_id)], ["--text", DRIFT], ["--json", "--text", DRIFT]):
        result = ok(cli("drift", *args))
        assert "\x1b" not in result.stdout + result.stderr


def hit_styles(cli: CLI, tmp_path: Path) -> dict[str, set[str]]:
    """SGR parameters in the panel for a drift, identity, negated and others' framing hit."""
    lexicon = str(org_lexicon(tmp_path))
    text = "I told her to rest. I shared my story. I did not say you should. They called her "
    text += "non-compliant."
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    panel = out.split("Key:")[0]
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    flags = {h["text"]: (h["polarity"], h["negated"], h["attributed"]) for h in data["hits"]}
    assert flags == {
        "told her to": ("drift", False, False),
        "shared my story": ("identity", False, False),
        "you should": ("drift", True, False),
        "non-compliant": ("drift", False, True),
    }
    return {
        "drift": set(style_before(panel, "told her to").split(";")),
        "identity": set(style_before(panel, "shared my story").split(";")),
        "negated": set(style_before(panel, "you should").split(";")),
        "others' framing": set(style_before(panel, "non-compliant").split(";")),
    }


def test_forced_colour_highlights_hits_by_kind(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    styles = hit_styles(cli, tmp_path)
    assert len({frozenset(s) for s in styles.values()}) == 4
    assert "31" in styles["drift"] and "32" in styles["identity"]


def test_no_color_keeps_hit_kinds_apart_without_colour(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # a colour terminal, but NO_COLOR is set
    monkeypatch.setenv("TERM", "xterm-256color")
    styles = hit_styles(cli, tmp_path)
    params = {int(p) for s in styles.values() for p in s if p}
    colours = {p for p in params if 30 <= p <= 49 or 90 <= p <= 107}
    assert colours == set()
    assert len({frozenset(s) for s in styles.values()}) == 4


def test_an_unexpected_error_never_prints_journal_text(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = add("My private words about Sam.")

    def broken(text: str, lexicon: object = None) -> None:
        raise RuntimeError(text)

    monkeypatch.setattr(drift_engine, "score_text", broken)
    for args in ([str(entry_id)], ["--text", "My private words about Sam."]):
        result = cli("drift", *args)
        stderr = one_line_error(result, 70, "Unexpected error (RuntimeError)", "PEERJOURNAL_DEBUG")
        assert "private" not in stderr


def test_help_lists_every_option(cli: CLI) -> None:
    out = ok(cli("drift", "--help")).stdout
    for option in ("--text", "--stdin", "--json", "--rescore", "--lexicon", "[ID]"):
        assert option in out


LEARNED_MARKERS = """
[[marker]]
id = "learned.org.id"
dimension = "connection"
polarity = "identity"
weight = 3.0
learned = true
source = "learned from our journals"
patterns = ["sat with", "the allotment", "weeding"]

[[marker]]
id = "learned.org.drift"
dimension = "co_optation"
polarity = "drift"
weight = 1.0
learned = true
source = "learned from our journals"
patterns = ["the rota"]
"""


def test_learned_markers_net_out_and_are_shown_as_learned(cli: CLI, tmp_path: Path) -> None:
    lexicon = str(org_lexicon(tmp_path, ORG_LEXICON + LEARNED_MARKERS))
    text = "Checked the rota, then sat with Jo at the allotment. I shared my story."
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    assert_spans_index(data, text)
    learned = {h["text"]: h["counted"] for h in data["hits"] if h["marker"].startswith("learned.")}
    # 3 + 3 identity against 1 drift: the drift phrase is outweighed, the others count at 5/6
    assert learned == {"the rota": False, "sat with": True, "the allotment": True}
    words = 14
    assert data["identity"] == pytest.approx((1.0 + 2 * 3.0 * 5 / 6) * 100 / words, abs=1e-3)
    assert data["drift"] == 0.0 and data["verdict"] == "identity"
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    # each counted one says its share, so that the phrases add up to the number (round 38)
    assert "“sat with” (learned, counts 83%)" in out
    assert "“the rota” (learned, drift, outweighed)" in out  # its side named (round 43)


def test_an_uncounted_learned_phrase_inside_a_curated_one_is_not_listed(
    cli: CLI, tmp_path: Path
) -> None:
    """"shared my" learned as drift, inside the curated "shared my story": the curated phrase
    says what the passage is, so the table does not list the learned one as drift (the JSON
    still has every hit)."""
    learned_drift = LEARNED_MARKERS.replace(
        'patterns = ["the rota"]', 'patterns = ["shared my", "her to"]'
    )
    lexicon = str(org_lexicon(tmp_path, ORG_LEXICON + learned_drift))
    text = "I shared my story with Jo."
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    assert [(h["text"], h["polarity"], h["counted"]) for h in data["hits"]] == [
        ("shared my story", "identity", True),
        ("shared my", "drift", False),
    ]
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    assert "“shared my story”" in out and "“shared my”" not in out
    assert "1 counted of 1 phrase," in out
    # nor an uncounted learned phrase inside someone else's words the curated phrase shows
    text = "The nurse told her to go. I shared my story."
    data = drift_json(cli, "--lexicon", lexicon, "--text", text)
    assert [(h["text"], h["attributed"]) for h in data["hits"]][:2] == [
        ("told her to", True),
        ("her to", True),
    ]
    out = ok(cli("drift", "--lexicon", lexicon, "--text", text)).stdout
    assert "“told her to” (others' framing)" in out and "“her to”" not in out


def test_a_learned_word_alone_is_not_a_score_nor_a_learned_phrase_in_a_short_text(
    cli: CLI, tmp_path: Path
) -> None:
    lexicon = str(org_lexicon(tmp_path, ORG_LEXICON + LEARNED_MARKERS))
    data = drift_json(cli, "--lexicon", lexicon, "--text", "Weeding, mostly.")
    assert [h["counted"] for h in data["hits"]] == [True]
    assert data["verdict"] == "insufficient"
    # a lone learned phrase decides only a text of 20 words or more (round 32): in four words it
    # is counted and shown, but too little to say anything
    data = drift_json(cli, "--lexicon", lexicon, "--text", "Up at the allotment.")
    assert [(h["text"], h["counted"]) for h in data["hits"]] == [("the allotment", True)]
    assert data["verdict"] == "insufficient"
    longer = (
        "Up at the allotment all morning with the Tuesday lot, digging the beds over before the"
        " first frost comes in."
    )
    data = drift_json(cli, "--lexicon", lexicon, "--text", longer)
    assert [(h["text"], h["counted"]) for h in data["hits"]] == [("the allotment", True)]
    assert data["words"] == 20 and data["verdict"] == "identity"


def test_an_intention_that_counts_is_not_labelled_as_not_counted(cli: CLI) -> None:
    # an entry of intentions alone counts them; the table still called them "hypothetical or
    # past", which the key explains as "(not counted)"
    out = ok(cli("drift", "--text", "Tomorrow I'm going to tell him he needs to take his meds."))
    assert "(what you plan to do, also learned)" in " ".join(out.stdout.split())
    assert "hypothetical, past or an instruction" not in out.stdout.replace(
        "hypothetical, past or an instruction (not counted)", ""
    )
    other = ok(cli("drift", "--text", "If I had shared my story it might have helped."))
    assert "(hypothetical, past or an instruction)" in other.stdout
    assert "what you plan" not in other.stdout
