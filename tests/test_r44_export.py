"""Round 44 (export follow-ups).

1. The Welsh mutated forms of a listed name ("i Ddafydd", "gyda Fethan", "fy Nghatrin",
   "a Chatrin", "i Domos", "i Wen", "i Fari", "Linos") are replaced, capitalised as names are
   written; a mutated form that is an everyday word ("Fill" of Bill, "Men" of Ben) is not one.
2. `export` says, as `report` does, that entries dated after today are left out, and its
   `--json` counts them (`after_today`).
3. `export --json`'s keys for a summary are always there (`replaced_opening`,
   `passages_to_read` empty when there is none), and `output` is an absolute path.
(The broken pipe of `export --full | head` is in test_export_pipe_r30 and test_r44_scripter.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, FIXED_NOW
from peerjournal.redact import Person, Redactor, welsh_mutations

WELSH_NAMES = ("Gwen", "Bethan", "Catrin", "Tomos", "Gareth", "Llinos", "Mari", "Dafydd ap Rhys")
WELSH_TEXT = (
    "Diolch i Wen am y paned. Es i gyda Fethan i’r siop. Fy Nghatrin a fy Ngareth. A Chatrin "
    "hefyd. I Domos a Thomos. Roedd Linos yn hwyr. I Fari. Diolch i Ddafydd. Diolch i Ddafydd "
    "ap Rhys. I shared my own story with them and listened for a long time."
)
WELSH_REDACTED = (
    "Diolch i [person] am y paned. Es i gyda [person] i’r siop. Fy [person] a fy [person]. A "
    "[person] hefyd. I [person] a [person]. Roedd [person] yn hwyr. I [person]. Diolch i "
    "[person]. Diolch i [person]. I shared my own story with them and listened for a long time."
)


def redact(names: tuple[str, ...], text: str) -> str:
    return Redactor([Person(n) for n in names])(text)


# ----------------------------------------------------------------- 1. Welsh mutations


def test_every_mutated_form_of_the_report_is_replaced() -> None:
    assert redact(WELSH_NAMES, WELSH_TEXT) == WELSH_REDACTED


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Catrin", ["Gatrin", "Nghatrin", "Chatrin"]),  # soft, nasal, aspirate
        ("Pedr", ["Bedr", "Mhedr", "Phedr"]),
        ("Tomos", ["Domos", "Nhomos", "Thomos"]),
        ("Gwen", ["Wen", "Ngwen"]),  # soft G is dropped
        ("Bethan", ["Fethan", "Methan"]),
        ("Dafydd", ["Ddafydd", "Nafydd"]),
        ("Llinos", ["Linos"]),
        ("Rhian", ["Rian"]),
        ("Mari", ["Fari"]),
        ("Dafydd ap Rhys", ["Ddafydd ap Rhys", "Ddafydd", "Nafydd ap Rhys", "Nafydd", "Rys"]),
        # Ch, Dd, Ff, Ng, Ph, Th and the other letters do not mutate; a title is no part
        ("Chris", []), ("Theo", []), ("Phil", []), ("Ffion", []), ("Sam", []), ("Mr Jones", []),
    ],
)
def test_the_forms_of_a_name(name: str, forms: list[str]) -> None:
    assert welsh_mutations(name) == forms


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Bill", "Fill in the form first."),  # "Fill" of Bill: a word
        ("Ben", "Men were there too."),  # "Men" of Ben
        ("Grace", "Race day was busy."),  # "Race" of Grace
        ("Gill", "Ill again today, so I rested."),  # "Ill" of Gill
        ("Gus", "Us two went for tea."),  # "Us" of Gus
        ("Max", "Fax it to the office."),
        ("Di", "Ni oedd yno."),  # two letters: left
    ],
)
def test_a_mutated_form_that_is_a_word_is_the_word(name: str, text: str) -> None:
    assert redact((name,), text) == text


def test_a_mutated_form_is_a_name_only_capitalised() -> None:
    """"wen" and "areth" in lower case are no one (a mutated form is never read so), and
    "DOMOS", "#fethan" are as every name in capitals or a hashtag is."""
    assert redact(WELSH_NAMES, "a wen, an areth, DOMOS and #fethan") == (
        "a wen, an areth, [person] and #[person]"
    )
    # a label (a tag) too keeps the lower-case form: it is not read in any case
    assert Redactor([Person("Gwen")]).label("wen") == "wen"


def test_the_mutated_form_takes_the_alias() -> None:
    people = [Person("Catrin", "my mentee"), Person("Tomos")]
    assert Redactor(people)("Fy Nghatrin ac i Domos.") == "Fy my mentee ac i [person]."


def test_an_export_replaces_them(cli: CLI, isolated: Path) -> None:
    """The report's reproduction: every mutated form was in the file."""
    added = cli("people", "add", "-", input="\n".join(WELSH_NAMES) + "\n")
    assert added.exit_code == 0, added.stderr
    wrote = cli("write", "-x", WELSH_TEXT, "--share")
    assert wrote.exit_code == 0, wrote.stderr
    out = isolated.parent / "w.md"
    result = cli("export", "--format", "md", "--output", str(out), "--yes")
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert WELSH_REDACTED in written
    for form in ("Wen", "Fethan", "Nghatrin", "Chatrin", "Domos", "Thomos", "Linos", "Fari",
                 "Ddafydd", "Ngareth"):
        assert form not in written and form not in result.stderr


# ----------------------------------------------------------------- 2. after today


@pytest.fixture
def written(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """`written(day)`: a shared entry written with the clock on `day` (ahead: as in a time
    zone where the date is already tomorrow)."""

    def write(day: str) -> None:
        monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T12:00:00+00:00")
        result = cli("write", "-x", "We walked and talked, I shared my story.", "--share")
        assert result.exit_code == 0, result.stderr
        monkeypatch.setenv("PEERJOURNAL_NOW", FIXED_NOW)

    return write


def _export_json(cli: CLI, tmp_path: Path, *args: str) -> tuple[dict[str, object], str]:
    result = cli("export", "-f", "json", "-o", str(tmp_path / "s.json"), "-y", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_an_export_says_the_entries_after_today_are_left_out(
    cli: CLI, tmp_path: Path, written: Callable[[str], None]
) -> None:
    written("2026-11-18")
    written("2026-11-21")  # today is 2026-11-20
    receipt, said = _export_json(cli, tmp_path)
    assert receipt["after_today"] == 1
    assert ("1 entry is dated after today (21 Nov 2026: written where the date was already "
            "tomorrow?) and is left out: a summary ends today.") in said
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["entries"]["total"] == 1
    # an --until after today: read as today, and said
    _, said = _export_json(cli, tmp_path, "--force", "--until", "2026-11-25")
    assert "left out: a summary ends today (--until 25 Nov 2026 is read as today)." in said
    # the preview says it too
    preview = cli("export", "-o", str(tmp_path / "p.md"), input="n\n")
    assert "1 entry is dated after today" in preview.stderr + preview.stdout


def test_a_period_that_ends_before_today_leaves_none_out(
    cli: CLI, tmp_path: Path, written: Callable[[str], None]
) -> None:
    written("2026-11-10")
    written("2026-11-21")
    receipt, said = _export_json(cli, tmp_path, "--until", "2026-11-15")
    assert receipt["after_today"] == 0 and "after today" not in said


# ----------------------------------------------------------------- 3. --json keys


def test_the_json_keys_are_always_there_and_output_is_absolute(
    cli: CLI, tmp_path: Path, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add("We walked and talked, I shared my story.", "--share")
    monkeypatch.chdir(tmp_path)
    result = cli("export", "-f", "json", "-o", "sum.json", "-y", "--json")
    assert result.exit_code == 0, result.stderr
    receipt = json.loads(result.stdout)
    assert receipt == {
        "output": str(tmp_path / "sum.json"), "format": "json",
        "bytes": (tmp_path / "sum.json").stat().st_size, "words_to_check": [],
        "replaced_opening": [], "passages_to_read": [], "after_today": 0,
    }


def test_a_backup_s_receipt_has_no_summary_keys(
    cli: CLI, tmp_path: Path, add: Callable[..., int]
) -> None:
    add()
    result = cli("export", "--full", "-o", str(tmp_path / "b.json"), "--json")
    assert result.exit_code == 0, result.stderr
    assert set(json.loads(result.stdout)) == {"output", "format", "bytes"}
